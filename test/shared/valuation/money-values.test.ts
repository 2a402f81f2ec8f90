/**
 * Money pinned to values (shared/valuation/money.ts), aimed at the mutants that survive the
 * invariant tests (issue 16, docs/testing.md): currency checks and their messages, sums, scaling
 * and envelopes in one currency, signs and separators in formatting, directed rounding at its edges.
 */
import { describe, expect, it } from 'vitest';
import {
  addMoney, formatMoney, formatMoneyRange, formatNumber, formatRangeEnds, formatSignificant, hullMoney, money, moneyRange, rangeOf,
  requireSameCurrency, roundDirected, roundSignificantDirected, scaleMoney, sumMoney, zero,
} from '../../../shared/valuation/money';
import { interval } from '../../../shared/valuation/interval';
import { NestError } from '../../../shared/errors';

function thrown(f: () => unknown): NestError {
  try {
    f();
  } catch (e) {
    if (e instanceof NestError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('currencies', () => {
  it('a currency is three capital letters, else a NestError saying what was given', () => {
    expect(() => money(1, 'US')).toThrow('money: currency must be a three-letter ISO 4217 code (got "US")');
    expect(() => money(1, 'USDD')).toThrow(/ISO 4217/);
    expect(() => money(1, ' USD')).toThrow(/ISO 4217/);
    expect(() => money(1, 123 as unknown as string)).toThrow('money: currency must be a three-letter ISO 4217 code (got "123")');
    // Not a string, though it prints as one: refused, not stored as an array.
    expect(() => money(1, ['USD'] as unknown as string)).toThrow('money: currency must be a three-letter ISO 4217 code (got "USD")');
    expect(() => moneyRange(1, 2, 'usd')).toThrow(/^money range: currency/);
    expect(thrown(() => zero('eu')).issues).toEqual([{ field: 'currency', message: 'must be a three-letter ISO 4217 code' }]);
    expect(() => sumMoney([], 'us')).toThrow(/^sum: currency/);
  });
  it('amounts are finite and not negative', () => {
    expect(() => money(Number.NaN, 'USD')).toThrow(/finite/);
    expect(() => moneyRange(-1, 2, 'USD')).toThrow(/^money range: must not be negative \(low is -1\)/);
    expect(() => money(-1, 'USD')).toThrow(/^money: must not be negative \(low is -1\)/);
    expect(moneyRange(0, 0, 'USD')).toEqual({ low: 0, high: 0, currency: 'USD' });
    expect(rangeOf(money(5, 'EUR'))).toEqual({ low: 5, high: 5, currency: 'EUR' });
    expect(zero('JPY')).toEqual({ low: 0, high: 0, currency: 'JPY' });
  });
  it('mixing currencies names both and the operation', () => {
    const e = thrown(() => addMoney(moneyRange(1, 2, 'HKD'), moneyRange(1, 2, 'USD')));
    expect(e.message).toBe('add: cannot combine USD with HKD; convert to one currency first');
    expect(e.issues).toEqual([{ field: 'currency', message: 'USD is not HKD' }]);
    expect(() => sumMoney([moneyRange(1, 2, 'USD')], 'EUR')).toThrow('sum: cannot combine USD with EUR; convert to one currency first');
    expect(() => hullMoney([moneyRange(1, 2, 'USD'), moneyRange(1, 2, 'EUR')])).toThrow('hull: cannot combine EUR with USD; convert to one currency first');
    expect(() => requireSameCurrency('USD', [{ currency: 'USD' }, { currency: 'SGD' }], 'valuate')).toThrow(/^valuate: cannot combine SGD with USD/);
    expect(() => requireSameCurrency('USD', [{ currency: 'USD' }])).not.toThrow();
  });
});

describe('arithmetic in one currency', () => {
  it('add, sum, scale and hull give the exact ends', () => {
    expect(addMoney(moneyRange(1, 2, 'USD'), moneyRange(3, 5, 'USD'))).toEqual({ low: 4, high: 7, currency: 'USD' });
    expect(sumMoney([moneyRange(0.1, 0.2, 'USD'), moneyRange(0.2, 0.3, 'USD'), moneyRange(0.3, 0.4, 'USD')], 'USD')).toEqual({ low: 0.6, high: 0.9, currency: 'USD' });
    expect(sumMoney([moneyRange(1e16, 1e16, 'USD'), moneyRange(1, 3, 'USD'), moneyRange(1, 3, 'USD')], 'USD')).toEqual({ low: 1e16 + 2, high: 1e16 + 6, currency: 'USD' });
    expect(scaleMoney(moneyRange(10, 20, 'USD'), interval(2, 3))).toEqual({ low: 20, high: 60, currency: 'USD' });
    expect(() => scaleMoney(moneyRange(10, 20, 'USD'), { low: -1, high: 1 })).toThrow(/negative/);
    expect(hullMoney([moneyRange(3, 4, 'USD'), moneyRange(1, 2, 'USD'), moneyRange(5, 6, 'USD')])).toEqual({ low: 1, high: 6, currency: 'USD' });
    expect(() => hullMoney([])).toThrow('hull: needs at least one range');
  });
});

describe('formatting', () => {
  it('formatNumber: sign, separators, decimals', () => {
    expect(formatNumber(-1234.5, 1)).toBe('-1,234.5');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(1234, 0)).toBe('1,234');
    expect(formatNumber(123, 0)).toBe('123');
    expect(formatNumber(100000, 0)).toBe('100,000');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
  });
  it('formatSignificant: zero, negatives, small and round values', () => {
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(-1234567, 3)).toBe('-1,230,000');
    expect(formatSignificant(0.012345, 3)).toBe('0.0123');
    expect(formatSignificant(100)).toBe('100');
    expect(formatSignificant(1.5)).toBe('1.5');
    expect(formatSignificant(99.96, 3)).toBe('100');
    // Exactly `significant` digits: two more would print the binary noise of 0.1 and 1/3.
    expect(formatSignificant(0.1, 15)).toBe('0.1');
    expect(formatSignificant(1 / 3, 15)).toBe('0.333333333333333');
  });
  it('formatMoney uses the currency’s minor digits', () => {
    expect(formatMoney(money(0.5, 'USD'))).toBe('USD 0.50');
    expect(formatMoney(money(1234.5, 'BHD'))).toBe('BHD 1,234.500');
  });
  it('ranges are rounded outward, at the decimals asked', () => {
    expect(formatMoneyRange(moneyRange(1, 2, 'USD'), 2)).toBe('USD 1.00 – 2.00');
    expect(formatRangeEnds({ low: 1.25, high: 2.51 }, 1)).toEqual(['1.2', '2.6']);
    expect(formatRangeEnds({ low: 1.26, high: 1.26 }, 1)).toEqual(['1.3', '1.3']);
  });
});

describe('directed rounding edges', () => {
  it('removes float noise below 1e15 only', () => {
    expect(roundDirected(2.0000000000000004, 0, 'up')).toBe(2);
    expect(roundDirected(2 ** 60, 0, 'down')).toBe(2 ** 60);
    expect(roundDirected(2 ** 60, -3, 'up')).toBe(1152921504606847000);
    expect(roundDirected(-1.5, 0, 'up')).toBe(-1);
    expect(roundDirected(1.234, 2, 'down')).toBe(1.23);
    expect(roundDirected(1.231, 2, 'up')).toBe(1.24);
    expect(roundDirected(-12_345, -2, 'down')).toBe(-12_400);
    expect(roundDirected(12_300, -2, 'up')).toBe(12_300);
  });
  it('significant digits: signs, non-finite values and carries', () => {
    expect(roundSignificantDirected(Infinity, 3, 'up')).toBe(Infinity);
    expect(roundSignificantDirected(Number.NaN, 3, 'up')).toBeNaN();
    expect(roundSignificantDirected(-965_790, 3, 'down')).toBe(-966_000);
    expect(roundSignificantDirected(999.5, 3, 'up')).toBe(1000);
    expect(roundSignificantDirected(0.5, 1, 'down')).toBe(0.5);
  });
});
