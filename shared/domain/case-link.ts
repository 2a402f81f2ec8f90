/**
 * A link from one case to another (issue 12 item 7): "this case relates to that one", with how and
 * why, so that investigations in different jurisdictions or agencies that touch the same network,
 * shipment or suspects are read together. The other case is named by its id (any case of the
 * workspace; the reader decides, by the permission model, whether to show its number and title).
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { freeOfBidiControls, idSchema, lineSchema } from './fields';

/**
 * How two cases relate: `same-network` (the same criminal network), `same-shipment` (the same
 * consignment seen at several places), `same-suspects`, `follow-up` (this case continues that one),
 * `parallel` (a parallel investigation, e.g. in another country), `other` (the reason says).
 */
export const CASE_RELATIONS = ['same-network', 'same-shipment', 'same-suspects', 'follow-up', 'parallel', 'other'] as const;
/** How two cases relate. */
export type CaseRelation = (typeof CASE_RELATIONS)[number];

/** Per-field schemas of a case link. */
export const caseLinkFieldSchemas = {
  caseId: idSchema,
  relation: z.enum(CASE_RELATIONS),
  // A reason is read as the why of a link in court: what is shown must be what is stored.
  reason: lineSchema(1000).min(1, t('field.required')).refine(freeOfBidiControls, { message: t('field.bidi-control') }),
};

/** A case link's fields, validated as a whole. */
export const caseLinkFieldsSchema = z.object(caseLinkFieldSchemas);
/** A case link's fields. */
export type CaseLinkFields = z.infer<typeof caseLinkFieldsSchema>;

/** A case link as read: its fields, id and stamps (ms since epoch). */
export type CaseLink = CaseLinkFields & { id: string; createdBy: string; createdAt: number; updatedBy: string; updatedAt: number };
