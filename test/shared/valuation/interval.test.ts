/**
 * Interval arithmetic: property tests (low ≤ high for every operation, sums independent of order)
 * and a few hand-computed cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, divide, exactSum, hull, interval, multiply, nonNegative, scale, sum, type Interval } from '../../../shared/valuation/interval';
import { NestError } from '../../../shared/errors';

const RUNS = { numRuns: 500 };
const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
const nonNeg = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true });
const anyInterval = fc.tuple(finite, finite).map(([a, b]): Interval => interval(Math.min(a, b), Math.max(a, b)));
const nonNegInterval = fc.tuple(nonNeg, nonNeg).map(([a, b]): Interval => nonNegative(Math.min(a, b), Math.max(a, b)));
const positiveInterval = fc
  .tuple(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }))
  .map(([a, b]): Interval => nonNegative(Math.min(a, b), Math.max(a, b)));

const ordered = (r: Interval): boolean => Number.isFinite(r.low) && Number.isFinite(r.high) && r.low <= r.high;

describe('interval invariants (property)', () => {
  it('add keeps low ≤ high', () => {
    fc.assert(fc.property(anyInterval, anyInterval, (a, b) => ordered(add(a, b))), RUNS);
  });
  it('scale by a non-negative interval keeps low ≤ high and contains every corner product', () => {
    fc.assert(
      fc.property(anyInterval, nonNegInterval, (a, k) => {
        const r = scale(a, k);
        const corners = [a.low * k.low, a.low * k.high, a.high * k.low, a.high * k.high];
        return ordered(r) && corners.every((c) => r.low <= c && c <= r.high) && corners.includes(r.low) && corners.includes(r.high);
      }),
      RUNS,
    );
  });
  it('multiply of non-negative intervals keeps 0 ≤ low ≤ high', () => {
    fc.assert(fc.property(nonNegInterval, nonNegInterval, (a, b) => { const r = multiply(a, b); return ordered(r) && r.low >= 0; }), RUNS);
  });
  it('divide by a positive interval keeps 0 ≤ low ≤ high', () => {
    fc.assert(fc.property(nonNegInterval, positiveInterval, (a, b) => { const r = divide(a, b); return ordered(r) && r.low >= 0; }), RUNS);
  });
  it('sum keeps low ≤ high', () => {
    fc.assert(fc.property(fc.array(anyInterval, { maxLength: 40 }), (xs) => ordered(sum(xs))), RUNS);
  });
});

describe('sums are independent of order (property)', () => {
  it('sum of intervals is identical (bit for bit) under any permutation', () => {
    fc.assert(
      fc.property(
        fc.array(anyInterval, { maxLength: 50 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, ys]) => {
          const a = sum(xs);
          const b = sum(ys);
          return Object.is(a.low, b.low) && Object.is(a.high, b.high);
        },
      ),
      RUNS,
    );
  });
  it('exactSum is exactly rounded where naive summation is not', () => {
    // 1e16 + 1 + 1 − 1e16: naive left-to-right gives 0 (each +1 is lost), the true sum is 2.
    expect(exactSum([1e16, 1, 1, -1e16])).toBe(2);
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([])).toBe(0);
  });
});

describe('interval arithmetic (hand-computed)', () => {
  it('quantity × price × factor', () => {
    // 177 kg × USD [2100, 2100]/kg × [1, 1.43] = USD [371,700, 531,531]
    const r = multiply(multiply(interval(177, 177), interval(2100, 2100)), interval(1, 1.43));
    expect(r.low).toBe(371_700);
    expect(r.high).toBeCloseTo(531_531, 6);
  });
  it('scale with a negative low end uses the high factor for the low end', () => {
    expect(scale(interval(-2, 3), interval(1, 4))).toEqual({ low: -8, high: 12 });
  });
  it('divide: [10, 30] / [0.1, 0.3] = [33.3…, 300]', () => {
    const r = divide(interval(10, 30), interval(0.1, 0.3));
    expect(r.low).toBeCloseTo(33.333333333, 6);
    expect(r.high).toBeCloseTo(300, 9);
  });
  it('hull is the envelope', () => {
    expect(hull([interval(1, 2), interval(0.5, 1.5), interval(3, 4)])).toEqual({ low: 0.5, high: 4 });
  });
  it('rejects reversed, non-finite and negative intervals with a NestError', () => {
    expect(() => interval(2, 1)).toThrow(NestError);
    expect(() => interval(0, Infinity)).toThrow(/finite/);
    expect(() => nonNegative(-1, 1)).toThrow(/negative/);
    expect(() => multiply(interval(-1, 1), interval(1, 2))).toThrow(/negative/);
    expect(() => divide(interval(1, 2), interval(0, 1))).toThrow(/greater than zero/);
    expect(() => multiply(interval(1e200, 1e200), interval(1e200, 1e200))).toThrow(/too large/);
  });
});
