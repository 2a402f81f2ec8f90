/**
 * A price reference: one published unit price of a commodity, as a low–high range with its
 * currency, unit, market level, place, date and citation. Price references are a workspace
 * reference list (workspace doc, map `priceReferences`) that valuations of seizures point to.
 *
 * The citation is two flat fields (`citationTitle`, `citationUrl`) rather than one object, so
 * that concurrent edits of the title and of the URL both survive (each field is its own Y.Map key).
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { QUANTITY_UNITS } from './codes';
import { countryCodeSchema, currencyCodeSchema, idSchema, pastDateSchema, lineSchema, urlOrEmptySchema } from './fields';

/**
 * Where in the trade chain a price was observed: `source` (paid to poachers, loggers, miners, at or
 * near the point of extraction), `wholesale` (bulk, between traders, often at the destination
 * market) or `retail` (paid by the end consumer).
 */
export const MARKET_LEVELS = ['source', 'wholesale', 'retail'] as const;
/** One market level. */
export type MarketLevel = (typeof MARKET_LEVELS)[number];
/** Display labels of {@link MARKET_LEVELS}. */
export const MARKET_LEVEL_LABELS: Record<MarketLevel, string> = {
  source: 'Source (point of extraction)',
  wholesale: 'Wholesale',
  retail: 'Retail',
};

/** A unit price: finite, not negative. */
const priceSchema = z.number().finite().nonnegative(t('field.non-negative')).max(1e12, t('field.at-most', { max: 1e12 }));

/**
 * Per-field schemas of a price reference. `low`/`high` are the price of ONE `unit` (e.g. USD per kg)
 * in `currency` (ISO 4217); `date` (YYYY-MM-DD, 1900 to today) is when the price was observed or published;
 * `country` (ISO 3166-1 alpha-2) is where, or null for an international price.
 */
export const priceReferenceFieldSchemas = {
  commodity: lineSchema(200).min(1, t('field.required')),
  taxon: lineSchema(300),
  low: priceSchema,
  high: priceSchema.refine((v) => v > 0, { message: t('field.positive') }),
  currency: currencyCodeSchema,
  unit: z.enum(QUANTITY_UNITS),
  marketLevel: z.enum(MARKET_LEVELS),
  place: lineSchema(300).min(1, t('field.required-price-place')),
  country: countryCodeSchema.nullable(),
  date: pastDateSchema,
  citationTitle: lineSchema(500).min(1, t('field.required-price-source')),
  citationUrl: urlOrEmptySchema,
  notes: z.string().max(10_000, t('field.max-characters', { max: 10_000 })),
} as const;

/** Names of the editable price-reference fields. */
export type PriceReferenceField = keyof typeof priceReferenceFieldSchemas;

/** Cross-field rule: low ≤ high. */
function checkPrice(p: { low: number; high: number }, ctx: z.RefinementCtx): void {
  if (p.low > p.high) ctx.addIssue({ code: 'custom', path: ['low'], message: t('field.low-above-high-price') });
}

/** All editable fields of a price reference, with the cross-field rule. */
export const priceReferenceFieldsSchema = z.object(priceReferenceFieldSchemas).superRefine(checkPrice);
/** All editable fields of a price reference. */
export type PriceReferenceFields = z.infer<typeof priceReferenceFieldsSchema>;

/** A price reference as stored: fields plus id and authorship stamps (ms since epoch). */
export const priceReferenceSchema = z
  .object({
    ...priceReferenceFieldSchemas,
    id: idSchema,
    createdBy: z.string(),
    createdAt: z.number().int(),
    updatedBy: z.string(),
    updatedAt: z.number().int(),
  })
  .superRefine(checkPrice);
/** A price reference as stored. */
export type PriceReference = z.infer<typeof priceReferenceSchema>;

/** A blank price reference for the "add price" form, dated `today` (YYYY-MM-DD). */
export function newPriceReferenceFields(today: string): PriceReferenceFields {
  return {
    commodity: '',
    taxon: '',
    low: 0,
    high: 0,
    currency: 'USD',
    unit: 'kg',
    marketLevel: 'wholesale',
    place: '',
    country: null,
    date: today,
    citationTitle: '',
    citationUrl: '',
    notes: '',
  };
}
