/**
 * Valuation screen formatting: a unit price reads "per piece", not "per pieces"; short ranges round
 * outward; rate lines and quotes come from the catalogue with ICU plurals ("1 day", "2 days").
 */
import { describe, expect, it } from 'vitest';
import type { ConversionDto, RateQuoteDto } from '../../../shared/rpc/valuation';
import { notValuedYet, priceOptionLabel, quoteText, rateLine, shortAmount, shortRange, unitPriceText, unitSingular } from '../../../renderer/src/valuation/format';

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

describe('rate descriptions (catalogue sentences, ICU plurals)', () => {
  const ecb = (currency: string, perEur: number, ageDays: number, stale = false): RateQuoteDto => ({
    currency,
    perEur,
    date: '2019-07-19',
    ageDays,
    stale,
    kind: 'ecb',
    source: '',
    perUsd: null,
    usdLeg: null,
  });
  const conversion = (quotes: number[]): ConversionDto => ({
    from: 'USD',
    to: 'SGD',
    date: '2019-07-21',
    rate: 1.359241,
    range: { low: 1, high: 1, currency: 'SGD' },
    quotes,
    stale: false,
  });

  it('says how many days before, one and other', () => {
    expect(rateLine(conversion([0, 1]), [ecb('USD', 1.1224, 2), ecb('SGD', 1.5259, 2)])).toBe('1 USD = 1.3592 SGD · ECB 19 Jul 2019 (2 days before)');
    expect(rateLine(conversion([0, 1]), [ecb('USD', 1.1224, 1), ecb('SGD', 1.5259, 0)])).toBe('1 USD = 1.3592 SGD · ECB 19 Jul 2019 (1 day before)');
    expect(rateLine(conversion([0, 1]), [ecb('USD', 1.1224, 0), ecb('SGD', 1.5259, 0)])).toBe('1 USD = 1.3592 SGD · ECB 19 Jul 2019');
    expect(rateLine(conversion([]), [])).toBe('price in SGD');
  });

  it('writes one quote in full with its age and staleness', () => {
    expect(quoteText(ecb('SGD', 1.5259, 2), '2019-07-21')).toBe('SGD 1.5259 per EUR, ECB euro reference rate of 19 Jul 2019 (2 days before 21 Jul 2019)');
    expect(quoteText(ecb('SGD', 1.5259, 1), '2019-07-20')).toBe('SGD 1.5259 per EUR, ECB euro reference rate of 19 Jul 2019 (1 day before 20 Jul 2019)');
    expect(quoteText(ecb('SGD', 1.5259, 9, true), '2019-07-28')).toBe('SGD 1.5259 per EUR, ECB euro reference rate of 19 Jul 2019 (9 days before 28 Jul 2019, stale)');
    const user: RateQuoteDto = { ...ecb('VND', 26_000, 0), kind: 'user', source: 'State Bank of Viet Nam', perUsd: 23_300, usdLeg: { date: '2019-07-19', perEur: 1.1224, stale: false } };
    expect(quoteText(user, '2019-07-19')).toBe('VND 23,300 per USD (= 26,000 per EUR with the ECB USD rate of 19 Jul 2019), rate entered for 19 Jul 2019; source: State Bank of Viet Nam');
  });

  it('names prices in menus and says when nothing is valued', () => {
    expect(priceOptionLabel({ commodity: 'pangolin scales', low: 300, high: 700, currency: 'USD', unit: 'kg', date: '2019-01-01' })).toBe('pangolin scales · USD 300–700 per kg · 2019');
    expect(notValuedYet()).toBe('Not valued yet — assign prices to seizures');
  });
});
