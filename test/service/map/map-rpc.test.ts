/**
 * The map answered by clusters made on the data service (shared/rpc/map.ts, service/map/): a real
 * data service and client, seizures written through the case doc and projected by the real
 * Projector. Counts at every zoom add up to the seizures shown, a box across the antimeridian
 * finds the seizures on both sides, a cluster's pages of leaves add up to its count, seizures at
 * one place are reported as such, filters narrow the clusters, filter lists come with counts and
 * a search, an edit is seen at the next call, and bad input is refused.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import type { CrimeSector } from '../../../shared/domain/codes';
import type { DataClient } from '../../../renderer/src/data/client';
import { RpcError } from '../../../renderer/src/data/rpc-error';
import type { MapFilterInput, MapItemDto } from '../../../shared/rpc/map';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

function seizure(over: Partial<SeizureFields>): { id: string; fields: SeizureFields } {
  return { id: randomUUID(), fields: { ...newSeizureFields('2026-01-01'), locationPrecision: 'exact', quantity: 10, unit: 'kg', ...over } };
}

/** Case A: 200 ivory + 100 rosewood around Mombasa (2019), 5 shark fins at one quay in Singapore, 10 around Fiji either side of ±180, 3 unmapped. Case B: 50 gold near (10, 10). */
function seizuresA(): { id: string; fields: SeizureFields }[] {
  const out: { id: string; fields: SeizureFields }[] = [];
  for (let i = 0; i < 300; i++) {
    const ivory = i < 200;
    out.push(
      seizure({
        seizureDate: `2019-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        country: 'KE',
        place: 'Mombasa',
        // 300 distinct places on a 0.1° grid (20 × 15), ~11 km apart: alone from zoom ~8.
        latitude: -5 + (i % 20) * 0.1,
        longitude: 38.6 + Math.floor(i / 20) * 0.1,
        sector: (ivory ? 'wildlife' : 'forestry') as CrimeSector,
        commodity: ivory ? 'Ivory' : 'Rosewood',
        taxon: ivory ? 'Loxodonta africana' : 'Dalbergia',
      }),
    );
  }
  for (let i = 0; i < 5; i++) out.push(seizure({ seizureDate: '2020-03-01', country: 'SG', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, sector: 'fisheries', commodity: 'Shark fins' }));
  for (let i = 0; i < 10; i++) out.push(seizure({ seizureDate: '2021-05-05', country: 'FJ', place: 'Suva', latitude: -17 - i * 0.1, longitude: i < 5 ? 179.5 : -179.5, sector: 'fisheries', commodity: 'Sea cucumber' }));
  for (let i = 0; i < 3; i++) out.push(seizure({ seizureDate: '2019-02-02', country: 'KE', commodity: 'Ivory', sector: 'wildlife', latitude: null, longitude: null }));
  return out;
}

async function setup(): Promise<{ c: DataClient; workspaceId: string; a: string; b: string; write: (caseId: string, items: { id: string; fields: SeizureFields }[]) => void }> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Ana Lima', agency: 'KWS', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'Map', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const a = (await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Ports' } })).id;
  const b = (await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Gold' } })).id;
  const rt = h.service.workspace(ws.id);
  const write = (caseId: string, items: { id: string; fields: SeizureFields }[]): void => rt.host.with(rt.caseDocName(caseId), (doc) => new CaseDoc(doc).addSeizures(items, { memberId: me.memberId }));
  write(a, seizuresA());
  write(b, Array.from({ length: 50 }, (_v, i) => seizure({ seizureDate: '2022-08-08', country: 'NG', latitude: 10 + i * 0.001, longitude: 10, sector: 'mining', commodity: 'Gold' })));
  return { c, workspaceId: ws.id, a, b, write };
}

/** Seizures a view's items stand for. */
const seizuresIn = (items: MapItemDto[]): number => items.reduce((n, it) => n + (it.kind === 'cluster' ? it.count : 1), 0);
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe('map clusters on the data service', () => {
  it('counts the case at every zoom, with per-sector counts that sum to each cluster', async () => {
    const { c, workspaceId, a } = await setup();
    const o = await c.call('map.overview', { workspaceId, caseId: a });
    expect(o).toMatchObject({ total: 315, shown: 315, sectors: ['wildlife', 'forestry', 'fisheries'] });
    expect(o.months[0]).toBe('2019-01-01');
    expect(o.months.at(-1)).toBe('2021-05-01');
    // The shortest arc holding them: Kenya (38.6°E) eastwards past Suva's seizures on both sides of ±180° (F6), not the world.
    expect(o.bounds).toMatchObject({ west: 38.6, east: 180.5, count: 315 });
    for (const zoom of [0, 2, 5, 9, 13]) {
      const { items } = await c.call('map.clusters', { workspaceId, caseId: a, bbox: WORLD, zoom });
      expect(seizuresIn(items), `zoom ${zoom}`).toBe(315);
      for (const it of items) if (it.kind === 'cluster') expect(it.sectorCounts.reduce((x, y) => x + y, 0)).toBe(it.count);
    }
    // The world view clusters; at zoom 13 most Mombasa seizures stand alone, with the popup's fields.
    const world = (await c.call('map.clusters', { workspaceId, caseId: a, bbox: WORLD, zoom: 1 })).items;
    expect(world.length).toBeLessThan(10);
    const near = (await c.call('map.clusters', { workspaceId, caseId: a, bbox: [38, -6, 41, -2], zoom: 13 })).items;
    const singles = near.filter((it) => it.kind === 'point');
    expect(singles).toHaveLength(300);
    expect(singles[0]).toMatchObject({ point: { caseId: a, country: 'KE', place: 'Mombasa', unit: 'kg', quantity: 10 } });
  });

  it('answers a box across the antimeridian on both sides', async () => {
    const { c, workspaceId, a } = await setup();
    for (const bbox of [[170, -30, 190, -5], [-190, -30, -170, -5]] as [number, number, number, number][]) {
      const { items } = await c.call('map.clusters', { workspaceId, caseId: a, bbox, zoom: 8 });
      expect(seizuresIn(items), JSON.stringify(bbox)).toBe(10);
      const lons = items.map((it) => (it.kind === 'cluster' ? it.longitude : it.point.longitude));
      expect(lons.some((x) => x > 179)).toBe(true);
      expect(lons.some((x) => x < -179)).toBe(true);
    }
    // West of the line only.
    expect(seizuresIn((await c.call('map.clusters', { workspaceId, caseId: a, bbox: [170, -30, 179.9, -5], zoom: 8 })).items)).toBe(5);
  });

  it('pages a cluster’s leaves (they add up to its count) and reports seizures at one place', async () => {
    const { c, workspaceId, a } = await setup();
    const { items } = await c.call('map.clusters', { workspaceId, caseId: a, bbox: WORLD, zoom: 0 });
    let sum = 0;
    for (const it of items) {
      if (it.kind !== 'cluster') {
        sum += 1;
        continue;
      }
      const ids = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const page = await c.call('map.leaves', { workspaceId, caseId: a, clusterId: it.id, offset, limit: 100 });
        expect(page.total).toBe(it.count);
        for (const p of page.points) ids.add(p.id);
        if (page.points.length < 100) break;
      }
      expect(ids.size).toBe(it.count);
      sum += ids.size;
    }
    expect(sum).toBe(315);
    const quay = (await c.call('map.clusters', { workspaceId, caseId: a, bbox: [103, 1, 104.5, 1.5], zoom: 13 })).items;
    expect(quay).toHaveLength(1);
    const cluster = quay[0]!;
    if (cluster.kind !== 'cluster') throw new Error('expected a cluster');
    expect(cluster.count).toBe(5);
    const page = await c.call('map.leaves', { workspaceId, caseId: a, clusterId: cluster.id });
    expect(page).toMatchObject({ total: 5, colocated: true });
    expect(page.expansionZoom).toBeGreaterThan(13);
    expect(page.points.map((p) => p.commodity)).toEqual(Array(5).fill('Shark fins'));
    // A Mombasa cluster of the world view splits at a zoom the map has.
    const big = items.find((it) => it.kind === 'cluster' && it.count >= 300)!;
    const split = await c.call('map.leaves', { workspaceId, caseId: a, clusterId: (big as { id: number }).id, limit: 0 });
    expect(split).toMatchObject({ colocated: false, points: [] });
    expect(split.expansionZoom).toBeLessThanOrEqual(13);
  });

  it('narrows overview, clusters and leaves by the filter', async () => {
    const { c, workspaceId, a } = await setup();
    const shown = async (filter: MapFilterInput): Promise<[number, number]> => [
      (await c.call('map.overview', { workspaceId, caseId: a, filter })).shown,
      seizuresIn((await c.call('map.clusters', { workspaceId, caseId: a, filter, bbox: WORLD, zoom: 3 })).items),
    ];
    expect(await shown({ commodity: 'Rosewood' })).toEqual([100, 100]);
    expect(await shown({ hiddenSectors: ['wildlife'] })).toEqual([115, 115]);
    expect(await shown({ country: 'FJ' })).toEqual([10, 10]);
    expect(await shown({ taxon: 'loxodonta AFRICANA' })).toEqual([200, 200]);
    // Months 2019-06 … 2019-08 of the Mombasa seizures (25 a month): 75.
    expect(await shown({ from: '2019-06-01', to: '2019-08-31' })).toEqual([75, 75]);
    expect(await shown({ from: '2020-01-01' })).toEqual([15, 15]);
    const { items } = await c.call('map.clusters', { workspaceId, caseId: a, filter: { commodity: 'Rosewood' }, bbox: WORLD, zoom: 0 });
    const cl = items.find((it) => it.kind === 'cluster')!;
    const page = await c.call('map.leaves', { workspaceId, caseId: a, filter: { commodity: 'Rosewood' }, clusterId: (cl as { id: number }).id, limit: 500 });
    expect(new Set(page.points.map((p) => p.commodity))).toEqual(new Set(['Rosewood']));
  });

  it('lists filter values with counts, a search and the number of distinct values; the workspace scope spans the cases', async () => {
    const { c, workspaceId, a, b } = await setup();
    expect(await c.call('map.facets', { workspaceId, caseId: a, field: 'commodity' })).toEqual({
      options: [
        { value: 'Ivory', count: 200 },
        { value: 'Rosewood', count: 100 },
        { value: 'Sea cucumber', count: 10 },
        { value: 'Shark fins', count: 5 },
      ],
      distinct: 4,
    });
    expect(await c.call('map.facets', { workspaceId, caseId: a, field: 'commodity', search: 'ROSE' })).toEqual({ options: [{ value: 'Rosewood', count: 100 }], distinct: 1 });
    expect(await c.call('map.facets', { workspaceId, caseId: a, field: 'commodity', limit: 1 })).toEqual({ options: [{ value: 'Ivory', count: 200 }], distinct: 4 });
    expect((await c.call('map.overview', { workspaceId })).total).toBe(365);
    expect((await c.call('map.facets', { workspaceId, field: 'caseId' })).options).toEqual([
      { value: a, count: 315 },
      { value: b, count: 50 },
    ]);
    expect((await c.call('map.overview', { workspaceId, filter: { caseId: b } })).shown).toBe(50);
  });

  it('sees an edit at the next call, refuses a cluster of an older projection and bad input', async () => {
    const { c, workspaceId, a, write } = await setup();
    const before = await c.call('map.overview', { workspaceId, caseId: a });
    write(a, [seizure({ seizureDate: '2023-01-01', country: 'KE', latitude: 0, longitude: 0, sector: 'waste', commodity: 'E-waste' })]);
    const after = await c.call('map.overview', { workspaceId, caseId: a });
    expect(after.total).toBe(316);
    expect(after.version).not.toBe(before.version);
    expect(after.sectors).toContain('waste');
    const gone = await c.call('map.leaves', { workspaceId, caseId: a, clusterId: 987654321 }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(RpcError);
    expect((gone as RpcError).code).toBe('not-found');
    for (const bad of [
      c.call('map.clusters', { workspaceId, caseId: a, bbox: [10, 0, 5, 1], zoom: 3 }),
      c.call('map.clusters', { workspaceId, caseId: a, bbox: WORLD, zoom: -1 }),
      c.call('map.overview', { workspaceId, caseId: a, filter: { from: 'yesterday' } }),
      c.call('map.leaves', { workspaceId, caseId: a, clusterId: 1, limit: 100_000 }),
    ]) {
      const err = await bad.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RpcError);
      expect((err as RpcError).code).toBe('invalid-params');
    }
    // Still serving.
    expect((await c.call('map.overview', { workspaceId, caseId: a })).total).toBe(316);
  });
});
