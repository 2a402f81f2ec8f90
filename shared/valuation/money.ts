/**
 * Money: an amount is never a bare number. {@link Money} and {@link MoneyRange} always carry their
 * ISO 4217 currency, and arithmetic that would mix currencies throws instead of silently adding
 * HKD to USD. Conversion between currencies lives in `rates.ts`, and always names its rate.
 *
 * Amounts are non-negative finite numbers in major units (e.g. 10.5 = HKD 10.50); they are kept at
 * full double precision and rounded only for display ({@link formatMoney}).
 */
import { NestError } from '../errors';
import { currencyDigits } from '../domain/iso';
import { exactSum, hull, nonNegative, scale, type Interval } from './interval';

/** One amount in one currency. `amount` ≥ 0, major units; `currency` a three-letter ISO 4217 code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** A range of amounts [low, high] in one currency (0 ≤ low ≤ high, major units). */
export interface MoneyRange extends Interval {
  readonly currency: string;
}

const CODE = /^[A-Z]{3}$/;

function requireCurrency(currency: string, what: string): void {
  // Shape only: withdrawn codes (e.g. HRK, or the pre-euro currencies in the ECB file) are still valid
  // for historical figures. Schemas at the edges check membership in the current ISO 4217 list.
  if (typeof currency !== 'string' || !CODE.test(currency)) {
    throw new NestError('validation', { id: 'valuation-core.currency-code', values: { what, currency: String(currency) } }, [
      { field: 'currency', message: 'must be a three-letter ISO 4217 code' },
    ]);
  }
}

/**
 * An amount of money.
 * @throws NestError('validation') for a negative or non-finite amount or a malformed currency code.
 */
export function money(amount: number, currency: string): Money {
  requireCurrency(currency, 'money');
  nonNegative(amount, amount, 'money');
  return { amount, currency };
}

/**
 * A money range [low, high] in `currency`.
 * @throws NestError('validation') when not 0 ≤ low ≤ high (finite) or the currency code is malformed.
 */
export function moneyRange(low: number, high: number, currency: string): MoneyRange {
  requireCurrency(currency, 'money range');
  const r = nonNegative(low, high, 'money range');
  return { low: r.low, high: r.high, currency };
}

/** The degenerate range [m.amount, m.amount]. */
export function rangeOf(m: Money): MoneyRange {
  return moneyRange(m.amount, m.amount, m.currency);
}

/** Zero in `currency`, as a range. */
export function zero(currency: string): MoneyRange {
  return moneyRange(0, 0, currency);
}

/** Throws unless every range is in `currency`: money of different currencies is never added. */
export function requireSameCurrency(currency: string, items: readonly { currency: string }[], what = 'add'): void {
  for (const it of items) {
    if (it.currency !== currency) {
      throw new NestError('validation', { id: 'valuation-core.currency-mix', values: { what, from: it.currency, currency } }, [
        { field: 'currency', message: `${it.currency} is not ${currency}` },
      ]);
    }
  }
}

/**
 * a + b, both in the same currency.
 * @throws NestError('validation') when the currencies differ.
 */
export function addMoney(a: MoneyRange, b: MoneyRange): MoneyRange {
  requireSameCurrency(a.currency, [b]);
  return moneyRange(a.low + b.low, a.high + b.high, a.currency);
}

/**
 * The sum of `items`, all in `currency` (the currency is named so that an empty sum is still money:
 * zero in that currency). Each end is exactly rounded, so the order of `items` does not matter.
 * @throws NestError('validation') when an item is in another currency.
 */
export function sumMoney(items: readonly MoneyRange[], currency: string): MoneyRange {
  requireCurrency(currency, 'sum');
  requireSameCurrency(currency, items, 'sum');
  return moneyRange(exactSum(items.map((i) => i.low)), exactSum(items.map((i) => i.high)), currency);
}

/** `a` times a non-negative interval `k` (a quantity, a factor), in a's currency. @throws NestError('validation'). */
export function scaleMoney(a: MoneyRange, k: Interval): MoneyRange {
  const r = scale(a, k);
  return moneyRange(r.low, r.high, a.currency);
}

/** The envelope of several ranges in one currency (e.g. alternative valuations of one seizure). @throws NestError('validation'). */
export function hullMoney(items: readonly MoneyRange[]): MoneyRange {
  if (!items.length) throw new NestError('validation', { id: 'valuation-core.hull-empty' });
  requireSameCurrency(items[0]!.currency, items, 'hull');
  const r = hull(items);
  return moneyRange(r.low, r.high, items[0]!.currency);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number with thousands separators and exactly `decimals` decimals, e.g. 1234567.891 → "1,234,567.89".
 * Locale-independent (always "," and "."), so exports read the same on every machine.
 */
export function formatNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupThousands(int!)}${frac ? `.${frac}` : ''}`;
}

/**
 * A number rounded to `significant` significant digits, written out with separators and no
 * exponent, e.g. (1234567, 3) → "1,230,000", (0.012345, 3) → "0.0123". For rates and quantities.
 */
export function formatSignificant(value: number, significant = 6): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(significant));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.max(0, significant - 1 - magnitude);
  return formatNumber(rounded, Math.min(decimals, 20)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** "HKD 10,600,000.00": the currency code, then the amount with the currency's ISO 4217 minor digits. */
export function formatMoney(m: Money): string {
  return `${m.currency} ${formatNumber(m.amount, currencyDigits(m.currency))}`;
}

/** Rounding direction for the ends of a range: the low end down, the high end up. */
export type RoundDirection = 'down' | 'up';

/**
 * `value` rounded toward -∞ (`down`) or +∞ (`up`) at `decimals` decimals (negative `decimals`
 * round to tens, hundreds…). Binary float noise is removed first (to 15 significant digits, where
 * the value allows it), so that 2.0000000000000004 rounds up to 2, not 3, and 0.29 × 100 down to 29.
 */
export function roundDirected(value: number, decimals: number, dir: RoundDirection): number {
  const step = 10 ** Math.abs(decimals);
  const raw = decimals >= 0 ? value * step : value / step;
  const clean = Math.abs(raw) < 1e15 ? Number(raw.toPrecision(15)) : raw;
  const whole = dir === 'down' ? Math.floor(clean) : Math.ceil(clean);
  return decimals >= 0 ? whole / step : whole * step;
}

/**
 * `value` rounded to `significant` significant digits toward -∞ or +∞, e.g. (965,790, 3, down)
 * → 965,000, (2,771,100, 3, up) → 2,780,000. For the ends of a range shown in short form.
 */
export function roundSignificantDirected(value: number, significant: number, dir: RoundDirection): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return roundDirected(value, significant - 1 - magnitude, dir);
}

/**
 * "USD 1,234,000 – 5,678,000": a range with both ends in whole units of the currency (an
 * estimate's cents mean nothing), or at `decimals` when given. The ends are rounded outward (low
 * down, high up), so the printed range always contains the computed one and never overstates the
 * low end; a degenerate range (low = high) is rounded to nearest and prints one amount.
 */
export function formatMoneyRange(r: MoneyRange, decimals = 0): string {
  const [low, high] = formatRangeEnds(r, decimals);
  return low === high ? `${r.currency} ${low}` : `${r.currency} ${low} – ${high}`;
}

/**
 * The two ends of a range as numbers without currency, rounded outward as in
 * {@link formatMoneyRange} (for tables with a Low and a High column): (21,918.8, 43,837.6) →
 * ["21,918", "43,838"]; a degenerate range gives the nearest amount twice.
 */
export function formatRangeEnds(r: { low: number; high: number }, decimals = 0): [low: string, high: string] {
  if (r.low === r.high) {
    const one = formatNumber(r.low, decimals);
    return [one, one];
  }
  return [formatNumber(roundDirected(r.low, decimals, 'down'), decimals), formatNumber(roundDirected(r.high, decimals, 'up'), decimals)];
}
