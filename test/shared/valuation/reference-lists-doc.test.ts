/**
 * Workspace reference lists in the Y.Doc (shared/docs/reference-lists.ts): price references and
 * user exchange rates as records, validated, audited, converging across replicas.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReferenceLists } from '../../../shared/docs/reference-lists';
import { WorkspaceDoc } from '../../../shared/docs/workspace-doc';
import type { PriceReferenceFields } from '../../../shared/domain/price-reference';
import { NestError } from '../../../shared/errors';
import { moneyRange } from '../../../shared/valuation/money';
import { RateTable } from '../../../shared/valuation/rates';
import { parsePriceReferenceCsv } from '../../../shared/valuation/price-csv';
import { shippedEcb } from './fixtures';

const ADMIN = { memberId: 'admin-1', now: () => 1_700_000_000_000 };
const ID1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const ID2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02';
const RATE1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01';

const IVORY: PriceReferenceFields = {
  commodity: 'raw elephant ivory',
  taxon: 'Elephantidae',
  low: 2100,
  high: 2100,
  currency: 'USD',
  unit: 'kg',
  marketLevel: 'wholesale',
  place: 'Beijing',
  country: 'CN',
  date: '2014-07-03',
  citationTitle: 'AFP, "Smuggled elephant ivory price triples" (citing Save the Elephants), 3 July 2014',
  citationUrl: '',
  notes: '',
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('price references', () => {
  it('adds, reads, updates and deletes with stamps and audit entries under new top-level names', () => {
    const doc = new Y.Doc();
    const lists = new ReferenceLists(doc);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const p = lists.addPriceReference(ID1, IVORY, ADMIN);
    expect(p).toMatchObject({ ...IVORY, id: ID1, createdBy: 'admin-1', createdAt: 1_700_000_000_000 });
    expect(doc.share.has('priceReferences')).toBe(true);
    expect(lists.updatePriceReference(ID1, { low: 1500, high: 2100 }, { memberId: 'admin-2', now: () => 1_700_000_000_500 })).toEqual(['low']);
    expect(lists.getPriceReference(ID1)).toMatchObject({ low: 1500, updatedBy: 'admin-2', updatedAt: 1_700_000_000_500 });
    lists.deletePriceReference(ID1, ADMIN);
    expect(lists.getPriceReference(ID1)).toBeNull();
    expect(lists.listPriceReferences()).toEqual([]);
    const audit = doc.getArray('audit').toArray();
    expect(audit.map((a) => (a as { action: string }).action)).toEqual(['price.add', 'price.update', 'price.delete']);
    expect(origins).toEqual([
      { memberId: 'admin-1', kind: 'local-write' },
      { memberId: 'admin-2', kind: 'local-write' },
      { memberId: 'admin-1', kind: 'local-write' },
    ]);
  });
  it('validates before writing: nothing is written when a field is bad', () => {
    const doc = new Y.Doc();
    const lists = new ReferenceLists(doc);
    expect(() => lists.addPriceReference(ID1, { ...IVORY, low: 3000 }, ADMIN)).toThrow(/low: must not exceed the high price/);
    expect(() => lists.addPriceReference(ID1, { ...IVORY, currency: 'usd', citationTitle: '' }, ADMIN)).toThrow(NestError);
    // A price is observed or published: it cannot be dated after today (or before 1900).
    expect(() => lists.addPriceReference(ID1, { ...IVORY, date: '2099-01-01' }, ADMIN)).toThrow(/date: is in the future/);
    expect(() => lists.addPriceReference(ID1, { ...IVORY, date: '1850-01-01' }, ADMIN)).toThrow(/date: must be 1900 or later/);
    expect(doc.getMap('priceReferences').size).toBe(0);
    lists.addPriceReference(ID1, IVORY, ADMIN);
    expect(() => lists.updatePriceReference(ID1, { high: 100 }, ADMIN)).toThrow(/low: must not exceed/);
    expect(() => lists.updatePriceReference(ID1, { colour: 'red' } as never, ADMIN)).toThrow(/not a field/);
    expect(() => lists.updatePriceReference(ID2, { low: 1 }, ADMIN)).toThrow(/does not exist/);
    expect(lists.getPriceReference(ID1)!.high).toBe(2100);
  });
  it('imports the accepted rows of a CSV in one transaction with one audit entry', () => {
    const doc = new Y.Doc();
    const lists = new ReferenceLists(doc);
    const csv = 'commodity,low,high,currency,unit,market_level,place,date,citation_title\nivory,1500,2100,USD,kg,wholesale,Beijing,2014-07-03,Test\nscales,600,,USD,kg,retail,Hanoi,2019-06-12,Test\nbad,1,2,USD,kg,retail,Hanoi,2019-13-01,Test\n';
    const parsed = parsePriceReferenceCsv(csv);
    expect(parsed.rejected).toEqual([{ line: 4, field: 'date', reason: 'must be a real date written YYYY-MM-DD' }]);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    lists.addPriceReferences(parsed.accepted.map((r, i) => ({ id: [ID1, ID2][i]!, fields: r.fields })), ADMIN);
    expect(transactions).toBe(1);
    expect(lists.listPriceReferences().map((p) => p.commodity)).toEqual(['ivory', 'scales']);
    expect(doc.getArray('audit').toArray()).toEqual([{ at: 1_700_000_000_000, by: 'admin-1', action: 'price.import', count: 2 }]);
  });
  it('concurrent edits of different fields both survive; a reversed range is reported, not used', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new ReferenceLists(a).addPriceReference(ID1, { ...IVORY, low: 1000, high: 2000 }, ADMIN);
    sync(a, b);
    new ReferenceLists(a).updatePriceReference(ID1, { place: 'Shanghai' }, ADMIN);
    new ReferenceLists(b).updatePriceReference(ID1, { notes: 'checked' }, { memberId: 'admin-2' });
    sync(a, b);
    expect(new ReferenceLists(a).getPriceReference(ID1)).toMatchObject({ place: 'Shanghai', notes: 'checked' });
    expect(new ReferenceLists(b).getPriceReference(ID1)).toMatchObject({ place: 'Shanghai', notes: 'checked' });
    // Two admins move the two ends past each other while offline.
    new ReferenceLists(a).updatePriceReference(ID1, { low: 1900 }, ADMIN);
    new ReferenceLists(b).updatePriceReference(ID1, { high: 1100 }, { memberId: 'admin-2' });
    sync(a, b);
    const la = new ReferenceLists(a);
    expect(la.getPriceReference(ID1)).toBeNull();
    expect(la.invalidPriceReferences()).toEqual([{ id: ID1, issues: [{ field: 'low', message: 'must not exceed the high price' }] }]);
    expect(new ReferenceLists(b).invalidPriceReferences()).toEqual(la.invalidPriceReferences());
  });
  it('lives beside the workspace doc layout without touching it', () => {
    const doc = new Y.Doc();
    const ws = new WorkspaceDoc(doc);
    ws.init({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c01', name: 'Task force', casePrefix: 'NEST', reportingCurrency: 'SGD' }, { id: 'admin-1', name: 'A', agency: 'Customs', role: 'admin', joinedAt: 1 }, ADMIN);
    new ReferenceLists(doc).addPriceReference(ID1, IVORY, ADMIN);
    expect(ws.readSettings().reportingCurrency).toBe('SGD');
    expect(doc.getArray('audit').toArray().map((x) => (x as { action: string }).action)).toEqual(['workspace.create', 'price.add']);
  });
});

describe('user exchange rates', () => {
  it('are stored with their source and feed the rate table', () => {
    const doc = new Y.Doc();
    const lists = new ReferenceLists(doc);
    lists.addExchangeRate(RATE1, { currency: 'VND', perEur: null, perUsd: 23_300, date: '2019-06-01', source: 'State Bank of Vietnam central rate (test input)', notes: '' }, ADMIN);
    expect(lists.userRates()).toEqual([{ id: RATE1, currency: 'VND', perEur: null, perUsd: 23_300, date: '2019-06-01', source: 'State Bank of Vietnam central rate (test input)' }]);
    const t = new RateTable({ ecb: shippedEcb(), userRates: lists.userRates() });
    const r = t.convert(moneyRange(23_300, 23_300, 'VND'), 'USD', '2019-06-03');
    expect(r.ok && r.range.low).toBeCloseTo(1, 12);
    expect(() => lists.addExchangeRate(ID2, { currency: 'VND', perEur: 26_000, perUsd: 23_300, date: '2019-06-01', source: 'x', notes: '' }, ADMIN)).toThrow(/either per EUR or per USD/);
    expect(() => lists.addExchangeRate(ID2, { currency: 'EUR', perEur: 1, perUsd: null, date: '2019-06-01', source: 'x', notes: '' }, ADMIN)).toThrow(/base currency/);
    expect(() => lists.addExchangeRate(ID2, { currency: 'KES', perEur: null, perUsd: 130, date: '2099-01-01', source: 'x', notes: '' }, ADMIN)).toThrow(/date: is in the future/);
    expect(() => lists.updateExchangeRate(RATE1, { perEur: 26_000 }, ADMIN)).toThrow(/either per EUR or per USD/);
    lists.updateExchangeRate(RATE1, { perEur: 26_000, perUsd: null }, ADMIN);
    expect(lists.getExchangeRate(RATE1)).toMatchObject({ perEur: 26_000, perUsd: null });
    lists.deleteExchangeRate(RATE1, ADMIN);
    expect(lists.userRates()).toEqual([]);
  });
  it('observe reports the ids changed', () => {
    const doc = new Y.Doc();
    const lists = new ReferenceLists(doc);
    const seen: string[][] = [];
    const off = lists.observe((c) => seen.push([...c.priceReferenceIds, ...c.exchangeRateIds]));
    lists.addPriceReference(ID1, IVORY, ADMIN);
    lists.updatePriceReference(ID1, { notes: 'x' }, ADMIN);
    lists.addExchangeRate(RATE1, { currency: 'KES', perEur: 140, perUsd: null, date: '2014-05-26', source: 'test input', notes: '' }, ADMIN);
    off();
    lists.updatePriceReference(ID1, { notes: 'y' }, ADMIN);
    expect(seen).toEqual([[ID1], [ID1], [RATE1]]);
  });
});
