/**
 * The valuation service through RPC, as the Valuation tab uses it: the 59 public seizures
 * (/work/shared/data/seizures-public.csv) imported into a case, a small price list (the five good
 * rows of test/e2e/valuation-prices.csv plus a mercury test price), prices assigned by commodity on
 * the renderer's doc replicas, then `valuation.case`, `valuation.statement` and `valuation.workspace`.
 * Every expected figure is computed by hand in the comments, from the quantities in the CSV and the
 * ECB rates of the shipped file (resources/rates/ecb-eurofxref-hist.csv), looked up by hand.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseValuations } from '../../shared/docs/case-valuations';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { ReferenceLists } from '../../shared/docs/reference-lists';
import { newCaseFields } from '../../shared/domain/case';
import type { PriceReferenceFields } from '../../shared/domain/price-reference';
import type { Seizure } from '../../shared/domain/seizure';
import type { Factor } from '../../shared/domain/seizure-valuation';
import { parsePriceReferenceCsv } from '../../shared/valuation/price-csv';
import type { CaseValuation, SeizureValuationRow } from '../../shared/rpc/valuation';
import { valuationRows } from '../helpers/valuation-rows';
import { fileURLToPath } from 'node:url';
import { startService, type Harness } from '../helpers/service';
import { sharedPath } from '../helpers/shared-dir';
import type { DataClient } from '../../renderer/src/data/client';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

/** The five good rows of the e2e price list (ivory, pangolin scales, rosewood, shark fin, gold). */
export function e2ePrices(): PriceReferenceFields[] {
  const r = parsePriceReferenceCsv(fs.readFileSync(fileURLToPath(new URL('../e2e/valuation-prices.csv', import.meta.url)), 'utf8'));
  expect(r.accepted).toHaveLength(5);
  return r.accepted.map((a) => a.fields);
}

/** Mercury, USD 50–100 per kg: a test price (not a published figure), as the e2e test enters it by hand. */
export const MERCURY: PriceReferenceFields = {
  commodity: 'mercury',
  taxon: '',
  low: 50,
  high: 100,
  currency: 'USD',
  unit: 'kg',
  marketLevel: 'wholesale',
  place: 'Lima',
  country: 'PE',
  date: '2025-01-01',
  citationTitle: 'TEST PRICE for the NEST Desk end-to-end test: not a published figure',
  citationUrl: '',
  notes: '',
};

/** A workspace with the public seizures in one case, and the replicas the renderer would hold. */
export interface ValuedCase {
  c: DataClient;
  workspaceId: string;
  caseId: string;
  lists: ReferenceLists;
  valuations: CaseValuations;
  seizures: Seizure[];
  writer: { memberId: string };
  priceIds: Record<string, string>;
}

/** Imports the public seizures and adds the price list (`reportingCurrency` for the workspace). */
export async function publicCase(reportingCurrency = 'SGD'): Promise<ValuedCase> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Siti Rahman', agency: 'Singapore Customs', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'NEST Singapore', casePrefix: 'SGNEST', reportingCurrency });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Public seizure reports 2012–2025', sector: 'wildlife' } });
  const report = await c.call('import.commit', {
    workspaceId: ws.id,
    caseId: k.id,
    fileName: 'seizures-public.csv',
    contentBase64: fs.readFileSync(sharedPath('data/seizures-public.csv')).toString('base64'),
  });
  expect(report.imported).toBe(59);
  const wr = c.openDoc(workspaceDocName(ws.id));
  const cr = c.openDoc(caseDocName(ws.id, k.id));
  await Promise.all([wr.whenSynced(), cr.whenSynced()]);
  const writer = { memberId: me.memberId };
  const lists = new ReferenceLists(wr.doc);
  const priceIds: Record<string, string> = {};
  const keys = ['ivory', 'pangolin', 'rosewood', 'shark', 'gold', 'mercury'];
  [...e2ePrices(), MERCURY].forEach((fields, i) => {
    const id = randomUUID();
    lists.addPriceReference(id, fields, writer);
    priceIds[keys[i]!] = id;
  });
  return { c, workspaceId: ws.id, caseId: k.id, lists, valuations: new CaseValuations(cr.doc), seizures: new CaseDoc(cr.doc).listSeizures(), writer, priceIds };
}

/** The seizures whose commodity contains every word of `filter` (as the bulk-assign dialog filters). */
export function matching(seizures: Seizure[], filter: string): Seizure[] {
  const words = filter.toLowerCase().split(/\s+/);
  return seizures.filter((s) => words.every((w) => s.commodity.toLowerCase().includes(w)));
}

/**
 * Assigns the price list as the e2e test does: ivory to the 9 ivory seizures (P04, worked ivory,
 * with the factor 1–1.43 "worked to raw ivory equivalent"), pangolin scales to the 8 pangolin
 * seizures, rosewood to the 5 rosewood seizures recorded by weight (P21, 29,434 pieces, is left
 * out: a count never converts to tonnes), shark fin to P11, gold to P46 and P47 (not P50, which is
 * ore, nor the excavators) and mercury to P49. 26 seizures in all.
 */
export function assignPrices(v: ValuedCase): void {
  const add = (s: Seizure, price: string, factor: Factor | null = null): void => {
    v.valuations.addValuation(randomUUID(), { seizureId: s.id, priceReferenceId: v.priceIds[price]!, factor, notes: '' }, v.writer);
  };
  for (const s of matching(v.seizures, 'ivory')) add(s, 'ivory', s.commodity.includes('carved') ? { low: 1, high: 1.43, label: 'worked to raw ivory equivalent' } : null);
  for (const s of matching(v.seizures, 'pangolin')) add(s, 'pangolin');
  for (const s of matching(v.seizures, 'rosewood')) if (s.unit !== 'pieces') add(s, 'rosewood');
  for (const s of matching(v.seizures, 'shark fin')) add(s, 'shark');
  for (const s of matching(v.seizures, 'gold')) if (s.unit === 'kg' && !s.commodity.includes('ore')) add(s, 'gold');
  for (const s of matching(v.seizures, 'mercury')) add(s, 'mercury');
}

/** The case estimate (`valuation.case`) with every row and its quotes (`valuation.caseRows`, all pages). */
async function estimate(v: ValuedCase): Promise<CaseValuation & Awaited<ReturnType<typeof valuationRows>>> {
  const ref = { workspaceId: v.workspaceId, caseId: v.caseId };
  return { ...(await v.c.call('valuation.case', ref)), ...(await valuationRows(v.c, ref)) };
}

function row(est: { seizures: SeizureValuationRow[] }, commodity: string, date: string): SeizureValuationRow {
  const r = est.seizures.find((s) => s.commodity === commodity && s.date === date);
  if (!r) throw new Error(`no seizure ${commodity} ${date}`);
  return r;
}

describe('valuation.case: the 59 public seizures valued with a small price list', () => {
  it('assigns the prices to the seizures the test means', async () => {
    const v = await publicCase();
    expect(v.seizures).toHaveLength(59);
    expect(matching(v.seizures, 'ivory')).toHaveLength(9);
    expect(matching(v.seizures, 'pangolin')).toHaveLength(8);
    expect(matching(v.seizures, 'rosewood').map((s) => `${s.quantity} ${s.unit}`).sort()).toEqual(['26.16 t', '29434 pieces', '420 t', '640 t', '73.3 t', '92 t']);
    expect(matching(v.seizures, 'shark fin').map((s) => s.commodity)).toEqual(['dried shark fins']);
    expect(matching(v.seizures, 'gold').map((s) => `${s.commodity}: ${s.quantity} ${s.unit}`).sort()).toEqual([
      'excavators used for illegal gold mining: 11 pieces',
      'excavators used for illegal gold mining: 2 pieces',
      'gold bullion and ore: 200 kg',
      'gold from illegal mining: 47 kg',
      'gold: 111 kg',
    ]);
  });

  it('gives the case total computed by hand, in USD, with 26 of 59 seizures valued', async () => {
    const v = await publicCase();
    assignPrices(v);
    const est = await estimate(v);
    // Ivory, USD 730–2,100/kg. Raw: 8,800 (P02) + 3,500 (P06) + 1,323 (P07) + 7,200 (P08) + 2,100 (P10)
    //   + 3,500 (P12) + 456 (P15) + 870.44 (P17) = 27,749.44 kg; worked (P04) 177 kg × factor 1–1.43.
    //   low  = (27,749.44 + 177) × 730                 = USD 20,386,301.20
    //   high = 27,749.44 × 2,100 + 177 × 2,100 × 1.43   = 58,273,824 + 531,531 = USD 58,805,355
    // Pangolin scales, USD 3,000/kg: 11,900 + 12,900 + 12,700 + 8,300 + 4,000 + 6,200 + 17,137.44 + 8,800
    //   = 81,937.44 kg × 3,000 = USD 245,812,320
    // Rosewood, USD 1,500–3,000/t: 640 + 92 + 73.3 + 26.16 + 420 = 1,251.46 t → USD 1,877,190 – 3,754,380
    // Shark fin (P11, 28 Apr 2020), HKD 300–400/kg × 26,000 kg = HKD 7,800,000 – 10,400,000;
    //   ECB 2020-04-28: HKD 8.4301, USD 1.0877 per EUR → × 1.0877 / 8.4301 = USD 1,006,400.8731 – 1,341,867.8307
    // Gold, USD 40,000–60,000/kg: 111 (P46) + 47 (P47) = 158 kg → USD 6,320,000 – 9,480,000
    // Mercury (P49), USD 50–100/kg × 4,000 kg = USD 200,000 – 400,000
    // Total: low  20,386,301.20 + 245,812,320 + 1,877,190 + 1,006,400.8731 + 6,320,000 + 200,000 = USD 275,602,212.0731
    //        high 58,805,355 + 245,812,320 + 3,754,380 + 1,341,867.8307 + 9,480,000 + 400,000     = USD 319,593,922.8307
    expect(est.total.usd.currency).toBe('USD');
    expect(est.total.usd.low).toBeCloseTo(275_602_212.0731, 3);
    expect(est.total.usd.high).toBeCloseTo(319_593_922.8307, 3);
    expect(est.counts).toEqual({ seizures: 59, valued: 26, notValued: 33, failed: 0 });
    expect(est.reportingCurrency).toBe('SGD');
    expect(est.total.reporting.currency).toBe('SGD');
    // The reporting total is the exact sum of the seizures' SGD ranges.
    const sgd = est.seizures.filter((s) => s.estimate).map((s) => s.estimate!.reporting);
    expect(est.total.reporting.low).toBeCloseTo(sgd.reduce((a, r) => a + r.low, 0), 2);
    expect(est.total.reporting.high).toBeCloseTo(sgd.reduce((a, r) => a + r.high, 0), 2);
    // By sector: wildlife = ivory + pangolin + shark fin; forestry = rosewood; mining = gold + mercury.
    expect(est.bySector.map((g) => [g.key, g.count])).toEqual([['wildlife', 18], ['forestry', 5], ['mining', 3]]);
    expect(est.bySector[1]!.usd).toEqual({ low: 1_877_190, high: 3_754_380, currency: 'USD' });
    expect(est.bySector[2]!.usd).toEqual({ low: 6_520_000, high: 9_880_000, currency: 'USD' });
    expect(est.bySector[0]!.usd.low).toBeCloseTo(20_386_301.2 + 245_812_320 + 1_006_400.8731, 3);
    // By year: the 11 years in which a valued seizure falls.
    expect(est.byYear.map((g) => g.key)).toEqual(['2013', '2014', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2025']);
    // 2021: P16 17,137.44 kg + P18 8,800 kg pangolin × 3,000 = USD 77,812,320; P17 870.44 kg ivory × 730–2,100
    //   = USD 635,421.2 – 1,827,924 → USD 78,447,741.2 – 79,640,244
    const y2021 = est.byYear.find((g) => g.key === '2021')!;
    expect(y2021.count).toBe(3);
    expect(y2021.usd.low).toBeCloseTo(78_447_741.2, 4);
    expect(y2021.usd.high).toBeCloseTo(79_640_244, 4);
  });

  it('shows each conversion with its rates and their dates, and the reported value apart', async () => {
    const v = await publicCase();
    assignPrices(v);
    const est = await estimate(v);
    // P02, 8.8 t of ivory on Sunday 21 July 2019: the ECB rates of Friday 19 July (USD 1.1226, SGD 1.5259).
    //   8,800 kg × USD 730–2,100 = USD 6,424,000 – 18,480,000 → SGD × 1.5259 / 1.1226 = SGD 8,731,856.0485 – 25,119,037.9476
    const p02 = row(est, 'elephant ivory', '2019-07-21');
    expect(p02.status).toBe('valued');
    const val = p02.valuations[0]!;
    expect(val.inPriceCurrency).toEqual({ low: 6_424_000, high: 18_480_000, currency: 'USD' });
    expect(val.quantityInPriceUnit).toEqual({ value: 8800, unit: 'kg' });
    expect(val.usd!.quotes).toEqual([]); // USD price: no conversion to USD
    expect(val.reporting!.range.low).toBeCloseTo(8_731_856.0485, 3);
    expect(val.reporting!.range.high).toBeCloseTo(25_119_037.9476, 3);
    expect(val.reporting!.quotes.map((i) => est.quotes[i])).toEqual([
      expect.objectContaining({ currency: 'USD', perEur: 1.1226, date: '2019-07-19', ageDays: 2, stale: false, kind: 'ecb' }),
      expect.objectContaining({ currency: 'SGD', perEur: 1.5259, date: '2019-07-19', ageDays: 2, stale: false, kind: 'ecb' }),
    ]);
    // The reported SGD 17,600,000 stays apart: 17,600,000 / 1.5259 × 1.1226 = USD 12,948,266.60
    expect(p02.reported!.amount).toBe(17_600_000);
    expect(p02.reported!.currency).toBe('SGD');
    expect(p02.reported!.usd!.range.low).toBeCloseTo(12_948_266.6, 1);
    expect(p02.estimate!.usd).toEqual({ low: 6_424_000, high: 18_480_000, currency: 'USD' });

    // P11: HKD → USD at 28 April 2020 (HKD 8.4301, USD 1.0877 per EUR).
    const p11 = row(est, 'dried shark fins', '2020-04-28').valuations[0]!;
    expect(p11.inPriceCurrency).toEqual({ low: 7_800_000, high: 10_400_000, currency: 'HKD' });
    expect(p11.usd!.quotes.map((i) => est.quotes[i]!).map((q) => [q.currency, q.perEur, q.date])).toEqual([['HKD', 8.4301, '2020-04-28'], ['USD', 1.0877, '2020-04-28']]);
    expect(p11.usd!.rate).toBeCloseTo(1.0877 / 8.4301, 12);

    // P04: the factor is applied and kept with its label.
    const p04 = row(est, 'elephant ivory (cut and carved)', '2019-04-03').valuations[0]!;
    expect(p04.factor).toEqual({ low: 1, high: 1.43, label: 'worked to raw ivory equivalent' });
    expect(p04.inPriceCurrency!.low).toBeCloseTo(129_210, 6); // 177 × 730
    expect(p04.inPriceCurrency!.high).toBeCloseTo(531_531, 6); // 177 × 2,100 × 1.43

    // P49 (June 2025) is after the shipped ECB data (9 May 2025): valued, with a stale-rate warning for SGD.
    const p49 = row(est, 'mercury hidden in gravel', '2025-06-01');
    expect(p49.status).toBe('valued');
    expect(p49.valuations[0]!.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['stale-rate', 'approximate-date']));
    expect(est.staleRates).toBe(true);

    // A seizure without a price is listed as not valued, with its reported value still shown.
    const p21 = row(est, 'rosewood logs', '2014-03-11');
    expect(p21.status).toBe('not-valued');
    expect(p21.reported!.amount).toBe(50_000_000);
  });

  it('lists a failed valuation with its reason and keeps it out of the total', async () => {
    const v = await publicCase('USD');
    const p21 = v.seizures.find((s) => s.unit === 'pieces' && s.commodity === 'rosewood logs')!;
    v.valuations.addValuation(randomUUID(), { seizureId: p21.id, priceReferenceId: v.priceIds.rosewood!, factor: null, notes: '' }, v.writer);
    const est = await estimate(v);
    expect(est.counts).toEqual({ seizures: 59, valued: 0, notValued: 58, failed: 1 });
    expect(est.total.usd).toEqual({ low: 0, high: 0, currency: 'USD' });
    const r = est.seizures.find((s) => s.seizureId === p21.id)!;
    expect(r.status).toBe('failed');
    expect(r.valuations[0]!.problems).toEqual([expect.objectContaining({ code: 'incompatible-units' })]);
    expect(est.methodology.join(' ')).toMatch(/The seizure of 11 March 2014 \(rosewood logs, .*\) could not be valued with the price of rosewood logs \(USD 1,500–3,000 per t; TEST PRICE/);
  });

  it('labels the undetected flow as an assumption and computes it from the total', async () => {
    const v = await publicCase('USD');
    assignPrices(v);
    new CaseValuations(v.valuations.doc).setInterdictionRate({ low: 0.1, high: 0.3, basis: 'Test assumption for the service test', notes: '' }, v.writer);
    const est = await estimate(v);
    // seized USD 275,602,212.0731 – 319,593,922.8307 at 10–30 %:
    //   flow       = [275,602,212.0731 / 0.3, 319,593,922.8307 / 0.1]        = USD 918,674,040.24 – 3,195,939,228.31
    //   undetected = [275,602,212.0731 × 0.7 / 0.3, 319,593,922.8307 × 0.9 / 0.1] = USD 643,071,828.17 – 2,876,345,305.48
    expect(est.flow!.isAssumption).toBe(true);
    expect(est.flow!.label).toBe('Assumption: seizures are 10–30 % of the flow (basis: Test assumption for the service test).');
    expect(est.flow!.usd.totalFlow.low).toBeCloseTo(918_674_040.24, 1);
    expect(est.flow!.usd.totalFlow.high).toBeCloseTo(3_195_939_228.31, 1);
    expect(est.flow!.usd.undetected.low).toBeCloseTo(643_071_828.17, 1);
    expect(est.flow!.usd.undetected.high).toBeCloseTo(2_876_345_305.48, 1);
    expect(est.methodology).toContain('These flow figures follow from the assumption; they are not evidence of any quantity actually trafficked.');
  });

  it('shows the UNEP-INTERPOL figures for the case’s sectors as published context, never as its own', async () => {
    const v = await publicCase();
    assignPrices(v);
    const est = await estimate(v);
    expect(est.context.map((f) => [f.id, f.display])).toEqual([
      ['rec2016-wildlife', '7–23 USD bn a year'],
      ['rec2016-forestry', '50.7–152 USD bn a year'],
      ['rec2016-mining', '12–48 USD bn a year'],
      ['rec2016-total', '91–258 USD bn a year'],
      ['atlas2018-total', '110–281 USD bn a year'],
    ]);
    expect(est.context[0]!.citation).toMatch(/Nellemann.*2016.*The Rise of Environmental Crime/);
    expect(est.contextDisclaimer).toMatch(/not a NEST Desk figure/);
  });
});

describe('valuation.statement', () => {
  it('writes the methodology from the inputs: quantities, prices and sources, rates and dates, factors', async () => {
    const v = await publicCase();
    assignPrices(v);
    const st = await v.c.call('valuation.statement', { workspaceId: v.workspaceId, caseId: v.caseId });
    expect(st.sections.map((s) => s.heading)).toEqual([
      'Estimate',
      'Valued seizures',
      'Seizures not included',
      'Exchange rates',
      'Context: published estimates (not NEST Desk figures)',
      'About this statement',
    ]);
    expect(st.text).toContain('26 seizures were valued; the estimated total is USD 275,602,212 – 319,593,923');
    expect(st.text).toContain('Seizure of 21 July 2019 (elephant ivory, Pasir Panjang Export Inspection Station, Singapore): estimated USD 6,424,000 – 18,480,000 (SGD 8,731,856 – 25,119,038).');
    expect(st.text).toContain('The seizure of 8.8 tonnes of elephant ivory on 21 July 2019 was valued at a unit price.');
    expect(st.text).toContain('The quantity was converted to the price’s unit: 8.8 tonnes = 8,800 kilograms (1 t = 1,000 kg).');
    expect(st.text).toContain('Save the Elephants (L. Vigne, E. Martin), "Dramatic changes in China\'s ivory trade"');
    expect(st.text).toContain('A conversion factor of 1–1.43 (worked to raw ivory equivalent) was applied.');
    expect(st.text).toContain('SGD 1.5259 per EUR (ECB euro reference rate of 19 July 2019, 2 days before 21 July 2019)');
    expect(st.text).toContain('The authorities reported a value of SGD 17,600,000.00');
    expect(st.text).toContain('No price was assigned to 33 seizures, which are not part of the estimate: the seizure of 1 March 2013 (HCFC-22 (R22) refrigerant in ISO tanks');
    expect(st.text).toContain('European Central Bank, euro foreign exchange reference rates (eurofxref-hist.csv)');
    expect(st.text).toContain('It is not a NEST Desk figure');
  });
});

describe('valuation.workspace', () => {
  it('counts the reported values of seizures without a price apart, not as "no value reported" (ODS: EUR 30,000 and 96,000)', async () => {
    const v = await publicCase();
    const none = await estimate(v);
    // No price assigned: no valued seizure, yet 23 of the 59 seizures report a value.
    expect(none.counts.valued).toBe(0);
    expect(none.reportedUsd.count).toBe(0);
    expect(none.reportedUsd.notValued.count + none.reportedUsd.notValued.unconverted).toBe(23);
    expect(none.reportedUsd.notValued.count).toBeGreaterThan(20);
    assignPrices(v);
    const est = await estimate(v);
    const usdOf = (rows: SeizureValuationRow[]): number => rows.reduce((a, r) => a + (r.reported?.usd?.range.low ?? 0), 0);
    const open = est.seizures.filter((r) => !r.estimate && r.reported?.usd);
    expect(est.reportedUsd.count + est.reportedUsd.notValued.count).toBe(none.reportedUsd.notValued.count);
    expect(est.reportedUsd.notValued.count).toBe(open.length);
    expect(est.reportedUsd.notValued.amount).toBeCloseTo(usdOf(open), 2);
    // The two ozone-depleting-substance seizures that report a value have no price: they are among the not valued.
    const ods = est.seizures.filter((r) => r.reported && r.reported.currency === 'EUR' && [30_000, 96_000].includes(r.reported.amount));
    expect(ods.map((r) => r.reported!.amount).sort((a, b) => a - b)).toEqual([30_000, 96_000]);
    expect(ods.every((r) => !r.estimate && open.includes(r))).toBe(true);
  }, 180_000);

  it('takes every case together, each seizure once', async () => {
    const v = await publicCase();
    assignPrices(v);
    const second = await v.c.call('cases.create', { workspaceId: v.workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Empty case', sector: 'waste' } });
    const net = await v.c.call('valuation.workspace', { workspaceId: v.workspaceId });
    expect(net.total.usd.low).toBeCloseTo(275_602_212.0731, 3);
    expect(net.total.usd.high).toBeCloseTo(319_593_922.8307, 3);
    expect(net.counts).toEqual({ seizures: 59, valued: 26, notValued: 33, failed: 0 });
    expect(net.cases.map((c) => [c.caseId, c.counts.valued])).toEqual(expect.arrayContaining([[v.caseId, 26], [second.id, 0]]));
    expect(net.methodology[0]).toBe('This network estimate takes together 1 of the workspace’s 2 cases that have valued seizures; a seizure is counted once.');
  });
});
