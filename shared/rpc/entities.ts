/**
 * RPC methods of entities across cases (issue 12 item 4), answered from the `identifier_index`
 * projection. Editing entities and links happens on the renderer's doc replica through
 * `shared/docs` (CaseDoc.addEntity, addLink…), like seizures; these are the queries a single
 * case doc cannot answer. Both leave out every case the member may not read.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from '../domain/entities';
import { method } from './define';

const uuid = z.string().uuid();

/** How strong a match is: an identifier ('strong') or a folded name alone ('weak'). */
export const matchStrengthSchema = z.enum(['strong', 'weak']);

/** One entity of another case sharing an identifier with an entity of this case. */
export const crossCaseMatchSchema = z.object({
  /** The entity of the asked case. */
  entityId: z.string(),
  otherCaseId: z.string(),
  otherCaseNumber: z.string(),
  otherCaseTitle: z.string(),
  otherDocName: z.string(),
  otherEntityId: z.string(),
  otherEntityKind: z.enum(ENTITY_KINDS),
  /** The other entity's display name. */
  otherLabel: z.string(),
  /** The identifier scheme (imo, iban, passport:NG, name…) and canonical value shared. */
  scheme: z.string(),
  value: z.string(),
  strength: matchStrengthSchema,
});
/** One cross-case match. */
export type CrossCaseMatch = z.infer<typeof crossCaseMatchSchema>;

/** An identifier shared by two or more cases, with where it appears. */
export const sharedIdentifierSchema = z.object({
  scheme: z.string(),
  value: z.string(),
  strength: matchStrengthSchema,
  cases: z.array(
    z.object({
      caseId: z.string(),
      number: z.string(),
      title: z.string(),
      docName: z.string(),
      entities: z.array(z.object({ entityId: z.string(), kind: z.enum(ENTITY_KINDS), label: z.string() })),
    }),
  ),
});
/** An identifier shared by two or more cases. */
export type SharedIdentifier = z.infer<typeof sharedIdentifierSchema>;

export const entitiesRpc = {
  'entities.alsoIn': method(
    z.object({ workspaceId: uuid, caseId: uuid, entityId: uuid.optional() }),
    z.array(crossCaseMatchSchema),
    'Entities of other readable cases sharing an identifier or name with an entity of this case (all its entities when entityId is omitted); strong matches first.',
    'case.read',
  ),
  'entities.sharedIdentifiers': method(
    z.object({ workspaceId: uuid, limit: z.number().int().min(1).max(5_000).default(1_000) }),
    z.array(sharedIdentifierSchema),
    'Every identifier or name shared by two or more cases the member may read; strong first, then by number of cases.',
    'workspace.read',
  ),
};
