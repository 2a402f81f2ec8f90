/** Money: currencies are never mixed, sums do not depend on order, formatting is locale-independent. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, formatMoney, formatMoneyRange, formatRangeEnds, formatSignificant, money, moneyRange, roundDirected, roundSignificantDirected, sumMoney, type MoneyRange } from '../../../shared/valuation/money';
import { NestError } from '../../../shared/errors';

const amount = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true });
const usdRange = fc.tuple(amount, amount).map(([a, b]): MoneyRange => moneyRange(Math.min(a, b), Math.max(a, b), 'USD'));

describe('money', () => {
  it('adding different currencies throws a NestError naming both', () => {
    expect(() => addMoney(moneyRange(1, 2, 'HKD'), moneyRange(1, 2, 'USD'))).toThrow(NestError);
    expect(() => addMoney(moneyRange(1, 2, 'HKD'), moneyRange(1, 2, 'USD'))).toThrow(/USD.*HKD|HKD.*USD/);
    expect(() => sumMoney([moneyRange(1, 2, 'USD'), moneyRange(1, 2, 'SGD')], 'USD')).toThrow(/SGD/);
  });
  it('money always carries a well-formed currency and a non-negative amount', () => {
    expect(() => money(1, 'usd')).toThrow(/ISO 4217/);
    expect(() => money(-1, 'USD')).toThrow(/negative/);
    expect(() => moneyRange(2, 1, 'USD')).toThrow(/exceed/);
    expect(money(5, 'HRK')).toEqual({ amount: 5, currency: 'HRK' });
  });
  it('an empty sum is zero in the named currency', () => {
    expect(sumMoney([], 'EUR')).toEqual({ low: 0, high: 0, currency: 'EUR' });
  });
  it('sums are independent of order and keep low ≤ high (property)', () => {
    fc.assert(
      fc.property(
        fc.array(usdRange, { maxLength: 40 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, ys]) => {
          const a = sumMoney(xs, 'USD');
          const b = sumMoney(ys, 'USD');
          return a.low === b.low && a.high === b.high && a.low <= a.high && a.currency === 'USD';
        },
      ),
      { numRuns: 400 },
    );
  });
  it('formats with ISO minor digits and fixed separators', () => {
    expect(formatMoney(money(10_600_000, 'HKD'))).toBe('HKD 10,600,000.00');
    expect(formatMoney(money(1234.5, 'JPY'))).toBe('JPY 1,235');
    expect(formatMoneyRange(moneyRange(1_367_506.25, 1_706_802.6, 'USD'))).toBe('USD 1,367,506 – 1,706,803');
    // Outward: the low end is never rounded up, the high end never down.
    expect(formatMoneyRange(moneyRange(21_918.8, 43_837.6, 'USD'))).toBe('USD 21,918 – 43,838');
    expect(formatMoneyRange(moneyRange(21_918.8, 43_837.2, 'USD'), 2)).toBe('USD 21,918.80 – 43,837.20');
    expect(formatMoneyRange(moneyRange(1_500.4, 1_500.6, 'USD'))).toBe('USD 1,500 – 1,501');
    expect(formatMoneyRange(moneyRange(999.6, 999.6, 'USD'))).toBe('USD 1,000');
    expect(formatRangeEnds({ low: 965_790.4, high: 2_778_299.2 })).toEqual(['965,790', '2,778,300']);
    expect(formatRangeEnds({ low: 5.5, high: 5.5 })).toEqual(['6', '6']);
    expect(formatMoneyRange(moneyRange(5, 5, 'EUR'))).toBe('EUR 5');
    expect(formatSignificant(10.1558)).toBe('10.1558');
    expect(formatSignificant(18606.59, 15)).toBe('18,606.59');
    expect(formatSignificant(0.129011, 3)).toBe('0.129');
    expect(formatSignificant(1234567, 3)).toBe('1,230,000');
  });
});

describe('directed rounding', () => {
  it('rounds down or up at decimals, without binary float noise', () => {
    expect(roundDirected(21_918.8, 0, 'down')).toBe(21_918);
    expect(roundDirected(21_918.2, 0, 'up')).toBe(21_919);
    expect(roundDirected(0.1 + 0.2, 1, 'up')).toBe(0.3); // 0.30000000000000004 is 0.3, not 0.4
    expect(roundDirected(0.29 * 100, 0, 'down')).toBe(29); // 28.999999999999996 is 29
    expect(roundDirected(12_345, -2, 'down')).toBe(12_300);
    expect(roundDirected(12_345, -2, 'up')).toBe(12_400);
    expect(roundDirected(-1.5, 0, 'down')).toBe(-2);
  });
  it('rounds to significant digits down or up', () => {
    expect(roundSignificantDirected(965_790, 3, 'down')).toBe(965_000);
    expect(roundSignificantDirected(2_771_100, 3, 'up')).toBe(2_780_000);
    expect(roundSignificantDirected(0.012_345, 3, 'up')).toBe(0.0124);
    expect(roundSignificantDirected(0, 3, 'up')).toBe(0);
  });
  it('a printed range always contains the computed one', () => {
    const amount = fc.double({ min: 0, max: 1e11, noNaN: true });
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 3 }), (a, b, decimals) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const text = formatMoneyRange(moneyRange(low, high, 'USD'), decimals);
        const [l, h = l] = text.slice(4).split(' – ').map((x) => Number(x.replaceAll(',', '')));
        if (low === high) return true; // one amount, rounded to nearest
        const eps = 1e-12 * high; // binary float noise below the 15th significant digit
        return l! <= low + eps && h! >= high - eps && h! - l! <= high - low + 2 * 10 ** -decimals + eps;
      }),
      { numRuns: 2000 },
    );
  });
});
