/**
 * The cluster index (renderer/src/map/cluster-index.ts) on real supercluster: seizures at one
 * port are one cluster with their count and sector mix at every zoom, never split, and listed in
 * order; far-apart points are single at a close zoom; a view past the antimeridian gets the
 * points' longitudes in its own range; 20,000 points are counted whole.
 */
import { describe, expect, it } from 'vitest';
import { CLUSTER_MAX_ZOOM, ClusterIndex, dominantSector, lonIntoView, type ClusterItem } from '../../../renderer/src/map/cluster-index';
import { generatePoints, point } from './map-points';

const MOMBASA = { latitude: -4.05, longitude: 39.67, place: 'Mombasa port' };
const seven = [
  ...Array.from({ length: 5 }, (_, i) => point({ id: `w${i}`, ...MOMBASA, sector: 'wildlife' })),
  point({ id: 'f1', ...MOMBASA, sector: 'forestry' }),
  point({ id: 'f2', ...MOMBASA, sector: 'forestry' }),
];
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe('ClusterIndex', () => {
  it('counts seven seizures at one port as one cluster at every zoom, with their sector mix', () => {
    const index = new ClusterIndex([...seven, point({ id: 'far', latitude: 51.5, longitude: -0.1, sector: 'mining' })]);
    for (const z of [1, 5, 9, CLUSTER_MAX_ZOOM]) {
      const items = index.query(WORLD, z);
      const clusters = items.filter((i): i is ClusterItem => i.kind === 'cluster');
      expect(clusters).toHaveLength(1);
      expect(clusters[0]!.count).toBe(7);
      expect(clusters[0]!.sectorCounts).toEqual([5, 2, 0, 0, 0, 0, 0]);
      expect(clusters[0]!.dominant).toBe('wildlife');
      expect(items.filter((i) => i.kind === 'point').map((i) => (i.kind === 'point' ? i.point.id : ''))).toEqual(['far']);
    }
    const c = index.query(WORLD, CLUSTER_MAX_ZOOM).find((i): i is ClusterItem => i.kind === 'cluster')!;
    // Co-located: no zoom of the map splits them, so the map lists them instead.
    expect(index.expansionZoom(c.id)).toBeGreaterThan(CLUSTER_MAX_ZOOM);
    expect(index.colocated(c.id)).toBe(true);
    expect(index.leaves(c.id).map((p) => p.id)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'f1', 'f2']);
  });

  it('splits nearby seizures when zoomed in, and says at which zoom', () => {
    const index = new ClusterIndex([point({ id: 'a', latitude: 10, longitude: 10 }), point({ id: 'b', latitude: 10.5, longitude: 10.5 })]);
    index.complete(); // every zoom built (as after the map's first idle moment): the exact zoom is known
    const far = index.query(WORLD, 2);
    expect(far).toHaveLength(1);
    const c = far[0] as ClusterItem;
    const z = index.expansionZoom(c.id);
    expect(index.colocated(c.id)).toBe(false);
    expect(z).toBeGreaterThan(2);
    expect(z).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM);
    expect(index.query(WORLD, z).map((i) => i.kind)).toEqual(['point', 'point']);
  });

  it('puts points into a view centred past the antimeridian', () => {
    const index = new ClusterIndex([point({ id: 'fiji', latitude: -18, longitude: -179.5 }), point({ id: 'nz', latitude: -41, longitude: 174.8 })]);
    const items = index.query([160, -60, 200, 0], 6);
    const lons = Object.fromEntries(items.map((i) => [i.kind === 'point' ? i.point.id : 'cluster', i.lon]));
    expect(lons).toEqual({ fiji: 180.5, nz: 174.8 });
  });

  it('counts 20,000 points whole at the world view, in a few hundred items at most (P4 measures 100,000)', () => {
    const pts = generatePoints(20_000);
    const index = new ClusterIndex(pts);
    index.complete();
    const items = index.query(WORLD, 2);
    const total = items.reduce((n, i) => n + (i.kind === 'cluster' ? i.count : 1), 0);
    expect(total).toBe(20_000);
    expect(items.length).toBeLessThan(600);
  });
});

describe('helpers', () => {
  it('lonIntoView moves a longitude by whole turns into the view when it fits', () => {
    expect(lonIntoView(-170, 150, 210)).toBe(190);
    expect(lonIntoView(170, -210, -150)).toBe(-190);
    expect(lonIntoView(20, -30, 30)).toBe(20);
    expect(lonIntoView(100, -30, 30)).toBe(100);
  });
  it('dominantSector picks the largest count, the first on ties', () => {
    expect(dominantSector([1, 3, 3, 0, 0, 0, 0])).toBe('forestry');
    expect(dominantSector([0, 0, 0, 0, 0, 0, 2])).toBe('other');
  });
});

describe('ClusterIndex stages', () => {
  it('answers the first view from its own zooms, then every zoom after complete(), with the same counts', () => {
    const pts = generatePoints(5000, 11);
    const staged = new ClusterIndex(pts);
    const whole = new ClusterIndex(pts);
    whole.complete();
    expect(whole.completed).toBe(true);
    const world: [number, number, number, number] = [-180, -85, 180, 85];
    const first = staged.query(world, 2);
    expect(staged.completed).toBe(false);
    const total = (items: ReturnType<ClusterIndex['query']>): number => items.reduce((n, i) => n + (i.kind === 'cluster' ? i.count : 1), 0);
    expect(total(first)).toBe(5000);
    expect(first.length).toBeLessThan(700); // a few more items than the full hierarchy's (its clusters merge more)
    // A first-stage cluster's leaves, sector counts and expansion are its own.
    const c = first.find((i): i is ClusterItem => i.kind === 'cluster')!;
    expect(c.id).toBeLessThan(0);
    expect(staged.leaves(c.id)).toHaveLength(c.count);
    expect(staged.expansionZoom(c.id)).toBeLessThanOrEqual(3); // at most one past the first stage: the map zooms on and asks again
    expect(c.sectorCounts.reduce((a, b) => a + b, 0)).toBe(c.count);
    // A deeper zoom builds every zoom, and equals the index built whole.
    expect(staged.query(world, 6)).toEqual(whole.query(world, 6));
    expect(staged.completed).toBe(true);
    expect(staged.leaves(c.id)).toHaveLength(c.count); // old ids stay answerable
  });
});
