/**
 * Restoring deleted seizures ("nothing disappears without a trace"): a deleted seizure keeps its
 * record with `deleted: true` (case-seizures.ts); restoring writes `deleted: false` on that same
 * record, stamps it and appends a "seizure.restore-deleted" audit entry in the case doc. The
 * deletion's own audit entry (or the import's undo entry) stays where it was: the history shows
 * both. A seizure moved to another case (`movedTo`) is not restored here: it lives on in that case.
 *
 * The record may live in the case doc or in a volume doc (`home`, case-seizures.ts SeizureHome),
 * written there, audited in the case doc, as every other seizure write.
 */
import * as Y from 'yjs';
import type { Seizure } from '../domain/seizure';
import { NestError } from '../errors';
import { summaryOf, SEIZURE_SUMMARY_FIELDS, type AuditEntry } from './case-audit';
import { readFields, stamp, writeFields, type Writer } from './records';
import { bothTx, requireRoomFor, toSeizure, type CaseParts, type SeizureHome, type Tx } from './case-seizures';

/** The audit action of a restored seizure. */
export const RESTORE_DELETED_ACTION = 'seizure.restore-deleted';

/** A deleted seizure as its tombstone holds it: its last fields and where it was moved, if it was. */
export interface DeletedSeizure {
  seizure: Seizure;
  /** "<case number>/<seizure id>" when the seizure was moved to another case, else null. */
  movedTo: string | null;
}

/** The deleted seizure `id` of `seizures` (a case or volume doc's map); null when there is no record or it is live. */
export function readDeleted(seizures: Y.Map<Y.Map<unknown>>, id: string): DeletedSeizure | null {
  const rec = seizures.get(id);
  if (!(rec instanceof Y.Map) || rec.get('deleted') !== true) return null;
  const movedTo = rec.get('movedTo');
  return { seizure: toSeizure(id, rec), movedTo: typeof movedTo === 'string' ? movedTo : null };
}

/** Every deleted seizure of `seizures` (unordered; the projection orders). */
export function listDeleted(seizures: Y.Map<Y.Map<unknown>>): DeletedSeizure[] {
  const out: DeletedSeizure[] = [];
  seizures.forEach((_rec, id) => {
    const d = readDeleted(seizures, id);
    if (d) out.push(d);
  });
  return out;
}

/**
 * Checks a restore before anything is written: each of `ids` (distinct, at least one) is a
 * deleted seizure of `home` that was not moved to another case.
 * @returns the records, in the order of `ids`.
 * @throws NestError('validation', 'seizures.bulk-none') for an empty list;
 *   NestError('not-found', 'record.not-found') for an id `home` does not hold;
 *   NestError('validation', 'seizure.restore-not-deleted') for a live seizure;
 *   NestError('validation', 'seizure.restore-moved') for one moved to another case.
 */
export function checkRestore(home: SeizureHome, ids: readonly string[]): { id: string; rec: Y.Map<unknown> }[] {
  const distinct = [...new Set(ids)];
  if (!distinct.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  return distinct.map((id) => {
    const rec = home.seizures.get(id);
    if (!(rec instanceof Y.Map)) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'seizure', id } });
    if (rec.get('deleted') !== true) throw new NestError('validation', { id: 'seizure.restore-not-deleted', values: { id } });
    const movedTo = rec.get('movedTo');
    if (typeof movedTo === 'string') throw new NestError('validation', { id: 'seizure.restore-moved', values: { id, to: movedTo.split('/')[0] ?? movedTo } });
    return { id, rec };
  });
}

/**
 * Restores the deleted seizures `ids` of `home` (default: the case doc) in one transaction per doc:
 * `deleted: false`, stamped with the writer, one "seizure.restore-deleted" audit entry each (with
 * the seizure's summary) in the case doc. Restoring into the case doc counts against the case's
 * limit of live seizures.
 * @returns how many were restored.
 * @throws as {@link checkRestore} (nothing written); NestError('too-large') past the case's limit.
 */
export function restoreSeizures(p: CaseParts, tx: Tx, ids: readonly string[], w: Writer, home: SeizureHome): number {
  const recs = checkRestore(home, ids);
  if (home.seizures === p.seizures) requireRoomFor(p, recs.length);
  return bothTx(tx, home)(w, () => {
    const at = stamp(w);
    const entries: AuditEntry[] = [];
    for (const { id, rec } of recs) {
      writeFields(rec, { deleted: false, updatedBy: w.memberId, updatedAt: at });
      entries.push({ at, by: w.memberId, action: RESTORE_DELETED_ACTION, target: id, summary: summaryOf(readFields(rec), SEIZURE_SUMMARY_FIELDS) });
    }
    p.audit.push(entries);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    return recs.length;
  });
}
