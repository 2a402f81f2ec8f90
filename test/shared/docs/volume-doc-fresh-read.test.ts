/**
 * The projection's read of seizures an import has just written (shared/docs/volume-doc.ts,
 * `insertSeizures`; case-seizures.ts `toWrittenSeizure`): inside the writing transaction,
 * `getSeizure` answers from the validated fields without parsing them again, and that answer
 * equals what `toSeizure` reads from the stored record — the reading rules included (a unit
 * beside no quantity, 'exact' beside no coordinates). After the transaction the doc is read
 * again, so a later change is never hidden. Fields marked `validated` are not parsed again;
 * without the mark a bad record still writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toSeizure } from '../../../shared/docs/case-seizures';
import { VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, seizureFieldsSchema, type Seizure, type SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';

const w = { memberId: 'm-1', now: () => 7_000 };

/** Valid fields, canonical as the parser gives them (trimmed). */
const valid = (patch: Partial<SeizureFields>): SeizureFields => seizureFieldsSchema.parse({ ...newSeizureFields('2024-03-01'), country: 'KE', commodity: 'ivory', ...patch });

const records: SeizureFields[] = [
  valid({}),
  valid({ quantity: null, unit: 'kg', locationPrecision: 'exact' }),
  valid({ quantity: 12.5, unit: 't', latitude: -4.05, longitude: 39.66, locationPrecision: 'port', place: '  Mombasa ' }),
  valid({ transitCountries: ['AE', 'MY'], missedTransitCountries: ['MY'], originCountries: ['TZ'], exportCountries: ['UG'], destinationCountries: ['CN', 'VN'] }),
  valid({ reportedValue: 1200, reportedCurrency: 'USD', seizingAgencies: ['KWS', 'Customs'], notes: 'two\nlines', sourceUrl: 'https://example.org/a', citesAppendix: 'I' }),
  valid({ concealmentMethod: 'false-compartment', transportMode: 'sea', detectionMethod: 'scanner', datePrecision: 'year', sector: 'forestry', taxon: 'Dalbergia' }),
];

describe('VolumeDoc: reading seizures written this moment', () => {
  it('answers the projection inside the transaction with exactly what toSeizure reads from the stored records', () => {
    const doc = new Y.Doc();
    const vol = new VolumeDoc(doc);
    const ids = records.map(() => randomUUID());
    const seen = new Map<string, Seizure>();
    vol.observeSeizures((changed) => {
      for (const id of changed) seen.set(id, vol.getSeizure(id)!);
    });
    vol.insertSeizures(records.map((fields, i) => ({ id: ids[i]!, fields })), w, 'batch-7', { validated: true });
    expect([...seen.keys()].sort()).toEqual([...ids].sort());
    const stored = doc.getMap<Y.Map<unknown>>('seizures');
    for (const id of ids) expect(seen.get(id)).toEqual(toSeizure(id, stored.get(id)!));
    // The reading rules applied in both: no unit without a quantity, no 'exact' without coordinates.
    expect(seen.get(ids[1]!)).toMatchObject({ quantity: null, unit: null, locationPrecision: null, importBatch: 'batch-7', createdAt: 7_000, updatedBy: 'm-1' });
    // The same seizures read after the transaction, from the doc.
    for (const id of ids) expect(vol.getSeizure(id)).toEqual(seen.get(id));
  });

  it('stores each record as its fields, then the batch mark, the move\'s origin and the stamps, in that order', () => {
    const doc = new Y.Doc();
    const vol = new VolumeDoc(doc);
    const [a, b] = [randomUUID(), randomUUID()];
    vol.insertSeizures([{ id: a, fields: records[3]! }, { id: b, fields: records[0]!, movedFrom: 'NEST-0007/s-1' }], w, 'batch-9', { validated: true });
    const stored = doc.getMap<Y.Map<unknown>>('seizures');
    const fieldKeys = Object.keys(records[3]!);
    const stamps = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt'];
    expect([...stored.get(a)!.keys()]).toEqual([...fieldKeys, 'importBatch', ...stamps]);
    expect([...stored.get(b)!.keys()]).toEqual([...fieldKeys, 'importBatch', 'movedFrom', ...stamps]);
    expect(stored.get(b)!.toJSON()).toEqual({ ...records[0], importBatch: 'batch-9', movedFrom: 'NEST-0007/s-1', createdBy: 'm-1', createdAt: 7_000, updatedBy: 'm-1', updatedAt: 7_000 });
    expect(stored.get(a)!.get('transitCountries')).toEqual(['AE', 'MY']);
  });

  it('reads the doc again after the transaction: a later deletion or edit is seen', () => {
    const vol = new VolumeDoc(new Y.Doc());
    const ids = records.map(() => randomUUID());
    vol.insertSeizures(records.map((fields, i) => ({ id: ids[i]!, fields })), w, undefined, { validated: true });
    vol.markDeleted([ids[0]!], w);
    expect(vol.getSeizure(ids[0]!)).toBeNull();
    vol.doc.getMap<Y.Map<unknown>>('seizures').get(ids[2]!)!.set('place', 'Kilindini');
    expect(vol.getSeizure(ids[2]!)?.place).toBe('Kilindini');
  });

  it('parses fields not marked validated: a bad record writes nothing', () => {
    const vol = new VolumeDoc(new Y.Doc());
    const bad = { ...valid({}), latitude: 95, longitude: 0 };
    expect(() => vol.insertSeizures([{ id: randomUUID(), fields: valid({}) }, { id: randomUUID(), fields: bad }], w)).toThrow(NestError);
    expect(vol.recordCount()).toBe(0);
    // An id already held is refused with or without the mark.
    const id = randomUUID();
    vol.insertSeizures([{ id, fields: valid({}) }], w, undefined, { validated: true });
    expect(() => vol.insertSeizures([{ id, fields: valid({}) }], w, undefined, { validated: true })).toThrow(/exists/);
    expect(vol.recordCount()).toBe(1);
  });
});
