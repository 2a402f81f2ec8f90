/**
 * The valuation area's catalogue entries (valuation.*) render the exact English the screens and the
 * methodology statements showed before they moved to the catalogue, and count with ICU plurals:
 * one and other, grouped thousands, and the "none" case where the old code left a part out.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/messages';

describe('valuation messages: methodology statements', () => {
  it('counts seizures, days and units with plurals', () => {
    expect(t('valuation.method.total', { count: 1, usd: 'USD 1,706,803', hasReporting: 'no' })).toBe('1 seizure was valued; the estimated total is USD 1,706,803.');
    expect(t('valuation.method.total', { count: 26, usd: 'USD 275,602,212 – 319,593,923', hasReporting: 'yes', reporting: 'SGD 1 – 2' })).toBe(
      '26 seizures were valued; the estimated total is USD 275,602,212 – 319,593,923 (SGD 1 – 2).',
    );
    expect(t('valuation.method.total', { count: 1200, usd: 'USD 1', hasReporting: 'no' })).toBe('1,200 seizures were valued; the estimated total is USD 1.');
    expect(t('valuation.method.not-valued', { count: 1 })).toBe('1 seizure has no valuation and is not included.');
    expect(t('valuation.method.not-valued', { count: 3 })).toBe('3 seizures have no valuation and are not included.');
    expect(t('valuation.method.excluded', { count: 1 })).toBe('1 seizure could not be valued and is not included:');
    expect(t('valuation.method.excluded', { count: 2 })).toBe('2 seizures could not be valued and are not included:');
    expect(t('valuation.method.quote-age', { days: 1, date: '4 January 2013', stale: 'no' })).toBe(', 1 day before 4 January 2013');
    expect(t('valuation.method.quote-age', { days: 9, date: '28 July 2019', stale: 'yes' })).toBe(', 9 days before 28 July 2019 (stale)');
    expect(t('valuation.method.unit-name', { unit: 'kg', count: 1 })).toBe('kilogram');
    expect(t('valuation.method.unit-name', { unit: 'kg', count: 1323 })).toBe('kilograms');
    expect(t('valuation.method.unit-name', { unit: 'm3', count: 2.5 })).toBe('cubic metres');
    expect(t('valuation.method.unit-name', { unit: 'pieces', count: 1 })).toBe('piece');
    expect(t('valuation.method.unit-name', { unit: 'head', count: 40 })).toBe('head');
  });

  it('keeps the optional parts of a sentence', () => {
    expect(t('valuation.method.seizure', { quantity: '1 piece', hasCommodity: 'no', commodity: '', when: 'on 3 January 2013' })).toBe(
      'The seizure of 1 piece of the commodity on 3 January 2013 was valued at a unit price.',
    );
    expect(t('valuation.method.arithmetic', { hasFactor: 'yes', quantity: '8,800', currency: 'USD', price: '2,100', factor: '1–1.43', result: 'USD 18,480,000 – 26,426,400' })).toBe(
      'Quantity × unit price × factor = 8,800 × USD 2,100 × 1–1.43 = USD 18,480,000 – 26,426,400.',
    );
    expect(t('valuation.method.arithmetic', { hasFactor: 'no', quantity: '1,323', currency: 'HKD', price: '10,000', factor: '', result: 'HKD 13,230,000' })).toBe(
      'Quantity × unit price = 1,323 × HKD 10,000 = HKD 13,230,000.',
    );
    expect(t('valuation.method.context', { label: 'X', display: '7–23 USD bn a year', citation: 'C', toVerify: 'yes', disclaimer: 'D' })).toBe(
      'X: 7–23 USD bn a year, published estimate (C) [citation to be verified]. D',
    );
  });
});

describe('valuation messages: screens and dialogs', () => {
  it('counts with ICU plurals where the screens pluralised by hand', () => {
    expect(t('valuation.bulk.submit', { count: 1 })).toBe('Assign to 1 seizure');
    expect(t('valuation.bulk.submit', { count: 5 })).toBe('Assign to 5 seizures');
    expect(t('valuation.import.submit', { count: 1 })).toBe('Add 1 price');
    expect(t('valuation.import.submit', { count: 5 })).toBe('Add 5 prices');
    expect(t('valuation.prices.imported', { count: 1200 })).toBe('Added 1,200 prices');
    expect(t('valuation.tab.assigned', { commodity: 'gold', count: 1 })).toBe('gold: price assigned to 1 seizure');
    expect(t('valuation.tab.assigned', { commodity: 'gold', count: 2 })).toBe('gold: price assigned to 2 seizures');
    expect(t('valuation.tab.invalid-prices', { count: 1 })).toBe('1 price reference is not valid (for example low above high after two edits) and is left out.');
    expect(t('valuation.tab.invalid-prices', { count: 2 })).toBe('2 price references are not valid (for example low above high after two edits) and are left out.');
    expect(t('valuation.prices.invalid', { count: 1, issues: 'low: must not exceed high' })).toBe('1 price reference is not valid (low: must not exceed high) and is not used until fixed.');
    expect(t('valuation.table.status-notes', { count: 1 })).toBe('1 note');
    expect(t('valuation.table.status-notes', { count: 3 })).toBe('3 notes');
    expect(t('valuation.table.alternatives', { count: 1 })).toBe('+ 1 alternative price');
    expect(t('valuation.table.alternatives', { count: 2 })).toBe('+ 2 alternative prices');
    expect(t('valuation.tab.rates-value', { date: '9 May 2025', files: 0 })).toBe('ECB to 9 May 2025 (shipped)');
    expect(t('valuation.tab.rates-value', { date: '30 May 2025', files: 1 })).toBe('ECB to 30 May 2025 (1 imported file)');
    expect(t('valuation.tab.rates-value', { date: '30 May 2025', files: 2 })).toBe('ECB to 30 May 2025 (2 imported files)');
    expect(t('valuation.rates.in-use-note', { days: 6747, files: 0 })).toBe('6,747 business days · no imported file');
    expect(t('valuation.rates.in-use-note', { days: 6749, files: 1 })).toBe('6,749 business days · 1 imported file');
    expect(t('valuation.rates.report', { file: 'eurofxref-hist.csv', days: 6749, newDates: 2, last: '30 May 2025', previous: '9 May 2025' })).toBe(
      'eurofxref-hist.csv: 6,749 days read. 2 new business days; rates now run to 30 May 2025 (before: 9 May 2025).',
    );
    expect(t('valuation.rates.report', { file: 'f.csv', days: 1, newDates: 1, last: '12 May 2025', previous: '9 May 2025' })).toBe(
      'f.csv: 1 day read. 1 new business day; rates now run to 12 May 2025 (before: 9 May 2025).',
    );
    expect(t('valuation.rates.subtitle', { days: 7 })).toMatch(/A rate more than 7 days older than the date it converts is flagged stale\.$/);
    expect(t('valuation.detail.several', { count: 2 })).toBe('This seizure has 2 prices: its range covers all of them.');
    expect(t('valuation.charts.bar', { label: 'Wildlife', range: 'USD 1 – 2', count: 1 })).toBe('Wildlife: USD 1 – 2 (1 seizure)');
    expect(t('valuation.charts.bar', { label: 'Wildlife', range: 'USD 1 – 2', count: 18 })).toBe('Wildlife: USD 1 – 2 (18 seizures)');
  });

  it('renders the fixed sentences and the optional parts as before', () => {
    expect(t('valuation.estimates.not-valued', { count: 33, failed: 0 })).toBe('33 without a price');
    expect(t('valuation.estimates.not-valued', { count: 33, failed: 2 })).toBe('33 without a price, 2 could not be valued');
    expect(t('valuation.tab.valued-count', { valued: 26, count: 59 })).toBe('26 of 59 seizures valued');
    expect(t('valuation.format.unit-after-per', { unit: 'm3' })).toBe('m³');
    expect(t('valuation.format.unit-after-per', { unit: 'containers' })).toBe('container');
    expect(t('valuation.format.unit-after-per', { unit: 'kg' })).toBe('kg');
    expect(t('valuation.table.incompatible', { priceUnit: 't', unit: 'pieces' })).toBe('priced per t, seized in pieces');
    expect(t('valuation.detail.title', { commodity: 'elephant ivory (cut and carved)' })).toBe('Valuation: elephant ivory (cut and carved)');
    expect(t('valuation.assumption.lead', { assumption: 'assumption' })).toBe(
      'Whole flow = seized value ÷ the share of the flow that is seized. That share is an assumption, not a finding: these figures are not evidence of any quantity trafficked.',
    );
    expect(t('valuation.checker.missing', { currencies: 'VND and NGN', date: '3 Jun 2019', why: 'not quoted' })).toBe(
      'No rate for VND and NGN on or before 3 Jun 2019: not quoted. Enter one below, with its source.',
    );
  });
});
