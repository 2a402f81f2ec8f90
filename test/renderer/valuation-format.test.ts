/** Valuation screen formatting: a unit price reads "per piece", not "per pieces"; short ranges round outward. */
import { describe, expect, it } from 'vitest';
import { shortAmount, shortRange, unitPriceText, unitSingular } from '../../renderer/src/valuation/format';

describe('unitPriceText', () => {
  it('names one unit after "per"', () => {
    expect(unitPriceText({ low: 50_000, high: 90_000, currency: 'USD', unit: 'pieces' })).toBe('USD 50,000–90,000 per piece');
    expect(unitPriceText({ low: 100_000, high: 100_000, currency: 'ZAR', unit: 'containers' })).toBe('ZAR 100,000 per container');
    expect(unitPriceText({ low: 730, high: 2100, currency: 'USD', unit: 'kg' })).toBe('USD 730–2,100 per kg');
    expect(unitPriceText({ low: 400, high: 900, currency: 'USD', unit: 'm3' })).toBe('USD 400–900 per m³');
    expect(unitSingular('head')).toBe('head');
  });
});

describe('shortRange', () => {
  it('rounds the low end down and the high end up, a single amount to nearest', () => {
    // From the Valuation tab: USD 965,790 – 2,771,100 once read "966 k – 2.77 M", overstating the low end.
    expect(shortRange({ low: 965_790, high: 2_771_100, currency: 'USD' })).toBe('USD 965 k – 2.78 M');
    expect(shortRange({ low: 6_424_000, high: 18_480_000, currency: 'USD' })).toBe('USD 6.42–18.5 M');
    expect(shortRange({ low: 6_429_000, high: 18_410_000, currency: 'USD' })).toBe('USD 6.42–18.5 M');
    expect(shortRange({ low: 0, high: 1_234, currency: 'SGD' })).toBe('SGD 0–1.24 k');
    expect(shortRange({ low: 643_071_828, high: 2_876_345_305, currency: 'USD' })).toBe('USD 643 M – 2.88 bn');
    expect(shortAmount(965_790, 'USD')).toBe('USD 966 k');
    expect(shortAmount(0, 'USD')).toBe('USD 0');
  });
});
