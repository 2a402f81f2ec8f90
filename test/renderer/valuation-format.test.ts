/** Valuation screen formatting: a unit price reads "per piece", not "per pieces". */
import { describe, expect, it } from 'vitest';
import { unitPriceText, unitSingular } from '../../renderer/src/valuation/format';

describe('unitPriceText', () => {
  it('names one unit after "per"', () => {
    expect(unitPriceText({ low: 50_000, high: 90_000, currency: 'USD', unit: 'pieces' })).toBe('USD 50,000–90,000 per piece');
    expect(unitPriceText({ low: 100_000, high: 100_000, currency: 'ZAR', unit: 'containers' })).toBe('ZAR 100,000 per container');
    expect(unitPriceText({ low: 730, high: 2100, currency: 'USD', unit: 'kg' })).toBe('USD 730–2,100 per kg');
    expect(unitPriceText({ low: 400, high: 900, currency: 'USD', unit: 'm3' })).toBe('USD 400–900 per m³');
    expect(unitSingular('head')).toBe('head');
  });
});
