/**
 * Docs written before the complete seizure model (issue 11.6) load unchanged: the new fields read
 * as not stated, and the form defaults nobody reported ('kg' beside no quantity, 'exact' beside
 * no coordinates) read as empty; a real unit and precision are kept.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';

const S1 = '22222222-2222-4222-8222-222222222222';
const S2 = '33333333-3333-4333-8333-333333333333';
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };

/** A seizure record exactly as the app wrote it before issue 11.6 (no new fields). */
function oldRecord(over: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  const fields: Record<string, unknown> = {
    seizureDate: '2019-07-21', datePrecision: 'day', country: 'SG', place: 'Pasir Panjang', latitude: null, longitude: null,
    locationPrecision: 'exact', sector: 'wildlife', commodity: 'pangolin scales', taxon: 'Manis spp.', citesAppendix: 'I',
    quantity: null, unit: 'kg', originCountries: ['NG'], transitCountries: ['VN'], destinationCountries: ['CN'],
    seizingAgencies: ['ICA'], reportedValue: null, reportedCurrency: null, operation: '', sourceTitle: '', sourceUrl: '', notes: '',
    createdBy: 'm1', createdAt: 1, updatedBy: 'm1', updatedAt: 1, ...over,
  };
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

describe('old seizure docs', () => {
  it('load with the new fields not stated and the unreported defaults empty', () => {
    const doc = new Y.Doc();
    doc.getMap('seizures').set(S1, oldRecord({}));
    doc.getMap('seizures').set(S2, oldRecord({ quantity: 11.9, unit: 't', latitude: 1.27, longitude: 103.76, locationPrecision: 'port', seizureDate: '2019-08-01' }));
    const [a, b] = new CaseDoc(doc).listSeizures();
    expect(a).toMatchObject({ id: S1, quantity: null, unit: null, locationPrecision: null, exportCountries: [], missedTransitCountries: [], transitCountries: ['VN'], transportMode: null, detectionMethod: null, concealmentMethod: null });
    expect(b).toMatchObject({ id: S2, quantity: 11.9, unit: 't', locationPrecision: 'port', originCountries: ['NG'] });
  });

  it('an old seizure can be edited with the new fields, and the edit validates as a whole', () => {
    const doc = new Y.Doc();
    doc.getMap('seizures').set(S1, oldRecord({}));
    const cd = new CaseDoc(doc);
    cd.updateSeizure(S1, { transportMode: 'sea', missedTransitCountries: ['VN'], exportCountries: ['NG'] }, alice);
    expect(cd.getSeizure(S1)).toMatchObject({ transportMode: 'sea', missedTransitCountries: ['VN'], exportCountries: ['NG'], unit: null });
    expect(() => cd.updateSeizure(S1, { missedTransitCountries: ['TH'] }, alice)).toThrow(/missed opportunity/);
    expect(() => cd.updateSeizure(S1, { quantity: 3 }, alice)).toThrow(/required when a quantity is reported/);
  });
});
