/**
 * A case template (issue 12 item 1, after TheHive's case templates): a workspace-level recipe for
 * a kind of case — a title prefix, default case fields and a bundle of tasks. Applied when a
 * case is created, or later: it adds its tasks and fills only the case fields that are still
 * empty (it never overwrites what a member wrote).
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { lineSchema } from './fields';
import { caseFieldsSchema } from './case';

/** The case fields a template may preset (not the title, dates, status or resolution, which belong to each case). */
export const TEMPLATE_FIELD_KEYS = ['sector', 'tlp', 'pap', 'severity', 'jurisdictions', 'leadAgency', 'participatingAgencies', 'tags', 'assignee'] as const;
/** One presettable field. */
export type TemplateField = (typeof TEMPLATE_FIELD_KEYS)[number];

const f = caseFieldsSchema.shape;
/** The defaults a template sets: any of {@link TEMPLATE_FIELD_KEYS}. */
export const templateDefaultsSchema = z
  .object({
    sector: f.sector,
    tlp: f.tlp,
    pap: f.pap.unwrap(),
    severity: f.severity.unwrap(),
    jurisdictions: f.jurisdictions,
    leadAgency: f.leadAgency,
    participatingAgencies: f.participatingAgencies.unwrap(),
    tags: f.tags.unwrap(),
    assignee: f.assignee.unwrap(),
  })
  .partial()
  .strict();
/** A template's default case fields. */
export type TemplateDefaults = z.infer<typeof templateDefaultsSchema>;

/** One task of a template's bundle: due `dueInDays` days after the template is applied (null: no due date). */
export const templateTaskSchema = z.object({
  title: lineSchema(200).min(1, t('field.required')),
  agency: lineSchema(200).default(''),
  dueInDays: z.number().int().min(0).max(3650).nullable().default(null),
});
/** One task of a template. */
export type TemplateTask = z.infer<typeof templateTaskSchema>;

/** Per-field schemas of a case template. */
export const caseTemplateFieldSchemas = {
  name: lineSchema(100).min(1, t('field.required')),
  /** Kept as written (not trimmed): a prefix such as "Port seizure: " ends with its space. */
  titlePrefix: z.string().max(60, t('field.max-characters', { max: 60 })),
  defaults: templateDefaultsSchema,
  tasks: z.array(templateTaskSchema).max(100, t('field.at-most', { max: 100 })),
};
/** A case template's fields, validated whole. */
export const caseTemplateFieldsSchema = z.object(caseTemplateFieldSchemas);
/** A case template's fields. */
export type CaseTemplateFields = z.infer<typeof caseTemplateFieldsSchema>;
/** A case template as read: fields, id and stamps (ms since epoch). */
export type CaseTemplate = CaseTemplateFields & { id: string; updatedBy: string; updatedAt: number };
