/**
 * The activity log's sentences: every action of a case (valuations included) names its record and
 * shows old → new values, in exact English from the catalogue; entries of old or foreign shapes
 * still read; nothing shows a raw action key.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { activitySentence, toAuditLine, type ActivityContext } from '../../../shared/activity/activity-sentence';
import { caseActivityContext } from '../../../shared/activity/case-activity-context';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const R1 = '33333333-3333-4333-8333-333333333333';
const V1 = '55555555-5555-4555-8555-555555555555';
const P1 = '66666666-6666-4666-8666-666666666666';
const ada = { memberId: 'ada', now: () => 1_700_000_000_000 };

/** The sentences of the case's audit log, oldest first, through the real context. */
function sentences(cd: CaseDoc): string[] {
  const ctx = caseActivityContext(cd);
  return cd.readAudit().map((e) => activitySentence(toAuditLine(e)!, ctx));
}

const nothingKnown: ActivityContext = { seizure: () => null, route: () => null, valuationSeizure: () => null };

describe('activity sentences', () => {
  it('names the record and shows old → new values for every action of a case', () => {
    const cd = new CaseDoc(new Y.Doc());
    cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore' }, ada);
    cd.updateMeta({ title: 'Ivory and scales via Singapore', status: 'investigating', jurisdictions: ['SG', 'VN'] }, ada);
    cd.addSeizure(S1, { ...newSeizureFields('2019-07-21'), country: 'SG', commodity: 'elephant ivory', taxon: 'Loxodonta africana', quantity: 8.8, unit: 't' }, ada);
    cd.updateSeizure(S1, { quantity: 9.1, place: 'Pasir Panjang' }, ada);
    cd.restoreSeizureField(S1, 'quantity', 8.8, ada);
    cd.restoreMetaField('status', 'open', ada);
    cd.addRoutes([{ id: R1, fields: { name: 'Mombasa to Singapore', points: [[-4.05, 39.67], [1.27, 103.76]], notes: '' } }], ada);
    const vals = new CaseValuations(cd.doc);
    vals.addValuation(V1, { seizureId: S1, priceReferenceId: P1, factor: null, notes: '' }, ada);
    vals.updateValuation(V1, { notes: 'wholesale' }, ada);
    vals.setInterdictionRate({ low: 0.1, high: 0.3, basis: 'UNODC', notes: '' }, ada);
    vals.setInterdictionRate(null, ada);
    vals.deleteValuation(V1, ada);
    cd.deleteRoute(R1, ada);
    cd.deleteSeizure(S1, ada);
    cd.importRecords({ seizures: [], routes: [{ id: crypto.randomUUID(), fields: { name: 'r', points: [[0, 0], [1, 1]], notes: '' } }], source: 'tracks.kml' }, ada);
    expect(sentences(cd)).toEqual([
      'created the case',
      'changed the title from “Ivory via Singapore” to “Ivory and scales via Singapore”, the status from Open to Under investigation and the jurisdictions from (empty) to Singapore, Vietnam',
      'added the seizure “elephant ivory” (Loxodonta africana)',
      'changed the quantity from 8.8 to 9.1 and the place from (empty) to “Pasir Panjang” of the seizure “elephant ivory” (Loxodonta africana)',
      'restored the quantity of the seizure “elephant ivory” (Loxodonta africana) to 8.8 (was 9.1)',
      'restored the status to Open (was Under investigation)',
      'added the route “Mombasa to Singapore”',
      'valued the seizure “elephant ivory” (Loxodonta africana)',
      'changed the valuation of the seizure “elephant ivory” (Loxodonta africana) (notes)',
      'set the interdiction-rate assumption',
      'cleared the interdiction-rate assumption',
      'removed a valuation of the seizure “elephant ivory” (Loxodonta africana)',
      'deleted the route “Mombasa to Singapore”',
      'deleted the seizure “elephant ivory” (Loxodonta africana)',
      'imported 1 record from tracks.kml',
    ]);
  });

  it('names deleted records from the entry’s summary, counts with plurals, and never shows a raw key', () => {
    const line = (raw: unknown) => activitySentence(toAuditLine(raw)!, nothingKnown);
    expect(line({ at: 1, by: 'a', action: 'seizure.delete', target: S1, summary: { commodity: 'pangolin scales' } })).toBe('deleted the seizure “pangolin scales”');
    expect(line({ at: 1, by: 'a', action: 'route.delete', target: R1, summary: { name: 'Lagos to Haiphong' } })).toBe('deleted the route “Lagos to Haiphong”');
    expect(line({ at: 1, by: 'a', action: 'seizure.import', count: 1 })).toBe('added 1 seizure');
    expect(line({ at: 1, by: 'a', action: 'seizure.import', count: 12345 })).toBe('added 12,345 seizures');
    expect(line({ at: 1, by: 'a', action: 'route.add', count: 3 })).toBe('added 3 routes');
    expect(line({ at: 1, by: 'a', action: 'case.import', count: 59 })).toBe('imported 59 records');
    expect(line({ at: 1, by: 'a', action: 'valuation.add', target: V1 })).toBe('valued a seizure');
    expect(line({ action: 'valuation.delete' })).toBe('removed a valuation');
    expect(line({ at: 1, by: 'a', action: 'case.import-undo', count: 3, target: 'kws-2019.csv' })).toBe('undid the import of kws-2019.csv (3 records marked deleted)');
    expect(line({ at: 1, by: 'a', action: 'case.import-undo', count: 1, target: 'one.csv' })).toBe('undid the import of one.csv (1 record marked deleted)');
    // A stopped import is never told as a whole one.
    expect(line({ at: 1, by: 'a', action: 'import.cancel', count: 10_000, target: 'national.csv' })).toBe('stopped the import of national.csv (10,000 seizures were written before the stop)');
    expect(line({ at: 1, by: 'a', action: 'seizure.move-out', target: S1, summary: { commodity: 'pangolin scales', to: 'NEST-2026-0002' } })).toBe('moved the seizure “pangolin scales” to NEST-2026-0002');
    expect(line({ at: 1, by: 'a', action: 'seizure.move-in', target: S1, summary: { commodity: 'pangolin scales', from: 'NEST-2026-0001' } })).toBe('moved the seizure “pangolin scales” here from NEST-2026-0001');
    expect(line({ at: 1, by: 'a', action: 'workspace.secret-thing' })).toBe('made a change');
    expect(line({ by: 5 })).toBe('made a change');
  });

  it('reads old entries that list fields without values', () => {
    const line = (raw: unknown) => activitySentence(toAuditLine(raw)!, { ...nothingKnown, seizure: () => ({ commodity: 'rosewood logs', taxon: '' }) });
    expect(line({ at: 1, by: 'a', action: 'seizure.update', target: S1, fields: ['quantity', 'seizingAgencies'] })).toBe('edited the seizure “rosewood logs” (quantity and seizing agencies)');
    expect(line({ at: 1, by: 'a', action: 'seizure.update', target: S1 })).toBe('edited the seizure “rosewood logs”');
    expect(line({ at: 1, by: 'a', action: 'case.update', fields: ['leadAgency', 'openedOn'] })).toBe('changed the lead agency and opening date');
    expect(line({ at: 1, by: 'a', action: 'case.update', changes: 'broken' })).toBe('changed the case details');
    expect(line({ at: 1, by: 'a', action: 'seizure.update', target: S1, changes: { notes: { from: 'short', to: 'a long note', toCut: true } } })).toBe(
      'changed the notes from “short” to “a long note…” of the seizure “rosewood logs”',
    );
    expect(toAuditLine(null)).toBeNull();
    expect(toAuditLine([1])).toBeNull();
  });
});

describe('bulk actions in the activity log', () => {
  it('reads one sentence per bulk action with its count; a single delete keeps its own sentence', () => {
    const cd = new CaseDoc(new Y.Doc());
    cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore' }, ada);
    const ids = Array.from({ length: 3 }, () => crypto.randomUUID());
    cd.addSeizures(ids.map((id, i) => ({ id, fields: { ...newSeizureFields('2019-07-21'), country: 'SG', commodity: `lot ${i}`, place: i === 0 ? 'Tuas' : '' } })), ada);
    const before = cd.readAudit().length;
    cd.updateSeizures(ids, { place: 'Jurong', sector: 'forestry' }, ada);
    cd.deleteSeizures(ids.slice(0, 2), ada);
    cd.deleteSeizures([ids[2]!], ada);
    expect(sentences(cd).slice(before)).toEqual([
      'changed the place to “Jurong” and the crime sector to Forestry / timber of 3 seizures in one bulk action',
      'deleted 2 seizures in one bulk action',
      'deleted the seizure “lot 2”',
    ]);
    // A move's two sides, and a count in the thousands, as the catalogue writes numbers.
    const moveOut = { at: 1, by: 'ada', action: 'seizure.bulk-move-out', targets: ids, count: 100_000, summary: { to: 'NEST-2026-0002' } };
    const moveIn = { at: 1, by: 'ada', action: 'seizure.bulk-move-in', targets: ids, count: 2, summary: { from: 'NEST-2026-0003' } };
    expect([moveOut, moveIn].map((e) => activitySentence(toAuditLine(e)!, nothingKnown))).toEqual([
      'moved 100,000 seizures to NEST-2026-0002 in one bulk action',
      'moved 2 seizures here from NEST-2026-0003 in one bulk action',
    ]);
  });
});
