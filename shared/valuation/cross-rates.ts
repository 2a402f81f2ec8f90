/**
 * Cross rates and conversions through the euro: X → Y at a date is perEur(Y) / perEur(X), from two
 * quotes of a rate table.
 */
import { dayNumber } from './dates';
import { moneyRange, type MoneyRange } from './money';
import type { ConversionResult, CrossRateResult, RateQuote } from './rate-types';

/** Looks up the quote of a currency at a date (a rate table's `quote`). */
export type QuoteFn = (currency: string, date: string) => RateQuote | null;

/**
 * The cross rate `from` → `to` at `date`, through EUR: perEur(to) / perEur(from).
 * @returns `{ ok: false, missing }` naming each currency with no rate on or before `date`.
 * @throws NestError('validation') when `date` is not a real YYYY-MM-DD date.
 */
export function crossRate(quote: QuoteFn, from: string, to: string, date: string): CrossRateResult {
  dayNumber(date);
  if (from === to) return { ok: true, rate: { from, to, requestedDate: date, rate: 1, legs: null, stale: false } };
  const qf = quote(from, date);
  const qt = quote(to, date);
  if (!qf || !qt) return { ok: false, missing: [...(qf ? [] : [from]), ...(qt ? [] : [to])], date };
  const stale = qf.stale || qt.stale || Boolean(qf.usdLeg?.stale) || Boolean(qt.usdLeg?.stale);
  return { ok: true, rate: { from, to, requestedDate: date, rate: qt.perEur / qf.perEur, legs: { from: qf, to: qt }, stale } };
}

/**
 * `range` converted to `to` at `date`: each end is amount / perEur(from) × perEur(to).
 * @returns the converted range with the cross rate used, or `{ ok: false, missing }`.
 * @throws NestError('validation') when `date` is not a real date.
 */
export function convertRange(quote: QuoteFn, range: MoneyRange, to: string, date: string): ConversionResult {
  const r = crossRate(quote, range.currency, to, date);
  if (!r.ok) return r;
  const legs = r.rate.legs;
  const conv = (x: number): number => (legs ? (x / legs.from.perEur) * legs.to.perEur : x);
  return { ok: true, range: moneyRange(conv(range.low), conv(range.high), to), rate: r.rate };
}
