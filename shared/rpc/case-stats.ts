/**
 * `cases.stats`: a case's key figures over every seizure it holds — in the case doc and in its
 * volume docs alike (issue 11 item 4, tester finding G-IMP-1: the overview said "1,000 seizures"
 * for a 30,000-seizure case because it counted the window's replica). Answered from the `seizures`
 * projection, so no seizure travels to the renderer to be counted.
 */
import { z } from 'zod';
import { DATE_PRECISIONS } from '../domain/codes';
import { method } from './define';

/** A seizure date as recorded: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at its precision. */
export const statDateSchema = z.object({ seizureDate: z.string(), datePrecision: z.enum(DATE_PRECISIONS) });

/** Reported values of one ISO 4217 currency, summed as reported (never converted). */
export const currencyTotalSchema = z.object({
  currency: z.string(),
  /** Sum of the reported values in `currency`. */
  total: z.number(),
  /** Number of seizures that reported a value in `currency`. */
  count: z.number().int(),
});
/** Reported values of one currency. */
export type CurrencyTotal = z.infer<typeof currencyTotalSchema>;

/**
 * The key figures of one case's live seizures. `first`/`last` are the earliest and latest by
 * seizure date (ties by id), null when the case has none; `countryCount` counts distinct valid
 * ISO 3166-1 seizing countries (a missing or unknown code is not a country of its own);
 * `reportedTotals` per currency, most seizures first, then the larger total.
 */
export const caseStatsSchema = z.object({
  seizureCount: z.number().int(),
  mappedCount: z.number().int(),
  countryCount: z.number().int(),
  first: statDateSchema.nullable(),
  last: statDateSchema.nullable(),
  reportedTotals: z.array(currencyTotalSchema),
});
/** The key figures of a case. */
export type CaseStats = z.infer<typeof caseStatsSchema>;

export const caseStatsRpc = {
  'cases.stats': method(
    z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid() }),
    caseStatsSchema,
    'Key figures of a case over all its seizures (case doc and volume docs): count, mapped, seizing countries, period, reported values per currency.',
    'case.read',
  ),
} as const;
