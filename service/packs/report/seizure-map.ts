/**
 * The seizure map as an inline SVG drawn in Node (no browser map, no tiles, nothing fetched): the
 * shipped Natural Earth 1:50m land (world-atlas `land-50m.json`, public domain) in an
 * equirectangular projection scaled by cos(latitude) at the view's centre, framed on the case's
 * points with a margin, and each seizure as a dot numbered like the seizure table's rows (when at
 * most {@link LABELLED} are shown). Known limit: a view across the ±180° meridian is not unwrapped
 * (the frame is then the whole span between the points). Pure apart from the basemap it is given.
 */
import type { Seizure } from '../../../shared/domain/seizure';
import { esc } from './html';

/** SVG size (CSS px; printed at 96 px per inch). */
export const MAP_WIDTH = 680;
export const MAP_HEIGHT = 380;
/** Most dots that get their row number beside them. */
export const LABELLED = 40;
/** Smallest span shown, degrees (a single seizure gets a regional view, not a street). */
const MIN_SPAN = 6;

/** The view: west, south, east, north (degrees) and the x scale factor. */
interface View {
  w: number;
  s: number;
  e: number;
  n: number;
  kx: number;
}

/** The frame around `points` ([lon, lat]) with a 25 % margin, at least {@link MIN_SPAN}, at the map's aspect ratio. */
export function frameOf(points: readonly [number, number][]): View {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  let w = Math.min(...lons);
  let e = Math.max(...lons);
  let s = Math.min(...lats);
  let n = Math.max(...lats);
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const kx = Math.cos((Math.max(-70, Math.min(70, cy)) * Math.PI) / 180);
  let spanX = Math.max((e - w) * 1.5, MIN_SPAN) * kx;
  let spanY = Math.max((n - s) * 1.5, MIN_SPAN);
  // Widen the shorter side to the map's aspect ratio.
  if (spanX / spanY < MAP_WIDTH / MAP_HEIGHT) spanX = (spanY * MAP_WIDTH) / MAP_HEIGHT;
  else spanY = (spanX * MAP_HEIGHT) / MAP_WIDTH;
  w = cx - spanX / kx / 2;
  e = cx + spanX / kx / 2;
  s = cy - spanY / 2;
  n = cy + spanY / 2;
  return { w, s, e, n, kx };
}

function project(v: View, lon: number, lat: number): [number, number] {
  return [((lon - v.w) / (v.e - v.w)) * MAP_WIDTH, ((v.n - lat) / (v.n - v.s)) * MAP_HEIGHT];
}

type Ring = GeoJSON.Position[];

function ringsOf(g: GeoJSON.Geometry | null): Ring[] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(ringsOf);
  return [];
}

/** Clips a ring to the rectangle w..e × s..n (Sutherland–Hodgman, one edge at a time). */
export function clipRing(ring: readonly [number, number][], w: number, s: number, e: number, n: number): [number, number][] {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let out: [number, number][] = [...ring];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

/**
 * The land as one SVG path `d`: each ring clipped to the view (with a margin, so the clip's own
 * edges fall outside the frame and are never stroked inside it).
 */
function landPath(v: View, land: GeoJSON.FeatureCollection): string {
  const mx = (v.e - v.w) * 0.05;
  const my = (v.n - v.s) * 0.05;
  const out: string[] = [];
  for (const f of land.features) {
    for (const ring of ringsOf(f.geometry)) {
      const clipped = clipRing(ring as [number, number][], v.w - mx, v.s - my, v.e + mx, v.n + my);
      if (clipped.length < 3) continue;
      out.push('M' + clipped.map(([lon, lat]) => project(v, lon, lat).map((c) => c.toFixed(1)).join(',')).join('L') + 'Z');
    }
  }
  return out.join('');
}

/**
 * The map of `seizures` (those with coordinates; `rowOf(s)` is the row number the table gives it)
 * over `land` (a GeoJSON FeatureCollection of land polygons, WGS84).
 */
export function seizureMapSvg(seizures: readonly Seizure[], land: GeoJSON.FeatureCollection, rowOf: (s: Seizure) => number = () => 0): string {
  const pts = seizures.filter((s) => s.latitude !== null && s.longitude !== null).map((s) => ({ s, lon: s.longitude!, lat: s.latitude! }));
  const v = frameOf(pts.map((p) => [p.lon, p.lat]));
  const dots = pts
    .map(({ s, lon, lat }) => {
      const [x, y] = project(v, lon, lat);
      const label = pts.length <= LABELLED && rowOf(s) > 0 ? `<text class="label" x="${(x + 6).toFixed(1)}" y="${(y - 5).toFixed(1)}">${esc(rowOf(s))}</text>` : '';
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5"/>${label}`;
    })
    .join('');
  const deg = (n: number, pos: string, neg: string): string => `${Math.abs(n).toFixed(1)}°${n >= 0 ? pos : neg}`;
  const extent = `${deg(v.s, 'N', 'S')} – ${deg(v.n, 'N', 'S')}, ${deg(v.w, 'E', 'W')} – ${deg(v.e, 'E', 'W')}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="seizure-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" role="img" aria-label="${esc(extent)}">` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#dfe9f2"/>` +
    `<path d="${landPath(v, land)}" fill="#f4f1ea" stroke="#8a8f98" stroke-width="0.6"/>` +
    `<style>.seizure-map circle{fill:#b3261e;stroke:#fff;stroke-width:1.2}.seizure-map .label{fill:#1b1b1b;stroke:#fff;stroke-width:2.5px;paint-order:stroke;font-size:11px;font-weight:bold}</style>` +
    `<g>${dots}</g>` +
    `<text x="${MAP_WIDTH - 6}" y="${MAP_HEIGHT - 6}" text-anchor="end" font-size="9" fill="#555">${esc(extent)} · Natural Earth</text>` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="none" stroke="#555" stroke-width="1"/>` +
    `</svg>`
  );
}
