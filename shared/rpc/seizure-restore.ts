/**
 * RPC methods of deleted seizures (branch undel): the "Deleted" list of a case, paged from the
 * projection (`deleted_seizures`, case doc and volume docs alike) with who deleted each seizure,
 * when and why, read from the case's audit and import log; and the restore of deleted seizures
 * wherever they live, attributed and audited ("seizure.restore-deleted"), the deletion kept in
 * the history. Declared once; the data service implements them in service/seizures/.
 */
import { z } from 'zod';
import { DATE_PRECISIONS, QUANTITY_UNITS } from '../domain/codes';
import { method } from './define';

/** Who deleted a seizure, when and how (shared/docs/seizure-deletions.ts DeletionFact). */
export const deletionFactSchema = z.object({
  reason: z.enum(['delete', 'bulk-delete', 'import-undo']),
  /** Member id. */
  by: z.string(),
  /** ms since epoch. */
  at: z.number(),
  /** 'bulk-delete': how many seizures the action deleted. */
  count: z.number().int().optional(),
  /** 'import-undo': the file whose import was undone. */
  fileName: z.string().optional(),
});

/** One deleted seizure of the list. */
export const deletedSeizureRowSchema = z.object({
  id: z.string(),
  seizureDate: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  country: z.string(),
  place: z.string(),
  commodity: z.string(),
  taxon: z.string(),
  quantity: z.number().nullable(),
  unit: z.enum(QUANTITY_UNITS).nullable(),
  /** 0: held in the case doc; n: in volume n. */
  volume: z.number().int().min(0),
  /** The tombstone's last stamp (the deletion, unless a peer's concurrent edit merged in later). */
  stampedBy: z.string(),
  stampedAt: z.number(),
  /** The deletion as the case's trail records it; null when no entry records it (never guessed). */
  deletion: deletionFactSchema.nullable(),
});
/** One row of the deleted seizures' list. */
export type DeletedSeizureRow = z.infer<typeof deletedSeizureRowSchema>;

const caseRef = { workspaceId: z.string().uuid(), caseId: z.string().uuid() };

export const seizureRestoreRpc = {
  'seizures.deletedPage': method(
    z.object({ ...caseRef, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(deletedSeizureRowSchema) }),
    'A page of a case\'s deleted seizures (not those moved to another case), newest deletion first, from the projection, each with who deleted it, when and why.',
    'case.read',
  ),
  'seizures.restore': method(
    z.object({ ...caseRef, seizureIds: z.array(z.string().uuid()).min(1).max(10_000) }),
    z.object({ restored: z.number().int() }),
    'Restores deleted seizures where they live (case doc or volume), one transaction per doc, a "seizure.restore-deleted" audit entry each; all are checked first (refused: unknown, not deleted, moved to another case).',
    'case.edit',
  ),
} as const;
