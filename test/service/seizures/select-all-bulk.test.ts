/**
 * "Select all shown seizures" as the bulk actions receive it (tester finding F4, session 27):
 * `matching` — every live seizure of the case matching the table's filter, less the unticked
 * ones — resolved by the data service from the projection, over the case doc and its volume docs,
 * past the 10,000 ids a bulk call may name. Set-field, move and delete act on exactly that set;
 * a selection whose count no longer holds is refused, writing nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { BULK_IDS_MAX } from '../../../shared/rpc/seizure-edits';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const base: SeizureFields = { ...newSeizureFields('2019-04-08'), country: 'KE', place: 'Mombasa', sector: 'wildlife', unit: 'kg', quantity: 1 };

/** Seizures per volume and volumes: 12,000 in volumes, more than a bulk call may name by id. */
const PER_VOLUME = 4_000;
const VOLUMES = 3;

/** A case with 2 seizures in its case doc and 12,000 in three volumes; every third volume seizure is ivory, the rest pangolin scales. */
async function setUp() {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'National register' } });
  const other = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Port of Mombasa' } });
  const rt = h.service.workspace(ws.id);
  const w = { memberId: me.memberId };
  const inline = [randomUUID(), randomUUID()];
  rt.host.with(k.docName, (doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizure(inline[0]!, { ...base, commodity: 'ivory tusks' }, w);
    cd.addSeizure(inline[1]!, { ...base, commodity: 'rosewood logs' }, w);
    listVolumesIn(doc, Array.from({ length: VOLUMES }, (_, i) => i + 1), w);
  });
  const ivory: string[] = [];
  for (let n = 1; n <= VOLUMES; n++) {
    const items = Array.from({ length: PER_VOLUME }, (_, i) => {
      const id = randomUUID();
      const isIvory = i % 3 === 0;
      if (isIvory) ivory.push(id);
      return { id, fields: { ...base, commodity: isIvory ? 'ivory' : 'pangolin scales', quantity: i + 1 } };
    });
    rt.host.with(volumeDocName(ws.id, k.id, n), (doc) => new VolumeDoc(doc).insertSeizures(items, w));
  }
  const page = (caseId: string, text = '') => c.call('seizures.page', { workspaceId: ws.id, caseId, text, limit: 1 });
  return { c, rt, workspaceId: ws.id, caseId: k.id, caseName: k.docName, other, inline, ivory, page };
}

describe('bulk actions on every shown seizure (matching)', () => {
  it('sets a field on every seizure matching the filter but the unticked ones, past the id limit', async () => {
    const s = await setUp();
    const all = VOLUMES * PER_VOLUME + 2;
    expect((await s.page(s.caseId)).total).toBe(all);
    expect(all).toBeGreaterThan(BULK_IDS_MAX);
    // The filter "ivory": 4,002 in the volumes (1,334 a volume) and one in the case doc; two unticked.
    expect((await s.page(s.caseId, 'ivory')).total).toBe(4_003);
    const except = [s.ivory[0]!, s.inline[0]!];
    const res = await s.c.call('seizures.bulkUpdate', { workspaceId: s.workspaceId, caseId: s.caseId, matching: { text: 'ivory', flagged: false, except, count: 4_001 }, patch: { operation: 'Operation Tusk' } });
    expect(res.changed).toHaveLength(4_001);
    expect(new Set(res.changed)).toEqual(new Set(s.ivory.slice(1)));
    expect((await s.c.call('seizures.page', { workspaceId: s.workspaceId, caseId: s.caseId, text: 'Operation Tusk', limit: 1 })).total).toBe(4_001);
    expect(await s.c.call('seizures.get', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: s.ivory[0]! })).toMatchObject({ operation: '' });
    expect(await s.c.call('seizures.get', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: s.ivory[1]! })).toMatchObject({ operation: 'Operation Tusk' });
  });

  it('refuses a selection that no longer holds the count shown, writing nothing; names either ids or matching', async () => {
    const s = await setUp();
    const auditBefore = s.rt.host.with(s.caseName, (doc) => new CaseDoc(doc).readAudit().length);
    const stale = await s.c.call('seizures.bulkDelete', { workspaceId: s.workspaceId, caseId: s.caseId, matching: { text: 'ivory', flagged: false, except: [], count: 4_002 } }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'validation', message: 'The list changed since you selected: 4,003 seizures match your selection now, not 4,002. Nothing was changed; check the list and try again.' });
    expect((await s.page(s.caseId, 'ivory')).total).toBe(4_003);
    expect(s.rt.host.with(s.caseName, (doc) => new CaseDoc(doc).readAudit().length)).toBe(auditBefore);
    const both = await s.c.call('seizures.bulkDelete', { workspaceId: s.workspaceId, caseId: s.caseId, seizureIds: [s.inline[0]!], matching: { text: '', flagged: false, except: [], count: 1 } }).catch((e: unknown) => e);
    expect(both).toMatchObject({ code: 'invalid-params' });
    const neither = await s.c.call('seizures.bulkDelete', { workspaceId: s.workspaceId, caseId: s.caseId }).catch((e: unknown) => e);
    expect(neither).toMatchObject({ code: 'invalid-params' });
  });

  it('moves every shown seizure to another case, then deletes every one left but one', async () => {
    const s = await setUp();
    const moved = await s.c.call('seizures.move', { workspaceId: s.workspaceId, caseId: s.caseId, toCaseId: s.other.id, matching: { text: 'ivory', flagged: false, except: [], count: 4_003 } });
    expect(moved).toEqual({ moved: 4_003, toCaseNumber: s.other.number });
    expect((await s.page(s.other.id)).total).toBe(4_003);
    expect((await s.page(s.caseId, 'ivory')).total).toBe(0);
    const left = VOLUMES * PER_VOLUME + 2 - 4_003;
    expect((await s.page(s.caseId)).total).toBe(left);
    const deletedIds = s.rt.store.projections.seizureIdsMatching(s.caseId, { text: '', flagged: false }).filter((id) => id !== s.inline[1]);
    expect(deletedIds).toHaveLength(left - 1);
    const deleted = await s.c.call('seizures.bulkDelete', { workspaceId: s.workspaceId, caseId: s.caseId, matching: { text: '', flagged: false, except: [s.inline[1]!], count: left - 1 } });
    expect(deleted).toEqual({ deleted: left - 1 });
    const rest = await s.c.call('seizures.page', { workspaceId: s.workspaceId, caseId: s.caseId, limit: 10 });
    expect(rest.total).toBe(1);
    expect(rest.rows.map((r) => r.id)).toEqual([s.inline[1]!]);
    // One audit entry for the action, naming every seizure it deleted (the case doc's and the volumes').
    const entries = s.rt.host.with(s.caseName, (doc) => new CaseDoc(doc).readAudit().filter((e) => e.action === 'seizure.bulk-delete'));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.count).toBe(left - 1);
    expect(new Set(entries[0]!.targets)).toEqual(new Set(deletedIds));
  });
});
