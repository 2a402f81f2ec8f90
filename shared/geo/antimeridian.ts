/**
 * Makes world geometry drawable on a flat (Web Mercator) map: rings and lines that cross the
 * ±180° meridian (Russia, Fiji, Antarctica in Natural Earth / world-atlas) are unwrapped into
 * continuous coordinates and then split at ±180°, so Leaflet never draws a stripe across the
 * whole map. Rings that go around a pole (Antarctica) are closed along that pole.
 *
 * Coordinates are GeoJSON order: [longitude, latitude] in WGS84 degrees. Pure and isomorphic: the
 * renderer's Leaflet map and the case report's SVG map (service/packs/report/) both use it.
 */

/** A GeoJSON position [lon, lat]. */
export type Position = [number, number];
/** A closed linear ring (first position equals the last). */
export type Ring = Position[];

/** Latitude used to close rings around a pole (Web Mercator clamps there anyway). */
const POLE_LAT = 90;

/**
 * Unwraps longitudes so that consecutive positions never jump by more than 180°: after a jump
 * from 179.9 to -179.9 the next positions continue at 180.1, 180.2, … Latitudes are unchanged.
 */
export function unwrap(coords: readonly Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let prev: number | null = null;
  for (const [lon, lat] of coords) {
    if (prev !== null) {
      const d = lon + offset - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    const x = lon + offset;
    out.push([x, lat]);
    prev = x;
  }
  return out;
}

/** `lon` wrapped into [−180, 180) (a view panned past the antimeridian gives e.g. 200° for −160°). */
export function wrapLongitude(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180;
  return Object.is(w, -0) ? 0 : w;
}

/**
 * A ring in continuous longitudes ({@link unwrap}): one that crosses ±180° comes back spanning
 * e.g. 170…190 instead of jumping across the map; one that goes once around a pole (Antarctica)
 * is closed along that pole. Not closed otherwise (first and last position as given).
 */
export function continuousRing(ring: readonly Position[]): Position[] {
  let u = unwrap(ring);
  const first = u[0];
  const last = u[u.length - 1];
  if (!first || !last) return u;
  if (Math.abs(last[0] - first[0]) > 180) {
    // The ring goes once around a pole: close it along the pole it encloses.
    const meanLat = u.reduce((s, p) => s + p[1], 0) / u.length;
    const pole = meanLat < 0 ? -POLE_LAT : POLE_LAT;
    u = [...u, [last[0], pole], [first[0], pole], [first[0], first[1]]];
  }
  return u;
}

/** Keeps the part of a ring on one side of the meridian x = `at` (Sutherland–Hodgman), `keepLess`: the side x ≤ at. */
function clipRing(ring: Position[], at: number, keepLess: boolean): Position[] {
  const inside = (p: Position): boolean => (keepLess ? p[0] <= at : p[0] >= at);
  const cross = (a: Position, b: Position): Position => {
    const t = (at - a[0]) / (b[0] - a[0]);
    return [at, a[1] + t * (b[1] - a[1])];
  };
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i]!;
    const prev = ring[(i + ring.length - 1) % ring.length]!;
    if (inside(cur)) {
      if (!inside(prev)) out.push(cross(prev, cur));
      out.push(cur);
    } else if (inside(prev)) out.push(cross(prev, cur));
  }
  return out;
}

/** Shoelace area in square degrees (sign gives orientation). */
export function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % n]!;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

function close(ring: Position[]): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return [...ring, [first[0], first[1]]];
  return ring;
}

/**
 * Splits one ring into pieces that each lie within [-180, 180] and do not jump across the map.
 * A ring that does not cross ±180° comes back unchanged (as the only piece).
 */
export function splitRing(ring: readonly Position[]): Ring[] {
  if (ring.length < 4) return [];
  const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1]![0]) > 180);
  if (!crosses) return [ring as Ring];
  let u = continuousRing(ring);
  const first = u[0]!;
  const last = u[u.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) u = close(u);
  let min = Infinity;
  let max = -Infinity;
  for (const [x] of u) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min >= -180 && max <= 180) return [close(u)];
  const pieces: Ring[] = [];
  for (let k = Math.floor((min + 180) / 360); k <= Math.floor((max + 180) / 360); k++) {
    const shifted = u.map(([x, y]): Position => [x - 360 * k, y]);
    const clipped = clipRing(clipRing(shifted.slice(0, -1), 180, true), -180, false);
    if (clipped.length >= 3 && Math.abs(ringArea(clipped)) > 1e-9) pieces.push(close(clipped));
  }
  return pieces;
}

/**
 * Splits a line (e.g. a route or a border) where it crosses ±180°, interpolating the crossing
 * latitude, so no segment spans the map.
 */
export function splitLine(line: readonly Position[]): Position[][] {
  const out: Position[][] = [];
  let cur: Position[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    const prev = line[i - 1];
    if (prev && Math.abs(p[0] - prev[0]) > 180) {
      const east = prev[0] > 0; // crossing eastwards over +180
      const pLon = east ? p[0] + 360 : p[0] - 360;
      const edge = east ? 180 : -180;
      const t = (edge - prev[0]) / (pLon - prev[0]);
      const lat = prev[1] + t * (p[1] - prev[1]);
      cur.push([edge, lat]);
      if (cur.length >= 2) out.push(cur);
      cur = [[-edge, lat]];
    }
    cur.push([p[0], p[1]]);
  }
  if (cur.length >= 2) out.push(cur);
  return out;
}

/**
 * A line (a route) drawn whole: its longitudes unwrapped ({@link unwrap}), so it never jumps across
 * the map, then moved by whole turns to the copy whose middle lies nearest `centre` (the view's
 * centre longitude; seizure markers are put into the view the same way, cluster-index.ts
 * `lonIntoView`). Suva 178.45 → 179.40 → −179.80 → −178.90 in a view centred on 180° (or on 20°)
 * gives 178.45, 179.40, 180.20, 181.10; centred on −175° the same line a turn west, −181.55 … −178.90.
 */
export function lineNear(line: readonly Position[], centre: number): Position[] {
  const u = unwrap(line);
  if (!u.length) return u;
  let min = Infinity;
  let max = -Infinity;
  for (const [x] of u) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const turns = Math.round((centre - (min + max) / 2) / 360);
  return turns ? u.map(([x, y]): Position => [x + 360 * turns, y]) : u;
}

/** A Polygon or MultiPolygon geometry (GeoJSON). */
export type AreaGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/**
 * Fixes a polygon geometry for flat maps. Pieces of outer rings become polygons of their own;
 * holes are split too and kept with the piece they fall in (holes of Natural Earth countries
 * never cross ±180°, so in practice they stay with their unsplit outer ring).
 */
export function fixAntimeridian(g: AreaGeometry): AreaGeometry {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue;
    const pieces = splitRing(outer);
    if (pieces.length === 1 && pieces[0] === outer) {
      out.push([outer, ...holes]);
      continue;
    }
    const holePieces = holes.flatMap(splitRing);
    for (const piece of pieces) {
      const [minX, maxX] = piece.reduce(([a, b], [x]) => [Math.min(a, x), Math.max(b, x)], [Infinity, -Infinity]);
      out.push([piece, ...holePieces.filter((h) => h.every(([x]) => x >= minX && x <= maxX))]);
    }
  }
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
}

/** The shortest arc of longitude holding a set of points: from `west` (in [−180, 180)) eastwards over `span` degrees (0–360). */
export interface LonArc {
  west: number;
  span: number;
}

/**
 * The shortest arc holding every longitude of `lons` (any range; wrapped first), or null when
 * there is none: what the widest gap between neighbours leaves (the gap across ±180° included).
 * A set around Fiji (177.9 … 180 and −180 … −179.6) gives west 177.9, span 2.3 — not the world.
 * Ties keep the gap across ±180°, so a set that does not straddle it gets its plain min and max.
 * O(n log n) over a typed array (100,000 longitudes in a few milliseconds).
 */
export function shortestArc(lons: ArrayLike<number>): LonArc | null {
  const n = lons.length;
  if (!n) return null;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lon = lons[i]!;
    // Wrapped only when outside: wrapping adds float noise (3.36 → 3.3600000000000136).
    sorted[i] = lon >= -180 && lon < 180 ? lon : wrapLongitude(lon);
  }
  sorted.sort();
  let west = sorted[0]!;
  let widest = sorted[0]! + 360 - sorted[n - 1]!;
  for (let i = 1; i < n; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > widest) {
      widest = gap;
      west = sorted[i]!;
    }
  }
  return { west, span: 360 - widest };
}

/**
 * The east and west edges of `arc` for a map view: continuous (east − west = span), centred as near
 * 0° as possible, so an arc across ±180° comes back as e.g. 177.9 … 180.2, never as the world
 * between −179.8 and 177.9. Both edges lie within ±360°.
 */
export function arcEdges(arc: LonArc): { west: number; east: number } {
  const shift = arc.west + arc.span / 2 > 180 ? -360 : 0;
  return { west: arc.west + shift, east: arc.west + arc.span + shift };
}
