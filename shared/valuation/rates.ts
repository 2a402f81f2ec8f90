/**
 * Dated exchange rates and currency conversion through the euro.
 *
 * Source of the shipped rates: the European Central Bank's euro foreign exchange reference rates,
 * file `eurofxref-hist.csv` (a snapshot ships in `resources/rates/`, see its README). Layout, as the
 * ECB publishes it: a header `Date,USD,JPY,…,` then one line per TARGET business day, newest first;
 * each cell is the number of units of that currency per 1 EUR, or `N/A` when the ECB published no
 * rate (a currency not yet or no longer quoted); a trailing comma ends every line.
 *
 * Rules (see docs/valuation.md):
 * - The rate of a currency at a date is the latest published rate on or before that date (weekends
 *   and TARGET holidays take the previous business day); every quote carries its own date.
 * - A quote older than `staleAfterDays` (default {@link DEFAULT_STALE_AFTER_DAYS}) is flagged stale.
 * - X → Y goes through EUR: amount_Y = amount_X / perEur(X) × perEur(Y); EUR is 1 per EUR by definition.
 * - Users add rates the ECB does not quote, with their source: per EUR, or per USD. A per-USD rate
 *   is expressed per EUR with the ECB USD rate of the date being converted, so a conversion to USD
 *   gives back exactly the rate the user entered. When an ECB rate and a user rate both exist, the
 *   later-dated one is used; on the same date the ECB rate wins.
 *
 * Look-ups are binary searches on per-currency arrays of day numbers (Int32Array) and rates
 * (Float64Array). This module reads no files: callers pass the CSV text.
 *
 * The parts, by job: rate-types.ts (shapes), ecb-csv.ts (parsing the ECB file), ecb-series.ts
 * (look-up and merge of series), quoting-rules.ts (stopped, suspended and replaced currencies),
 * user-rates.ts, cross-rates.ts, rate-table.ts. This module re-exports them as one entry point.
 */

export * from './rate-types';
export { parseEcbCsv } from './ecb-csv';
export { lastOnOrBefore, mergeEcbRates } from './ecb-series';
export { EURO_CHANGEOVERS } from './quoting-rules';
export { checkUserRate } from './user-rates';
export { RateTable, type RateTableOptions } from './rate-table';
