/**
 * `seizures.page` and `seizures.get` (issue 11 item 4): the seizure table reads a case's
 * seizures from the projection, wherever they live. Seizures spread over the case doc and two
 * volume docs, with random dates, places, commodities, quantities in several dimensions and
 * reported values (some missing), are paged in every order; concatenated pages equal the
 * renderer's own sort (renderer/src/case/seizure-sort.ts, shared keys) of every live seizure, the
 * filter keeps exactly the seizures the shared filter matches, the table's columns carry the
 * model fields of a volume seizure, and a volume seizure reads whole through `seizures.get`.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type Seizure, type SeizureFields } from '../../../shared/domain/seizure';
import { filterWords, matchesFilter, SEIZURE_SORT_KEYS } from '../../../shared/domain/seizure-order';
import type { QuantityUnit } from '../../../shared/domain/codes';
import type { DataClient } from '../../../renderer/src/data/client';
import { sortSeizures } from '../../../renderer/src/case/seizure-sort';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const UNITS: (QuantityUnit | null)[] = ['kg', 'g', 't', 'pieces', 'head', 'l', 'm3', null];
const PLACES = ['Haiphong', 'Mombasa', 'Lagos', 'Antwerp', 'port', ''];
const COUNTRIES = ['VN', 'KE', 'NG', 'BE', 'SG'];
const COMMODITIES = ['Ivory', 'pangolin scales', 'Rhino horn', 'rosewood', 'Éel'];

const fieldsArb: fc.Arbitrary<SeizureFields> = fc
  .record({
    day: fc.integer({ min: 0, max: 40 }),
    place: fc.constantFrom(...PLACES),
    country: fc.constantFrom(...COUNTRIES),
    commodity: fc.constantFrom(...COMMODITIES),
    unit: fc.constantFrom(...UNITS),
    quantity: fc.integer({ min: 1, max: 5000 }),
    value: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  })
  .map((r) => ({
    ...newSeizureFields('2026-01-01'),
    seizureDate: `2025-${String(1 + (r.day % 12)).padStart(2, '0')}-${String(1 + (r.day % 28)).padStart(2, '0')}`,
    place: r.place,
    country: r.country,
    commodity: r.commodity,
    quantity: r.unit ? r.quantity : null,
    unit: r.unit,
    reportedValue: r.value,
    reportedCurrency: r.value === null ? null : 'USD',
    transportMode: 'sea' as const,
    concealmentMethod: 'hidden-in-cargo' as const,
    exportCountries: ['MZ'],
    transitCountries: ['KE'],
    missedTransitCountries: ['KE'],
  }));

async function setUp(): Promise<{ c: DataClient; wsId: string; caseId: string; all: () => Seizure[]; ws: ReturnType<Harness['service']['workspace']>; w: { memberId: string } }> {
  h = startService();
  const { c, ws, caseId, w } = await registerCase(h);
  const fields = fc.sample(fc.array(fieldsArb, { minLength: 90, maxLength: 90 }), { numRuns: 1, seed: 20261207 })[0]!;
  ws.host.with(ws.caseDocName(caseId), (doc) => {
    new CaseDoc(doc).addSeizures(fields.slice(0, 30).map((f) => ({ id: randomUUID(), fields: f })), w);
    listVolumesIn(doc, [1, 2], w);
  });
  for (const n of [1, 2]) {
    ws.host.with(volumeDocName(ws.id, caseId, n), (doc) => new VolumeDoc(doc).insertSeizures(fields.slice(n * 30, n * 30 + 30).map((f) => ({ id: randomUUID(), fields: f })), w));
  }
  const all = (): Seizure[] => [
    ...ws.host.with(ws.caseDocName(caseId), (doc) => new CaseDoc(doc).listSeizures()),
    ...[1, 2].flatMap((n) => ws.host.with(volumeDocName(ws.id, caseId, n), (doc) => new VolumeDoc(doc).listSeizures())),
  ];
  return { c, wsId: ws.id, caseId, all, ws, w };
}

async function pagedIds(c: DataClient, wsId: string, caseId: string, q: { sortBy: (typeof SEIZURE_SORT_KEYS)[number]; sortDir: 'asc' | 'desc'; text?: string }, limit: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += limit) {
    const page = await c.call('seizures.page', { workspaceId: wsId, caseId, ...q, offset, limit });
    total = page.total;
    expect(page.offset).toBe(offset);
    ids.push(...page.rows.map((r) => r.id));
  }
  return { ids, total };
}

describe('seizures.page', () => {
  it('pages every live seizure of the case doc and its volumes in the shared order, by every column and direction', async () => {
    const { c, wsId, caseId, all } = await setUp();
    const seizures = all();
    expect(seizures).toHaveLength(90);
    for (const sortBy of SEIZURE_SORT_KEYS) {
      for (const sortDir of ['asc', 'desc'] as const) {
        const expected = sortSeizures(seizures, { key: sortBy, dir: sortDir }, (id) => seizures.find((s) => s.id === id)!.reportedValue).map((s) => s.id);
        const got = await pagedIds(c, wsId, caseId, { sortBy, sortDir }, 7);
        expect(got.total).toBe(90);
        expect(got.ids).toEqual(expected);
      }
    }
    // The value sort really is by value: the first row of the descending order holds the largest one.
    const top = await c.call('seizures.page', { workspaceId: wsId, caseId, sortBy: 'value', sortDir: 'desc', offset: 0, limit: 1 });
    expect(top.rows[0]!.reportedValue).toBe(Math.max(...seizures.map((s) => s.reportedValue ?? -1)));
  });

  it('says on each row of a value sort the USD figure it sorted by (tester finding F12), null where no rate is known', async () => {
    h = startService();
    const { c, ws, caseId, w } = await registerCase(h);
    const at = (value: number, currency: string, date: string): SeizureFields => ({ ...newSeizureFields(date), country: 'KE', commodity: `${currency} lot`, reportedValue: value, reportedCurrency: currency });
    const [eur, usd, kes, none] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    ws.host.with(ws.caseDocName(caseId), (doc) =>
      new CaseDoc(doc).addSeizures(
        [
          { id: eur, fields: at(1_000_000, 'EUR', '2025-03-03') },
          { id: usd, fields: at(1_050_000, 'USD', '2025-03-03') },
          { id: kes, fields: at(9_000_000, 'KES', '2025-03-03') },
          { id: none, fields: { ...newSeizureFields('2025-03-03'), country: 'KE', commodity: 'no value' } },
        ],
        w,
      ),
    );
    const page = await c.call('seizures.page', { workspaceId: ws.id, caseId, sortBy: 'value', sortDir: 'desc', offset: 0, limit: 10 });
    const usdOf = new Map(page.rows.map((r) => [r.id, r.reportedUsd]));
    // EUR 1,000,000 at the ECB rate of 3 March 2025 (1.0465 USD a euro) is USD 1,046,500: less than USD 1,050,000, though the raw number is not.
    const eurUsd = usdOf.get(eur)!;
    expect(eurUsd).toBeCloseTo(1_046_500, 0);
    expect(usdOf.get(usd)).toBe(1_050_000);
    // No rate for KES here, and no value at all: both null, both after every converted value.
    expect([usdOf.get(kes), usdOf.get(none)]).toEqual([null, null]);
    const ids = page.rows.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual([usd, eur]);
    expect(new Set(ids.slice(2))).toEqual(new Set([kes, none])); // tied: same date, then by id
    // Other sorts carry no figure.
    const byDate = await c.call('seizures.page', { workspaceId: ws.id, caseId, sortBy: 'date', sortDir: 'desc', offset: 0, limit: 10 });
    expect(byDate.rows.every((r) => !('reportedUsd' in r))).toBe(true);
  });

  it('filters by every word of the text, counts the matches, and leaves deleted seizures out', async () => {
    const { c, wsId, caseId, all, ws, w } = await setUp();
    for (const text of ['ivory', 'kenya', 'pangolin mombasa', 'nothing-like-this']) {
      const expected = sortSeizures(all().filter((s) => matchesFilter(s, filterWords(text))), { key: 'date', dir: 'desc' }).map((s) => s.id);
      const got = await pagedIds(c, wsId, caseId, { sortBy: 'date', sortDir: 'desc', text }, 10);
      expect(got.ids).toEqual(expected);
      expect(got.total).toBe(expected.length);
    }
    const victim = ws.host.with(volumeDocName(ws.id, caseId, 2), (doc) => new VolumeDoc(doc).recordIds()[0]!);
    ws.host.with(volumeDocName(ws.id, caseId, 2), (doc) => new VolumeDoc(doc).markDeleted([victim], w));
    const after = await pagedIds(c, wsId, caseId, { sortBy: 'date', sortDir: 'asc' }, 50);
    expect(after.total).toBe(89);
    expect(after.ids).not.toContain(victim);
    expect((await c.call('cases.get', { workspaceId: wsId, caseId })).seizureCount).toBe(89);
  });

  it('carries the model columns of a volume seizure, and seizures.get reads it whole (null once deleted)', async () => {
    const { c, wsId, caseId, ws, w } = await setUp();
    const id = ws.host.with(volumeDocName(ws.id, caseId, 1), (doc) => new VolumeDoc(doc).recordIds()[3]!);
    const rows = (await c.call('seizures.page', { workspaceId: wsId, caseId, offset: 0, limit: 500 })).rows;
    const row = rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ transportMode: 'sea', concealmentMethod: 'hidden-in-cargo', detectionMethod: null, exportCountries: ['MZ'], missedTransitCountries: ['KE'], transitCountries: ['KE'] });
    const whole = await c.call('seizures.get', { workspaceId: wsId, caseId, seizureId: id });
    expect(whole).toMatchObject({ id, commodity: row.commodity, seizureDate: row.seizureDate, createdBy: w.memberId, transportMode: 'sea' });
    ws.host.with(volumeDocName(ws.id, caseId, 1), (doc) => new VolumeDoc(doc).markDeleted([id], w));
    expect(await c.call('seizures.get', { workspaceId: wsId, caseId, seizureId: id })).toBeNull();
  });

  it('refuses a page larger than the limit and a malformed case id', async () => {
    const { c, wsId, caseId } = await setUp();
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId, offset: 0, limit: 501 })).rejects.toThrow();
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId: 'not-a-uuid', offset: 0, limit: 10 })).rejects.toThrow();
  });
});
