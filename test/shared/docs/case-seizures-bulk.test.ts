/**
 * Bulk actions of the seizure table (issue 11, item 3): many seizures deleted or changed in ONE
 * transaction, an audit entry per seizure, everything validated first so a bad id or value writes
 * nothing.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
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
  it('deletes many in one transaction, one audit entry with its summary per seizure', () => {
    const { cd, ids } = caseWith(4);
    const tx = countTransactions(cd.doc);
    expect(cd.deleteSeizures([ids[0]!, ids[2]!, ids[0]!], bob)).toBe(2);
    expect(tx()).toBe(1);
    expect(cd.listSeizures().map((s) => s.id).sort()).toEqual([ids[1]!, ids[3]!].sort());
    const entries = cd.readAudit().slice(-2);
    expect(entries.map((e) => [e.action, e.target, e.by, e.at])).toEqual([
      ['seizure.delete', ids[0], 'bob', 1_700_000_900_000],
      ['seizure.delete', ids[2], 'bob', 1_700_000_900_000],
    ]);
    expect(entries[0]!.summary).toMatchObject({ commodity: 'item 0', quantity: 2, unit: 'kg' });
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
    expect(last).toMatchObject({ action: 'seizure.update', target: ids[2], by: 'bob', fields: ['sector'], changes: { sector: { from: 'wildlife', to: 'forestry' } } });
    expect(cd.getSeizure(ids[0]!)).toMatchObject({ updatedBy: 'bob', updatedAt: 1_700_000_900_000 });
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
