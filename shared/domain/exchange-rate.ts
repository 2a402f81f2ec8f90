/**
 * A user-entered exchange rate: for a currency the ECB does not quote (VND, NGN, KES, XOF…), or a
 * date after the shipped ECB snapshot. Stored in the workspace doc (map `exchangeRates`) and fed
 * to the valuation rate table (`shared/valuation/rates.ts`) as a `UserRate`.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { currencyCodeSchema, idSchema, pastDateSchema, lineSchema } from './fields';

const rateSchema = z.number().finite().positive(t('field.positive')).max(1e12, t('field.at-most', { max: 1e12 }));

/**
 * Per-field schemas of a user exchange rate: `perEur` units of `currency` per 1 EUR, or `perUsd`
 * units per 1 USD (exactly one is set, the other null); `date` (YYYY-MM-DD, 1900 to today) from which the rate
 * applies (it is used for later dates until a newer rate exists); `source` says where it comes
 * from (e.g. "State Bank of Vietnam central rate, 3 Jan 2023").
 */
export const exchangeRateFieldSchemas = {
  currency: currencyCodeSchema.refine((c) => c !== 'EUR', { message: t('field.base-currency') }),
  perEur: rateSchema.nullable(),
  perUsd: rateSchema.nullable(),
  date: pastDateSchema,
  source: lineSchema(500).min(1, t('field.required-rate-source')),
  notes: z.string().max(10_000, t('field.max-characters', { max: 10_000 })),
} as const;

/** Cross-field rules: exactly one of perEur/perUsd; a USD rate is given per EUR. */
function checkRate(r: { currency: string; perEur: number | null; perUsd: number | null }, ctx: z.RefinementCtx): void {
  if ((r.perEur === null) === (r.perUsd === null)) {
    ctx.addIssue({ code: 'custom', path: ['perEur'], message: t('field.rate-per-eur-or-usd') });
  }
  if (r.currency === 'USD' && r.perUsd !== null) ctx.addIssue({ code: 'custom', path: ['perUsd'], message: t('field.usd-rate-per-eur') });
}

/** All editable fields of a user exchange rate, with cross-field rules. */
export const exchangeRateFieldsSchema = z.object(exchangeRateFieldSchemas).superRefine(checkRate);
/** All editable fields of a user exchange rate. */
export type ExchangeRateFields = z.infer<typeof exchangeRateFieldsSchema>;

/** A user exchange rate as stored: fields plus id and authorship stamps (ms since epoch). */
export const exchangeRateSchema = z
  .object({
    ...exchangeRateFieldSchemas,
    id: idSchema,
    createdBy: z.string(),
    createdAt: z.number().int(),
    updatedBy: z.string(),
    updatedAt: z.number().int(),
  })
  .superRefine(checkRate);
/** A user exchange rate as stored. */
export type ExchangeRate = z.infer<typeof exchangeRateSchema>;
