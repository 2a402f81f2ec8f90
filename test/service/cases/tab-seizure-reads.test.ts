/**
 * The reads the timeline, entities, link chart and exhibits tabs make for a case of any size
 * (issue 11 item 4): `seizures.periods` counts every live seizure per timeline period and
 * `seizures.page` narrowed to a `period` or to `ids` answers from the projection — 1,000 seizures
 * in the case doc and 2,000 in two volume docs, with periods, dates and ids only the volumes hold.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { comparePeriods, timelinePeriod } from '../../../shared/timeline/timeline';
import type { DataClient } from '../../../renderer/src/data/client';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

/**
 * Seizure `i` of 3,000: the case doc holds 0–999 (2016–2018, day precision), volume 1 holds
 * 1000–1999 and volume 2 2000–2999 (2019–2020); seizure 1500 is dated 2012-05 (month precision)
 * and 2600 is known only to the year 2011 — periods no case-doc seizure has.
 */
function fields(i: number): SeizureFields {
  const base = { ...newSeizureFields('2026-01-01'), commodity: `c${i}`, country: 'KE' };
  if (i === 1500) return { ...base, seizureDate: '2012-05-01', datePrecision: 'month' };
  if (i === 2600) return { ...base, seizureDate: '2011-01-01', datePrecision: 'year' };
  const year = i < 1000 ? 2016 + (i % 3) : 2019 + (i % 2);
  return { ...base, seizureDate: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, datePrecision: 'day' };
}

interface Setup {
  c: DataClient;
  wsId: string;
  caseId: string;
  ws: ReturnType<Harness['service']['workspace']>;
  w: { memberId: string };
  ids: string[];
}

async function setUp(): Promise<Setup> {
  h = startService();
  const { c, ws, caseId, w } = await registerCase(h);
  const ids = Array.from({ length: 3000 }, () => randomUUID());
  const rec = (from: number, to: number): { id: string; fields: SeizureFields }[] => Array.from({ length: to - from }, (_v, k) => ({ id: ids[from + k]!, fields: fields(from + k) }));
  ws.host.with(ws.caseDocName(caseId), (doc) => {
    new CaseDoc(doc).addSeizures(rec(0, 1000), w);
    listVolumesIn(doc, [1, 2], w);
  });
  ws.host.with(volumeDocName(ws.id, caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures(rec(1000, 2000), w));
  ws.host.with(volumeDocName(ws.id, caseId, 2), (doc) => new VolumeDoc(doc).insertSeizures(rec(2000, 3000), w));
  return { c, wsId: ws.id, caseId, ws, w, ids };
}

/** The expected counts per period, computed from the generator with the shared rule. */
function expectedPeriods(skip: ReadonlySet<number> = new Set()): { period: string; count: number }[] {
  const m = new Map<string, number>();
  for (let i = 0; i < 3000; i++) {
    if (skip.has(i)) continue;
    const f = fields(i);
    const p = timelinePeriod(f.seizureDate, f.datePrecision);
    m.set(p, (m.get(p) ?? 0) + 1);
  }
  return [...m].map(([period, count]) => ({ period, count })).sort((a, b) => comparePeriods(a.period, b.period));
}

describe('seizures.periods', () => {
  it('counts all 3,000 seizures of the case doc and its volumes per timeline period, in timeline order', async () => {
    const { c, wsId, caseId } = await setUp();
    const periods = await c.call('seizures.periods', { workspaceId: wsId, caseId });
    expect(periods).toEqual(expectedPeriods());
    expect(periods.reduce((n, p) => n + p.count, 0)).toBe(3000);
    // The volumes' own periods come first: the year-only 2011, then 2012-05; then 2016-01 of the case doc.
    expect(periods.slice(0, 3)).toEqual([
      { period: '2011', count: 1 },
      { period: '2012-05', count: 1 },
      { period: '2016-01', count: expectedPeriods().find((p) => p.period === '2016-01')!.count },
    ]);
    // 2019 and 2020 are held by the volumes alone: 2,000 − 2 seizures.
    expect(periods.filter((p) => p.period.startsWith('2019') || p.period.startsWith('2020')).reduce((n, p) => n + p.count, 0)).toBe(1998);
  });

  it('leaves out a seizure deleted in a volume, and refuses an unknown case', async () => {
    const { c, wsId, caseId, ws, w, ids } = await setUp();
    ws.host.with(volumeDocName(ws.id, caseId, 1), (doc) => new VolumeDoc(doc).markDeleted([ids[1500]!], w));
    const periods = await c.call('seizures.periods', { workspaceId: wsId, caseId });
    expect(periods).toEqual(expectedPeriods(new Set([1500])));
    expect(periods.some((p) => p.period === '2012-05')).toBe(false);
    await expect(c.call('seizures.periods', { workspaceId: wsId, caseId: randomUUID() })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('seizures.page by period and by id', () => {
  it('pages one month of every doc by date, and a year-only period apart from that year’s months', async () => {
    const { c, wsId, caseId, ids } = await setUp();
    const may = await c.call('seizures.page', { workspaceId: wsId, caseId, period: '2012-05', sortDir: 'asc' });
    expect(may).toEqual({ total: 1, offset: 0, rows: [expect.objectContaining({ id: ids[1500], seizureDate: '2012-05-01', datePrecision: 'month', commodity: 'c1500' })] });
    const y2011 = await c.call('seizures.page', { workspaceId: wsId, caseId, period: '2011' });
    expect(y2011.rows.map((r) => r.id)).toEqual([ids[2600]]);
    // 2019-03: volume seizures only, checked against the generator.
    const want = Array.from({ length: 3000 }, (_v, i) => i).filter((i) => timelinePeriod(fields(i).seizureDate, fields(i).datePrecision) === '2019-03');
    expect(want.length).toBeGreaterThan(50);
    const page1 = await c.call('seizures.page', { workspaceId: wsId, caseId, period: '2019-03', sortDir: 'asc', limit: 50 });
    const page2 = await c.call('seizures.page', { workspaceId: wsId, caseId, period: '2019-03', sortDir: 'asc', offset: 50, limit: 500 });
    expect(page1.total).toBe(want.length);
    const got = [...page1.rows, ...page2.rows];
    expect(new Set(got.map((r) => r.id))).toEqual(new Set(want.map((i) => ids[i])));
    expect(got.map((r) => r.seizureDate)).toEqual(want.map((i) => fields(i).seizureDate).sort());
    expect(got.every((r) => r.seizureDate.startsWith('2019-03'))).toBe(true);
    // The year 2019 has no year-only seizure: its `YYYY` period is empty, its months are not in it.
    expect((await c.call('seizures.page', { workspaceId: wsId, caseId, period: '2019' })).total).toBe(0);
  });

  it('looks seizures up by id in the case doc and in the volumes; deleted, unknown and other cases’ ids are not answered', async () => {
    const { c, wsId, caseId, ws, w, ids } = await setUp();
    ws.host.with(volumeDocName(ws.id, caseId, 2), (doc) => new VolumeDoc(doc).markDeleted([ids[2001]!], w));
    const other = (await c.call('cases.create', { workspaceId: wsId, fields: { ...newCaseFields('2026-01-01'), title: 'Other' } })).id;
    const asked = [ids[3]!, ids[1200]!, ids[2999]!, ids[2001]!, randomUUID()];
    const res = await c.call('seizures.page', { workspaceId: wsId, caseId, ids: asked, sortDir: 'asc', limit: 500 });
    expect(res.total).toBe(3);
    expect(new Map(res.rows.map((r) => [r.id, r.commodity]))).toEqual(
      new Map([
        [ids[3]!, 'c3'],
        [ids[1200]!, 'c1200'],
        [ids[2999]!, 'c2999'],
      ]),
    );
    expect((await c.call('seizures.page', { workspaceId: wsId, caseId: other, ids: asked })).total).toBe(0);
  });

  it('refuses a malformed period, a malformed id and more than 500 ids', async () => {
    const { c, wsId, caseId } = await setUp();
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId, period: '2019-13' })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId, period: '19' })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId, ids: ['nope'] })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId, ids: Array.from({ length: 501 }, () => randomUUID()) })).rejects.toMatchObject({ code: 'invalid-params' });
  });
});
