/**
 * Offline reverse geocoding: the ISO 3166-1 alpha-2 country a WGS84 point lies in, from the
 * Natural Earth 1:50m country polygons shipped with the app (world-atlas `countries-50m.json`).
 * Ports and coastal seizures often fall just outside a generalised coastline, so a point at sea
 * within `maxSeaKm` (default 25 km) of exactly one nearest country takes that country.
 *
 * Source: Natural Earth via world-atlas 2.0.2 (public domain); numeric ISO 3166-1 ids are mapped
 * to alpha-2 with i18n-iso-countries. Features without an ISO id (Kosovo, N. Cyprus, Somaliland,
 * Siachen Glacier, Indian Ocean Ter.) are not matched.
 */
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import worldAtlas from 'world-atlas/countries-50m.json';

type Ring = [number, number][];
interface Country {
  code: string;
  polygons: Ring[][];
  bbox: [number, number, number, number]; // minLon, minLat, maxLon, maxLat
}

let index: Country[] | null = null;

function load(): Country[] {
  if (index) return index;
  const topo = worldAtlas as unknown as Topology<{ countries: GeometryCollection }>;
  const fc = feature(topo, topo.objects.countries) as unknown as { features: Feature<Polygon | MultiPolygon>[] };
  index = [];
  for (const f of fc.features) {
    const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
    if (!code || !f.geometry) continue;
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
    let minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
    for (const poly of polygons) for (const [lon, lat] of poly[0]!) {
      minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    }
    index.push({ code, polygons, bbox: [minLon, minLat, maxLon, maxLat] });
  }
  return index;
}

/** Ray casting (even-odd) on one ring; lon/lat in degrees. */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, poly: Ring[]): boolean {
  if (!inRing(lon, lat, poly[0]!)) return false;
  for (let h = 1; h < poly.length; h++) if (inRing(lon, lat, poly[h]!)) return false;
  return true;
}

/** Approximate distance in km from a point to a segment, on a local equirectangular projection. */
function segmentKm(lon: number, lat: number, a: [number, number], b: [number, number]): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  const ax = (a[0] - lon) * kx, ay = (a[1] - lat) * ky, bx = (b[0] - lon) * kx, by = (b[1] - lat) * ky;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * The ISO 3166-1 alpha-2 code of the country at (latitude, longitude) in WGS84 degrees, or the
 * nearest country when the point is at sea within `maxSeaKm`; null otherwise (open sea, or a
 * territory without an ISO code).
 */
export function countryAt(latitude: number, longitude: number, maxSeaKm = 25): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  const all = load();
  const pad = maxSeaKm / 100; // degrees of bbox padding, generous at all latitudes below ~75°
  let best: { code: string; km: number } | null = null;
  for (const c of all) {
    const [minLon, minLat, maxLon, maxLat] = c.bbox;
    if (longitude < minLon - pad || longitude > maxLon + pad || latitude < minLat - pad || latitude > maxLat + pad) continue;
    for (const poly of c.polygons) if (inPolygon(longitude, latitude, poly)) return c.code;
    for (const poly of c.polygons) {
      const ring = poly[0]!;
      for (let i = 1; i < ring.length; i++) {
        const km = segmentKm(longitude, latitude, ring[i - 1]!, ring[i]!);
        if (km <= maxSeaKm && (!best || km < best.km)) best = { code: c.code, km };
      }
    }
  }
  return best?.code ?? null;
}

/**
 * How far (km) (latitude, longitude) lies outside the country `code` (ISO 3166-1 alpha-2),
 * measured to the nearest segment of its outline; null when the point is in the country, within
 * `maxKm` of it (default 25 km, see {@link isNearCountry}), or cannot be checked (unknown code,
 * not a finite point). Rounded to 0.1 km.
 */
export function kmOutsideCountry(latitude: number, longitude: number, code: string, maxKm = 25): number | null {
  if (isNearCountry(latitude, longitude, code, maxKm)) return null;
  let best = Infinity;
  for (const c of load()) {
    if (c.code !== code) continue;
    for (const poly of c.polygons) {
      const ring = poly[0]!;
      for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentKm(longitude, latitude, ring[i - 1]!, ring[i]!));
    }
  }
  return Number.isFinite(best) ? Math.round(best * 10) / 10 : null;
}

/**
 * True when (latitude, longitude) lies in the country `code` (ISO 3166-1 alpha-2) or at most
 * `maxKm` (default 25 km: ports, anchorages, territorial waters) from its outline. Unknown codes
 * (no polygon shipped) answer true: nothing can be checked, so nothing is flagged.
 */
export function isNearCountry(latitude: number, longitude: number, code: string, maxKm = 25): boolean {
  const entries = load().filter((x) => x.code === code);
  if (!entries.length || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return true;
  const pad = maxKm / 100;
  for (const c of entries) {
    const [minLon, minLat, maxLon, maxLat] = c.bbox;
    if (longitude < minLon - pad || longitude > maxLon + pad || latitude < minLat - pad || latitude > maxLat + pad) continue;
    for (const poly of c.polygons) if (inPolygon(longitude, latitude, poly)) return true;
    for (const poly of c.polygons) {
      const ring = poly[0]!;
      for (let i = 1; i < ring.length; i++) if (segmentKm(longitude, latitude, ring[i - 1]!, ring[i]!) <= maxKm) return true;
    }
  }
  return false;
}
