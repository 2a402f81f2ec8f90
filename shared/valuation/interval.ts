/**
 * Closed intervals [low, high] of finite numbers: the arithmetic under every estimate in NEST Desk.
 * An estimate is never a single figure but the range its inputs allow, so quantities, prices,
 * factors, rates and totals are all intervals, and each operation returns the tightest interval
 * that contains every result its operands allow.
 *
 * Invariants (checked by {@link interval}; every function here returns intervals that keep them):
 * `low` and `high` are finite and `low <= high`. Money intervals are also non-negative
 * ({@link nonNegative}). Operations are plain IEEE-754 double arithmetic, which is monotone, so
 * `low <= high` survives rounding; sums use an exactly rounded summation so that they do not
 * depend on the order of their terms.
 *
 * Errors: invalid operands throw `NestError('validation')` naming the operation and the values.
 */
import { NestError } from '../errors';

/** A closed interval of finite numbers with `low <= high`. Units are those of the caller (kg, USD, a ratio…). */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

function fail(what: string, detail: string): never {
  throw new NestError('validation', { id: 'valuation-core.interval', values: { what, detail } }, [{ field: what, message: detail }]);
}

/**
 * The interval [low, high].
 * @throws NestError('validation') when either end is not finite or `low > high`.
 */
export function interval(low: number, high: number, what = 'interval'): Interval {
  if (!Number.isFinite(low) || !Number.isFinite(high)) fail(what, `ends must be finite numbers (got ${low}, ${high})`);
  if (low > high) fail(what, `low (${low}) must not exceed high (${high})`);
  return { low, high };
}

/** The degenerate interval [x, x]. @throws NestError('validation') when `x` is not finite. */
export function point(x: number, what = 'value'): Interval {
  return interval(x, x, what);
}

/**
 * The interval [low, high] with `0 <= low <= high`: the form every money amount, quantity,
 * unit price and factor takes.
 * @throws NestError('validation') when not finite, reversed or negative.
 */
export function nonNegative(low: number, high: number, what = 'interval'): Interval {
  const r = interval(low, high, what);
  if (r.low < 0) fail(what, `must not be negative (low is ${low})`);
  return r;
}

/** True when `v` is an interval object with finite ends and `low <= high`. */
export function isInterval(v: unknown): v is Interval {
  if (!v || typeof v !== 'object') return false;
  const { low, high } = v as { low?: unknown; high?: unknown };
  return typeof low === 'number' && typeof high === 'number' && Number.isFinite(low) && Number.isFinite(high) && low <= high;
}

function checked(low: number, high: number, what: string): Interval {
  if (!Number.isFinite(low) || !Number.isFinite(high)) fail(what, 'the result is too large to represent');
  return { low, high };
}

function requireNonNegative(a: Interval, what: string): void {
  if (!isInterval(a)) fail(what, `not a valid interval (${JSON.stringify(a)})`);
  if (a.low < 0) fail(what, `operand must not be negative (low is ${a.low})`);
}

/** a + b = [a.low + b.low, a.high + b.high]. @throws NestError('validation') on overflow. */
export function add(a: Interval, b: Interval): Interval {
  return checked(a.low + b.low, a.high + b.high, 'add');
}

/**
 * `a` scaled by a non-negative interval `k`: every x·y with x in a, y in k. For a non-negative `a`
 * this is [a.low·k.low, a.high·k.high]; for a negative `a.low` the low end is a.low·k.high.
 * @throws NestError('validation') when `k` is negative or the result overflows.
 */
export function scale(a: Interval, k: Interval): Interval {
  requireNonNegative(k, 'scale');
  const low = Math.min(a.low * k.low, a.low * k.high);
  const high = Math.max(a.high * k.low, a.high * k.high);
  return checked(low, high, 'scale');
}

/** `a` scaled by a non-negative number `k`. @throws NestError('validation') when `k` is negative or not finite. */
export function scaleBy(a: Interval, k: number): Interval {
  return scale(a, nonNegative(k, k, 'scale factor'));
}

/**
 * Product of two non-negative intervals: [a.low·b.low, a.high·b.high].
 * @throws NestError('validation') when either operand is negative or the result overflows.
 */
export function multiply(a: Interval, b: Interval): Interval {
  requireNonNegative(a, 'multiply');
  requireNonNegative(b, 'multiply');
  return checked(a.low * b.low, a.high * b.high, 'multiply');
}

/**
 * Quotient of a non-negative interval by a strictly positive one: [a.low / b.high, a.high / b.low].
 * Used for the undetected-flow estimate (seized value / interdiction rate).
 * @throws NestError('validation') when `a` is negative, `b.low <= 0`, or the result overflows.
 */
export function divide(a: Interval, b: Interval): Interval {
  requireNonNegative(a, 'divide');
  if (!isInterval(b) || b.low <= 0) fail('divide', `the divisor must be greater than zero (low is ${b.low})`);
  return checked(a.low / b.high, a.high / b.low, 'divide');
}

/**
 * Exactly rounded sum of finite numbers (Shewchuk's algorithm, as in Python's `math.fsum`): the
 * result is the true sum rounded once, so it is the same whatever the order of `values`.
 * @throws NestError('validation') when a value is not finite or the sum overflows.
 */
export function exactSum(values: Iterable<number>): number {
  const partials: number[] = [];
  for (const v of values) {
    if (!Number.isFinite(v)) fail('sum', `every term must be a finite number (got ${v})`);
    let x = v;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Round half to even correctly when the remaining partials push the tie one way.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  if (!Number.isFinite(hi)) fail('sum', 'the result is too large to represent');
  return hi;
}

/**
 * Sum of intervals: [Σ low, Σ high], each end exactly rounded, so the result does not depend on
 * the order of `items`. The empty sum is [0, 0].
 * @throws NestError('validation') when an item is not a valid interval or the sum overflows.
 */
export function sum(items: Iterable<Interval>): Interval {
  const lows: number[] = [];
  const highs: number[] = [];
  for (const it of items) {
    if (!isInterval(it)) fail('sum', `not a valid interval (${JSON.stringify(it)})`);
    lows.push(it.low);
    highs.push(it.high);
  }
  return { low: exactSum(lows), high: exactSum(highs) };
}

/** The smallest interval containing all of `items` (their envelope). @throws NestError('validation') when empty. */
export function hull(items: Iterable<Interval>): Interval {
  let low = Infinity;
  let high = -Infinity;
  for (const it of items) {
    low = Math.min(low, it.low);
    high = Math.max(high, it.high);
  }
  if (low === Infinity) fail('hull', 'needs at least one interval');
  return { low, high };
}

/** The midpoint (low + high) / 2, for sorting and chart markers only: estimates are shown as ranges. */
export function midpoint(a: Interval): number {
  return a.low / 2 + a.high / 2;
}

/** high − low. */
export function width(a: Interval): number {
  return a.high - a.low;
}

/** True when `x` lies in [a.low, a.high]. */
export function contains(a: Interval, x: number): boolean {
  return a.low <= x && x <= a.high;
}
