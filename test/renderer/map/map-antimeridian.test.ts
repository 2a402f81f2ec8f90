// @vitest-environment happy-dom
/**
 * Seizures at one place on the antimeridian (tester F6, session 27: Taveuni, Fiji, −16.85/−179.97,
 * points jittered ±0.3° so they fall on both sides of ±180°) are one bubble, in the page's index
 * (cluster-index.ts) and in the data service's (service/map/map-index.ts), at every zoom; the view
 * fits them as a narrow box across ±180°, not the world; no two bubbles there overlap at zooms
 * 3–11; and a set that does not straddle ±180° clusters exactly as before (no turn).
 */
import { describe, expect, it } from 'vitest';
import Supercluster from 'supercluster';
import { ClusterIndex, type ClusterItem } from '../../../renderer/src/map/cluster-index';
import { clusterDiameter } from '../../../renderer/src/map/cluster-icon';
import { boundsOf } from '../../../renderer/src/map/seizure-map';
import { MapScope } from '../../../service/map/map-index';
import type { MapColumns } from '../../../service/projections/queries';
import { CLUSTER_RADIUS_PX, CLUSTER_TILE_PX, clusterShift, fitBoundsOf } from '../../../shared/domain/map-filter';
import { arcEdges, shortestArc, wrapLongitude } from '../../../shared/geo/antimeridian';
import type { MapFilterDto } from '../../../shared/rpc/map';
import { point } from './map-points';

/** A deterministic jitter in [−0.3, 0.3). */
function jitter(i: number, salt: number): number {
  return (((i * 7919 + salt * 104729) % 1000) / 1000 - 0.5) * 0.6;
}

/** `n` seizures around Taveuni (−16.85, −179.97), on both sides of ±180°, and `suva` around Suva (−18.14, 178.42). */
function fiji(n: number, suva: number): { lat: number; lon: number; place: string }[] {
  const out: { lat: number; lon: number; place: string }[] = [];
  for (let i = 0; i < n; i++) out.push({ lat: -16.85 + jitter(i, 1), lon: wrapLongitude(-179.97 + jitter(i, 2)), place: 'Taveuni' });
  for (let i = 0; i < suva; i++) out.push({ lat: -18.14 + jitter(i, 3), lon: 178.42 + jitter(i, 4), place: 'Suva' });
  return out;
}

const ANY: MapFilterDto = { from: '', to: '', hiddenSectors: [], commodity: '', country: '', caseId: '', taxon: '', flaggedOnly: false };

function columns(pts: readonly { lat: number; lon: number; place: string }[]): MapColumns {
  return {
    ids: pts.map((_, i) => `s${i}`),
    caseIds: pts.map(() => 'c1'),
    dates: pts.map(() => '2020-01-15'),
    sectors: pts.map(() => 'wildlife'),
    commodities: pts.map(() => 'ivory'),
    taxa: pts.map(() => ''),
    places: pts.map((p) => p.place),
    countries: pts.map(() => 'FJ'),
    flagged: new Uint8Array(pts.length),
    latitudes: Float64Array.from(pts, (p) => p.lat),
    longitudes: Float64Array.from(pts, (p) => p.lon),
  };
}

/** Screen pixel x of a longitude at zoom `z` (256-px tiles), continuous past ±180°. */
function px(lon: number, z: number): number {
  return ((lon + 180) / 360) * 256 * 2 ** z;
}
function py(lat: number, z: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256 * 2 ** z;
}

describe('the shortest arc of longitudes', () => {
  it('is a narrow box across ±180° for points at 179.9 and −179.9, the plain min and max otherwise', () => {
    expect(shortestArc([179.9, -179.9])).toEqual({ west: expect.closeTo(179.9, 9) as number, span: expect.closeTo(0.2, 9) as number });
    expect(arcEdges(shortestArc([179.9, -179.9])!)).toEqual({ west: expect.closeTo(179.9, 9) as number, east: expect.closeTo(180.1, 9) as number });
    expect(shortestArc([39.66, 103.76, 3.36])).toEqual({ west: 3.36, span: expect.closeTo(100.4, 9) as number });
    expect(shortestArc([])).toBeNull();
    // An arc whose centre lies past 180° is given from its western copy: edges within ±360°.
    expect(arcEdges({ west: 100, span: 200 })).toEqual({ west: -260, east: -60 });
    const b = fitBoundsOf(Float64Array.from([-16.6, -17.1]), Float64Array.from([179.9, -179.9]));
    expect(b).toEqual({ south: -17.1, north: -16.6, west: expect.closeTo(179.9, 9) as number, east: expect.closeTo(180.1, 9) as number, count: 2 });
  });

  it('fits a Fiji case (Suva and Taveuni on both sides of ±180°) to ~2.7° of longitude, not the world (the page’s boundsOf)', () => {
    const pts = fiji(300, 200);
    const b = boundsOf(pts.map((p) => ({ latitude: p.lat, longitude: p.lon })), [])!;
    expect(b.west).toBeCloseTo(178.12, 1);
    expect(b.east).toBeGreaterThan(180);
    expect(b.east).toBeCloseTo(180.33, 1);
    expect(b.east - b.west).toBeLessThan(3);
    // A route across ±180° counts in the same arc.
    const withRoute = boundsOf([{ latitude: -18, longitude: 178 }], [{ id: 'r', name: 'r', points: [[-18, 178], [-17, -178]] } as never])!;
    expect([withRoute.west, withRoute.east]).toEqual([178, 182]);
  });
});

describe('clusters across the antimeridian', () => {
  const pts = fiji(300, 200);

  it('turns the plane only for a set straddling ±180°', () => {
    expect(clusterShift(Float64Array.from(pts, (p) => p.lon))).toBeCloseTo(179.1, 0);
    expect(clusterShift([39.66, 103.76, 3.36, -4])).toBe(0);
  });

  it('the page’s index: 179.9 and −179.9 are one cluster at low zoom; Taveuni is one bubble at every zoom to 11', () => {
    const two = new ClusterIndex([point({ id: 'e', latitude: -16.85, longitude: 179.9 }), point({ id: 'w', latitude: -16.85, longitude: -179.9 })]);
    two.complete();
    for (const z of [0, 2, 5]) {
      const items = two.query([-180, -85, 180, 85], z);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'cluster', count: 2 });
    }
    const index = new ClusterIndex(pts.map((p, i) => point({ id: `p${i}`, latitude: p.lat, longitude: p.lon, place: p.place })));
    index.complete();
    for (let z = 0; z <= 11; z++) {
      // The view as Leaflet gives it when fitted across ±180° (east past 180) and as the world.
      for (const box of [[176, -20, 182, -15], [-180, -85, 180, 85]] as [number, number, number, number][]) {
        const items = index.query(box, z);
        const counts = items.map((i) => (i.kind === 'cluster' ? i.count : 1));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
      }
      // The same seizures moved to straddle 0° instead of ±180° cluster into as many items:
      // the antimeridian cuts no cluster in two.
      const moved = new ClusterIndex(pts.map((p, i) => point({ id: `m${i}`, latitude: p.lat, longitude: wrapLongitude(p.lon - 179.1) })));
      moved.complete();
      expect(index.query([176, -20, 182, -15], z).length, `zoom ${z}`).toBe(moved.query([-3, -20, 3, -15], z).length);
      if (z <= 7) {
        const items = index.query([176, -20, 182, -15], z).filter((i): i is ClusterItem => i.kind === 'cluster');
        const taveuni = items.filter((c) => Math.abs(wrapLongitude(c.lon + 179.97)) < 0.5 && c.count >= 300);
        if (z === 7) expect(taveuni).toHaveLength(1);
        // Drawn in the view's range: east of 180° for a view across it.
        for (const c of items) expect(c.lon).toBeGreaterThan(176);
      }
    }
  });

  it('the page’s index draws no two bubbles over each other at zooms 3–11 across ±180°', () => {
    const index = new ClusterIndex(pts.map((p, i) => point({ id: `p${i}`, latitude: p.lat, longitude: p.lon })));
    index.complete();
    for (let z = 3; z <= 11; z++) {
      const clusters = index.query([170, -30, 190, -5], z).filter((i): i is ClusterItem => i.kind === 'cluster');
      for (let a = 0; a < clusters.length; a++)
        for (let b = a + 1; b < clusters.length; b++) {
          const p = clusters[a]!, q = clusters[b]!;
          const d = Math.hypot(px(p.lon, z) - px(q.lon, z), py(p.lat, z) - py(q.lat, z));
          expect(d, `z${z}: ${p.count} at ${p.lon} and ${q.count} at ${q.lon}`).toBeGreaterThanOrEqual((clusterDiameter(p.count) + clusterDiameter(q.count)) / 2);
        }
    }
  });

  it('the data service’s index: one Taveuni cluster at every zoom whatever side the view is on; bounds across ±180° for a filter', () => {
    const world: [number, number, number, number][] = [[-180, -85, 180, 85], [170, -30, 190, -5], [-190, -30, -170, -5]];
    const scope = new MapScope(columns(pts));
    const ix = scope.filtered(ANY);
    for (let z = 0; z <= 11; z++) {
      for (const box of world) {
        const items = ix.query(box, z);
        const total = items.reduce((n, it) => n + (it.kind === 'cluster' ? it.count : 1), 0);
        expect(total).toBe(500);
        for (const it of items) {
          if (it.kind !== 'cluster') continue;
          expect(Math.abs(it.longitude)).toBeLessThanOrEqual(180);
          // Near Fiji, never at the world's other end.
          expect(Math.min(Math.abs(wrapLongitude(it.longitude - 179)), 3)).toBeLessThan(z < 3 ? 3 : 2);
        }
      }
    }
    // At zoom 7 (the fitted view of F6) Taveuni is one cluster of its 300 and Suva one of 200.
    const z7 = ix.query([176, -20, 182, -15], 7).filter((i) => i.kind === 'cluster');
    expect(z7.map((c) => (c.kind === 'cluster' ? c.count : 0)).sort((a, b) => a - b)).toEqual([200, 300]);
    // Two seizures at 179.9 and −179.9 are one cluster at low zoom.
    const two = new MapScope(columns([{ lat: -16.85, lon: 179.9, place: 'a' }, { lat: -16.85, lon: -179.9, place: 'b' }])).filtered(ANY);
    for (const z of [0, 3, 6]) expect(two.query([-180, -85, 180, 85], z)).toEqual([expect.objectContaining({ kind: 'cluster', count: 2 })]);
    expect(ix.bounds()).toMatchObject({ west: expect.closeTo(178.12, 1) as number, east: expect.closeTo(180.33, 1) as number, count: 500 });
    // A set that does not straddle ±180° clusters exactly as supercluster does untouched.
    const plain = [{ lat: -4.05, lon: 39.66, place: 'Mombasa' }, { lat: -4.1, lon: 39.7, place: 'Mombasa' }, { lat: 1.27, lon: 103.76, place: 'SG' }];
    const sc = new Supercluster({ radius: CLUSTER_RADIUS_PX, extent: CLUSTER_TILE_PX, maxZoom: 13 }).load(plain.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] } })));
    const mine = new MapScope(columns(plain)).filtered(ANY);
    for (const z of [0, 4, 9]) {
      const want = sc.getClusters([-180, -85, 180, 85], z).map((f) => (f.properties.cluster ? `c${f.properties.point_count}@${f.geometry.coordinates[0]}` : 'p')).sort();
      const got = mine.query([-180, -85, 180, 85], z).map((it) => (it.kind === 'cluster' ? `c${it.count}@${it.longitude}` : 'p')).sort();
      expect(got).toEqual(want);
    }
  });
});
