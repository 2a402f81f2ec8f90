/**
 * Restoring deleted seizures (shared/docs/case-seizures-restore.ts) in a case doc and in a volume
 * doc: the record is live again with the restorer's stamp, a "seizure.restore-deleted" entry is
 * appended while the deletion's entry stays, refusals write nothing; who deleted a seizure and why
 * (shared/docs/seizure-deletions.ts) from the audit and import log; a restore replicates to a
 * second replica through Y updates; and the deletion rules do not count a restore as a deletion.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseImports, readImportBatches } from '../../../shared/docs/case-import-batches';
import { deletionsOf } from '../../../shared/docs/seizure-deletions';
import { VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';
import { summariseDeletions } from '../../../shared/permissions/deletion-summary';

const alice = { memberId: 'alice', now: () => 1_000 };
const bob = { memberId: 'bob', now: () => 2_000 };
const carol = { memberId: 'carol', now: () => 3_000 };
const fields = (commodity: string): SeizureFields => ({ ...newSeizureFields('2024-03-01'), country: 'KE', place: 'Mombasa', commodity, quantity: 10, unit: 'kg' });

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(randomUUID(), 'NEST-2026-0001', { ...newCaseFields('2026-12-07'), title: 'Ivory' }, alice);
  return cd;
}

function code(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    return err instanceof NestError ? `${err.code}:${err.messageRef?.id}` : String(err);
  }
  return 'no error';
}

describe('restoring a deleted seizure of the case doc', () => {
  it('makes it live again, stamped and audited, and keeps the deletion in the history', () => {
    const cd = newCase();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    cd.addSeizures([{ id: a, fields: fields('ivory') }, { id: b, fields: fields('pangolin scales') }, { id: c, fields: fields('rhino horn') }], alice);
    cd.deleteSeizure(a, bob);
    cd.deleteSeizures([b, c], bob);
    expect(cd.seizureCount()).toBe(0);
    expect(cd.listDeletedSeizures().map((d) => d.seizure.commodity).sort()).toEqual(['ivory', 'pangolin scales', 'rhino horn']);
    // A bulk deletion is one entry naming every seizure and how many; a single one keeps its own entry.
    const deletes = cd.readAudit().filter((e) => e.action === 'seizure.delete' || e.action === 'seizure.bulk-delete');
    expect(deletes.map((e) => [e.action, e.target, e.targets, e.count])).toEqual([['seizure.delete', a, undefined, undefined], ['seizure.bulk-delete', undefined, [b, c], 2]]);

    expect(cd.restoreSeizures([a, b], carol)).toBe(2);
    expect(cd.seizureCount()).toBe(2);
    expect(cd.getSeizure(a)).toMatchObject({ commodity: 'ivory', updatedBy: 'carol', updatedAt: 3_000, createdBy: 'alice' });
    expect(cd.getDeletedSeizure(a)).toBeNull();
    expect(cd.getDeletedSeizure(c)?.seizure.commodity).toBe('rhino horn');
    const audit = cd.readAudit();
    expect(audit.slice(-2)).toEqual([
      { at: 3_000, by: 'carol', action: 'seizure.restore-deleted', target: a, summary: expect.objectContaining({ commodity: 'ivory' }) },
      { at: 3_000, by: 'carol', action: 'seizure.restore-deleted', target: b, summary: expect.objectContaining({ commodity: 'pangolin scales' }) },
    ]);
    // The deletions stay: nothing of the history is erased.
    expect(audit.filter((e) => e.action === 'seizure.delete' || e.action === 'seizure.bulk-delete')).toEqual(deletes);
    // A restored seizure is an ordinary live one: it can be edited and deleted again.
    expect(cd.updateSeizure(a, { place: 'Nairobi' }, carol)).toEqual(['place']);
    cd.deleteSeizure(a, carol);
    expect(cd.getDeletedSeizure(a)?.seizure.place).toBe('Nairobi');
  });

  it('refuses an unknown, a live or a moved seizure, naming it, and writes nothing', () => {
    const cd = newCase();
    const [live, gone, moved] = [randomUUID(), randomUUID(), randomUUID()];
    cd.addSeizures([{ id: live, fields: fields('ivory') }, { id: gone, fields: fields('scales') }, { id: moved, fields: fields('horn') }], alice);
    cd.deleteSeizure(gone, bob);
    cd.moveSeizuresOut(new Map([[moved, randomUUID()]]), 'NEST-2026-0002', bob);
    const before = Y.encodeStateAsUpdate(cd.doc);
    expect(code(() => cd.restoreSeizures([gone, live], carol))).toBe('validation:seizure.restore-not-deleted');
    expect(code(() => cd.restoreSeizures([gone, randomUUID()], carol))).toBe('not-found:record.not-found');
    expect(code(() => cd.restoreSeizures([moved], carol))).toBe('validation:seizure.restore-moved');
    expect(code(() => cd.restoreSeizures([], carol))).toBe('validation:seizures.bulk-none');
    expect(Y.encodeStateAsUpdate(cd.doc)).toEqual(before);
    expect(cd.getSeizure(gone)).toBeNull();
    // A moved seizure's tombstone names its new case (the projection leaves it out of the deleted list).
    expect(cd.listDeletedSeizures().map((d) => [d.seizure.id, d.movedTo?.split('/')[0] ?? null]).sort()).toEqual([[gone, null], [moved, 'NEST-2026-0002']].sort());
  });
});

describe('restoring a deleted seizure of a volume doc', () => {
  it('writes the record in the volume and the audit entry in the case doc', () => {
    const cd = newCase();
    const vol = new VolumeDoc(new Y.Doc());
    const [a, b] = [randomUUID(), randomUUID()];
    vol.insertSeizures([{ id: a, fields: fields('ivory') }, { id: b, fields: fields('scales') }], alice, 'batch-1');
    cd.deleteSeizures([a, b], bob, vol.home());
    expect(vol.listSeizures()).toEqual([]);
    expect(vol.listDeletedSeizures().map((d) => d.seizure.id).sort()).toEqual([a, b].sort());
    const caseBefore = cd.readAudit().length;

    expect(code(() => cd.restoreSeizures([a], carol))).toBe('not-found:record.not-found'); // not in the case doc
    expect(cd.restoreSeizures([a], carol, vol.home())).toBe(1);
    expect(vol.getSeizure(a)).toMatchObject({ commodity: 'ivory', updatedBy: 'carol', importBatch: 'batch-1' });
    expect(vol.getDeletedSeizure(b)?.seizure.commodity).toBe('scales');
    expect(cd.seizureCount()).toBe(0); // nothing added to the case doc itself
    expect(cd.readAudit().slice(caseBefore)).toEqual([{ at: 3_000, by: 'carol', action: 'seizure.restore-deleted', target: a, summary: expect.objectContaining({ commodity: 'ivory' }) }]);
    expect(code(() => cd.restoreSeizures([a], carol, vol.home()))).toBe('validation:seizure.restore-not-deleted');
  });
});

describe('who deleted a seizure and why', () => {
  it('tells single, bulk and import-undo deletions apart, replaying restores in time order', () => {
    const cd = newCase();
    const batchId = randomUUID();
    const ids = Array.from({ length: 5 }, () => randomUUID());
    cd.importRecords({ seizures: ids.map((id, i) => ({ id, fields: fields(`item ${i}`) })), routes: [], source: 'seizures.csv', batch: { id: batchId, sha256: 'a'.repeat(64), format: 'csv', rejectedRows: 0, skippedDuplicates: 0 } }, alice);
    const single = randomUUID();
    cd.addSeizure(single, fields('loose'), alice);
    cd.deleteSeizure(ids[0]!, bob, undefined); // deleted before the undo: the undo leaves it
    cd.deleteSeizures([ids[1]!, single], bob); // bulk of 2; ids[1] is restored below, then undone
    cd.restoreSeizures([ids[1]!], { memberId: 'bob', now: () => 2_500 });
    new CaseImports(cd.doc).undo(batchId, carol);
    const refs = [...ids, single].map((id) => ({ id, importBatch: id === single ? null : batchId }));
    const facts = deletionsOf(cd.readAudit(), readImportBatches(cd.doc), refs);
    expect(facts.get(ids[0]!)).toEqual({ reason: 'delete', by: 'bob', at: 2_000 });
    expect(facts.get(single)).toEqual({ reason: 'bulk-delete', by: 'bob', at: 2_000, count: 2 });
    for (const id of ids.slice(1)) expect(facts.get(id)).toEqual({ reason: 'import-undo', by: 'carol', at: 3_000, fileName: 'seizures.csv' });
    // A seizure restored after its import was undone is live: no deletion.
    cd.restoreSeizures([ids[2]!], { memberId: 'dan', now: () => 4_000 });
    expect(deletionsOf(cd.readAudit(), readImportBatches(cd.doc), refs).has(ids[2]!)).toBe(false);
    // A bulk deletion written before bulk actions had one entry (a "seizure.delete" per seizure with `count`) still reads as one.
    const old = randomUUID();
    expect(deletionsOf([{ at: 5, by: 'eve', action: 'seizure.delete', target: old, count: 3 }], [], [{ id: old }]).get(old)).toEqual({ reason: 'bulk-delete', by: 'eve', at: 5, count: 3 });
    // No entry records it (e.g. lost to a crash): no fact, never a guess.
    expect(deletionsOf([], [], [{ id: randomUUID() }]).size).toBe(0);
  });
});

describe('a restore through sync', () => {
  it('replicates to a second replica, which sees the seizure live and the restore entry', () => {
    const a = newCase();
    const id = randomUUID();
    a.addSeizure(id, fields('ivory'), alice);
    a.deleteSeizure(id, bob);
    const b = new CaseDoc(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(b.getSeizure(id)).toBeNull();
    const sv = Y.encodeStateVector(b.doc);
    a.restoreSeizures([id], carol);
    const update = Y.encodeStateAsUpdate(a.doc, sv);
    // The deletion rules (relay and data service) read a restore as no deletion at all.
    const summary = summariseDeletions(b.doc, update);
    expect([summary.appendOnly, summary.removed.size, summary.flagged.size]).toEqual([0, 0, 0]);
    Y.applyUpdate(b.doc, update);
    expect(b.getSeizure(id)).toMatchObject({ commodity: 'ivory', updatedBy: 'carol' });
    expect(b.readAudit().map((e) => e.action)).toEqual(['case.create', 'seizure.add', 'seizure.delete', 'seizure.restore-deleted']);
    // Deleting again is a deletion to those rules.
    const sv2 = Y.encodeStateVector(b.doc);
    a.deleteSeizure(id, carol);
    expect(summariseDeletions(b.doc, Y.encodeStateAsUpdate(a.doc, sv2)).flagged.size).toBe(1);
  });
});
