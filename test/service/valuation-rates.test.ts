/**
 * Exchange rates in the valuation service: the shipped ECB coverage, importing a newer ECB file
 * (kept in the workspace's SQLite database, not in Yjs) which changes the rate used for a 2025
 * seizure, refusing a damaged file whole, a duplicate import, removing a file, and a user rate for
 * VND (which the ECB does not quote) used and cited. Rates are the shipped ECB file's, looked up by
 * hand; the lines dated after 9 May 2025 are TEST VALUES written by this test, not ECB data.
 */
import { databaseOf } from '../../service/workspace/workspace-store';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseValuations } from '../../shared/docs/case-valuations';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { ReferenceLists } from '../../shared/docs/reference-lists';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newCaseFields } from '../../shared/domain/case';
import { newSeizureFields } from '../../shared/domain/seizure';
import { startService, type Harness } from '../helpers/service';
import { RpcError } from '../../renderer/src/data/rpc-error';
import { valuationRows } from '../helpers/valuation-rows';

const SHIPPED = fs.readFileSync(fileURLToPath(new URL('../../resources/rates/ecb-eurofxref-hist.csv', import.meta.url)), 'utf8');

/**
 * The shipped file with lines for 30 May and 12 May 2025 on top (newest first), copied from the
 * 9 May 2025 line with USD and SGD changed to TEST VALUES: USD 1.1350 and SGD 1.4650 per EUR.
 */
function newerEcbFile(): string {
  const lines = SHIPPED.split('\n');
  const header = lines[0]!.split(',');
  const may9 = lines[1]!.split(',');
  const line = (date: string): string =>
    header.map((code, i) => (i === 0 ? date : code === 'USD' ? '1.1350' : code === 'SGD' ? '1.4650' : may9[i])).join(',');
  return [lines[0], line('2025-05-30'), line('2025-05-12'), ...lines.slice(1)].join('\n');
}

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function setup(reportingCurrency = 'SGD'): Promise<{ h: Harness; c: ReturnType<Harness['client']>; workspaceId: string; caseId: string; memberId: string }> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Nguyen An', agency: 'Viet Nam Customs', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'NEST Viet Nam', casePrefix: 'VNNEST', reportingCurrency });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Rates test' } });
  return { h, c, workspaceId: ws.id, caseId: k.id, memberId: me.memberId };
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('ECB rates', () => {
  it('reports the shipped coverage: 1999-01-04 to 2025-05-09, 41 currency columns', async () => {
    const { c, workspaceId } = await setup();
    const r = await c.call('valuation.rates', { workspaceId });
    expect(r.shipped).toMatchObject({ fileName: 'ecb-eurofxref-hist.csv', firstDate: '1999-01-04', lastDate: '2025-05-09', rowCount: 6747 });
    expect(r.shipped.currencies).toContain('SGD');
    expect(r.imported).toEqual([]);
    expect(r.effective.lastDate).toBe('2025-05-09');
    expect(r.staleAfterDays).toBe(7);
    // A quote: HKD → USD on Thursday 3 January 2013 = 1.3102 / 10.1558.
    const q = await c.call('valuation.quote', { workspaceId, from: 'HKD', to: 'USD', date: '2013-01-03' });
    expect(q.conversion!.rate).toBeCloseTo(1.3102 / 10.1558, 14);
    expect(q.conversion!.quotes.map((i) => q.quotes[i]!).map((x) => [x.currency, x.perEur, x.date])).toEqual([['HKD', 10.1558, '2013-01-03'], ['USD', 1.3102, '2013-01-03']]);
    expect(await c.call('valuation.quote', { workspaceId, from: 'VND', to: 'USD', date: '2019-06-12' })).toEqual({
      conversion: null,
      quotes: [],
      missing: [{ currency: 'VND', why: 'the ECB does not publish a VND rate and no rate was entered for it' }],
    });
    // Each missing currency says why: here the ECB suspended RUB quotes after 1 March 2022.
    expect((await c.call('valuation.quote', { workspaceId, from: 'RUB', to: 'KES', date: '2023-05-02' })).missing).toEqual([
      { currency: 'RUB', why: 'the ECB stopped publishing RUB rates after 1 March 2022' },
      { currency: 'KES', why: 'the ECB does not publish a KES rate and no rate was entered for it' },
    ]);
  });

  it('uses an imported newer ECB file for a 2025 date, keeps it in SQLite, and can remove it', async () => {
    const { h, c, workspaceId, caseId, memberId } = await setup('SGD');
    // A USD 200,000 price-currency value on Sunday 1 June 2025 (P49's date), reported in SGD.
    const cr = c.openDoc(caseDocName(workspaceId, caseId));
    const wr = c.openDoc(workspaceDocName(workspaceId));
    await Promise.all([cr.whenSynced(), wr.whenSynced()]);
    const w = { memberId };
    const seizureId = randomUUID();
    new CaseDoc(cr.doc).addSeizure(seizureId, { ...newSeizureFields('2025-06-01'), country: 'PE', sector: 'mining', commodity: 'mercury', quantity: 4, unit: 't' }, w);
    const priceId = randomUUID();
    new ReferenceLists(wr.doc).addPriceReference(priceId, {
      commodity: 'mercury', taxon: '', low: 50, high: 50, currency: 'USD', unit: 'kg', marketLevel: 'wholesale', place: 'Lima', country: 'PE', date: '2025-01-01',
      citationTitle: 'TEST PRICE (not a published figure)', citationUrl: '', notes: '',
    }, w);
    new CaseValuations(cr.doc).addValuation(randomUUID(), { seizureId, priceReferenceId: priceId, factor: null, notes: '' }, w);

    // Shipped data only: the 9 May 2025 rates (USD 1.1252, SGD 1.46), 23 days old, stale.
    //   4,000 kg × USD 50 = USD 200,000 → SGD 200,000 / 1.1252 × 1.46 = SGD 259,509.4205
    const estBefore = await valuationRows(c, { workspaceId, caseId });
    const before = estBefore.seizures[0]!.valuations[0]!;
    expect(before.reporting!.range.low).toBeCloseTo(259_509.4205, 3);
    expect(before.reporting!.quotes.map((i) => estBefore.quotes[i]!).map((q) => [q.currency, q.date, q.ageDays, q.stale])).toEqual([['USD', '2025-05-09', 23, true], ['SGD', '2025-05-09', 23, true]]);
    expect(before.warnings.map((x) => x.code)).toContain('stale-rate');

    const report = await c.call('valuation.importEcb', { workspaceId, fileName: 'eurofxref-hist.csv', contentBase64: b64(newerEcbFile()) });
    expect(report).toMatchObject({ duplicate: false, previousLastDate: '2025-05-09', lastDate: '2025-05-30', newDates: 2, changedRates: 0 });
    expect(report.file).toMatchObject({ fileName: 'eurofxref-hist.csv', firstDate: '1999-01-04', lastDate: '2025-05-30', rowCount: 6749, importedBy: memberId });

    // Now Friday 30 May 2025 (TEST VALUES USD 1.1350, SGD 1.4650), 2 days old, not stale:
    //   SGD 200,000 / 1.1350 × 1.4650 = SGD 258,149.7797
    const estAfter = await valuationRows(c, { workspaceId, caseId });
    const after = estAfter.seizures[0]!.valuations[0]!;
    expect(after.reporting!.range.low).toBeCloseTo(258_149.7797, 3);
    expect(after.reporting!.quotes.map((i) => estAfter.quotes[i]!).map((q) => [q.currency, q.perEur, q.date, q.ageDays, q.stale])).toEqual([['USD', 1.135, '2025-05-30', 2, false], ['SGD', 1.465, '2025-05-30', 2, false]]);
    expect(after.warnings.map((x) => x.code)).not.toContain('stale-rate');

    // Kept in the workspace database (gzip'd), listed by valuation.rates; the same file again is a duplicate.
    const ws = h.service.workspace(workspaceId);
    const stored = databaseOf(ws.store).prepare('SELECT file_name, last_date, length(content) AS bytes FROM ecb_rate_files').all() as { file_name: string; last_date: string; bytes: number }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ file_name: 'eurofxref-hist.csv', last_date: '2025-05-30' });
    expect(stored[0]!.bytes).toBeLessThan(SHIPPED.length / 2);
    const rates = await c.call('valuation.rates', { workspaceId });
    expect(rates.imported.map((f) => f.lastDate)).toEqual(['2025-05-30']);
    expect(rates.effective.lastDate).toBe('2025-05-30');
    expect(await c.call('valuation.importEcb', { workspaceId, fileName: 'copy.csv', contentBase64: b64(newerEcbFile()) })).toMatchObject({ duplicate: true, newDates: 0 });

    await c.call('valuation.removeEcb', { workspaceId, id: report.file.id });
    const again = (await valuationRows(c, { workspaceId, caseId })).seizures[0]!.valuations[0]!;
    expect(again.reporting!.range.low).toBeCloseTo(259_509.4205, 3);
    expect((await c.call('valuation.rates', { workspaceId })).imported).toEqual([]);
  });

  it('refuses a damaged ECB file whole, naming the line and column, and stores nothing', async () => {
    const { c, workspaceId } = await setup();
    const bad = newerEcbFile().replace('2025-05-12,1.1350', '2025-05-12,1,1350');
    const err = await c.call('valuation.importEcb', { workspaceId, fileName: 'bad.csv', contentBase64: b64(bad) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).code).toBe('import-failed');
    expect((err as RpcError).message).toBe("bad.csv: line 3, line: has more cells than the header's 43");
    expect((await c.call('valuation.rates', { workspaceId })).imported).toEqual([]);
    const order = SHIPPED.split('\n');
    const swapped = [order[0], order[2], order[1], ...order.slice(3)].join('\n');
    const err2 = await c.call('valuation.importEcb', { workspaceId, fileName: 'order.csv', contentBase64: b64(swapped) }).catch((e: unknown) => e);
    expect((err2 as RpcError).message).toContain('line 3, Date: 2025-05-09 is not older than the line above');
    // A date in the future is not an ECB rate: refused, nothing stored.
    const future = SHIPPED.replace(/^(Date,[^\n]*\n)/, '$12099-01-05,' + SHIPPED.split('\n')[1]!.split(',').slice(1).join(',') + '\n');
    const err3 = await c.call('valuation.importEcb', { workspaceId, fileName: 'future.csv', contentBase64: b64(future) }).catch((e: unknown) => e);
    expect((err3 as RpcError).code).toBe('import-failed');
    expect((err3 as RpcError).message).toBe('future.csv: line 2, Date: 2099-01-05 is in the future: not an ECB rate');
    expect((await c.call('valuation.rates', { workspaceId })).imported).toEqual([]);
  });

  it('refuses an import from an observer', async () => {
    const { h, c, workspaceId } = await setup();
    const ws = h.service.workspace(workspaceId);
    // The role in the workspace doc counts (as at the relay), so the member becomes an observer there too.
    ws.store.setLocalSettings({ ...ws.local(), role: 'observer' });
    const me = ws.workspaceDoc().getMember(ws.local().memberId)!;
    ws.workspaceDoc().upsertMember({ ...me, role: 'observer' }, { memberId: me.id });
    const err = await c.call('valuation.importEcb', { workspaceId, fileName: 'x.csv', contentBase64: b64(newerEcbFile()) }).catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('read-only');
  });
});

describe('user rates', () => {
  it('uses a VND rate entered per USD, with its source, and cites it in the statement', async () => {
    const { c, workspaceId, caseId, memberId } = await setup('SGD');
    const cr = c.openDoc(caseDocName(workspaceId, caseId));
    const wr = c.openDoc(workspaceDocName(workspaceId));
    await Promise.all([cr.whenSynced(), wr.whenSynced()]);
    const w = { memberId };
    const lists = new ReferenceLists(wr.doc);
    // P12: 3.5 t of ivory seized at Tien Sa port, Da Nang, on 12 June 2019.
    const seizureId = randomUUID();
    new CaseDoc(cr.doc).addSeizure(seizureId, { ...newSeizureFields('2019-06-12'), country: 'VN', place: 'Tien Sa port, Da Nang', commodity: 'elephant ivory', quantity: 3.5, unit: 't' }, w);
    const priceId = randomUUID();
    lists.addPriceReference(priceId, {
      commodity: 'elephant ivory', taxon: 'Elephantidae', low: 20_000_000, high: 30_000_000, currency: 'VND', unit: 'kg', marketLevel: 'retail', place: 'Hanoi', country: 'VN',
      date: '2019-06-12', citationTitle: 'TEST PRICE (not a published figure)', citationUrl: '', notes: '',
    }, w);
    new CaseValuations(cr.doc).addValuation(randomUUID(), { seizureId, priceReferenceId: priceId, factor: null, notes: '' }, w);

    // Without a VND rate the valuation fails and says what to do.
    const missing = await valuationRows(c, { workspaceId, caseId });
    expect(missing.seizures[0]!.status).toBe('failed');
    expect(missing.seizures[0]!.valuations[0]!.problems[0]).toMatchObject({ code: 'rate-missing' });
    expect(missing.seizures[0]!.valuations[0]!.problems[0]!.message).toContain('No exchange rate for VND on or before 2019-06-12');

    // VND 23,300 per USD from 1 June 2019 (TEST VALUE with its stated source).
    lists.addExchangeRate(randomUUID(), { currency: 'VND', perEur: null, perUsd: 23_300, date: '2019-06-01', source: 'TEST VALUE: State Bank of Viet Nam central rate, June 2019 (illustrative)', notes: '' }, w);
    const est = await valuationRows(c, { workspaceId, caseId });
    const v = est.seizures[0]!.valuations[0]!;
    // 3,500 kg × VND 20–30 million = VND 70,000,000,000 – 105,000,000,000;
    //   to USD at the rate entered: ÷ 23,300 = USD 3,004,291.8455 – 4,506,437.7682
    expect(v.inPriceCurrency).toEqual({ low: 70_000_000_000, high: 105_000_000_000, currency: 'VND' });
    expect(v.usd!.range.low).toBeCloseTo(3_004_291.8455, 3);
    expect(v.usd!.range.high).toBeCloseTo(4_506_437.7682, 3);
    // The VND quote is the user's, dated 1 June 2019 (11 days before: stale), expressed per EUR with the
    //   ECB USD rate of 12 June 2019 (1.1323): 23,300 × 1.1323 = VND 26,382.59 per EUR.
    const vnd = est.quotes[v.usd!.quotes[0]!]!;
    expect(vnd).toMatchObject({ currency: 'VND', kind: 'user', perUsd: 23_300, date: '2019-06-01', source: 'TEST VALUE: State Bank of Viet Nam central rate, June 2019 (illustrative)' });
    expect(vnd.usdLeg).toEqual({ perEur: 1.1323, date: '2019-06-12', stale: false });
    expect(vnd.perEur).toBeCloseTo(26_382.59, 8);
    expect((await c.call('valuation.rates', { workspaceId })).userRateCurrencies).toEqual(['VND']);

    const st = await c.call('valuation.statement', { workspaceId, caseId });
    expect(st.text).toContain('VND 23,300 per USD (rate entered for 1 June 2019, 11 days before 12 June 2019 (stale); source: TEST VALUE: State Bank of Viet Nam central rate, June 2019 (illustrative))');
    expect(st.text).toContain('Rates the ECB does not publish were entered by users with their sources: VND 23,300 per USD from 1 June 2019 (source: TEST VALUE: State Bank of Viet Nam central rate, June 2019 (illustrative))');
  });
});
