/**
 * Import batches: the record of one file imported into a case (issue 11, item 3). A batch is
 * written once, in the same transaction as its seizures and routes, into the case doc's
 * append-only `importBatches` log (shared/docs/case-import-batches.ts); undoing it appends an
 * {@link ImportUndo} entry and marks the batch's records deleted. Neither entry is ever changed
 * or removed (the relay refuses deletions in that log: shared/permissions/deletion-rules.ts).
 */
import { z } from 'zod';
import { idSchema } from './fields';
import { TLP_MARKINGS } from './codes';

/** A file's SHA-256 as 64 lowercase hex digits. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One import, as logged: `at` ms since epoch, `by` the importing member's id, `sha256` of the
 * file's bytes as received (before unzipping a KMZ), counts of what was written and left out.
 */
export const importBatchEntrySchema = z.object({
  kind: z.literal('import'),
  id: idSchema,
  fileName: z.string().min(1).max(255),
  sha256: sha256HexSchema,
  format: z.enum(['csv', 'kml', 'gpx', 'geojson']),
  at: z.number().int().nonnegative(),
  by: z.string().min(1),
  /** Seizures written. */
  seizures: z.number().int().nonnegative(),
  /** Routes written. */
  routes: z.number().int().nonnegative(),
  /** Rows refused by the importer (bad values, guesses held back). */
  rejectedRows: z.number().int().nonnegative(),
  /** Rows left out because they match a seizure already in the case (or an earlier row of the file). */
  skippedDuplicates: z.number().int().nonnegative(),
  /**
   * 'cancelled' when the import was stopped while writing (`import.abort`, the CLI's Ctrl-C): then
   * `seizures` counts only those written before the stop (no routes are written) and `planned`
   * the seizures the import was to write. Absent: the import ran to its end.
   */
  state: z.literal('cancelled').optional(),
  /** Seizures the import was to write; only with `state` 'cancelled'. */
  planned: z.number().int().nonnegative().optional(),
  /** The TLP marking the file carried (an export's, shared/domain/tlp-marking.ts); absent when it carried none. */
  fileTlp: z.enum(TLP_MARKINGS).optional(),
});
/** One import, as logged. */
export type ImportBatchEntry = z.infer<typeof importBatchEntrySchema>;

/** The undoing of one import: its seizures and routes marked deleted in the same transaction. */
export const importUndoEntrySchema = z.object({
  kind: z.literal('undo'),
  batchId: idSchema,
  at: z.number().int().nonnegative(),
  by: z.string().min(1),
  /** Live seizures and routes the undo marked deleted (records deleted earlier are not counted). */
  seizures: z.number().int().nonnegative(),
  routes: z.number().int().nonnegative(),
});
/** The undoing of one import. */
export type ImportUndo = z.infer<typeof importUndoEntrySchema>;

/** A batch as shown: its import entry and, once undone, the first undo entry. */
export interface ImportBatch extends ImportBatchEntry {
  undo: ImportUndo | null;
}
