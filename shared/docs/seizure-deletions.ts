/**
 * Why, by whom and when a deleted seizure was deleted, read from the case's own trail: the audit
 * log's "seizure.bulk-delete" entries (one per bulk action, naming every seizure it deleted),
 * "seizure.delete" entries (single, or part of a bulk action when written before bulk actions had
 * one entry: those carry `count`), "seizure.restore-deleted" entries, and the import log's undo entries for the batch the
 * seizure came from. An undo marks only the batch's seizures that are live when it runs, so the
 * events of each seizure are replayed in time order and the last one that deleted it wins. A
 * seizure none of whose events deletes it (an audit entry lost to a crash between a volume's write
 * and the case doc's) has no fact here: the caller says so instead of guessing.
 */
import { BULK_SEIZURE_ACTIONS, targetsOf, type AuditEntry } from './case-audit';
import type { ImportBatch } from '../domain/import-batch';
import { RESTORE_DELETED_ACTION } from './case-seizures-restore';

/** How a seizure came to be deleted. */
export type DeletionReason = 'delete' | 'bulk-delete' | 'import-undo';

/** The deletion of one seizure as the trail records it. */
export interface DeletionFact {
  reason: DeletionReason;
  /** Member id. */
  by: string;
  /** ms since epoch. */
  at: number;
  /** For 'bulk-delete': how many seizures the action deleted. */
  count?: number;
  /** For 'import-undo': the file whose import was undone. */
  fileName?: string;
}

/** A deleted seizure to explain: its id and the import batch it came from, if any. */
export interface DeletedRef {
  id: string;
  importBatch?: string | null;
}

type Event = { at: number; order: number; restore: true } | { at: number; order: number; restore: false; fact: DeletionFact; onlyIfLive: boolean };

/**
 * The deletion of each of `refs`, from `audit` (the case doc's, oldest first) and `batches` (its
 * import log, shared/docs/case-import-batches.ts readImportBatches). Ids with no recorded deletion
 * are absent from the result.
 */
export function deletionsOf(audit: readonly AuditEntry[], batches: readonly ImportBatch[], refs: readonly DeletedRef[]): Map<string, DeletionFact> {
  const events = new Map<string, Event[]>(refs.map((r) => [r.id, []]));
  audit.forEach((e, order) => {
    if (e.action === BULK_SEIZURE_ACTIONS.delete) {
      // One entry for the whole action, naming every seizure it deleted.
      const ids = targetsOf(e);
      const fact: DeletionFact = { reason: 'bulk-delete', by: e.by, at: e.at, count: typeof e.count === 'number' ? e.count : ids.length };
      for (const id of ids) events.get(id)?.push({ at: e.at, order, restore: false, onlyIfLive: false, fact });
      return;
    }
    const list = e.target === undefined ? undefined : events.get(e.target);
    if (!list) return;
    if (e.action === RESTORE_DELETED_ACTION) list.push({ at: e.at, order, restore: true });
    else if (e.action === 'seizure.delete') {
      const bulk = typeof e.count === 'number' && e.count > 1;
      list.push({ at: e.at, order, restore: false, onlyIfLive: false, fact: bulk ? { reason: 'bulk-delete', by: e.by, at: e.at, count: e.count } : { reason: 'delete', by: e.by, at: e.at } });
    }
  });
  const undone = new Map(batches.filter((b) => b.undo).map((b) => [b.id, b]));
  for (const r of refs) {
    const b = r.importBatch ? undone.get(r.importBatch) : undefined;
    if (!b?.undo) continue;
    // After the audit entries of the same instant: an undo never marks a seizure deleted that moment.
    events.get(r.id)!.push({ at: b.undo.at, order: audit.length, restore: false, onlyIfLive: true, fact: { reason: 'import-undo', by: b.undo.by, at: b.undo.at, fileName: b.fileName } });
  }
  const out = new Map<string, DeletionFact>();
  for (const [id, list] of events) {
    let deleted: DeletionFact | null = null;
    for (const e of list.sort((a, b) => a.at - b.at || a.order - b.order)) {
      if (e.restore) deleted = null;
      else if (!e.onlyIfLive || !deleted) deleted = e.fact;
    }
    if (deleted) out.set(id, deleted);
  }
  return out;
}
