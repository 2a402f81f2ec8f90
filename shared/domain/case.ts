/**
 * The case: a task-force case file. Its meta fields live in the case doc's `meta` map and are
 * mirrored into the workspace doc's case index (number, title, status, sector, TLP).
 *
 * The fields follow TheHive 5's case model (severity 1–4, TLP 2.0, PAP, tags, assignee,
 * resolution when closed), adapted to multi-agency environmental-crime cases (lead and
 * participating agencies, ISO 3166 jurisdictions). Fields added after layout 1 have zod defaults,
 * so a case created by an older client (or an older test fixture) still validates, and a replica
 * that has not received them reads the defaults.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { NestError, describeIssues, fieldIssues } from '../errors';
import { CASE_STATUSES, CRIME_SECTORS, TLP_MARKINGS } from './codes';
import { countryListSchema, idSchema, isoDateSchema, lineSchema } from './fields';

/** How a closed case ended (TheHive's "resolution status", with the outcomes of enforcement work). */
export const CASE_RESOLUTIONS = ['prosecuted', 'referred', 'no-further-action', 'duplicate', 'insufficient-evidence'] as const;
/** One case resolution. */
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];

/** Permissible Actions Protocol markings (FIRST PAP): what a recipient may do with the information. */
export const PAP_MARKINGS = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
/** One PAP marking. */
export type Pap = (typeof PAP_MARKINGS)[number];

/** Severity 1 (low) to 4 (critical), as in TheHive. */
export const CASE_SEVERITIES = [1, 2, 3, 4] as const;
/** One severity. */
export type Severity = (typeof CASE_SEVERITIES)[number];

/** Case number: `<PREFIX>-<YYYY>-<NNNN>`, unique per workspace, e.g. `NEST-2026-0001`. */
export const caseNumberSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,11}-\d{4}-\d{4,6}$/, t('field.case-number'));

/** A case tag: lower-case words, digits, '-', '_', ':' or '.', 1–40 characters (e.g. `pangolin`, `op:thunder`). */
export const caseTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,39}$/u, t('field.case-tag'));

/** A list of distinct tags (at most 30). */
export const caseTagListSchema = z
  .array(caseTagSchema)
  .max(30, t('field.case-tags-max', { max: 30 }))
  .refine((l) => new Set(l).size === l.length, { message: t('field.case-tag-repeated') });

/** A list of distinct agency names (at most 30), each a trimmed line. */
export const agencyListSchema = z
  .array(lineSchema(200).min(1, t('field.required')))
  .max(30, t('field.case-agencies-max', { max: 30 }))
  .refine((l) => new Set(l).size === l.length, { message: t('field.case-agency-repeated') });

/** A member id (the workspace's member record key), or '' for nobody. */
export const assigneeSchema = z.string().trim().max(100);

/** A calendar date YYYY-MM-DD, or '' when not set. */
const optionalDateSchema = z.union([z.literal(''), isoDateSchema]);

/**
 * Editable case meta fields (each written independently so concurrent edits of different
 * fields both survive). `jurisdictions` are ISO 3166-1 alpha-2 codes; dates are YYYY-MM-DD
 * (`closedOn` '' while open); `resolution` is '' until the case is closed; `assignee` a member id
 * or ''. Whole-record rule (checked by {@link caseRecordIssues}): a closed case has a resolution.
 */
export const caseFieldsSchema = z.object({
  title: lineSchema(200).min(1, t('field.required')),
  status: z.enum(CASE_STATUSES),
  sector: z.enum(CRIME_SECTORS),
  tlp: z.enum(TLP_MARKINGS),
  jurisdictions: countryListSchema,
  leadAgency: lineSchema(200),
  openedOn: isoDateSchema,
  resolution: z.union([z.literal(''), z.enum(CASE_RESOLUTIONS)]).default(''),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(2),
  pap: z.enum(PAP_MARKINGS).default('AMBER'),
  participatingAgencies: agencyListSchema.default([]),
  tags: caseTagListSchema.default([]),
  assignee: assigneeSchema.default(''),
  closedOn: optionalDateSchema.default(''),
});
/** Editable case meta fields (all present, after defaults). */
export type CaseFields = z.infer<typeof caseFieldsSchema>;
/** Case fields as a caller may give them: the fields added after layout 1 may be left out. */
export type CaseFieldsInput = z.input<typeof caseFieldsSchema>;
/** One editable case field name. */
export type CaseField = keyof CaseFields;

/**
 * Whole-record rules of the case fields, as field issues (empty when the fields are consistent):
 * a closed case needs a resolution, and `closedOn` is not before `openedOn`.
 */
export function caseRecordIssues(f: Pick<CaseFields, 'status' | 'resolution' | 'openedOn' | 'closedOn'>): { field: CaseField; message: string }[] {
  const out: { field: CaseField; message: string }[] = [];
  if (f.status === 'closed' && !f.resolution) out.push({ field: 'resolution', message: t('field.case-resolution-required') });
  if (f.closedOn && f.closedOn < f.openedOn) out.push({ field: 'closedOn', message: t('field.case-closed-before-opened') });
  return out;
}

/** Which written fields each whole-case rule of {@link caseRecordIssues} is about (by the field it names). */
const RULE_INPUTS: Partial<Record<CaseField, readonly string[]>> = { resolution: ['status', 'resolution'], closedOn: ['openedOn', 'closedOn'] };

/**
 * @param written when given, only the rules about one of these fields are checked (a patch that
 *   writes neither status nor resolution is not refused for a merge's closed case without one).
 * @throws NestError('validation') naming the fields that break a whole-case rule ({@link caseRecordIssues}).
 */
export function requireConsistentCase(f: Pick<CaseFields, 'status' | 'resolution' | 'openedOn' | 'closedOn'>, written?: readonly string[]): void {
  const issues = caseRecordIssues(f)
    .filter((i) => !written || (RULE_INPUTS[i.field] ?? [i.field]).some((k) => written.includes(k)))
    .map((i) => ({ path: [i.field], message: i.message }));
  if (issues.length) throw new NestError('validation', describeIssues(issues), fieldIssues(issues));
}

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
  return {
    title: '',
    status: 'open',
    sector: 'wildlife',
    tlp: 'AMBER',
    jurisdictions: [],
    leadAgency: '',
    openedOn: today,
    resolution: '',
    severity: 2,
    pap: 'AMBER',
    participatingAgencies: [],
    tags: [],
    assignee: '',
    closedOn: '',
  };
}
