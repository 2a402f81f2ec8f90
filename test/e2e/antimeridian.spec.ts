/**
 * Unit tests of the antimeridian fix (renderer/src/map/antimeridian.ts) on real Natural Earth
 * geometry from world-atlas: after the fix no ring of Russia, Fiji or Antarctica jumps across
 * the map, every position lies within ±180°, and the land area is kept. Pure functions: no
 * browser is started.
 */
import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { test, expect } from '@playwright/test';
import { fixAntimeridian, ringArea, splitLine, splitRing, unwrap, type AreaGeometry, type Position } from '../../shared/geo/antimeridian';
import { repoRoot } from './fixtures';

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function country(name: string): AreaGeometry {
  const topo = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Countries;
  const fc = feature(topo, topo.objects.countries);
  const f = fc.features.find((x) => x.properties?.name === name);
  if (!f?.geometry) throw new Error(`${name} not found`);
  return f.geometry as unknown as AreaGeometry;
}

function rings(g: AreaGeometry): Position[][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
}

function maxJump(ring: Position[]): number {
  let m = 0;
  for (let i = 1; i < ring.length; i++) m = Math.max(m, Math.abs(ring[i]![0] - ring[i - 1]![0]));
  return m;
}

test('unwrap makes longitudes continuous across ±180°', () => {
  expect(unwrap([[179, 1], [-179, 2], [-178, 3]])).toEqual([[179, 1], [181, 2], [182, 3]]);
  expect(unwrap([[-179, 0], [179, 0]])).toEqual([[-179, 0], [-181, 0]]);
});

test('a square straddling 180° is split into two pieces of the same total area', () => {
  const sq: Position[] = [[178, -10], [-178, -10], [-178, -14], [178, -14], [178, -10]];
  const pieces = splitRing(sq);
  expect(pieces).toHaveLength(2);
  for (const p of pieces) for (const [x] of p) expect(Math.abs(x)).toBeLessThanOrEqual(180);
  const area = pieces.reduce((s, p) => s + Math.abs(ringArea(p)), 0);
  expect(area).toBeCloseTo(16, 6);
});

test('rings that do not cross are returned unchanged', () => {
  const ring: Position[] = [[100, 1], [104, 1], [104, 5], [100, 1]];
  expect(splitRing(ring)[0]).toBe(ring);
});

for (const name of ['Russia', 'Fiji']) {
  test(`${name}: no ring jumps across the map after the fix, area kept`, () => {
    const before = country(name);
    expect(Math.max(...rings(before).map(maxJump))).toBeGreaterThan(180); // the data really crosses
    const after = fixAntimeridian(before);
    expect(Math.max(...rings(after).map(maxJump))).toBeLessThanOrEqual(180);
    expect(Math.max(...rings(after).flat().map(([x]) => Math.abs(x)))).toBeLessThanOrEqual(180 + 1e-9);
    const areaOf = (g: AreaGeometry): number => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce((s, p) => s + Math.abs(ringArea(unwrap(p[0]!))), 0);
    expect(areaOf(after)).toBeCloseTo(areaOf(before), 1);
  });
}

test('Antarctica: the ring around the pole is closed along the pole, within ±180°', () => {
  const after = fixAntimeridian(country('Antarctica'));
  expect(Math.max(...rings(after).flat().map(([x]) => Math.abs(x)))).toBeLessThanOrEqual(180 + 1e-9);
  // The only long edges left run along the pole itself (the bottom edge of the map).
  const longEdgeLats: number[] = [];
  for (const r of rings(after)) for (let i = 1; i < r.length; i++) if (Math.abs(r[i]![0] - r[i - 1]![0]) > 180) longEdgeLats.push(Math.max(r[i]![1], r[i - 1]![1]));
  expect(Math.max(...longEdgeLats, -90)).toBeLessThan(-89.9);
});

test('splitLine cuts a route where it crosses 180° and interpolates the crossing', () => {
  const parts = splitLine([[170, 0], [-170, 10]]);
  expect(parts).toEqual([
    [[170, 0], [180, 5]],
    [[-180, 5], [-170, 10]],
  ]);
});
