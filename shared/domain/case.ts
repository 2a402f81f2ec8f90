/**
 * The case: a task-force case file. Its meta fields live in the case doc's `meta` map and are
 * mirrored into the workspace doc's case index (number, title, status, sector, TLP).
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { CASE_STATUSES, CRIME_SECTORS, TLP_MARKINGS } from './codes';
import { countryListSchema, idSchema, isoDateSchema, lineSchema } from './fields';

/** Case number: `<PREFIX>-<YYYY>-<NNNN>`, unique per workspace, e.g. `NEST-2026-0001`. */
export const caseNumberSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,11}-\d{4}-\d{4,6}$/, t('field.case-number'));

/**
 * Editable case meta fields (each written independently so concurrent edits of different
 * fields both survive). `jurisdictions` are ISO 3166-1 alpha-2 codes; `openedOn` is YYYY-MM-DD.
 */
export const caseFieldsSchema = z.object({
  title: lineSchema(200).min(1, t('field.required')),
  status: z.enum(CASE_STATUSES),
  sector: z.enum(CRIME_SECTORS),
  tlp: z.enum(TLP_MARKINGS),
  jurisdictions: countryListSchema,
  leadAgency: lineSchema(200),
  openedOn: isoDateSchema,
});
/** Editable case meta fields. */
export type CaseFields = z.infer<typeof caseFieldsSchema>;

/** A case's meta as stored: the editable fields plus the number, id and authorship stamps (ms since epoch). */
export const caseMetaSchema = caseFieldsSchema.extend({
  id: idSchema,
  number: caseNumberSchema,
  createdBy: z.string(),
  createdAt: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.number().int(),
});
/** A case's meta as stored. */
export type CaseMeta = z.infer<typeof caseMetaSchema>;

/** Defaults for a new case, given today's date (YYYY-MM-DD). */
export function newCaseFields(today: string): CaseFields {
  return { title: '', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: [], leadAgency: '', openedOn: today };
}
