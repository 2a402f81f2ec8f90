/**
 * The import log of a case doc: `importBatches`, an append-only Y.Array of
 * {@link ImportBatchEntry} and {@link ImportUndo} entries (shared/domain/import-batch.ts). The
 * import writes its entry (case-import.ts); {@link CaseImports.undo} appends an undo entry and
 * marks the batch's live seizures and routes deleted, in one transaction with one audit entry
 * ("case.import-undo"). Nothing here edits or removes an entry; readers skip entries that do
 * not parse (the log is shared, a buggy or hostile peer may write anything).
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { stamp, writeFields, type Writer } from './records';
import type { AuditEntry } from './case-audit';
import { importBatchEntrySchema, importUndoEntrySchema, type ImportBatch, type ImportBatchEntry, type ImportUndo } from '../domain/import-batch';
import { NestError } from '../errors';

/** The field of a seizure or route record naming the import batch it came from. */
export const IMPORT_BATCH_FIELD = 'importBatch';

/**
 * Every readable batch of a case doc, oldest first, with its undo (the first valid undo entry
 * for it, if any). Pure read; defines no root.
 */
export function readImportBatches(doc: Y.Doc): ImportBatch[] {
  const batches = new Map<string, ImportBatch>();
  const undos: ImportUndo[] = [];
  for (const v of doc.getArray<unknown>('importBatches').toArray()) {
    const b = importBatchEntrySchema.safeParse(v);
    if (b.success) {
      if (!batches.has(b.data.id)) batches.set(b.data.id, { ...b.data, undo: null });
      continue;
    }
    const u = importUndoEntrySchema.safeParse(v);
    if (u.success) undos.push(u.data);
  }
  for (const u of undos) {
    const b = batches.get(u.batchId);
    // Two members may undo the same batch offline: the earlier undo is the one shown.
    if (b && (!b.undo || u.at < b.undo.at)) b.undo = u;
  }
  return [...batches.values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** What {@link CaseImports.undo} did (or, planned, would do). */
export interface UndoResult {
  /** Live seizures and routes marked deleted (now, by this undo). */
  seizures: number;
  routes: number;
  /** Of those seizures, how many had been edited after the import (their edits stay in their field history). */
  edited: number;
  /** The batch's seizures deleted before this undo (one by one or in bulk; moved ones apart, in `moved`): not counted in `seizures` (tester finding G-IMP-3). */
  alreadyDeleted: number;
  /** The batch's seizures moved to another case before this undo, per target case number (sorted): they live on there, the undo leaves them (tester finding F5, session 27). */
  moved: MovedOfBatch[];
}

/** How many of a batch's seizures were moved to case `caseNumber`. */
export interface MovedOfBatch {
  caseNumber: string;
  count: number;
}

/** The seizures of a batch that left the case before an undo: deleted, and moved per target case number. */
export interface GoneOfBatch {
  deleted: number;
  /** Target case number → how many moved there. */
  moved: Map<string, number>;
}

/** A batch's seizures in the volume docs, counted by the caller (service/import/undo-import.ts). */
export interface VolumeUndoCounts {
  /** Marked deleted by the undo (or, planned, still live). */
  seizures: number;
  edited: number;
  /** Deleted and moved before the undo. */
  gone: GoneOfBatch;
}

/** Typed view over a case doc's import log. */
export class CaseImports extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get log(): Y.Array<unknown> {
    return this.doc.getArray('importBatches');
  }

  /** Every batch, oldest first (see {@link readImportBatches}). */
  list(): ImportBatch[] {
    return readImportBatches(this.doc);
  }

  /** Live (not undone) batches of a file with this SHA-256, oldest first. */
  liveWithHash(sha256: string): ImportBatch[] {
    return this.list().filter((b) => b.sha256 === sha256 && !b.undo);
  }

  /** How many live seizures of batch `batchId` were edited after it was imported (0 for an unknown batch). */
  editedSince(batchId: string): number {
    const batch = this.list().find((b) => b.id === batchId);
    return batch ? editedAfter(liveOfBatch(this.doc.getMap('seizures'), batchId), batch.at) : 0;
  }

  /**
   * The batch `batchId`, still live (not undone), for an undo.
   * @throws NestError('not-found') for an unknown batch; NestError('validation') when it is already undone.
   */
  requireLive(batchId: string): ImportBatch {
    const batch = this.list().find((b) => b.id === batchId);
    if (!batch) throw new NestError('not-found', { id: 'import.batch-not-found', values: { id: batchId } });
    if (batch.undo) throw new NestError('validation', { id: 'import.batch-already-undone', values: { fileName: batch.fileName } });
    return batch;
  }

  /**
   * What {@link undo} would mark deleted, writing nothing: the batch's live seizures and routes
   * here plus `inVolumes`, and those of its seizures already deleted.
   * @throws NestError('not-found') for an unknown batch; NestError('validation') when it is already undone.
   */
  undoPlan(batchId: string, inVolumes: VolumeUndoCounts = NO_VOLUMES): UndoResult {
    const batch = this.requireLive(batchId);
    const seizures = liveOfBatch(this.doc.getMap('seizures'), batchId);
    const gone = goneOfBatch(this.doc.getMap('seizures'), batchId, inVolumes.gone);
    return {
      seizures: seizures.length + inVolumes.seizures,
      routes: liveOfBatch(this.doc.getMap('routes'), batchId).length,
      edited: editedAfter(seizures, batch.at) + inVolumes.edited,
      alreadyDeleted: gone.deleted,
      moved: [...gone.moved].sort(([a], [b]) => a.localeCompare(b)).map(([caseNumber, count]) => ({ caseNumber, count })),
    };
  }

  /**
   * Undoes an import: marks every live seizure and route of batch `batchId` in this case doc
   * deleted (tombstones, as a single deletion does), appends the undo entry and one audit entry
   * naming the file. `inVolumes` are the batch's seizures the caller already marked deleted in
   * the case's volume docs (service/import/undo-import.ts; each volume in its own transaction,
   * before this one): they count in the undo and audit entries, so this entry, written last,
   * says what the whole undo did.
   * @throws NestError('not-found') for an unknown batch; NestError('validation') when it is already undone.
   */
  undo(batchId: string, w: Writer, inVolumes: VolumeUndoCounts = NO_VOLUMES): UndoResult {
    const batch = this.requireLive(batchId);
    const { edited, alreadyDeleted, moved, seizures: seizureCount } = this.undoPlan(batchId, inVolumes);
    const seizures = liveOfBatch(this.doc.getMap('seizures'), batchId);
    const routes = liveOfBatch(this.doc.getMap('routes'), batchId);
    return this.write(w, () => {
      const at = stamp(w);
      for (const rec of [...seizures, ...routes]) writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      const entry: ImportUndo = { kind: 'undo', batchId, at, by: w.memberId, seizures: seizureCount, routes: routes.length };
      this.log.push([entry]);
      const audit: AuditEntry = { at, by: w.memberId, action: 'case.import-undo', count: seizureCount + routes.length, target: batch.fileName };
      this.doc.getArray<AuditEntry>('audit').push([audit]);
      writeFields(this.doc.getMap('meta'), { updatedBy: w.memberId, updatedAt: at });
      return { seizures: seizureCount, routes: routes.length, edited, alreadyDeleted, moved };
    });
  }
}

/** No seizures of the batch in volume docs. */
const NO_VOLUMES: VolumeUndoCounts = { seizures: 0, edited: 0, gone: { deleted: 0, moved: new Map() } };

/**
 * The records of `map` (a case or volume doc's seizures) from batch `batchId` already marked
 * deleted, added to `into` (default: none yet): those moved to another case (a tombstone's
 * `movedTo`, "<case number>/<new id>", case-seizures-bulk.ts `moveOut`) counted per target case
 * number, the others as deleted.
 * @returns `into`, or a new count.
 */
export function goneOfBatch<T>(map: Y.Map<T>, batchId: string, into: GoneOfBatch = { deleted: 0, moved: new Map() }): GoneOfBatch {
  const out: GoneOfBatch = { deleted: into.deleted, moved: new Map(into.moved) };
  map.forEach((rec) => {
    if (!(rec instanceof Y.Map) || rec.get(IMPORT_BATCH_FIELD) !== batchId || rec.get('deleted') !== true) return;
    const movedTo = rec.get('movedTo');
    if (typeof movedTo !== 'string') {
      out.deleted++;
      return;
    }
    const caseNumber = movedTo.split('/')[0] || movedTo;
    out.moved.set(caseNumber, (out.moved.get(caseNumber) ?? 0) + 1);
  });
  return out;
}

/** The live records of `map` whose {@link IMPORT_BATCH_FIELD} is `batchId`. */
function liveOfBatch(map: Y.Map<unknown>, batchId: string): Y.Map<unknown>[] {
  const out: Y.Map<unknown>[] = [];
  map.forEach((rec) => {
    if (rec instanceof Y.Map && rec.get(IMPORT_BATCH_FIELD) === batchId && rec.get('deleted') !== true) out.push(rec);
  });
  return out;
}

/** How many of `records` were last changed after `at` (ms). */
function editedAfter(records: readonly Y.Map<unknown>[], at: number): number {
  return records.filter((r) => typeof r.get('updatedAt') === 'number' && (r.get('updatedAt') as number) > at).length;
}

/** Appends a batch entry (inside the import's transaction: case-import.ts). */
export function appendBatch(doc: Y.Doc, entry: ImportBatchEntry): void {
  doc.getArray<unknown>('importBatches').push([importBatchEntrySchema.parse(entry)]);
}
