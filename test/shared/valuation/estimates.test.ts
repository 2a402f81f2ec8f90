/**
 * Case and network estimates: sums of seizure ranges (independent of order), envelopes of
 * alternative valuations, breakdowns by sector and year, what could not be valued, and the
 * undetected-flow estimate from an interdiction-rate range.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseEstimate, networkEstimate, toRangeBars, totalsBySector, totalsByYear, undetectedFlow } from '../../../shared/valuation/estimates';
import { moneyRange } from '../../../shared/valuation/money';
import { valuateSeizure, type PriceInput, type ValuationResult } from '../../../shared/valuation/valuate';
import { IVORY_USD_2014, PANGOLIN_SGD_2019, TIMBER_USD_M3, rateTable, relClose, seizure } from './fixtures';

const rates = rateTable();
const ctx = { rates, reportingCurrency: 'SGD' };
const ROSEWOOD_HKD: PriceInput = { ...IVORY_USD_2014, id: '77777777-7777-4777-8777-777777777777', commodity: 'rosewood logs', currency: 'HKD', unit: 't', low: 30_000, high: 140_000, date: '2016-07-26', citationTitle: 'Test input (not a published price)' };

// A Singapore 2019 case (P01–P05) plus Hong Kong rosewood (P24, P26) and an unvaluable P28.
const seizures = ['P01', 'P02', 'P03', 'P04', 'P05', 'P24', 'P26', 'P28', 'P19'].map(seizure);
const results: ValuationResult[] = [
  valuateSeizure({ seizure: seizure('P01'), price: PANGOLIN_SGD_2019 }, ctx),
  valuateSeizure({ seizure: seizure('P02'), price: IVORY_USD_2014 }, ctx),
  valuateSeizure({ seizure: seizure('P03'), price: PANGOLIN_SGD_2019 }, ctx),
  valuateSeizure({ seizure: seizure('P04'), price: IVORY_USD_2014, factor: { low: 1, high: 1.43, label: 'worked to raw ivory equivalent (test input)' } }, ctx),
  // P04 also valued with the bare price: the seizure's range is the envelope of both.
  valuateSeizure({ seizure: seizure('P04'), price: { ...IVORY_USD_2014, low: 1500 } }, ctx),
  valuateSeizure({ seizure: seizure('P05'), price: PANGOLIN_SGD_2019 }, ctx),
  valuateSeizure({ seizure: seizure('P24'), price: ROSEWOOD_HKD }, ctx),
  valuateSeizure({ seizure: seizure('P26'), price: ROSEWOOD_HKD }, ctx),
  valuateSeizure({ seizure: seizure('P28'), price: TIMBER_USD_M3 }, ctx),
];

describe('case estimate', () => {
  const e = caseEstimate(seizures, results, 'SGD');
  it('sums the valued seizures and lists the rest', () => {
    expect(e.seizures.map((s) => s.seizureId)).toEqual(['P24', 'P26', 'P03', 'P04', 'P05', 'P01', 'P02']);
    expect(e.notValued).toEqual(['P19']);
    expect(e.excluded).toEqual(['P28']);
    expect(e.failures.map((f) => f.problems[0]!.code)).toEqual(['incompatible-units']);
    const usd = e.seizures.map((s) => s.usd);
    expect(relClose(e.total.usd.low, usd.reduce((a, r) => a + r.low, 0), 1e-15)).toBe(true);
    expect(relClose(e.total.usd.high, usd.reduce((a, r) => a + r.high, 0), 1e-15)).toBe(true);
    expect(e.total.reporting.currency).toBe('SGD');
  });
  it('takes the envelope of alternative valuations of one seizure (P04)', () => {
    const p04 = e.seizures.find((s) => s.seizureId === 'P04')!;
    // 177 kg × [1,500, 2,100] = USD [265,500, 371,700]; with the factor USD [371,700, 531,531] → envelope [265,500, 531,531]
    expect(p04.valuations).toHaveLength(2);
    expect(p04.usd.low).toBe(265_500);
    expect(p04.usd.high).toBeCloseTo(531_531, 6);
  });
  it('keeps the reported values apart, per currency', () => {
    // Valued seizures' reported values: SGD 48.6m + 17.6m + 52.3m + 0.12m + 51.6m; HKD 3m + 3.6m
    expect(e.reported).toEqual([
      { low: 6_600_000, high: 6_600_000, currency: 'HKD' },
      { low: 170_220_000, high: 170_220_000, currency: 'SGD' },
    ]);
  });
  it('breaks down by sector and by year, chart-ready', () => {
    const bySector = totalsBySector(e);
    expect(bySector.map((g) => [g.key, g.count])).toEqual([
      ['wildlife', 5],
      ['forestry', 2],
    ]);
    const byYear = totalsByYear(e);
    expect(byYear.map((g) => [g.key, g.count])).toEqual([
      ['2014', 1],
      ['2018', 1],
      ['2019', 5],
    ]);
    const bars = toRangeBars(byYear, 'usd');
    expect(bars[2]).toMatchObject({ key: '2019', label: '2019', currency: 'USD', count: 5 });
    expect(bars.every((b) => b.low <= b.high)).toBe(true);
    // The groups add up to the total.
    expect(relClose(bySector.reduce((a, g) => a + g.usd.low, 0), e.total.usd.low, 1e-15)).toBe(true);
  });
  it('is independent of the order of seizures and results (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(seizures, { minLength: seizures.length, maxLength: seizures.length }), fc.shuffledSubarray(results, { minLength: results.length, maxLength: results.length }), (ss, rs) => {
        const x = caseEstimate(ss, rs, 'SGD');
        return (
          x.total.usd.low === e.total.usd.low &&
          x.total.usd.high === e.total.usd.high &&
          x.total.reporting.low === e.total.reporting.low &&
          x.total.reporting.high === e.total.reporting.high &&
          JSON.stringify(totalsBySector(x)) === JSON.stringify(totalsBySector(e))
        );
      }),
      { numRuns: 300 },
    );
  });
  it('a network estimate counts each seizure once', () => {
    const a = caseEstimate(seizures.slice(0, 5), results, 'SGD');
    const b = caseEstimate(seizures.slice(3), results, 'SGD');
    const n = networkEstimate([a, b], 'SGD');
    expect(n.seizures).toHaveLength(7);
    expect(relClose(n.total.usd.low, e.total.usd.low, 1e-15)).toBe(true);
    expect(() => networkEstimate([a], 'USD')).toThrow(/SGD/);
  });
});

describe('undetected flow from an interdiction-rate range', () => {
  it('seized USD 10–30 m at 10–30 %: flow USD 33.3–300 m, undetected USD 23.3–270 m, labelled an assumption', () => {
    // flow = [10 / 0.3, 30 / 0.1] = [33.33…, 300] m; undetected = [10 × 0.7 / 0.3, 30 × 0.9 / 0.1] = [23.33…, 270] m
    const f = undetectedFlow(moneyRange(10e6, 30e6, 'USD'), { low: 0.1, high: 0.3, basis: 'test assumption' });
    expect(f.isAssumption).toBe(true);
    expect(f.label).toBe('Assumption: seizures are 10–30 % of the flow (basis: test assumption).');
    expect(f.totalFlow.low).toBeCloseTo(33_333_333.33, 1);
    expect(f.totalFlow.high).toBeCloseTo(300e6, 4);
    expect(f.undetected.low).toBeCloseTo(23_333_333.33, 1);
    expect(f.undetected.high).toBeCloseTo(270e6, 4);
  });
  it('keeps low ≤ high and flow ≥ seized for any valid rate (property)', () => {
    const amt = fc.double({ min: 0, max: 1e12, noNaN: true });
    const share = fc.double({ min: 0.001, max: 1, noNaN: true });
    fc.assert(
      fc.property(amt, amt, share, share, (a, b, r1, r2) => {
        const s = moneyRange(Math.min(a, b), Math.max(a, b), 'USD');
        const f = undetectedFlow(s, { low: Math.min(r1, r2), high: Math.max(r1, r2), basis: 'x' });
        return f.totalFlow.low <= f.totalFlow.high && f.undetected.low <= f.undetected.high && f.totalFlow.low >= s.low * (1 - 1e-15) && f.undetected.low >= 0;
      }),
      { numRuns: 500 },
    );
  });
  it('refuses rates outside (0, 1], reversed, or without a basis', () => {
    const s = moneyRange(1, 2, 'USD');
    expect(() => undetectedFlow(s, { low: 0, high: 0.3, basis: 'x' })).toThrow(/greater than 0/);
    expect(() => undetectedFlow(s, { low: 0.1, high: 1.5, basis: 'x' })).toThrow(/at most 100/);
    expect(() => undetectedFlow(s, { low: 0.3, high: 0.1, basis: 'x' })).toThrow(/not exceed/);
    expect(() => undetectedFlow(s, { low: 0.1, high: 0.3, basis: '' })).toThrow(/rests on/);
  });
});
