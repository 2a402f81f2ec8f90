/**
 * Valuation of real seizures (rows of /work/shared/data/seizures-public.csv) with hand-computed
 * values. Exchange rates are the ECB rates of the shipped file, looked up by hand in the CSV and
 * written in each test's comment.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { valuateRecords, valuateSeizure, type PriceInput, type SeizureValuation, type ValuationResult } from '../../../shared/valuation/valuate';
import { IVORY_HKD_2017, IVORY_USD_2014, IVORY_VND_2019, PANGOLIN_SGD_2019, TIMBER_USD_M3, publicSeizures, rateTable, seizure } from './fixtures';

const rates = rateTable();
const ok = (r: ValuationResult): SeizureValuation => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r;
};

describe('HKD: P07, 1,323 kg of ivory tusks, Hong Kong, Thursday 3 January 2013', () => {
  // ECB 2013-01-03: USD 1.3102, HKD 10.1558, SGD 1.6019 per EUR.
  const p07 = seizure('P07');
  it('is the row the test means', () => {
    expect(p07).toMatchObject({ seizureDate: '2013-01-03', quantity: 1323, unit: 'kg', reportedValue: 10_600_000, reportedCurrency: 'HKD' });
  });
  it('valued at HKD 10,000/kg: HKD 13,230,000 = USD 1,706,802.62 = SGD 2,086,801.34', () => {
    // 1,323 kg × HKD 10,000/kg = HKD 13,230,000
    // → USD: 13,230,000 / 10.1558 × 1.3102 = USD 1,706,802.6153
    // → SGD: 13,230,000 / 10.1558 = EUR 1,302,703.8736; × 1.6019 = SGD 2,086,801.3352
    const v = ok(valuateSeizure({ seizure: p07, price: IVORY_HKD_2017 }, { rates, reportingCurrency: 'SGD' }));
    expect(v.inPriceCurrency).toEqual({ low: 13_230_000, high: 13_230_000, currency: 'HKD' });
    expect(v.usd.range.low).toBeCloseTo(1_706_802.6153, 3);
    expect(v.usd.rate.legs).toMatchObject({ from: { currency: 'HKD', perEur: 10.1558, date: '2013-01-03' }, to: { currency: 'USD', perEur: 1.3102, date: '2013-01-03' } });
    expect(v.reporting.range.currency).toBe('SGD');
    expect(v.reporting.range.low).toBeCloseTo((13_230_000 / 10.1558) * 1.6019, 6);
    expect(v.reporting.range.low).toBeCloseTo(2_086_801.3352, 3);
    expect(v.reporting.rate.legs!.to).toMatchObject({ currency: 'SGD', perEur: 1.6019, date: '2013-01-03' });
  });
  it('keeps the reported HKD 10,600,000 apart, with its USD equivalent 1,367,506.25 at the same rates', () => {
    // 10,600,000 / 10.1558 × 1.3102 = USD 1,367,506.2526
    const v = ok(valuateSeizure({ seizure: p07, price: IVORY_HKD_2017 }, { rates, reportingCurrency: 'USD' }));
    expect(v.reported!.value).toEqual({ amount: 10_600_000, currency: 'HKD' });
    expect(v.reported!.usd!.range.low).toBeCloseTo(1_367_506.2526, 3);
    // The estimate is 1,323 × 10,000 whatever was reported.
    expect(v.inPriceCurrency.low).toBe(13_230_000);
  });
  it('valued at USD 2,100/kg: USD 2,778,300 = HKD 21,535,535.90', () => {
    // 1,323 × 2,100 = USD 2,778,300; → HKD: 2,778,300 / 1.3102 × 10.1558 = HKD 21,535,535.9029
    const v = ok(valuateSeizure({ seizure: p07, price: IVORY_USD_2014 }, { rates, reportingCurrency: 'HKD' }));
    expect(v.usd.range).toEqual({ low: 2_778_300, high: 2_778_300, currency: 'USD' });
    expect(v.usd.rate.legs).toBeNull();
    expect(v.reporting.range.low).toBeCloseTo(21_535_535.9029, 3);
    expect(v.warnings.map((w) => w.code)).toEqual([]); // price 2014-07-03 is 1.5 years from the seizure
  });
});

describe('HKD: P11, 26 t of dried shark fins, Hong Kong, 28 April 2020', () => {
  it('reported HKD 8,600,000 is USD 1,109,621.48 at the ECB rates of that day', () => {
    // ECB 2020-04-28: HKD 8.4301, USD 1.0877 per EUR. 8,600,000 / 8.4301 × 1.0877 = USD 1,109,621.4754
    const fins: PriceInput = { ...IVORY_HKD_2017, id: '66666666-6666-4666-8666-666666666666', commodity: 'dried shark fin', low: 300, high: 400, unit: 'kg', date: '2020-04-28' };
    const v = ok(valuateSeizure({ seizure: seizure('P11'), price: fins }, { rates, reportingCurrency: 'USD' }));
    expect(v.reported!.usd!.range.low).toBeCloseTo(1_109_621.4754, 3);
    // 26 t = 26,000 kg × HKD [300, 400] = HKD [7,800,000, 10,400,000]
    expect(v.quantityInPriceUnit).toEqual({ value: 26_000, unit: 'kg' });
    expect(v.inPriceCurrency).toEqual({ low: 7_800_000, high: 10_400_000, currency: 'HKD' });
    // → USD: 7,800,000 / 8.4301 × 1.0877 = 1,006,400.8731; 10,400,000 / 8.4301 × 1.0877 = 1,341,867.8307
    expect(v.usd.range.low).toBeCloseTo(1_006_400.8731, 3);
    expect(v.usd.range.high).toBeCloseTo(1_341_867.8307, 3);
  });
});

describe('SGD: P04, 177 kg of cut and carved ivory, Singapore, Wednesday 3 April 2019', () => {
  // ECB 2019-04-03: USD 1.1243, SGD 1.5209 per EUR.
  const factor = { low: 1, high: 1.43, label: 'worked to raw ivory equivalent (test input)' };
  it('USD 2,100/kg × factor 1–1.43: USD 371,700 – 531,531 = SGD 502,818.22 – 719,030.06', () => {
    // 177 × 2,100 × [1, 1.43] = USD [371,700, 531,531]
    // → SGD: 371,700 / 1.1243 × 1.5209 = 502,818.2247; 531,531 / 1.1243 × 1.5209 = 719,030.0613
    const v = ok(valuateSeizure({ seizure: seizure('P04'), price: IVORY_USD_2014, factor }, { rates, reportingCurrency: 'SGD' }));
    expect(v.usd.range.low).toBe(371_700);
    expect(v.usd.range.high).toBeCloseTo(531_531, 6);
    expect(v.reporting.range.low).toBeCloseTo(502_818.2247, 3);
    expect(v.reporting.range.high).toBeCloseTo(719_030.0613, 3);
    expect(v.factor).toEqual(factor);
    // The reported SGD 120,000 → USD 120,000 / 1.5209 × 1.1243 = USD 88,708.0018
    expect(v.reported!.usd!.range.low).toBeCloseTo(88_708.0018, 3);
  });
});

describe('SGD on a weekend: P02, 8.8 t of ivory, Singapore, Sunday 21 July 2019', () => {
  // No ECB rate on Sunday 2019-07-21: Friday 2019-07-19 applies: USD 1.1226, SGD 1.5259 per EUR.
  it('8.8 t × USD 2,100/kg = USD 18,480,000 = SGD 25,119,037.95 at the Friday rates', () => {
    // 8.8 t = 8,800 kg; × 2,100 = USD 18,480,000; → SGD: 18,480,000 / 1.1226 × 1.5259 = 25,119,037.9476
    const v = ok(valuateSeizure({ seizure: seizure('P02'), price: IVORY_USD_2014 }, { rates, reportingCurrency: 'SGD' }));
    expect(v.quantity).toEqual({ value: 8.8, unit: 't' });
    expect(v.quantityInPriceUnit).toEqual({ value: 8800, unit: 'kg' });
    expect(v.usd.range.low).toBe(18_480_000);
    expect(v.reporting.range.low).toBeCloseTo(25_119_037.9476, 3);
    expect(v.reporting.rate.legs!.from).toMatchObject({ currency: 'USD', date: '2019-07-19', requestedDate: '2019-07-21', ageDays: 2 });
    expect(v.reporting.rate.legs!.to).toMatchObject({ currency: 'SGD', perEur: 1.5259, date: '2019-07-19' });
    // Reported SGD 17,600,000 → 17,600,000 / 1.5259 × 1.1226 = USD 12,948,266.5968
    expect(v.reported!.usd!.range.low).toBeCloseTo(12_948_266.5968, 3);
  });
  it('P01 (pangolin scales, same Sunday) at SGD 4,000–4,100/kg: SGD 47,600,000 – 48,790,000 = USD 35,019,175.57 – 35,894,654.96', () => {
    // 11.9 t = 11,900 kg × SGD [4,000, 4,100] = SGD [47,600,000, 48,790,000]
    // → USD: 47,600,000 / 1.5259 × 1.1226 = 35,019,175.5685; 48,790,000 / 1.5259 × 1.1226 = 35,894,654.9577
    const v = ok(valuateSeizure({ seizure: seizure('P01'), price: PANGOLIN_SGD_2019 }, { rates, reportingCurrency: 'SGD' }));
    expect(v.inPriceCurrency).toEqual({ low: 47_600_000, high: 48_790_000, currency: 'SGD' });
    expect(v.usd.range.low).toBeCloseTo(35_019_175.5685, 3);
    expect(v.usd.range.high).toBeCloseTo(35_894_654.9577, 3);
    expect(v.reporting.rate.legs).toBeNull();
  });
});

describe('what cannot be valued is an error result, not a throw', () => {
  it('P28: 6 containers of logs with a price per m3 → incompatible-units', () => {
    const r = valuateSeizure({ seizure: seizure('P28'), price: TIMBER_USD_M3 }, { rates, reportingCurrency: 'USD' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['incompatible-units']);
    expect(r.problems[0]!.message).toMatch(/containers \(a count\) cannot be converted to m3 \(a volume\)/);
  });
  it('P47 (gold, December 2023) priced in RUB: rate-missing, saying the ECB stopped quoting RUB (no stale 2022 rate)', () => {
    const rub: PriceInput = { ...IVORY_USD_2014, id: 'rub', currency: 'RUB', unit: 'kg', low: 5_000_000, high: 6_000_000 };
    const r = valuateSeizure({ seizure: seizure('P47'), price: rub }, { rates, reportingCurrency: 'EUR' });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'rate-missing', currencies: ['RUB'] }] });
    if (!r.ok) expect(r.problems[0]!.message).toBe('No exchange rate for RUB on or before 2023-12-10 (needed to convert RUB to USD and EUR): the ECB stopped publishing RUB rates after 1 March 2022. Enter a rate with its source, or import ECB rates that cover this date.');
  });
  it('P12: ivory in Viet Nam priced in VND, which the ECB does not quote → rate-missing; a user rate fixes it', () => {
    const p12 = seizure('P12');
    const r = valuateSeizure({ seizure: p12, price: IVORY_VND_2019 }, { rates, reportingCurrency: 'USD' });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'rate-missing', currencies: ['VND'] }] });
    const withVnd = rateTable([{ currency: 'VND', perUsd: 23_300, date: '2019-06-01', source: 'test input' }]);
    const v = ok(valuateSeizure({ seizure: p12, price: IVORY_VND_2019 }, { rates: withVnd, reportingCurrency: 'USD' }));
    // 3.5 t = 3,500 kg × VND [20,000,000, 30,000,000] / 23,300 per USD = USD [3,004,291.85, 4,506,437.77]
    expect(v.usd.range.low).toBeCloseTo(3_004_291.8455, 3);
    expect(v.usd.range.high).toBeCloseTo(4_506_437.7682, 3);
    expect(v.warnings.map((w) => w.code)).toEqual(['stale-rate']); // the VND rate is 11 days old
  });
  it('P30 has no quantity → no-quantity; several problems are listed together', () => {
    const p30 = { ...seizure('P30'), quantity: null };
    const r = valuateSeizure({ seizure: p30, price: IVORY_VND_2019 }, { rates, reportingCurrency: 'USD' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['no-quantity', 'rate-missing']);
  });
  it('P49 (June 2025, after the rate snapshot) is valued with the last rate and a stale-rate warning', () => {
    const mercury: PriceInput = { ...TIMBER_USD_M3, commodity: 'mercury', unit: 'kg', low: 30, high: 50, currency: 'EUR' };
    const v = ok(valuateSeizure({ seizure: seizure('P49'), price: mercury }, { rates, reportingCurrency: 'USD' }));
    expect(v.usd.rate.legs!.to).toMatchObject({ date: '2025-05-09', ageDays: 23, stale: true });
    expect(v.warnings.map((w) => w.code).sort()).toEqual(['approximate-date', 'price-date-distant', 'stale-rate']);
  });
  it('valuateRecords reports records whose seizure or price reference is gone', () => {
    const out = valuateRecords(
      [
        { id: 'v1', seizureId: 'P07', priceReferenceId: IVORY_HKD_2017.id, factor: null },
        { id: 'v2', seizureId: 'P99', priceReferenceId: 'nope', factor: null },
      ],
      [seizure('P07')],
      [IVORY_HKD_2017],
      { rates, reportingCurrency: 'USD' },
    );
    expect(out[0]!.ok).toBe(true);
    expect(out[1]).toMatchObject({ ok: false, valuationId: 'v2', problems: [{ code: 'seizure-missing' }, { code: 'price-missing' }] });
  });
});

describe('valuation invariants on every real seizure (property)', () => {
  const rows = publicSeizures().filter((s) => s.quantity !== null);
  const price = fc
    .tuple(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constantFrom('USD', 'HKD', 'SGD', 'EUR', 'ZAR', 'BRL', 'GBP'))
    .map(([a, b, currency]) => ({ low: Math.min(a, b), high: Math.max(a, b), currency }));
  const factor = fc.option(fc.tuple(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })).map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b), label: 'f' })), { nil: null });
  it('low ≤ high in every currency, and the reported value never enters the estimate', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rows), price, factor, (s, p, f) => {
        const r = valuateSeizure({ seizure: s, price: { ...IVORY_USD_2014, ...p, unit: s.unit ?? 'kg' }, factor: f }, { rates, reportingCurrency: 'SGD' });
        if (!r.ok) return r.problems.every((x) => x.code === 'rate-missing'); // e.g. BRL before 2008
        const noReported = valuateSeizure({ seizure: { ...s, reportedValue: null, reportedCurrency: null }, price: { ...IVORY_USD_2014, ...p, unit: s.unit ?? 'kg' }, factor: f }, { rates, reportingCurrency: 'SGD' });
        return (
          r.inPriceCurrency.low <= r.inPriceCurrency.high &&
          r.usd.range.low <= r.usd.range.high &&
          r.reporting.range.low <= r.reporting.range.high &&
          noReported.ok &&
          noReported.usd.range.low === r.usd.range.low &&
          noReported.usd.range.high === r.usd.range.high
        );
      }),
      { numRuns: 400 },
    );
  });
});
