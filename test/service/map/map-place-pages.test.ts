/**
 * A place with more seizures than one `map.leaves` page, and the cold build of the data service's
 * map index (service/map/map-index.ts, columns read by ProjectionQueries.mapColumns): a real data
 * service and client, seizures written through the case doc and projected by the real Projector.
 * Every seizure at the place is reached exactly once across pages, in date order, also through a
 * search; the clusters at every zoom are those of a supercluster index built here from the
 * written seizures (the same order, radius and zooms), and a filter that passes every seizure
 * answers with the same clusters (the index is reused). A cluster says how many places its
 * seizures lie at (`places`): one for the quay, and two once one of them is renamed; berths metres
 * apart that no zoom splits count as several, a seizure without a place by its country; a search
 * finds a berth by its name, and a filter leaving one berth counts one.
 */
import { randomUUID } from 'node:crypto';
import Supercluster from 'supercluster';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, CLUSTER_TILE_PX } from '../../../shared/domain/map-filter';
import { MAP_LEAVES_MAX, type MapItemDto } from '../../../shared/rpc/map';
import type { DataClient } from '../../../renderer/src/data/client';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const QUAY = { latitude: -4.0621, longitude: 39.6582 };
const AT_QUAY = 700;
const COMMODITIES = ['Ivory', 'Pangolin scales', 'Rosewood logs', 'Shark fins', 'Rhino horn'];

/** 700 seizures at one quay of Mombasa (five commodities in turn, dates over 2018–2020) and 200 spread over East Africa. */
function seizures(): { id: string; fields: SeizureFields }[] {
  const out: { id: string; fields: SeizureFields }[] = [];
  for (let i = 0; i < AT_QUAY; i++) {
    out.push({
      id: randomUUID(),
      fields: { ...newSeizureFields('2026-01-01'), seizureDate: `${2018 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, country: 'KE', place: 'Kilindini', ...QUAY, locationPrecision: 'exact', commodity: COMMODITIES[i % 5]!, sector: i % 5 === 2 ? 'forestry' : i % 5 === 3 ? 'fisheries' : 'wildlife', quantity: i + 1, unit: 'kg' },
    });
  }
  for (let i = 0; i < 200; i++) {
    out.push({
      id: randomUUID(),
      fields: { ...newSeizureFields('2026-01-01'), seizureDate: `2021-0${1 + (i % 9)}-10`, country: i % 2 ? 'TZ' : 'UG', place: '', latitude: -10 + (i % 20) * 0.7, longitude: 30 + Math.floor(i / 20) * 0.9, locationPrecision: 'city', commodity: 'Ivory', sector: 'wildlife', quantity: 5, unit: 'kg' },
    });
  }
  return out;
}

async function setup(written = seizures()): Promise<{ c: DataClient; workspaceId: string; caseId: string; memberId: string; written: { id: string; fields: SeizureFields }[] }> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Ana Lima', agency: 'KWS', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'Ports', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const caseId = (await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Kilindini' } })).id;
  const rt = h.service.workspace(ws.id);
  rt.host.with(rt.caseDocName(caseId), (doc) => new CaseDoc(doc).addSeizures(written, { memberId: me.memberId }));
  return { c, workspaceId: ws.id, caseId, memberId: me.memberId, written };
}

/** Every id of the place's pages for `search`, page by page of `limit`, and the `matched` each page reported. */
async function allPages(c: DataClient, scope: { workspaceId: string; caseId: string }, clusterId: number, search: string, limit: number): Promise<{ ids: string[]; dates: string[]; matched: number[] }> {
  const ids: string[] = [];
  const dates: string[] = [];
  const matched: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await c.call('map.leaves', { ...scope, clusterId, offset, limit, search });
    expect(page.total).toBe(AT_QUAY);
    matched.push(page.matched);
    ids.push(...page.points.map((p) => p.id));
    dates.push(...page.points.map((p) => p.seizureDate));
    if (page.points.length < limit) return { ids, dates, matched };
  }
}

describe('a place with more seizures than one page', () => {
  it('reaches each of its 700 seizures exactly once across pages, in date order, and through a search', async () => {
    const { c, workspaceId, caseId, written } = await setup();
    const scope = { workspaceId, caseId };
    const items = (await c.call('map.clusters', { ...scope, bbox: [39.5, -4.2, 39.8, -3.9], zoom: CLUSTER_MAX_ZOOM })).items;
    const quay = items.find((it) => it.kind === 'cluster' && it.count === AT_QUAY);
    if (quay?.kind !== 'cluster') throw new Error(`no cluster of ${AT_QUAY} at the quay: ${JSON.stringify(items.map((it) => (it.kind === 'cluster' ? it.count : 1)))}`);
    const head = await c.call('map.leaves', { ...scope, clusterId: quay.id, limit: 0 });
    expect(head).toMatchObject({ total: AT_QUAY, matched: AT_QUAY, colocated: true, places: 1, points: [] });

    const atQuay = written.slice(0, AT_QUAY);
    for (const limit of [MAP_LEAVES_MAX, 100, 333]) {
      const { ids, dates, matched } = await allPages(c, scope, quay.id, '', limit);
      expect(ids).toHaveLength(AT_QUAY);
      expect(new Set(ids).size).toBe(AT_QUAY);
      expect([...ids].sort()).toEqual(atQuay.map((s) => s.id).sort());
      expect(dates).toEqual([...dates].sort());
      expect(new Set(matched)).toEqual(new Set([AT_QUAY]));
    }

    const pangolin = atQuay.filter((s) => s.fields.commodity === 'Pangolin scales');
    const found = await allPages(c, scope, quay.id, '  PANGOLIN ', 50);
    expect(found.matched[0]).toBe(pangolin.length);
    expect([...found.ids].sort()).toEqual(pangolin.map((s) => s.id).sort());

    // Every word must occur: commodity and year.
    const ivory2019 = atQuay.filter((s) => s.fields.commodity === 'Ivory' && s.fields.seizureDate.startsWith('2019'));
    expect(ivory2019.length).toBeGreaterThan(0);
    const both = await allPages(c, scope, quay.id, 'ivory 2019', 100);
    expect([...both.ids].sort()).toEqual(ivory2019.map((s) => s.id).sort());

    const none = await c.call('map.leaves', { ...scope, clusterId: quay.id, limit: 100, search: 'gold' });
    expect(none).toMatchObject({ total: AT_QUAY, matched: 0, points: [] });
  });

  it('makes the clusters of a supercluster index of the written seizures at every zoom; a filter passing all reuses them', async () => {
    const { c, workspaceId, caseId, written } = await setup();
    const scope = { workspaceId, caseId };
    // The index reads the seizures by date, then id: the same order here.
    const ordered = [...written].sort((x, y) => (x.fields.seizureDate < y.fields.seizureDate ? -1 : x.fields.seizureDate > y.fields.seizureDate ? 1 : x.id < y.id ? -1 : 1));
    const reference = new Supercluster({ radius: CLUSTER_RADIUS_PX, extent: CLUSTER_TILE_PX, maxZoom: CLUSTER_MAX_ZOOM }).load(
      ordered.map((s) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [s.fields.longitude!, s.fields.latitude!] } })),
    );
    const shape = (xs: { count: number; lat: number; lon: number }[]): string[] => xs.map((x) => `${x.count}@${x.lat.toFixed(5)},${x.lon.toFixed(5)}`).sort();
    const ofItems = (items: MapItemDto[]): string[] =>
      shape(items.map((it) => (it.kind === 'cluster' ? { count: it.count, lat: it.latitude, lon: it.longitude } : { count: 1, lat: it.point.latitude, lon: it.point.longitude })));
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 1; zoom++) {
      const mine = (await c.call('map.clusters', { ...scope, bbox: [-180, -85, 180, 85], zoom })).items;
      const theirs = reference.getClusters([-180, -85, 180, 85], zoom).map((f) => ({ count: (f.properties as { point_count?: number }).point_count ?? 1, lat: f.geometry.coordinates[1]!, lon: f.geometry.coordinates[0]! }));
      expect(ofItems(mine), `zoom ${zoom}`).toEqual(shape(theirs));
      // Hiding a sector the case does not have passes every seizure: the same clusters, the same ids.
      const same = (await c.call('map.clusters', { ...scope, filter: { hiddenSectors: ['mining'] }, bbox: [-180, -85, 180, 85], zoom })).items;
      expect(same).toEqual(mine);
    }
  });

  it('counts one place for the quay until one of its seizures is renamed, then two', async () => {
    const { c, workspaceId, caseId, memberId, written } = await setup();
    const scope = { workspaceId, caseId };
    const quayHead = async (): Promise<{ total: number; places: number }> => {
      const items = (await c.call('map.clusters', { ...scope, bbox: [39.5, -4.2, 39.8, -3.9], zoom: CLUSTER_MAX_ZOOM })).items;
      const quay = items.find((it) => it.kind === 'cluster' && it.count === AT_QUAY);
      if (quay?.kind !== 'cluster') throw new Error('no cluster at the quay');
      return c.call('map.leaves', { ...scope, clusterId: quay.id, limit: 0 });
    };
    expect(await quayHead()).toMatchObject({ total: AT_QUAY, places: 1 });
    // As the e2e host's seizure picker once did to a seizure of its quay: a second place there.
    const rt = h!.service.workspace(workspaceId);
    rt.host.with(rt.caseDocName(caseId), (doc) => new CaseDoc(doc).updateSeizure(written[AT_QUAY - 1]!.id, { place: 'Kilindini harbour' }, { memberId }));
    expect(await quayHead()).toMatchObject({ total: AT_QUAY, places: 2 });
  });

  it('counts the places of a cluster no zoom splits: berths metres apart, one seizure without a name counted by its country', async () => {
    // Six March 2019 seizures ~20 m apart: North berth twice, South berth twice, East berth, and one with no place (Kenya).
    const berths = ['North berth', 'South berth', 'North berth', '', 'East berth', 'South berth'];
    const written = berths.map((place, i) => ({
      id: randomUUID(),
      fields: { ...newSeizureFields('2026-01-01'), seizureDate: `2019-03-0${1 + i}`, country: 'KE', place, latitude: QUAY.latitude + i * 0.0002, longitude: QUAY.longitude, locationPrecision: 'exact' as const, commodity: i === 4 ? 'Rosewood logs' : 'Ivory', sector: 'wildlife' as const, quantity: 1, unit: 'kg' as const },
    }));
    const { c, workspaceId, caseId } = await setup(written);
    const scope = { workspaceId, caseId };
    const items = (await c.call('map.clusters', { ...scope, bbox: [39.5, -4.2, 39.8, -3.9], zoom: CLUSTER_MAX_ZOOM })).items;
    expect(items.map((it) => (it.kind === 'cluster' ? it.count : 1))).toEqual([6]);
    const clusterId = (items[0] as { id: number }).id;
    const page = await c.call('map.leaves', { ...scope, clusterId, limit: 100 });
    expect(page).toMatchObject({ total: 6, colocated: false, places: 4 });
    expect(page.expansionZoom).toBeGreaterThan(CLUSTER_MAX_ZOOM);
    expect(page.points.map((p) => p.place)).toEqual(berths);
    // The count is the cluster's, whatever the page or search: a search for one berth finds its two.
    const south = await c.call('map.leaves', { ...scope, clusterId, limit: 100, search: 'South BERTH' });
    expect(south).toMatchObject({ total: 6, matched: 2, places: 4 });
    expect(south.points.map((p) => p.seizureDate)).toEqual(['2019-03-02', '2019-03-06']);
    // A filter leaving the five ivory seizures (not East berth's rosewood) counts three places.
    const ivory = (await c.call('map.clusters', { ...scope, filter: { commodity: 'Ivory' }, bbox: [39.5, -4.2, 39.8, -3.9], zoom: CLUSTER_MAX_ZOOM })).items;
    expect(ivory.map((it) => (it.kind === 'cluster' ? it.count : 1))).toEqual([5]);
    const ivoryHead = await c.call('map.leaves', { ...scope, filter: { commodity: 'Ivory' }, clusterId: (ivory[0] as { id: number }).id, limit: 0 });
    expect(ivoryHead).toMatchObject({ total: 5, places: 3 });
  });
});
