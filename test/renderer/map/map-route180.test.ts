// @vitest-environment happy-dom
/**
 * Routes across the antimeridian are drawn whole (tester B5, session 28): the Suva → Lau patrol
 * (178.45 → 179.40 → −179.80 → −178.90) is one continuous line on the side the view fits, not two
 * halves 360° apart; the basemap adds its world copies when the view reaches past ±180°; and the
 * "Set on map" dialog opens a seizure seized in Fiji on Fiji's outline across ±180° (B7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapCopies, routeLatLngs } from '../../../renderer/src/map/map-layers';
import { basemapFromTopology, countryBounds } from '../../../renderer/src/map/basemap';
import { boundsOf } from '../../../renderer/src/map/seizure-map';
import { lineNear } from '../../../shared/geo/antimeridian';
import type { Route } from '../../../shared/domain/route';

/** The patrol of /work/tmp/s28/tt/patrol.gpx as [lat, lon]: Suva → Lau → past 180°. */
const PATROL: Route['points'] = [
  [-18.14, 178.45],
  [-17.2, 179.4],
  [-16.9, -179.8],
  [-16.5, -178.9],
];
/** Suva → Lau → Apia (paths.kml's LineString). */
const SUVA_APIA: Route['points'] = [
  [-18.14, 178.44],
  [-15.5, -179.0],
  [-13.83, -171.76],
];

const round = (x: number): number => Math.round(x * 100) / 100;

describe('a route across 180°', () => {
  it('is one continuous latlng list on the fitted side (view centred at 180°)', () => {
    const ll = routeLatLngs(PATROL, 180);
    expect(ll.map(([, lon]) => round(lon))).toEqual([178.45, 179.4, 180.2, 181.1]);
    expect(ll.map(([lat]) => lat)).toEqual([-18.14, -17.2, -16.9, -16.5]);
  });

  it('lies inside the box the view fits to (Suva → Apia, fitted a turn west, −181.56 … −171.76)', () => {
    const b = boundsOf([], [{ points: SUVA_APIA } as Route])!;
    // The fit's box is centred as near 0° as can be: −181.56 … −171.76 (fitBoundsOf / arcEdges).
    expect(round(b.west)).toBe(-181.56);
    expect(round(b.east)).toBe(-171.76);
    const centre = (b.west + b.east) / 2;
    const ll = routeLatLngs(SUVA_APIA, centre);
    expect(ll.map(([, lon]) => round(lon))).toEqual([-181.56, -179, -171.76]);
    for (const [, lon] of ll) {
      expect(lon).toBeGreaterThanOrEqual(b.west);
      expect(lon).toBeLessThanOrEqual(b.east);
    }
  });

  it('follows the view a turn west when the view is centred west of 180° (−175°), and stays put at the world view (20°)', () => {
    expect(routeLatLngs(PATROL, -175).map(([, lon]) => round(lon))).toEqual([-181.55, -180.6, -179.8, -178.9]);
    expect(routeLatLngs(PATROL, 20).map(([, lon]) => round(lon))).toEqual([178.45, 179.4, 180.2, 181.1]);
  });

  it('leaves a route away from 180° as it is, and an empty one empty', () => {
    expect(lineNear([[39.66, -4.05], [55.45, -4.62]], 20)).toEqual([[39.66, -4.05], [55.45, -4.62]]);
    expect(lineNear([], 180)).toEqual([]);
  });
});

describe('the basemap’s world copies', () => {
  it('adds the copy east of 180° only when the view reaches there, west of −180° likewise', () => {
    expect(basemapCopies(-150, 150)).toEqual([0]);
    expect(basemapCopies(170, 195)).toEqual([0, 360]);
    expect(basemapCopies(-200, -170)).toEqual([-360, 0]);
    expect(basemapCopies(-400, 400)).toEqual([-360, 0, 360]);
  });
});

describe('the pick map’s opening view (B7)', () => {
  const topo = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const basemap = basemapFromTopology(topo);

  it('is Fiji’s outline as a narrow box across ±180°, not the world', () => {
    const b = countryBounds(basemap, 'FJ')!;
    // Natural Earth's Fiji: 174.59 … 181.75 (−178.25, the Lau group), south −21.71, north −12.48 (Rotuma).
    expect(b.east - b.west).toBeLessThan(10);
    expect(b.west).toBeGreaterThan(174);
    expect(b.east).toBeGreaterThan(180);
    expect(b.south).toBeGreaterThan(-22);
    expect(b.north).toBeLessThan(-12);
  });

  it('is Kenya’s box for KE (lower case too), and null for a code without an outline', () => {
    const b = countryBounds(basemap, 'ke')!;
    expect(round(b.west)).toBeGreaterThan(33);
    expect(round(b.east)).toBeLessThan(42.5);
    expect(b.south).toBeLessThan(-4);
    expect(b.north).toBeGreaterThan(4.5);
    expect(countryBounds(basemap, 'XX')).toBeNull();
  });
});
