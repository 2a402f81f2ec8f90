/**
 * `cases.stats`: a case's key figures over every seizure it holds — in the case doc and in its
 * volume docs alike (issue 11 item 4, tester finding G-IMP-1: the overview said "1,000 seizures"
 * for a 30,000-seizure case because it counted the window's replica). Answered from the `seizures`
 * projection, so no seizure travels to the renderer to be counted. `seizures.periods` counts them
 * per timeline period the same way, for a timeline that loads a period's seizures on demand.
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

/** How many live seizures of a case fall in one timeline period (`YYYY-MM`, or `YYYY` for dates known only to the year). */
export const periodCountSchema = z.object({ period: z.string(), count: z.number().int() });
/** The seizure count of one timeline period. */
export type PeriodCount = z.infer<typeof periodCountSchema>;

export const caseStatsRpc = {
  'cases.stats': method(
    z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid() }),
    caseStatsSchema,
    'Key figures of a case over all its seizures (case doc and volume docs): count, mapped, seizing countries, period, reported values per currency.',
    'case.read',
  ),
  'seizures.periods': method(
    z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid() }),
    z.array(periodCountSchema),
    'How many of a case\'s live seizures (case doc and volume docs) fall in each timeline period, in timeline order (shared/timeline/timeline.ts comparePeriods); periods without seizures are left out. The timeline loads a period\'s seizures with `seizures.page` `period`.',
    'case.read',
  ),
} as const;
