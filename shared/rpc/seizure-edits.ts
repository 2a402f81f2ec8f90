/**
 * RPC methods that edit seizures wherever they live: the case doc or one of its volume docs
 * (docs/architecture.md "Volume docs"). A window edits seizures of its case doc replica directly;
 * a seizure kept in a volume is not on that replica (volumes are loaded in the data service only),
 * so its edits come here. The data service resolves each id to its doc, writes the record there
 * and the audit entry in the case doc. The same calls work for case-doc seizures.
 */
import { z } from 'zod';
import { seizureFieldSchemas, seizureFieldsSchema } from '../domain/seizure';
import { method } from './define';

/** Some fields of a seizure (each validated by its field schema; the merged record is validated again when written). */
export const seizurePatchSchema = z.object(seizureFieldSchemas).partial().strict();

const seizureRef = { workspaceId: z.string().uuid(), caseId: z.string().uuid(), seizureId: z.string().uuid() };
/** Most seizures a bulk action names by id (a selection of more is sent as `matching`). */
export const BULK_IDS_MAX = 10_000;
const seizureIds = z.array(z.string().uuid()).min(1).max(BULK_IDS_MAX);

/**
 * "Every seizure the table shows" (tester finding F4, session 27): the case's live seizures that
 * match the seizure table's filter (`seizures.page`'s `text` and `flagged`, the same rule), except
 * those the member unticked. The data service resolves it from the projection when the action
 * runs, so a 100,000-seizure case is never sent by id; `count` is how many the member was shown
 * as selected, and the action is refused, writing nothing, when the selection no longer holds
 * that many (a peer's edit came between).
 */
export const seizureMatchSchema = z.object({
  text: z.string().max(200).default(''),
  flagged: z.boolean().default(false),
  except: z.array(z.string().uuid()).max(BULK_IDS_MAX).default([]),
  count: z.number().int().min(1),
});
/** A "select all shown" selection, as a bulk action receives it. */
export type SeizureMatch = z.infer<typeof seizureMatchSchema>;

/** The two ways a bulk action names its seizures. */
interface BulkNaming {
  seizureIds?: string[];
  matching?: SeizureMatch;
}

/**
 * The seizures a bulk action acts on: `seizureIds`, or `matching` (one of the two).
 * @returns the params schema of a bulk action over case `caseId` with `extra` fields.
 */
export function bulkParams<E extends z.ZodRawShape>(extra: E) {
  return z
    .object({ workspaceId: z.string().uuid(), caseId: z.string().uuid(), seizureIds: seizureIds.optional(), matching: seizureMatchSchema.optional(), ...extra })
    .refine((p) => ((p as BulkNaming).seizureIds === undefined) !== ((p as BulkNaming).matching === undefined), { message: 'name the seizures either by seizureIds or by matching', path: ['seizureIds'] });
}

export const seizureEditsRpc = {
  'seizures.add': method(
    z.object({ ...seizureRef, fields: seizureFieldsSchema }),
    z.object({ volume: z.number().int().min(0) }),
    'Adds one seizure (id chosen by the caller) where an import would place it: the case doc while it has room, else a volume; its "seizure.add" entry goes to the case doc. Returns the volume (0: the case doc).',
    'case.edit',
  ),
  'seizures.update': method(
    z.object({ ...seizureRef, patch: seizurePatchSchema }),
    z.object({ changed: z.array(z.string()) }),
    'Updates some fields of a seizure where it lives (case doc or volume); the audit entry in the case doc keeps old → new.',
    'case.edit',
  ),
  'seizures.restoreField': method(
    z.object({ ...seizureRef, field: z.enum(Object.keys(seizureFieldSchemas) as [keyof typeof seizureFieldSchemas, ...(keyof typeof seizureFieldSchemas)[]]), value: z.unknown() }),
    z.object({ changed: z.boolean() }),
    'Restores one field of a seizure to a value from its history, as a new attributed change ("seizure.restore").',
    'case.edit',
  ),
  'seizures.markReviewed': method(
    z.object(seizureRef),
    z.object({ changed: z.boolean() }),
    'Marks a seizure as reviewed ("Location checked"): clears its open review flags where it lives; the "seizure.review" audit entry in the case doc keeps the flags it cleared (their history). `changed` false: it had none.',
    'case.edit',
  ),
  'seizures.delete': method(
    z.object(seizureRef),
    z.object({ deleted: z.number().int() }),
    'Marks a seizure deleted where it lives (kept as a tombstone); the audit entry in the case doc keeps its summary.',
    'case.edit',
  ),
  'seizures.bulkDelete': method(
    bulkParams({}),
    z.object({ deleted: z.number().int() }),
    'Marks many seizures deleted (by id, or every one matching the table\'s filter but some: `matching`), one transaction per doc that holds them, one audit entry each; all are checked first.',
    'case.edit',
  ),
  'seizures.bulkUpdate': method(
    bulkParams({ patch: seizurePatchSchema }),
    z.object({ changed: z.array(z.string().uuid()) }),
    'Sets the same fields on many seizures (by id or `matching`), one transaction per doc, an audit entry per changed seizure; all are validated first.',
    'case.edit',
  ),
} as const;
