/**
 * The case doc helpers: validated writes, authorship stamps and audit, soft delete, lenient
 * reads of foreign data, concurrent edits of different fields surviving a merge, change events.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_700_000_100_000 };

function ivory(): SeizureFields {
  return { ...newSeizureFields('2019-07-21'), country: 'SG', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, commodity: 'elephant ivory', quantity: 8.8, unit: 't', reportedValue: 17_600_000, reportedCurrency: 'SGD' };
}

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore', jurisdictions: ['SG', 'VN'] }, alice);
  return cd;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('CaseDoc', () => {
  it('initialises meta with number, author and time, and records the audit entry', () => {
    const cd = newCase();
    const m = cd.readMeta();
    expect(m).toMatchObject({ id: CASE_ID, number: 'NEST-2026-0001', title: 'Ivory via Singapore', jurisdictions: ['SG', 'VN'], createdBy: 'alice', createdAt: 1_700_000_000_000 });
    expect(cd.readAudit()).toEqual([{ at: 1_700_000_000_000, by: 'alice', action: 'case.create', target: CASE_ID }]);
  });

  it('refuses invalid fields naming each one, and writes nothing', () => {
    const cd = newCase();
    const before = Y.encodeStateAsUpdate(cd.doc);
    let err: NestError | undefined;
    try {
      cd.addSeizure(S1, { ...ivory(), latitude: 123.5, country: 'XX', quantity: -5 }, alice);
    } catch (e) {
      err = e as NestError;
    }
    expect(err?.code).toBe('validation');
    expect(err?.issues?.map((i) => i.field).sort()).toEqual(['country', 'latitude', 'quantity']);
    expect(err?.issues?.find((i) => i.field === 'latitude')?.message).toBe('must be between -90 and 90 degrees');
    expect(Y.encodeStateAsUpdate(cd.doc)).toEqual(before);
    expect(() => cd.updateMeta({ title: '' }, alice)).toThrow(/title: is required/);
    expect(() => cd.updateMeta({ ['nonsense' as 'title']: 'x' }, alice)).toThrow(/nonsense: is not a field/);
  });

  it('requires both coordinates or neither, and a currency with a reported value', () => {
    const cd = newCase();
    expect(() => cd.addSeizure(S1, { ...ivory(), longitude: null }, alice)).toThrow(/latitude and longitude must both be given/);
    expect(() => cd.addSeizure(S1, { ...ivory(), reportedCurrency: null }, alice)).toThrow(/reportedCurrency: is required when a value is reported/);
    cd.addSeizure(S1, ivory(), alice);
    expect(() => cd.updateSeizure(S1, { latitude: null }, alice)).toThrow(/both be given/);
  });

  it('adds, updates with stamps and audit, and soft-deletes a seizure', () => {
    const cd = newCase();
    cd.addSeizure(S1, ivory(), alice);
    expect(cd.updateSeizure(S1, { quantity: 9.1, place: 'Pasir Panjang' }, bob)).toEqual(['quantity']);
    const s = cd.getSeizure(S1)!;
    expect(s).toMatchObject({ quantity: 9.1, createdBy: 'alice', updatedBy: 'bob', updatedAt: 1_700_000_100_000 });
    cd.deleteSeizure(S1, bob);
    expect(cd.getSeizure(S1)).toBeNull();
    expect(cd.listSeizures()).toEqual([]);
    expect(cd.doc.getMap('seizures').has(S1)).toBe(true); // tombstone kept for the evidence trail
    expect(() => cd.deleteSeizure(S1, bob)).toThrow(NestError);
    expect(cd.readAudit().map((a) => a.action)).toEqual(['case.create', 'seizure.add', 'seizure.update', 'seizure.delete']);
  });

  it('keeps concurrent edits of different fields of one seizure from two replicas', () => {
    const a = newCase();
    a.addSeizure(S1, ivory(), alice);
    const b = new CaseDoc(new Y.Doc());
    sync(a.doc, b.doc);
    a.updateSeizure(S1, { quantity: 9 }, alice);
    b.updateSeizure(S1, { place: 'Tanjong Pagar' }, bob);
    sync(a.doc, b.doc);
    for (const r of [a, b]) expect(r.getSeizure(S1)).toMatchObject({ quantity: 9, place: 'Tanjong Pagar' });
  });

  it('merges concurrent summary edits character-wise', () => {
    const a = newCase();
    a.setSummary('Container declared as timber.', alice);
    const b = new CaseDoc(new Y.Doc());
    sync(a.doc, b.doc);
    a.setSummary('Three containers declared as timber.', alice);
    b.setSummary('Container declared as timber. DRC to Viet Nam.', bob);
    sync(a.doc, b.doc);
    expect(a.readSummary()).toBe('Three containers declared as timber. DRC to Viet Nam.');
    expect(b.readSummary()).toBe(a.readSummary());
  });

  it('leaves malformed audit entries out of the log a reader sees', () => {
    const cd = newCase();
    const log = cd.doc.getArray('audit');
    log.push([null, { by: 5 }, 'text', { at: 1, by: 'x', action: 'case.update', fields: [1] }]);
    cd.updateMeta({ status: 'closed', resolution: 'prosecuted' }, alice);
    expect(cd.readAudit().map((a) => a.action)).toEqual(['case.create', 'case.update']);
  });

  it('reads foreign or damaged fields leniently with defaults', () => {
    const cd = newCase();
    cd.addSeizure(S1, ivory(), alice);
    const rec = cd.doc.getMap('seizures').get(S1) as Y.Map<unknown>;
    rec.set('latitude', 'north-ish');
    rec.set('futureField', { x: 1 });
    rec.set('country', 'ZZ');
    rec.set('unit', 'furlongs');
    const s = cd.getSeizure(S1)!;
    expect(s.latitude).toBeNull();
    expect(s.commodity).toBe('elephant ivory');
    expect('futureField' in s).toBe(false);
    expect(s.country).toBe(''); // never a made-up country
    expect(s.quantity).toBeNull(); // an amount whose unit cannot be read is not shown
  });

  it('imports seizures and routes in one transaction, or nothing when one is bad', () => {
    const cd = newCase();
    let transactions = 0;
    cd.doc.on('afterTransaction', () => transactions++);
    const ids = ['33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'];
    expect(() =>
      cd.importRecords({ seizures: [{ id: ids[0]!, fields: ivory() }, { id: ids[1]!, fields: { ...ivory(), unit: 'furlongs' as 'kg' } }], routes: [], source: 'x.csv' }, alice),
    ).toThrow(/seizure 2: unit/);
    expect(cd.seizureCount()).toBe(0);
    expect(transactions).toBe(0);
    cd.importRecords(
      { seizures: ids.map((id) => ({ id, fields: ivory() })), routes: [{ id: S1, fields: { name: 'Suspected route', points: [[-3.4, 29.3], [-1.3, 36.8], [-4.05, 39.6667]], notes: '' } }], source: 'x.csv' },
      alice,
    );
    expect(transactions).toBe(1);
    expect(cd.seizureCount()).toBe(2);
    expect(cd.listRoutes()[0]).toMatchObject({ name: 'Suspected route', points: [[-3.4, 29.3], [-1.3, 36.8], [-4.05, 39.6667]] });
  });

  it('reports the first sync of a doc that arrives in one remote update', () => {
    const source = newCase();
    source.addSeizure(S1, ivory(), alice);
    const replica = new CaseDoc(new Y.Doc());
    const seen: { meta: boolean; ids: string[]; initialised: boolean }[] = [];
    replica.observe((c) => seen.push({ meta: c.meta, ids: [...c.seizureIds], initialised: replica.isInitialised() }));
    Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(source.doc));
    expect(seen).toEqual([{ meta: true, ids: [S1], initialised: true }]);
  });

  it('reports which seizures a transaction changed, including nested field edits', () => {
    const cd = newCase();
    let t = 1_800_000_000_000;
    const ticking = { memberId: 'alice', now: () => t++ };
    const seen: { meta: boolean; ids: string[] }[] = [];
    const stop = cd.observe((c) => seen.push({ meta: c.meta, ids: [...c.seizureIds] }));
    cd.addSeizure(S1, ivory(), ticking);
    cd.updateSeizure(S1, { quantity: 1 }, ticking);
    cd.updateSeizure(S1, { quantity: 1 }, ticking); // no change: no transaction content, no event
    cd.updateMeta({ status: 'prosecution' }, ticking);
    stop();
    cd.updateMeta({ status: 'closed', resolution: 'prosecuted' }, ticking);
    expect(seen).toEqual([
      { meta: true, ids: [S1] },
      { meta: true, ids: [S1] },
      { meta: true, ids: [] },
    ]);
  });
});

describe('case size limit', () => {
  it('refuses an import beyond MAX_SEIZURES_PER_CASE counting the projection (case doc + volumes), with a clear message, writing nothing', async () => {
    const { MAX_SEIZURES_PER_CASE } = await import('../../../shared/domain/seizure');
    expect(MAX_SEIZURES_PER_CASE).toBe(1_000_000);
    const cd = newCase();
    const rows = (n: number) => Array.from({ length: n }, () => ({ id: crypto.randomUUID(), fields: ivory() }));
    cd.importRecords({ seizures: rows(3), routes: [], source: 'small.csv' }, alice);
    // The projection counts the case's volumes too: 999,999 seizures in all.
    expect(() => cd.importRecords({ seizures: rows(2), routes: [], source: 'more.csv', projectedTotal: MAX_SEIZURES_PER_CASE - 1 }, alice)).toThrow(
      /at most 1,000,000 seizures; this would make 1,000,001\. Split/,
    );
    expect(cd.seizureCount()).toBe(3);
    // Seizures already written to volumes by this import count too.
    expect(() => cd.importRecords({ seizures: rows(1), routes: [], source: 'vol.csv', inVolumes: 2, projectedTotal: MAX_SEIZURES_PER_CASE - 2 }, alice)).toThrow(/this would make 1,000,001/);
    expect(cd.seizureCount()).toBe(3);
    cd.importRecords({ seizures: rows(1), routes: [], source: 'fits.csv', projectedTotal: MAX_SEIZURES_PER_CASE - 1 }, alice);
    expect(cd.seizureCount()).toBe(4);
    // A projection behind the doc (not yet projected) never lowers the count: the doc's own count is the floor.
    expect(() => cd.requireRoomFor(MAX_SEIZURES_PER_CASE - 3, 0)).toThrow(/this would make 1,000,001/);
    expect(() => cd.requireRoomFor(MAX_SEIZURES_PER_CASE - 4, 0)).not.toThrow();
  });
});
