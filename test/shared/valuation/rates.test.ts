/**
 * ECB rate table: parsing exactly as the ECB layout is documented (N/A, trailing comma, newest
 * first), look-ups on or before a date with the rate's own date, staleness, user rates, and
 * conversion through EUR consistent with direct rates (property tests). Hand-computed values use
 * the real ECB rates of the shipped file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateOfDay, dayNumber } from '../../../shared/valuation/dates';
import { moneyRange } from '../../../shared/valuation/money';
import { lastOnOrBefore, mergeEcbRates, parseEcbCsv, RateTable } from '../../../shared/valuation/rates';
import { NestError } from '../../../shared/errors';
import { rateTable, relClose, SHARED_DATA, shippedEcb, shippedEcbText } from './fixtures';

const SMALL = [
  'Date,USD,JPY,CYP,HKD,',
  '2019-07-22,1.1215,121.05,N/A,8.7585,',
  '2019-07-19,1.1226,120.84,N/A,8.7621,',
  '2019-07-18,1.1216,120.95,N/A,8.7549,',
  '2007-12-31,1.4721,164.93,0.585274,11.4800,',
  '',
].join('\n');

describe('parseEcbCsv: the ECB layout', () => {
  it('reads N/A as no rate, ignores the trailing comma, and keeps series oldest first', () => {
    const e = parseEcbCsv(SMALL);
    expect(e.currencies).toEqual(['USD', 'JPY', 'CYP', 'HKD']);
    expect(e.rowCount).toBe(4);
    expect(e.firstDate).toBe('2007-12-31');
    expect(e.lastDate).toBe('2019-07-22');
    const cyp = e.series.get('CYP')!;
    expect([...cyp.days].map(dateOfDay)).toEqual(['2007-12-31']);
    expect([...e.series.get('USD')!.perEur]).toEqual([1.4721, 1.1216, 1.1226, 1.1215]);
  });
  it('accepts CRLF line ends, a byte-order mark and a file without trailing commas', () => {
    const crlf = `\ufeff${SMALL.replace(/\n/g, '\r\n')}`;
    expect(parseEcbCsv(crlf).series.get('HKD')!.perEur[3]).toBe(8.7585);
    const noTrailing = SMALL.replace(/,\n/g, '\n');
    expect(parseEcbCsv(noTrailing).series.get('HKD')!.perEur[3]).toBe(8.7585);
  });
  it('refuses a malformed file with the line and column of each problem', () => {
    const bad = ['Date,USD,HKD,', '2019-07-22,1.1215,8.7585,', '2019-07-23,1.12,8.7,', '2019-07-19,abc,8.7621,', '2019-02-30,1.1,8.7,', '2019-07-01,1.1,'].join('\n');
    let err: unknown;
    try {
      parseEcbCsv(bad, 'eurofxref-hist.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NestError);
    const ne = err as NestError;
    expect(ne.code).toBe('import-failed');
    expect(ne.message).toMatch(/^eurofxref-hist\.csv: line 3, Date: 2019-07-23 is not older/);
    expect(ne.issues).toEqual([
      { field: 'line.3.Date', message: '2019-07-23 is not older than the line above: the file must list dates newest first, each once' },
      { field: 'line.4.USD', message: '"abc" is neither N/A nor a positive number' },
      { field: 'line.5.Date', message: '"2019-02-30" is not a real date written YYYY-MM-DD' },
      { field: 'line.6.line', message: "has fewer cells than the header's 4" },
    ]);
    expect(() => parseEcbCsv('Datum,USD,\n2019-01-02,1.1,\n')).toThrow(/first column must be "Date"/);
    expect(() => parseEcbCsv('Date,USD,US,\n')).toThrow(/"US" is not a three-letter currency code/);
    expect(() => parseEcbCsv('Date,USD,\n"2019-01-02",1.1,\n')).toThrow(/quote character/);
    expect(() => parseEcbCsv('Date,USD,\n2019-01-02,0,\n')).toThrow(/neither N\/A nor a positive number/);
    expect(() => parseEcbCsv('Date,USD,\n2019-01-02,1e3,\n')).toThrow(/neither N\/A nor a positive number/);
    expect(() => parseEcbCsv('Date,USD,\n')).toThrow(/no dated lines/);
  });
  it('reads the shipped file exactly: every cell equals Number(cell) of a naive split', () => {
    const text = shippedEcbText();
    expect(text).toBe(readFileSync(`${SHARED_DATA}/ecb-eurofxref-hist.csv`, 'utf8'));
    const e = shippedEcb();
    expect(e.rowCount).toBe(6747);
    expect(e.firstDate).toBe('1999-01-04');
    expect(e.lastDate).toBe('2025-05-09');
    expect(e.currencies).toHaveLength(41);
    const lines = text.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    let checked = 0;
    const mismatches: string[] = [];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const day = dayNumber(cells[0]!);
      for (let c = 1; c < header.length - 1; c++) {
        if (cells[c] === 'N/A') continue;
        const s = e.series.get(header[c]!)!;
        const i = lastOnOrBefore(s.days, day);
        if (s.days[i] !== day || s.perEur[i] !== Number(cells[c])) mismatches.push(`${cells[0]} ${header[c]}: ${s.perEur[i]} ≠ ${cells[c]}`);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe([...e.series.values()].reduce((n, s) => n + s.days.length, 0));
  });
  it('refuses files that are not the ECB history: empty, the one-day file, dates before 1999, an EUR column', () => {
    const msg = (text: string): string => {
      try {
        parseEcbCsv(text, 'f.csv');
        return 'parsed';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg('')).toBe('f.csv: line 1, line: the file is empty');
    expect(msg('Date, USD, JPY, \n09 May 2025, 1.1252, 163.36, \n')).toBe(
      'f.csv: line 2, Date: "09 May 2025" is not a real date written YYYY-MM-DD (this looks like the one-day file eurofxref.csv: import the full history, eurofxref-hist.csv)',
    );
    expect(msg('Date,USD,\n1999-01-04,1.1789,\n1998-12-31,1.17,\n')).toBe("f.csv: line 3, Date: 1998-12-31 is before 4 January 1999, the first day of the ECB's euro reference rates");
    expect(msg('Date,EUR,USD,\n2025-05-09,2,1.1,\n')).toBe('f.csv: line 1, EUR: EUR is the base currency (1 per EUR by definition): the ECB file has no EUR column');
  });
  it('records where a currency stops being quoted, and merges those dates', () => {
    const e = parseEcbCsv('Date,USD,RUB,ISK,\n2022-03-03,1.11,N/A,N/A,\n2022-03-02,1.12,N/A,140,\n2022-03-01,1.13,117.2,141,\n');
    expect([...e.stops!.get('RUB')!].map(dateOfDay)).toEqual(['2022-03-02']);
    expect([...e.stops!.get('ISK')!].map(dateOfDay)).toEqual(['2022-03-03']);
    expect(e.stops!.has('USD')).toBe(false);
    const t = new RateTable({ ecb: e });
    expect(t.quote('RUB', '2022-03-01')).toMatchObject({ perEur: 117.2 });
    expect(t.quote('RUB', '2022-03-02')).toBeNull();
    // A newer file with no RUB column (a partial file) says nothing about RUB; one quoting RUB again lifts the stop.
    const partial = mergeEcbRates(e, parseEcbCsv('Date,USD,\n2022-03-04,1.1,\n'));
    expect(new RateTable({ ecb: partial }).quote('USD', '2022-03-04')).toMatchObject({ perEur: 1.1 });
    expect(new RateTable({ ecb: partial }).quote('RUB', '2022-03-04')).toBeNull();
    const back = mergeEcbRates(e, parseEcbCsv('Date,RUB,\n2022-03-02,118,\n'));
    expect(back.stops!.has('RUB')).toBe(false);
    expect(new RateTable({ ecb: back }).quote('RUB', '2022-03-04')).toMatchObject({ perEur: 118, date: '2022-03-02' });
  });
  it('merges a newer file over the snapshot (newer wins on a shared date)', () => {
    const newer = parseEcbCsv('Date,USD,HKD,\n2025-05-13,1.1185,8.7003,\n2025-05-12,1.1097,8.6235,\n2025-05-09,1.1253,8.7519,\n');
    const merged = mergeEcbRates(shippedEcb(), newer);
    const t = new RateTable({ ecb: merged });
    expect(t.quote('USD', '2025-05-13')).toMatchObject({ perEur: 1.1185, date: '2025-05-13', stale: false });
    expect(t.quote('USD', '2025-05-09')!.perEur).toBe(1.1253);
    expect(t.quote('USD', '2025-05-08')!.perEur).toBe(1.1297);
    expect(t.quote('JPY', '2025-05-13')).toMatchObject({ date: '2025-05-09', ageDays: 4 });
    expect(merged.lastDate).toBe('2025-05-13');
  });
});

describe('look-ups (shipped ECB rates)', () => {
  const t = rateTable();
  it('a business day uses its own rate', () => {
    expect(t.quote('HKD', '2013-01-03')).toMatchObject({ perEur: 10.1558, date: '2013-01-03', ageDays: 0, stale: false, origin: { kind: 'ecb' } });
  });
  it('a Sunday uses the Friday before (2019-07-21 → 2019-07-19)', () => {
    expect(t.quote('SGD', '2019-07-21')).toMatchObject({ perEur: 1.5259, date: '2019-07-19', requestedDate: '2019-07-21', ageDays: 2, stale: false });
  });
  it('a TARGET holiday uses the last business day before (1 January 2020 → 31 December 2019)', () => {
    expect(t.quote('USD', '2020-01-01')).toMatchObject({ perEur: 1.1234, date: '2019-12-31', ageDays: 1 });
  });
  it('Easter: Monday 21 April 2025 uses Thursday 17 April (4 days, not stale)', () => {
    expect(t.quote('USD', '2025-04-21')).toMatchObject({ date: '2025-04-17', ageDays: 4, stale: false });
  });
  it('a date after the snapshot uses the last rate and is flagged stale after 7 days', () => {
    expect(t.quote('USD', '2025-05-16')).toMatchObject({ date: '2025-05-09', ageDays: 7, stale: false });
    expect(t.quote('USD', '2025-06-01')).toMatchObject({ date: '2025-05-09', ageDays: 23, stale: true });
    expect(rateTable([], 30).quote('USD', '2025-06-01')!.stale).toBe(false);
  });
  it('no rate before the first published one, nor for a currency the ECB does not quote', () => {
    expect(t.quote('USD', '1998-12-31')).toBeNull();
    expect(t.quote('BRL', '2007-12-31')).toBeNull();
    expect(t.quote('VND', '2019-06-12')).toBeNull();
    expect(t.cross('VND', 'USD', '2019-06-12')).toEqual({ ok: false, missing: ['VND'], date: '2019-06-12' });
  });
  it('a currency the ECB stopped quoting keeps its last rate, flagged stale (CYP after the euro)', () => {
    expect(t.quote('CYP', '2010-06-01')).toMatchObject({ date: '2007-12-31', stale: true });
  });
  it('a currency the ECB stopped quoting has no rate after its last quote (RUB after 1 March 2022), with the reason', () => {
    expect(t.quote('RUB', '2022-03-01')).toMatchObject({ perEur: 117.201, date: '2022-03-01' });
    // Wednesday 2 March 2022: the ECB published rates, but none for RUB.
    expect(t.quote('RUB', '2022-03-02')).toBeNull();
    expect(t.quote('RUB', '2023-05-01')).toBeNull();
    expect(t.cross('RUB', 'USD', '2023-05-01')).toEqual({ ok: false, missing: ['RUB'], date: '2023-05-01' });
    expect(t.whyNoRate('RUB', '2023-05-01')).toBe('the ECB stopped publishing RUB rates after 1 March 2022');
    // The weekend after the last quote, before the ECB's next business day, still uses it.
    expect(t.quote('TRL', '2005-01-02')).toMatchObject({ date: '2004-12-31' });
  });
  it('no rate while the ECB suspended a currency (ISK, 9 December 2008 to 1 February 2018)', () => {
    expect(t.quote('ISK', '2012-05-01')).toBeNull();
    expect(t.whyNoRate('ISK', '2012-05-01')).toBe('the ECB published no ISK rate between 9 December 2008 and 1 February 2018');
    expect(t.quote('ISK', '2018-02-01')).toMatchObject({ date: '2018-02-01' });
    // A user rate later than the last ECB quote is used; one older than it is not.
    const src = 'Central Bank of Iceland, official rate';
    expect(rateTable([{ currency: 'ISK', perEur: 160.5, date: '2012-04-30', source: src }]).quote('ISK', '2012-05-01')).toMatchObject({ perEur: 160.5, origin: { kind: 'user' } });
    expect(rateTable([{ currency: 'ISK', perEur: 90, date: '2005-01-03', source: src }]).quote('ISK', '2012-05-01')).toBeNull();
  });
  it('says why there is no rate: before 1999, before the first quote, never quoted', () => {
    expect(t.whyNoRate('USD', '1998-12-31')).toBe('ECB reference rates start on 4 January 1999');
    expect(t.whyNoRate('BRL', '2007-12-31')).toBe("the ECB's BRL rates start on 2 January 2008");
    expect(t.whyNoRate('VND', '2019-06-12')).toBe('the ECB does not publish a VND rate and no rate was entered for it');
  });
  it('EUR is 1 per EUR by definition', () => {
    expect(t.quote('EUR', '2020-08-01')).toMatchObject({ perEur: 1, date: '2020-08-01', origin: { kind: 'definition' } });
  });
  it('look-ups equal a linear scan of the published dates (property)', () => {
    const usd = shippedEcb().series.get('USD')!;
    const first = usd.days[0]!;
    const last = usd.days[usd.days.length - 1]!;
    fc.assert(
      fc.property(fc.integer({ min: first - 30, max: last + 60 }), (day) => {
        let expected = -1;
        for (let i = 0; i < usd.days.length; i++) if (usd.days[i]! <= day) expected = i;
        const q = t.quote('USD', dateOfDay(day));
        return expected === -1 ? q === null : q !== null && q.date === dateOfDay(usd.days[expected]!) && q.perEur === usd.perEur[expected];
      }),
      { numRuns: 500 },
    );
  });
  it('rejects a date that is not a real YYYY-MM-DD date', () => {
    expect(() => t.quote('USD', '2019-02-30')).toThrow(NestError);
  });
});

describe('conversion through EUR (hand-computed, real ECB rates)', () => {
  const t = rateTable();
  it('HKD 10,600,000 on 3 January 2013 (P07) is USD 1,367,506.25', () => {
    // ECB 2013-01-03: HKD 10.1558 per EUR, USD 1.3102 per EUR.
    // 10,600,000 / 10.1558 × 1.3102 = 1,043,738.57 EUR × 1.3102 = USD 1,367,506.2526
    const r = t.convert(moneyRange(10_600_000, 10_600_000, 'HKD'), 'USD', '2013-01-03');
    if (!r.ok) throw new Error('no rate');
    expect(r.range.low).toBeCloseTo(1_367_506.2526, 3);
    expect(r.range.currency).toBe('USD');
    expect(r.rate.legs!.from).toMatchObject({ currency: 'HKD', perEur: 10.1558, date: '2013-01-03' });
    expect(r.rate.legs!.to).toMatchObject({ currency: 'USD', perEur: 1.3102, date: '2013-01-03' });
    expect(r.rate.rate).toBeCloseTo(1.3102 / 10.1558, 15);
  });
  it('SGD 17,600,000 on Sunday 21 July 2019 (P02) uses Friday 19 July: USD 12,948,266.60', () => {
    // ECB 2019-07-19 (the last business day before Sunday 2019-07-21): SGD 1.5259, USD 1.1226 per EUR.
    // 17,600,000 / 1.5259 × 1.1226 = USD 12,948,266.5968
    const r = t.convert(moneyRange(17_600_000, 17_600_000, 'SGD'), 'USD', '2019-07-21');
    if (!r.ok) throw new Error('no rate');
    expect(r.range.high).toBeCloseTo(12_948_266.5968, 3);
    expect(r.rate.legs!.from.date).toBe('2019-07-19');
    expect(r.rate.legs!.to.date).toBe('2019-07-19');
    expect(r.rate.stale).toBe(false);
  });
  it('EUR 96,000 on 1 January 2020 (P58, a TARGET holiday) uses 31 December 2019: USD 107,846.40', () => {
    // 96,000 × 1.1234 = USD 107,846.4 (EUR needs only the USD leg)
    const r = t.convert(moneyRange(96_000, 96_000, 'EUR'), 'USD', '2020-01-01');
    if (!r.ok) throw new Error('no rate');
    expect(r.range.low).toBeCloseTo(107_846.4, 6);
    expect(r.rate.legs!.to.date).toBe('2019-12-31');
  });
  it('same currency: no conversion, rate 1, no legs', () => {
    const r = t.convert(moneyRange(1, 2, 'USD'), 'USD', '2019-01-01');
    expect(r).toMatchObject({ ok: true, range: { low: 1, high: 2, currency: 'USD' }, rate: { rate: 1, legs: null } });
  });
});

describe('user rates', () => {
  const VND = { id: 'a1', currency: 'VND', perUsd: 23_300, date: '2019-06-01', source: 'State Bank of Vietnam central rate (test input)' };
  it('a per-USD rate converts to USD at exactly the entered rate, through EUR', () => {
    const t = rateTable([VND]);
    const r = t.convert(moneyRange(23_300_000, 46_600_000, 'VND'), 'USD', '2019-06-12');
    if (!r.ok) throw new Error('no rate');
    expect(relClose(r.range.low, 1000)).toBe(true);
    expect(relClose(r.range.high, 2000)).toBe(true);
    const q = r.rate.legs!.from;
    expect(q).toMatchObject({ currency: 'VND', date: '2019-06-01', ageDays: 11, stale: true, origin: { kind: 'user', label: VND.source, perUsd: 23_300 } });
    expect(q.usdLeg).toMatchObject({ currency: 'USD', date: '2019-06-12' });
  });
  it('the later-dated of an ECB and a user rate wins; on the same date the ECB rate', () => {
    const t = rateTable([
      { currency: 'USD', perEur: 1.2, date: '2025-06-01', source: 'bank quote (test input)' },
      { currency: 'HKD', perEur: 99, date: '2013-01-03', source: 'same-day user rate (test input)' },
    ]);
    expect(t.quote('USD', '2025-06-02')).toMatchObject({ perEur: 1.2, date: '2025-06-01', origin: { kind: 'user' } });
    expect(t.quote('USD', '2025-05-31')).toMatchObject({ perEur: 1.1252, origin: { kind: 'ecb' } });
    expect(t.quote('HKD', '2013-01-03')).toMatchObject({ perEur: 10.1558, origin: { kind: 'ecb' } });
  });
  it('rejects a user rate without a source, with both or neither rate, or for EUR', () => {
    expect(() => rateTable([{ currency: 'VND', perUsd: 1, date: '2019-01-01', source: ' ' }])).toThrow(/source/);
    expect(() => rateTable([{ currency: 'VND', perUsd: 1, perEur: 1, date: '2019-01-01', source: 'x' }])).toThrow(/either per EUR or per USD/);
    expect(() => rateTable([{ currency: 'EUR', perEur: 1, date: '2019-01-01', source: 'x' }])).toThrow(/base currency/);
    expect(() => rateTable([{ currency: 'VND', perEur: -5, date: '2019-01-01', source: 'x' }])).toThrow(/positive/);
  });
});

describe('through-EUR conversion is consistent with direct rates (property)', () => {
  const t = rateTable([{ currency: 'VND', perUsd: 23_300, date: '2019-01-01', source: 'test input' }]);
  const CCY = ['EUR', 'USD', 'HKD', 'SGD', 'JPY', 'GBP', 'ZAR', 'BRL', 'CNY', 'IDR', 'VND'];
  const usd = shippedEcb().series.get('USD')!;
  const date = fc.integer({ min: dayNumber('2019-01-01'), max: usd.days[usd.days.length - 1]! }).map(dateOfDay);
  const amount = fc.double({ min: 0.01, max: 1e12, noNaN: true });
  const conv = (a: number, from: string, to: string, d: string): number => {
    const r = t.convert(moneyRange(a, a, from), to, d);
    if (!r.ok) throw new Error(`no rate ${from}→${to} ${d}`);
    return r.range.low;
  };
  it('X → Y equals amount × the direct cross rate perEur(Y) / perEur(X)', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...CCY), fc.constantFrom(...CCY), date, (a, x, y, d) => {
        const cross = t.cross(x, y, d);
        if (!cross.ok) return false;
        return relClose(conv(a, x, y, d), a * cross.rate.rate, 1e-14);
      }),
      { numRuns: 500 },
    );
  });
  it('X → Y → Z equals X → Z, and X → Y → X returns the amount', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...CCY), fc.constantFrom(...CCY), fc.constantFrom(...CCY), date, (a, x, y, z, d) => {
        return relClose(conv(conv(a, x, y, d), y, z, d), conv(a, x, z, d), 1e-14) && relClose(conv(conv(a, x, y, d), y, x, d), a, 1e-14);
      }),
      { numRuns: 500 },
    );
  });
  it('a range converts to a range (low ≤ high) with both ends at the same rate', () => {
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(...CCY), fc.constantFrom(...CCY), date, (a, b, x, y, d) => {
        const r = t.convert(moneyRange(Math.min(a, b), Math.max(a, b), x), y, d);
        return r.ok && r.range.low <= r.range.high && r.range.currency === y;
      }),
      { numRuns: 300 },
    );
  });
});
