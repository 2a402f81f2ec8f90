/**
 * Bulk actions of the seizure table (issue 11, item 3): many seizures deleted or changed in ONE
 * transaction with ONE audit entry naming every seizure (and for a set-field each one's old →
 * new, which the field history reads back), everything validated first so a bad id or value
 * writes nothing; a bulk action of one seizure writes the single entry.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { fieldHistory } from '../../../shared/docs/field-history';
import { VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';

const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_700_000_900_000 };

function seizure(commodity: string): SeizureFields {
  return { ...newSeizureFields('2019-07-21'), country: 'SG', commodity, quantity: 2, unit: 'kg' };
}

function caseWith(n: number): { cd: CaseDoc; ids: string[] } {
  const cd = new CaseDoc(new Y.Doc());
  cd.init('11111111-1111-4111-8111-111111111111', 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Bulk' }, alice);
  const ids = Array.from({ length: n }, () => crypto.randomUUID());
  cd.addSeizures(ids.map((id, i) => ({ id, fields: seizure(`item ${i}`) })), alice);
  return { cd, ids };
}

function countTransactions(doc: Y.Doc): () => number {
  let n = 0;
  doc.on('afterTransaction', () => n++);
  return () => n;
}

describe('bulk seizure actions', () => {
  it('deletes many in one transaction, one audit entry naming every seizure; one seizure keeps the single entry', () => {
    const { cd, ids } = caseWith(4);
    const tx = countTransactions(cd.doc);
    const before = cd.readAudit().length;
    expect(cd.deleteSeizures([ids[0]!, ids[2]!, ids[0]!], bob)).toBe(2);
    expect(tx()).toBe(1);
    expect(cd.listSeizures().map((s) => s.id).sort()).toEqual([ids[1]!, ids[3]!].sort());
    expect(cd.readAudit().slice(before)).toEqual([{ at: 1_700_000_900_000, by: 'bob', action: 'seizure.bulk-delete', targets: [ids[0], ids[2]], count: 2 }]);
    // The tombstones keep every field: the entry needs no summary to say what was deleted.
    expect(cd.getDeletedSeizure(ids[2]!)?.seizure).toMatchObject({ commodity: 'item 2', quantity: 2, unit: 'kg', updatedBy: 'bob' });
    expect(cd.deleteSeizures([ids[1]!], bob)).toBe(1);
    expect(cd.readAudit().at(-1)).toEqual({ at: 1_700_000_900_000, by: 'bob', action: 'seizure.delete', target: ids[1], summary: expect.objectContaining({ commodity: 'item 1', quantity: 2 }) });
  });

  it('writes one entry for seizures held by several docs, each doc in its own transaction', () => {
    const { cd, ids } = caseWith(2);
    const vol = new VolumeDoc(new Y.Doc());
    const inVol = [crypto.randomUUID(), crypto.randomUUID()];
    vol.insertSeizures(inVol.map((id, i) => ({ id, fields: seizure(`vol ${i}`) })), alice);
    const caseTx = countTransactions(cd.doc);
    const volTx = countTransactions(vol.doc);
    const before = cd.readAudit().length;
    expect(cd.deleteSeizuresAcross([{ ids: [ids[0]!] }, { ids: inVol, home: vol.home() }], bob)).toBe(3);
    expect([caseTx(), volTx()]).toEqual([1, 1]);
    expect(vol.getSeizure(inVol[0]!)).toBeNull();
    expect(cd.readAudit().slice(before)).toEqual([expect.objectContaining({ action: 'seizure.bulk-delete', targets: [ids[0], ...inVol], count: 3 })]);
    // A bad id in any doc writes nothing in any.
    const sv = [Y.encodeStateVector(cd.doc), Y.encodeStateVector(vol.doc)];
    expect(() => cd.updateSeizuresAcross([{ ids: [ids[1]!] }, { ids: [inVol[0]!], home: vol.home() }], { sector: 'forestry' }, bob)).toThrow(/does not exist/);
    expect([Y.encodeStateVector(cd.doc), Y.encodeStateVector(vol.doc)]).toEqual(sv);
  });

  it('writes nothing when one id is unknown or already deleted, or the list is empty', () => {
    const { cd, ids } = caseWith(2);
    cd.deleteSeizure(ids[1]!, alice);
    const before = Y.encodeStateVector(cd.doc);
    expect(() => cd.deleteSeizures([ids[0]!, ids[1]!], bob)).toThrow(/does not exist/);
    expect(() => cd.deleteSeizures([], bob)).toThrow(/No seizures chosen/);
    expect(() => cd.updateSeizures([ids[0]!, crypto.randomUUID()], { sector: 'forestry' }, bob)).toThrow();
    expect(Y.encodeStateVector(cd.doc)).toEqual(before);
    expect(cd.seizureCount()).toBe(1);
  });

  it('sets a field on many in one transaction, auditing old → new only where it changed', () => {
    const { cd, ids } = caseWith(3);
    cd.updateSeizure(ids[1]!, { sector: 'forestry' }, alice);
    const tx = countTransactions(cd.doc);
    expect(cd.updateSeizures(ids, { sector: 'forestry' }, bob)).toEqual([ids[0], ids[2]]);
    expect(tx()).toBe(1);
    expect(cd.listSeizures().map((s) => s.sector)).toEqual(['forestry', 'forestry', 'forestry']);
    const last = cd.readAudit().at(-1)!;
    expect(last).toEqual({
      at: 1_700_000_900_000,
      by: 'bob',
      action: 'seizure.bulk-update',
      targets: [ids[0], ids[2]],
      count: 2,
      fields: ['sector'],
      runs: [{ n: 2, changes: { sector: { from: 'wildlife', to: 'forestry' } } }],
    });
    expect(cd.getSeizure(ids[0]!)).toMatchObject({ updatedBy: 'bob', updatedAt: 1_700_000_900_000 });
    // One changed seizure: the single entry, as a single edit writes it.
    expect(cd.updateSeizures(ids, { operation: 'Op Thunder' }, bob)).toEqual(ids);
    cd.updateSeizure(ids[0]!, { operation: 'Op Cobra' }, alice);
    expect(cd.updateSeizures([ids[0]!, ids[1]!], { operation: 'Op Cobra' }, bob)).toEqual([ids[1]]);
    expect(cd.readAudit().at(-1)).toEqual({ at: 1_700_000_900_000, by: 'bob', action: 'seizure.update', target: ids[1], fields: ['operation'], changes: { operation: { from: 'Op Thunder', to: 'Op Cobra' } } });
  });

  it('keeps each seizure\'s own old value in one entry, which each seizure\'s field history reads back', () => {
    const { cd, ids } = caseWith(5);
    cd.updateSeizure(ids[1]!, { place: 'Jurong' }, alice);
    cd.updateSeizure(ids[3]!, { place: 'Tuas' }, alice);
    expect(cd.updateSeizures(ids, { place: 'Pasir Panjang' }, bob)).toEqual(ids);
    const e = cd.readAudit().at(-1)!;
    // Grouped by identical change: the three unplaced, then Jurong, then Tuas.
    expect(e.targets).toEqual([ids[0], ids[2], ids[4], ids[1], ids[3]]);
    expect(e.runs).toEqual([
      { n: 3, changes: { place: { from: '', to: 'Pasir Panjang' } } },
      { n: 1, changes: { place: { from: 'Jurong', to: 'Pasir Panjang' } } },
      { n: 1, changes: { place: { from: 'Tuas', to: 'Pasir Panjang' } } },
    ]);
    const history = (id: string) => fieldHistory(cd.readAudit(), id, 'place').map((v) => [v.kind, v.value, v.by]);
    expect(history(ids[3]!)).toEqual([['initial', '', ''], ['change', 'Tuas', 'alice'], ['change', 'Pasir Panjang', 'bob']]);
    expect(history(ids[4]!)).toEqual([['initial', '', ''], ['change', 'Pasir Panjang', 'bob']]);
    expect(fieldHistory(cd.readAudit(), ids[4]!, 'commodity')).toEqual([]);
  });

  it('validates the patch and each merged record first: a value that breaks one seizure writes none', () => {
    const { cd, ids } = caseWith(2);
    cd.updateSeizure(ids[0]!, { reportedValue: 100, reportedCurrency: 'USD' }, alice);
    const before = Y.encodeStateVector(cd.doc);
    expect(() => cd.updateSeizures(ids, { reportedCurrency: null }, bob)).toThrow();
    expect(() => cd.updateSeizures(ids, { quantity: -1 }, bob)).toThrow();
    expect(Y.encodeStateVector(cd.doc)).toEqual(before);
    expect(cd.updateSeizures(ids, { sector: 'wildlife' }, bob)).toEqual([]);
  });
});
