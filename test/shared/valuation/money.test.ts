/** Money: currencies are never mixed, sums do not depend on order, formatting is locale-independent. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, formatMoney, formatMoneyRange, formatSignificant, money, moneyRange, sumMoney, type MoneyRange } from '../../../shared/valuation/money';
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
    expect(formatMoneyRange(moneyRange(5, 5, 'EUR'))).toBe('EUR 5');
    expect(formatSignificant(10.1558)).toBe('10.1558');
    expect(formatSignificant(18606.59, 15)).toBe('18,606.59');
    expect(formatSignificant(0.129011, 3)).toBe('0.129');
    expect(formatSignificant(1234567, 3)).toBe('1,230,000');
  });
});
