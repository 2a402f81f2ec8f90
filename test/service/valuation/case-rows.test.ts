/**
 * `valuation.case` and `valuation.caseRows` / `valuation.caseRow` over a case of 3,000 seizures,
 * 1,000 in its case doc and 2,000 in two volume docs (issue 11 item 4): the summary counts and
 * totals cover every live seizure, the rows come a page at a time and each seizure appears on
 * exactly one page, the totals equal the sum of the rows' estimates over all pages, and the
 * status and word filters and the three orders give what the generated fields say they must.
 * Valuations are written on the case doc (a valuation names a seizure of the case doc; those in
 * volumes can be seen but not valued yet, docs/valuation.md "Known limits").
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { volumeDocName } from '../../../shared/docs/names';
import { ReferenceLists } from '../../../shared/docs/reference-lists';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import type { PriceReferenceFields } from '../../../shared/domain/price-reference';
import type { CaseRowsQuery, SeizureValuationRow } from '../../../shared/rpc/valuation';
import type { DataClient } from '../../../renderer/src/data/client';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const COMMODITIES = ['Ivory', 'Pangolin scales', 'Rosewood logs', 'Live birds'];
const PLACES = ['Hai Phong', 'Mombasa', 'Lagos', ''];
const CURRENCIES = ['USD', 'EUR', 'KES', null];

/** Seizure `i`'s fields: deterministic, spread over dates, commodities, places and reported values (some none). */
function fields(i: number): SeizureFields {
  const currency = CURRENCIES[i % 4]!;
  return {
    ...newSeizureFields('2026-01-01'),
    seizureDate: `${2015 + (i % 9)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
    country: 'VN',
    place: PLACES[Math.floor(i / 3) % 4]!,
    commodity: COMMODITIES[(i >> 1) % 4]!,
    taxon: i % 7 === 0 ? 'Loxodonta africana' : '',
    quantity: 1 + ((i * 37) % 900),
    unit: COMMODITIES[(i >> 1) % 4] === 'Live birds' ? 'pieces' : 'kg',
    reportedValue: currency ? 1000 + ((i * 7919) % 500_000) : null,
    reportedCurrency: currency,
  };
}

const PRICE: Omit<PriceReferenceFields, 'commodity' | 'low' | 'high' | 'unit'> = {
  taxon: '', currency: 'USD', marketLevel: 'wholesale', place: 'Hanoi', country: 'VN', date: '2020-01-01',
  citationTitle: 'TEST PRICE (not a published figure)', citationUrl: '', notes: '',
};

interface Setup {
  c: DataClient;
  ref: { workspaceId: string; caseId: string };
  /** Every seizure id with its generated fields. */
  all: Map<string, SeizureFields>;
  inline: string[];
  volume: string[];
  cv: () => CaseValuations;
  w: { memberId: string };
  priceKg: string;
  pricePieces: string;
  ws: Awaited<ReturnType<typeof registerCase>>['ws'];
}

/** 1,000 seizures in the case doc, 1,000 in each of volumes 1 and 2; 400 inline seizures valued, 50 of them failing (a per-piece price on kilograms). */
async function setUp(): Promise<Setup> {
  h = startService();
  const { c, ws, caseId, w } = await registerCase(h);
  const all = new Map<string, SeizureFields>();
  const make = (from: number, n: number): { id: string; fields: SeizureFields }[] =>
    Array.from({ length: n }, (_v, k) => {
      const item = { id: randomUUID(), fields: fields(from + k) };
      all.set(item.id, item.fields);
      return item;
    });
  const inline = make(0, 1000);
  ws.host.with(ws.caseDocName(caseId), (doc) => {
    new CaseDoc(doc).addSeizures(inline, w);
    listVolumesIn(doc, [1, 2], w);
  });
  const volume: string[] = [];
  for (const n of [1, 2]) {
    const items = make(n * 1000, 1000);
    volume.push(...items.map((x) => x.id));
    ws.host.with(volumeDocName(ws.id, caseId, n), (doc) => new VolumeDoc(doc).insertSeizures(items, w));
  }
  const lists = new ReferenceLists(ws.workspaceDoc().doc);
  const priceKg = randomUUID();
  const pricePieces = randomUUID();
  lists.addPriceReference(priceKg, { ...PRICE, commodity: 'Ivory', low: 100, high: 300, unit: 'kg' }, w);
  lists.addPriceReference(pricePieces, { ...PRICE, commodity: 'Live birds', low: 5, high: 10, unit: 'pieces' }, w);
  const cv = (): CaseValuations => ws.host.with(ws.caseDocName(caseId), (doc) => new CaseValuations(doc));
  ws.host.with(ws.caseDocName(caseId), (doc) => {
    const v = new CaseValuations(doc);
    inline.slice(0, 400).forEach((s, k) => {
      const kg = s.fields.unit === 'kg';
      // 50 of the kilogram seizures get the per-piece price: they fail (a mass never converts to pieces).
      const price = kg ? (k < 100 ? pricePieces : priceKg) : pricePieces;
      v.addValuation(randomUUID(), { seizureId: s.id, priceReferenceId: price, factor: null, notes: '' }, w);
    });
  });
  return { c, ref: { workspaceId: ws.id, caseId }, all, inline: inline.map((x) => x.id), volume, cv, w, priceKg, pricePieces, ws };
}

/** Every row of a query, page by page (`limit` rows a call), and the total each page reported. */
async function pages(c: DataClient, q: Omit<CaseRowsQuery, 'offset' | 'limit'>, limit: number): Promise<{ rows: SeizureValuationRow[]; totals: number[] }> {
  const rows: SeizureValuationRow[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await c.call('valuation.caseRows', { ...q, offset, limit });
    expect(page.offset).toBe(offset);
    // Every conversion refers to a quote the page carries.
    for (const r of page.rows) for (const v of r.valuations) for (const conv of [v.usd, v.reporting]) for (const i of conv?.quotes ?? []) expect(page.quotes[i]).toBeDefined();
    rows.push(...page.rows);
    totals.push(page.total);
    if (offset + limit >= page.total) return { rows, totals };
  }
}

const ALL = { show: 'all', text: '', sortBy: 'date', sortDir: 'asc' } as const;

describe('valuation.caseRows: a 3,000-seizure case over its case doc and two volumes', () => {
  it('pages every live seizure exactly once, and the summary totals are the sum of the rows', async () => {
    const s = await setUp();
    const est = await s.c.call('valuation.case', { ...s.ref });
    expect(est).not.toHaveProperty('seizures');
    // Kilogram seizures among the first 400 inline: ivory, pangolin and rosewood (3 of every 4 commodities).
    const kgValued = s.inline.slice(0, 400).filter((id, k) => s.all.get(id)!.unit === 'kg' && k >= 100).length;
    const piecesValued = s.inline.slice(0, 400).filter((id) => s.all.get(id)!.unit === 'pieces').length;
    const failed = s.inline.slice(0, 100).filter((id) => s.all.get(id)!.unit === 'kg').length;
    expect(est.counts).toEqual({ seizures: 3000, valued: kgValued + piecesValued, failed, notValued: 3000 - kgValued - piecesValued - failed });

    const { rows, totals } = await pages(s.c, { ...s.ref, ...ALL }, 137);
    expect(new Set(totals)).toEqual(new Set([3000]));
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r.seizureId))).toEqual(new Set(s.all.keys()));
    // Volume seizures are rows like the case doc's, with their own fields.
    const vol = rows.find((r) => r.seizureId === s.volume[1234])!;
    const f = s.all.get(s.volume[1234]!)!;
    expect([vol.commodity, vol.date, vol.quantity, vol.unit, vol.place, vol.status]).toEqual([f.commodity, f.seizureDate, f.quantity, f.unit, f.place, 'not-valued']);

    const byStatus = (st: string): number => rows.filter((r) => r.status === st).length;
    expect([byStatus('valued'), byStatus('failed'), byStatus('not-valued')]).toEqual([est.counts.valued, est.counts.failed, est.counts.notValued]);
    const valued = rows.filter((r) => r.estimate);
    expect(valued).toHaveLength(est.counts.valued);
    const sum = (k: 'low' | 'high', cur: 'usd' | 'reporting'): number => valued.reduce((a, r) => a + r.estimate![cur][k], 0);
    expect(est.total.usd.low).toBeCloseTo(sum('low', 'usd'), 2);
    expect(est.total.usd.high).toBeCloseTo(sum('high', 'usd'), 2);
    expect(est.total.reporting.low).toBeCloseTo(sum('low', 'reporting'), 2);
    // A kilogram seizure: quantity × USD 100–300.
    const kgId = s.inline.slice(100, 400).find((id) => s.all.get(id)!.unit === 'kg')!;
    const one = rows.find((r) => r.seizureId === kgId)!;
    const q = s.all.get(kgId)!.quantity!;
    expect(one.estimate!.usd).toEqual({ low: q * 100, high: q * 300, currency: 'USD' });
    // The breakdown by year counts every valued seizure once.
    expect(est.byYear.reduce((a, g) => a + g.count, 0)).toBe(est.counts.valued);
  });

  it('filters by status and by words, and orders by date, estimate and reported value', async () => {
    const s = await setUp();
    const est = await s.c.call('valuation.case', { ...s.ref });
    const valued = await pages(s.c, { ...s.ref, ...ALL, show: 'valued' }, 500);
    expect(valued.totals[0]).toBe(est.counts.valued);
    expect(valued.rows.every((r) => r.status === 'valued')).toBe(true);
    const open = await pages(s.c, { ...s.ref, ...ALL, show: 'open' }, 500);
    expect(open.totals[0]).toBe(est.counts.notValued + est.counts.failed);
    expect(open.rows.every((r) => r.status !== 'valued')).toBe(true);

    // Words: every one in commodity, species or place (any case).
    const words = (f: SeizureFields): string => `${f.commodity} ${f.taxon} ${f.place}`.toLowerCase();
    const expected = [...s.all].filter(([, f]) => words(f).includes('ivory') && words(f).includes('mombasa')).map(([id]) => id);
    expect(expected.length).toBeGreaterThan(10);
    const text = await pages(s.c, { ...s.ref, ...ALL, text: '  IVORY mombasa ' }, 100);
    expect(new Set(text.rows.map((r) => r.seizureId))).toEqual(new Set(expected));
    const species = await pages(s.c, { ...s.ref, ...ALL, show: 'open', text: 'loxodonta' }, 500);
    expect(species.rows.length).toBeGreaterThan(0);
    expect(species.rows.every((r) => r.taxon === 'Loxodonta africana' && r.status !== 'valued')).toBe(true);

    // Date: ascending by date then id; descending the exact reverse.
    const asc = (await pages(s.c, { ...s.ref, ...ALL }, 500)).rows.map((r) => r.seizureId);
    const byDate = [...s.all].sort(([a, fa], [b, fb]) => fa.seizureDate.localeCompare(fb.seizureDate) || (a < b ? -1 : 1)).map(([id]) => id);
    expect(asc).toEqual(byDate);
    expect((await pages(s.c, { ...s.ref, ...ALL, sortDir: 'desc' }, 500)).rows.map((r) => r.seizureId)).toEqual([...byDate].reverse());

    // Estimate, highest first: USD lows never rise, and the seizures without an estimate come last.
    const byEst = (await pages(s.c, { ...s.ref, ...ALL, sortBy: 'estimate', sortDir: 'desc' }, 250)).rows;
    const n = est.counts.valued;
    expect(byEst.slice(0, n).every((r) => r.estimate)).toBe(true);
    expect(byEst.slice(n).every((r) => !r.estimate)).toBe(true);
    for (let i = 1; i < n; i++) expect(byEst[i]!.estimate!.usd.low).toBeLessThanOrEqual(byEst[i - 1]!.estimate!.usd.low);
    const ascEst = (await pages(s.c, { ...s.ref, ...ALL, sortBy: 'estimate', sortDir: 'asc' }, 500)).rows;
    expect(ascEst.slice(n).every((r) => !r.estimate)).toBe(true);
    expect(ascEst[0]!.estimate!.usd.low).toBe(Math.min(...byEst.slice(0, n).map((r) => r.estimate!.usd.low)));

    // Reported value in USD, lowest first; none, or not convertible (the ECB has no KES rate), last.
    const byRep = (await pages(s.c, { ...s.ref, ...ALL, sortBy: 'reported', sortDir: 'asc' }, 500)).rows;
    const usdOf = (r: SeizureValuationRow): number | null => r.reported?.usd?.range.low ?? null;
    const withValue = byRep.filter((r) => usdOf(r) !== null).length;
    expect(withValue).toBe([...s.all.values()].filter((f) => f.reportedCurrency === 'USD' || f.reportedCurrency === 'EUR').length);
    expect(byRep.slice(withValue).filter((r) => r.reported?.currency === 'KES')).toHaveLength([...s.all.values()].filter((f) => f.reportedCurrency === 'KES').length);
    expect(byRep.slice(withValue).every((r) => usdOf(r) === null)).toBe(true);
    for (let i = 1; i < withValue; i++) expect(usdOf(byRep[i]!)!).toBeGreaterThanOrEqual(usdOf(byRep[i - 1]!)!);
    const usdRow = byRep.find((r) => r.reported?.currency === 'USD')!;
    expect(usdOf(usdRow)).toBe(usdRow.reported!.amount);
  });

  it('reads one row by id, follows valuation edits and seizure deletions, and refuses bad requests', async () => {
    const s = await setUp();
    const volId = s.volume[42]!;
    const one = await s.c.call('valuation.caseRow', { ...s.ref, seizureId: volId });
    expect(one.row).toMatchObject({ seizureId: volId, commodity: s.all.get(volId)!.commodity, status: 'not-valued', valuations: [] });
    const valuedId = s.inline.slice(100, 400).find((id) => s.all.get(id)!.unit === 'kg')!;
    const v = await s.c.call('valuation.caseRow', { ...s.ref, seizureId: valuedId });
    expect(v.row!.status).toBe('valued');
    expect(v.row!.valuations[0]!.priceReferenceId).toBe(s.priceKg);
    expect(v.row!.valuations[0]!.usd!.quotes.every((i) => v.quotes[i])).toBe(true);
    expect((await s.c.call('valuation.caseRow', { ...s.ref, seizureId: randomUUID() })).row).toBeNull();

    // A valuation added on the case doc (the projection does not change): summary and rows follow.
    const before = await s.c.call('valuation.case', { ...s.ref });
    const target = s.inline.slice(400).find((id) => s.all.get(id)!.unit === 'kg')!;
    s.cv().addValuation(randomUUID(), { seizureId: target, priceReferenceId: s.priceKg, factor: null, notes: '' }, s.w);
    const after = await s.c.call('valuation.case', { ...s.ref });
    expect(after.counts.valued).toBe(before.counts.valued + 1);
    const q = s.all.get(target)!.quantity!;
    expect(after.total.usd.low).toBeCloseTo(before.total.usd.low + q * 100, 6);
    expect((await s.c.call('valuation.caseRow', { ...s.ref, seizureId: target })).row!.status).toBe('valued');

    // A volume seizure deleted (a tombstone, through the projection): gone from rows and counts.
    await s.c.call('seizures.delete', { ...s.ref, seizureId: volId });
    expect((await s.c.call('valuation.case', { ...s.ref })).counts.seizures).toBe(2999);
    expect((await s.c.call('valuation.caseRow', { ...s.ref, seizureId: volId })).row).toBeNull();
    const rest = await pages(s.c, { ...s.ref, ...ALL }, 500);
    expect(rest.rows).toHaveLength(2999);
    expect(rest.rows.some((r) => r.seizureId === volId)).toBe(false);

    // Bad requests: a clear error each, and the service answers the next call.
    await expect(s.c.call('valuation.caseRows', { ...s.ref, ...ALL, offset: 0, limit: 501 })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(s.c.call('valuation.caseRows', { ...s.ref, ...ALL, show: 'maybe' as 'all', offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(s.c.call('valuation.caseRows', { ...s.ref, ...ALL, offset: -1, limit: 10 })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(s.c.call('valuation.caseRows', { workspaceId: s.ref.workspaceId, caseId: randomUUID(), ...ALL, offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'not-found' });
    const past = await s.c.call('valuation.caseRows', { ...s.ref, ...ALL, offset: 5000, limit: 10 });
    expect(past).toMatchObject({ total: 2999, offset: 5000, rows: [] });
  });
});
