/**
 * `cases.stats` (issue 11 item 4, G-IMP-1): a case's key figures count every seizure it holds.
 * 1,000 seizures in the case doc (its inline limit) and 2,000 more in two volume docs: the count,
 * the mapped count, the seizing countries, the period and the reported totals per currency are
 * those of all 3,000 — figures the case doc alone could not give (its countries, dates and sums
 * differ on purpose) — a deleted volume seizure leaves them, and an unknown case is refused.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import type { DataClient } from '../../../renderer/src/data/client';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

/**
 * Seizure `i` of 3,000: the case doc holds 0–999 (countries VN, KE, NG, BE; years 2016–2019),
 * volume 1 holds 1000–2199 and volume 2 2200–2999 (adding SG and ZA, the years 2012 and 2024).
 * Every third is mapped; every fourth reports 10 USD; i % 10 === 1 reports 5 EUR.
 */
function fields(i: number): SeizureFields {
  const inline = i < 1000;
  const countries = inline ? ['VN', 'KE', 'NG', 'BE'] : ['VN', 'KE', 'NG', 'BE', 'SG', 'ZA'];
  const base = { ...newSeizureFields('2026-01-01'), commodity: `c${i}`, country: countries[i % countries.length]! };
  const date = i === 2500 ? { seizureDate: '2012-05-01', datePrecision: 'month' as const } : i === 2999 ? { seizureDate: '2024-12-31', datePrecision: 'day' as const } : { seizureDate: `${2016 + (i % 4)}-0${1 + (i % 9)}-15`, datePrecision: 'day' as const };
  const mapped = i % 3 === 0 ? { latitude: -4 + (i % 7), longitude: 39 + (i % 5) } : {};
  const value = i % 4 === 0 ? { reportedValue: 10, reportedCurrency: 'USD' } : i % 10 === 1 ? { reportedValue: 5, reportedCurrency: 'EUR' } : {};
  return { ...base, ...date, ...mapped, ...value };
}

async function setUp(): Promise<{ call: DataClient; wsId: string; caseId: string; ws: ReturnType<Harness['service']['workspace']>; w: { memberId: string } }> {
  h = startService();
  const { c, ws, caseId, w } = await registerCase(h);
  const rec = (from: number, to: number): { id: string; fields: SeizureFields }[] => Array.from({ length: to - from }, (_v, k) => ({ id: randomUUID(), fields: fields(from + k) }));
  ws.host.with(ws.caseDocName(caseId), (doc) => {
    new CaseDoc(doc).addSeizures(rec(0, 1000), w);
    listVolumesIn(doc, [1, 2], w);
  });
  ws.host.with(volumeDocName(ws.id, caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures(rec(1000, 2200), w));
  ws.host.with(volumeDocName(ws.id, caseId, 2), (doc) => new VolumeDoc(doc).insertSeizures(rec(2200, 3000), w));
  return { call: c, wsId: ws.id, caseId, ws, w };
}

describe('cases.stats', () => {
  it('counts, maps, places, dates and sums all 3,000 seizures of the case doc and its two volumes', async () => {
    const { call: c, wsId, caseId, ws } = await setUp();
    // The case doc alone holds 1,000: what the overview used to count.
    expect(ws.host.with(ws.caseDocName(caseId), (doc) => new CaseDoc(doc).seizureCount())).toBe(1000);
    const stats = await c.call('cases.stats', { workspaceId: wsId, caseId });
    expect(stats.seizureCount).toBe(3000);
    expect(stats.mappedCount).toBe(1000); // i % 3 === 0 for i in 0…2999
    expect(stats.countryCount).toBe(6); // SG and ZA only in the volumes
    expect(stats.first).toEqual({ seizureDate: '2012-05-01', datePrecision: 'month' }); // a volume seizure
    expect(stats.last).toEqual({ seizureDate: '2024-12-31', datePrecision: 'day' });
    // 750 report 10 USD; i % 10 === 1 (never a multiple of 4) gives 300 at 5 EUR.
    expect(stats.reportedTotals).toEqual([
      { currency: 'USD', total: 7500, count: 750 },
      { currency: 'EUR', total: 1500, count: 300 },
    ]);
    // The same count the tabs show (cases.get) — one projection, one answer.
    expect((await c.call('cases.get', { workspaceId: wsId, caseId })).seizureCount).toBe(3000);
  });

  it('leaves out a seizure deleted in a volume, and answers zeros and nulls for a case without seizures', async () => {
    const { call: c, wsId, caseId, ws, w } = await setUp();
    const vol = volumeDocName(ws.id, caseId, 2);
    // Seizure 2500: the earliest (2012-05-01) and one of the 10 USD reports.
    const earliest = ws.host.with(vol, (doc) => new VolumeDoc(doc).listSeizures().find((s) => s.seizureDate === '2012-05-01')!.id);
    ws.host.with(vol, (doc) => new VolumeDoc(doc).markDeleted([earliest], w));
    const after = await c.call('cases.stats', { workspaceId: wsId, caseId });
    expect(after.seizureCount).toBe(2999);
    expect(after.first).toEqual({ seizureDate: '2016-01-15', datePrecision: 'day' }); // i % 36 === 0
    expect(after.reportedTotals[0]).toEqual({ currency: 'USD', total: 7490, count: 749 });
    const empty = (await c.call('cases.create', { workspaceId: wsId, fields: { ...newCaseFields('2026-01-01'), title: 'Empty' } })).id;
    expect(await c.call('cases.stats', { workspaceId: wsId, caseId: empty })).toEqual({ seizureCount: 0, mappedCount: 0, countryCount: 0, first: null, last: null, reportedTotals: [] });
  });

  it('refuses an unknown case as not-found and a malformed id as invalid', async () => {
    const { call: c, wsId } = await setUp();
    await expect(c.call('cases.stats', { workspaceId: wsId, caseId: randomUUID() })).rejects.toMatchObject({ code: 'not-found' });
    await expect(c.call('cases.stats', { workspaceId: wsId, caseId: 'nope' })).rejects.toMatchObject({ code: 'invalid-params' });
  });
});
