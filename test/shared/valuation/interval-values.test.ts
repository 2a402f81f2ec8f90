/**
 * Interval arithmetic pinned to values (shared/valuation/interval.ts), aimed at the mutants that
 * survive invariant-only tests (issue 16, docs/testing.md): exactSum and sum against a BigInt
 * reference with a fixed fast-check seed, malformed operands, overflow at one end only, and the
 * small helpers (hull, midpoint, width, contains).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  add, contains, divide, exactSum, hull, interval, isInterval, midpoint, multiply, nonNegative, point, scale, scaleBy, sum, width, type Interval,
} from '../../../shared/valuation/interval';
import { NestError } from '../../../shared/errors';

/** Fixed seed: a mutant is killed on every run, not sometimes. */
const RUNS = { numRuns: 300, seed: 16 };
const SHIFT = 120n;

/** An exact double m·2^e with |m| < 2^53 and e in [-120, 40], so m·2^(e+120) is an integer. */
const exactDouble = fc.tuple(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.integer({ min: -120, max: 40 })).map(([m, e]) => m * 2 ** e);

/** x·2^120 as a BigInt (exact for the doubles of {@link exactDouble}). */
function scaled(x: number): bigint {
  if (x === 0) return 0n;
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  const big = BigInt(m) << (SHIFT - BigInt(e));
  return x < 0 ? -big : big;
}

/** The true sum rounded once to the nearest double (ties to even): Number(BigInt) rounds correctly, and /2^120 is exact here. */
function referenceSum(xs: readonly number[]): number {
  const total = xs.reduce((s, x) => s + scaled(x), 0n);
  return Number(total) / 2 ** Number(SHIFT);
}

const invalid = /validation|interval|finite|negative|exceed|zero/;

describe('exactSum and sum against a BigInt reference (property, fixed seed)', () => {
  it('exactSum is the true sum rounded once', () => {
    fc.assert(
      fc.property(fc.array(exactDouble, { maxLength: 30 }), (xs) => exactSum(xs) === referenceSum(xs)),
      RUNS,
    );
  });
  it('exactSum of cancelling terms of very different size', () => {
    fc.assert(
      fc.property(fc.array(exactDouble, { minLength: 1, maxLength: 12 }), exactDouble, (xs, big) => {
        const terms = [big * 2 ** 30, ...xs, -big * 2 ** 30];
        return exactSum(terms) === referenceSum(terms);
      }),
      RUNS,
    );
  });
  it('sum adds the low ends and the high ends separately, each exactly rounded', () => {
    const iv = fc.tuple(exactDouble, exactDouble).map(([a, b]): Interval => interval(Math.min(a, b), Math.max(a, b)));
    fc.assert(
      fc.property(fc.array(iv, { maxLength: 20 }), (xs) => {
        const r = sum(xs);
        return r.low === referenceSum(xs.map((x) => x.low)) && r.high === referenceSum(xs.map((x) => x.high));
      }),
      RUNS,
    );
  });
  it('rounds half to even correctly when a tiny last term breaks the tie', () => {
    expect(exactSum([1, 2 ** -53])).toBe(1); // an exact tie: to even
    expect(exactSum([1, 2 ** -53, 2 ** -106])).toBe(1 + 2 ** -52); // just above the tie: up
    expect(exactSum([1, 2 ** -53, -(2 ** -106)])).toBe(1); // just below: down
    expect(exactSum([-1, -(2 ** -53), -(2 ** -106)])).toBe(-1 - 2 ** -52);
    expect(exactSum([1 + 2 ** -52, 2 ** -53, 2 ** -106])).toBe(1 + 2 ** -51);
    expect(exactSum([1e16, 1, 1, -1e16])).toBe(2);
    expect(exactSum([3])).toBe(3);
    expect(exactSum([2 ** 53, 1, 1])).toBe(2 ** 53 + 2);
  });
  it('refuses non-finite terms and an overflowing total', () => {
    expect(() => exactSum([1, Number.NaN])).toThrow(/^sum: every term must be a finite number \(got NaN\)/);
    expect(() => exactSum([Infinity])).toThrow(NestError);
    expect(() => exactSum([1e308, 1e308])).toThrow(/^sum: the result is too large to represent/);
    expect(() => exactSum([-1e308, -1e308])).toThrow(/too large/);
  });
  it('sum: the empty sum is [0, 0]; a malformed item is refused', () => {
    expect(sum([])).toEqual({ low: 0, high: 0 });
    expect(sum([interval(1, 2), interval(3, 5)])).toEqual({ low: 4, high: 7 });
    expect(sum([interval(-1, 0), interval(-2, 9)])).toEqual({ low: -3, high: 9 });
    expect(() => sum([{ low: 2, high: 1 }])).toThrow(/sum: not a valid interval/);
    expect(() => sum([interval(1, 2), { low: 0, high: Number.NaN }])).toThrow(NestError);
  });
});

describe('malformed operands', () => {
  it('interval and point refuse non-finite or reversed ends, naming what', () => {
    expect(() => interval(Number.NaN, 1)).toThrow(/interval: ends must be finite numbers \(got NaN, 1\)/);
    expect(() => interval(1, Number.NaN)).toThrow(/finite/);
    expect(() => interval(-Infinity, 0)).toThrow(/finite/);
    expect(() => interval(2, 1, 'price')).toThrow(/price: low \(2\) must not exceed high \(1\)/);
    // The issue names the field and says what is wrong with it (the form shows it beside the field).
    let issues: unknown;
    try {
      interval(2, 1, 'price');
    } catch (e) {
      issues = (e as NestError).issues;
    }
    expect(issues).toEqual([{ field: 'price', message: 'low (2) must not exceed high (1)' }]);
    expect(interval(1, 1)).toEqual({ low: 1, high: 1 });
    expect(point(3)).toEqual({ low: 3, high: 3 });
    expect(() => point(Number.NaN)).toThrow(/value: ends must be finite/);
  });
  it('nonNegative refuses a negative low end only', () => {
    expect(nonNegative(0, 0)).toEqual({ low: 0, high: 0 });
    expect(() => nonNegative(-0.0001, 1, 'qty')).toThrow(/qty: must not be negative \(low is -0.0001\)/);
    expect(() => nonNegative(2, 1)).toThrow(/exceed/);
    expect(() => nonNegative(-1, 1)).toThrow(/^interval: must not be negative \(low is -1\)/);
  });
  it('isInterval accepts only objects with finite ordered numeric ends', () => {
    for (const v of [null, undefined, 5, 'x', {}, { low: 1 }, { high: 1 }, { low: '1', high: 2 }, { low: 1, high: '2' }, { low: 1, high: Number.NaN }, { low: -Infinity, high: 0 }, { low: 0, high: Infinity }, { low: 2, high: 1 }]) {
      expect(isInterval(v), JSON.stringify(v)).toBe(false);
    }
    // A function carrying low and high is not an interval object.
    expect(isInterval(Object.assign(() => 0, { low: 1, high: 2 }))).toBe(false);
    expect(isInterval({ low: 1, high: 1 })).toBe(true);
    expect(isInterval({ low: -2, high: 3 })).toBe(true);
  });
  it('scale, multiply and divide refuse malformed and negative operands', () => {
    const bad = { low: 2, high: 1 };
    expect(() => scale(interval(1, 2), bad)).toThrow(/scale: not a valid interval/);
    expect(() => scale(interval(1, 2), { low: -1, high: 1 })).toThrow(/scale: operand must not be negative \(low is -1\)/);
    expect(() => scaleBy(interval(1, 2), -1)).toThrow(/^scale factor: must not be negative \(low is -1\)/);
    expect(() => scaleBy(interval(1, 2), Number.NaN)).toThrow(/finite/);
    expect(() => multiply(bad, interval(1, 1))).toThrow(/multiply: not a valid interval/);
    expect(() => multiply(interval(1, 1), bad)).toThrow(/multiply: not a valid interval/);
    expect(() => multiply(interval(1, 1), { low: -1, high: 1 })).toThrow(/negative/);
    expect(() => divide(bad, interval(1, 1))).toThrow(/divide: not a valid interval/);
    expect(() => divide(interval(1, 2), bad)).toThrow(/divide: the divisor must be greater than zero \(low is 2\)/);
    expect(() => divide(interval(1, 2), { low: -1, high: 1 })).toThrow(/greater than zero/);
    expect(() => divide(interval(-1, 2), interval(1, 1))).toThrow(/negative/);
    expect(() => divide(interval(1, 2), interval(0, 0))).toThrow(invalid);
  });
});

describe('overflow at one end only', () => {
  it('add, scale, multiply and divide refuse a result with one infinite end', () => {
    expect(() => add(interval(0, 1e308), interval(0, 1e308))).toThrow(/add: the result is too large/);
    expect(() => add(interval(-1e308, 0), interval(-1e308, 0))).toThrow(/add: the result is too large/);
    expect(() => scale(interval(-1e308, 1), interval(1, 10))).toThrow(/scale: the result is too large/);
    expect(() => scale(interval(0, 1e308), interval(1, 10))).toThrow(/scale: the result is too large/);
    expect(() => multiply(interval(0, 1e200), interval(0, 1e200))).toThrow(/multiply: the result is too large/);
    expect(() => divide(interval(0, 1e308), interval(1e-308, 1))).toThrow(/divide: the result is too large/);
  });
});

describe('values', () => {
  it('add, scale, scaleBy, multiply, divide', () => {
    expect(add(interval(1, 2), interval(3, 5))).toEqual({ low: 4, high: 7 });
    expect(scale(interval(1, 2), interval(2, 3))).toEqual({ low: 2, high: 6 });
    expect(scale(interval(-2, -1), interval(2, 3))).toEqual({ low: -6, high: -2 });
    expect(scale(interval(-2, 3), interval(0, 0))).toEqual({ low: -0, high: 0 });
    expect(scaleBy(interval(1, 2), 3)).toEqual({ low: 3, high: 6 });
    expect(multiply(interval(2, 3), interval(4, 5))).toEqual({ low: 8, high: 15 });
    expect(divide(interval(10, 30), interval(2, 5))).toEqual({ low: 2, high: 15 });
  });
  it('hull, midpoint, width, contains', () => {
    expect(hull([interval(-5, -1)])).toEqual({ low: -5, high: -1 });
    expect(hull([interval(-3, -2), interval(-10, -4)])).toEqual({ low: -10, high: -2 });
    expect(hull([interval(2, 3), interval(1, 1.5)])).toEqual({ low: 1, high: 3 });
    expect(() => hull([])).toThrow(/hull: needs at least one interval/);
    expect(midpoint(interval(1, 3))).toBe(2);
    expect(midpoint(interval(1e308, 1.6e308))).toBe(1.3e308); // no overflow on the way
    expect(width(interval(1, 4))).toBe(3);
    expect(contains(interval(1, 2), 1)).toBe(true);
    expect(contains(interval(1, 2), 2)).toBe(true);
    expect(contains(interval(1, 2), 0.999)).toBe(false);
    expect(contains(interval(1, 2), 2.001)).toBe(false);
  });
});
