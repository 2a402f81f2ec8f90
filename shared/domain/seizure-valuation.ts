/**
 * A seizure valuation record and a case's interdiction-rate assumption: the inputs of an estimate
 * that belong to a case (case doc: map `valuations`, map `estimateAssumptions`). The arithmetic that
 * turns them into ranges is in `shared/valuation/`.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { idSchema, lineSchema } from './fields';

const factorEnd = z.number().finite().positive(t('field.positive')).max(1e6, t('field.at-most', { max: 1e6 }));

/**
 * A conversion factor range (dimensionless, 0 < low ≤ high) and what it converts, e.g. 1.2–1.5
 * "worked to raw ivory equivalent". Stored as one value so that its two ends always change together.
 */
export const factorSchema = z
  .object({
    low: factorEnd,
    high: factorEnd,
    label: lineSchema(200).min(1, t('field.required-factor-label')),
  })
  .superRefine((f, ctx) => {
    if (f.low > f.high) ctx.addIssue({ code: 'custom', path: ['low'], message: t('field.low-above-high-factor') });
  });
/** A conversion factor range with its label. */
export type Factor = z.infer<typeof factorSchema>;

/**
 * Per-field schemas of a valuation: which seizure (`seizureId`, in the same case doc) is valued with
 * which price reference (`priceReferenceId`, in the workspace's `priceReferences`), with an optional
 * conversion `factor`, and free-text `notes`.
 */
export const valuationFieldSchemas = {
  seizureId: idSchema,
  priceReferenceId: idSchema,
  factor: factorSchema.nullable(),
  notes: z.string().max(10_000, t('field.max-characters', { max: 10_000 })),
} as const;

/** All editable fields of a valuation. */
export const valuationFieldsSchema = z.object(valuationFieldSchemas);
/** All editable fields of a valuation. */
export type ValuationFields = z.infer<typeof valuationFieldsSchema>;

/** A valuation as stored: fields plus id and authorship stamps (ms since epoch). */
export const valuationRecordSchema = z.object({
  ...valuationFieldSchemas,
  id: idSchema,
  createdBy: z.string(),
  createdAt: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.number().int(),
});
/** A valuation as stored. */
export type ValuationRecord = z.infer<typeof valuationRecordSchema>;

const shareSchema = z.number().finite().gt(0, t('field.share-above-zero')).max(1, t('field.share-at-most-all'));

/**
 * A case's interdiction-rate assumption: the seized share of the whole flow lies between `low` and
 * `high` (fractions, 0 < low ≤ high ≤ 1: 0.1–0.3 means "seizures are 10–30 % of the flow").
 * `basis` says where the assumption comes from; it is always presented as an assumption.
 */
export const interdictionAssumptionSchema = z
  .object({
    low: shareSchema,
    high: shareSchema,
    basis: lineSchema(500).min(1, t('field.required-assumption-basis')),
    notes: z.string().max(10_000, t('field.max-characters', { max: 10_000 })),
  })
  .superRefine((a, ctx) => {
    if (a.low > a.high) ctx.addIssue({ code: 'custom', path: ['low'], message: t('field.low-above-high-rate') });
  });
/** A case's interdiction-rate assumption. */
export type InterdictionAssumption = z.infer<typeof interdictionAssumptionSchema>;
