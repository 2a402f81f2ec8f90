/** Sectors and the small vocabularies: date and location precision, CITES appendix, currency. */
import { describe, expect, it } from 'vitest';
import { parseSector } from '../../../service/import/sectors';
import { parseCitesAppendix, parseCurrency, parseDatePrecision, parseLocationPrecision } from '../../../service/import/vocab';
import type { Parsed } from '../../../service/import/parse-result';

const v = <T>(r: Parsed<T>) => (r.ok ? r.value : r.reason);

describe('parseSector', () => {
  it.each([
    ['wildlife', 'wildlife'], ['Wildlife', 'wildlife'], ['Forestry / timber', 'forestry'], ['timber', 'forestry'], ['Holz', 'forestry'],
    ['pêche INN', 'fisheries'], ['IUU fishing', 'fisheries'], ['minería ilegal', 'mining'], ['garimpo', 'mining'], ['Abfall', 'waste'],
    ['e-waste', 'waste'], ['ODS', 'ods'], ['CFC', 'ods'], ['Ozone-depleting substances', 'ods'], ['sonstige', 'other'],
  ])('%s → %s', (raw, want) => expect(v(parseSector(raw))).toBe(want));
  it('refuses unknown sectors naming the codes', () => {
    expect(v(parseSector('drugs'))).toBe("'drugs' is not a crime sector (use one of wildlife, forestry, fisheries, mining, waste, ods, other)");
  });
});

describe('vocabularies', () => {
  it('reads date precision', () => {
    expect(v(parseDatePrecision('Month'))).toBe('month');
    expect(v(parseDatePrecision('Jahr'))).toBe('year');
    expect(v(parseDatePrecision('week'))).toBe("'week' is not a date precision (use day, month or year)");
  });
  it('reads location precision', () => {
    expect(v(parseLocationPrecision('port'))).toBe('port');
    expect(v(parseLocationPrecision('Hafen'))).toBe('port');
    expect(v(parseLocationPrecision('airport'))).toBe('port');
    expect(v(parseLocationPrecision('planet'))).toMatch(/^'planet' is not a location precision/);
  });
  it('reads CITES appendices in roman or arabic numerals, with prefixes', () => {
    expect(v(parseCitesAppendix('II'))).toBe('II');
    expect(v(parseCitesAppendix('App. I'))).toBe('I');
    expect(v(parseCitesAppendix('Anhang III'))).toBe('III');
    expect(v(parseCitesAppendix('2'))).toBe('II');
    expect(v(parseCitesAppendix(''))).toBeNull();
    expect(v(parseCitesAppendix('IV'))).toBe("'IV' is not a CITES appendix (use I, II or III)");
  });
  it('reads currencies as ISO codes or unambiguous symbols, and refuses $', () => {
    expect(v(parseCurrency('sgd'))).toBe('SGD');
    expect(v(parseCurrency('€'))).toBe('EUR');
    expect(v(parseCurrency('HK$'))).toBe('HKD');
    expect(v(parseCurrency(''))).toBeNull();
    expect(v(parseCurrency('$'))).toBe("'$' is used by several currencies; write the ISO 4217 code (USD, SGD, HKD, JPY, CNY, …)");
    expect(v(parseCurrency('XYZ'))).toBe("'XYZ' is not an ISO 4217 currency code (e.g. USD, EUR, SGD)");
  });
});
