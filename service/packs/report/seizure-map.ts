/**
 * The seizure map as an inline SVG drawn in Node (no browser map, no tiles, nothing fetched): the
 * shipped Natural Earth 1:50m land (world-atlas `land-50m.json`, public domain), the case's
 * routes as lines, and each seizure as a dot numbered like the seizure table's rows (when at most
 * {@link LABELLED} are shown; labels laid out without overlaps by map-labels.ts). The frame
 * (map-view.ts) may lie across ±180°: land rings, routes and dots are all drawn in continuous
 * longitudes, so nothing is drawn as a stripe across the map (tester F-PACK-5). Pure apart from
 * the basemap it is given.
 */
import type { Route } from '../../../shared/domain/route';
import type { Seizure } from '../../../shared/domain/seizure';
import { continuousRing, unwrap, type Position } from '../../../shared/geo/antimeridian';
import { esc } from './html';
import { layoutLabels, type Box, DOT_R, LABEL_PX } from './map-labels';
import { arcOf, degreesText, frameOf, MAP_HEIGHT, MAP_WIDTH, project, type View } from './map-view';

export { frameOf, MAP_HEIGHT, MAP_WIDTH } from './map-view';

/** Most dots that get their row number beside them. */
export const LABELLED = 40;

/** What the map drew, for the caption: whether its dots carry row numbers at all, and the rows it had no room to number. */
export interface SeizureMap {
  svg: string;
  /** False when there are more than {@link LABELLED} dots: none is numbered, each is a plain dot. */
  numbered: boolean;
  unlabelled: number[];
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

/** A land ring in continuous longitudes with its longitude range (computed once per process). */
interface LandRing {
  ring: Position[];
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const prepared = new WeakMap<GeoJSON.FeatureCollection, LandRing[]>();

/** The land's rings made continuous across ±180° (Russia, Fiji, Antarctica), with their bounds. */
function landRings(land: GeoJSON.FeatureCollection): LandRing[] {
  let rings = prepared.get(land);
  if (!rings) {
    rings = land.features.flatMap((f) =>
      ringsOf(f.geometry).map((r) => {
        const ring = continuousRing(r as Position[]);
        const xs = ring.map((p) => p[0]);
        const ys = ring.map((p) => p[1]);
        return { ring, minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
      }),
    );
    prepared.set(land, rings);
  }
  return rings;
}

/**
 * The land as one SVG path `d`: each ring, shifted by a whole turn where the frame lies past
 * ±180°, clipped to the view with a margin (so the clip's own edges fall outside the frame and
 * are never stroked inside it).
 */
function landPath(v: View, land: GeoJSON.FeatureCollection): string {
  const mx = (v.e - v.w) * 0.05;
  const my = (v.n - v.s) * 0.05;
  const [w, s, e, n] = [v.w - mx, v.s - my, v.e + mx, v.n + my];
  const out: string[] = [];
  for (const r of landRings(land)) {
    if (r.maxY < s || r.minY > n) continue;
    for (const shift of [-360, 0, 360]) {
      if (r.maxX + shift < w || r.minX + shift > e) continue;
      const clipped = clipRing(shift ? r.ring.map(([x, y]): [number, number] => [x + shift, y]) : (r.ring as [number, number][]), w, s, e, n);
      if (clipped.length < 3) continue;
      out.push('M' + clipped.map(([lon, lat]) => project(v, lon, lat).map((c) => c.toFixed(1)).join(',')).join('L') + 'Z');
    }
  }
  return out.join('');
}

/** A route's points ([lon, lat]) in continuous longitudes, moved by whole turns onto the map's arc. */
function routeLine(r: Route, place: (lon: number) => number): Position[] {
  const line = unwrap(r.points.map(([lat, lon]): Position => [lon, lat]));
  if (!line.length) return line;
  const shift = place(line[0]![0]) - line[0]![0];
  return line.map(([x, y]): Position => [x + shift, y]);
}

/** Dots placed or drawn between two pauses of {@link seizureMapPaced}. */
export const DRAW_CHUNK = 2000;

/**
 * Draws the map in steps: yields the number of dots handled after every {@link DRAW_CHUNK} dots
 * placed and drawn (each dot is counted once, when drawn), and returns the map. One home for
 * {@link seizureMap} (run to the end at once) and {@link seizureMapPaced} (paused at each yield).
 */
function* drawMap(seizures: readonly Seizure[], land: GeoJSON.FeatureCollection, rowOf: (s: Seizure) => number, routes: readonly Route[]): Generator<number, SeizureMap> {
  const raw = seizures.filter((s) => s.latitude !== null && s.longitude !== null).map((s) => ({ s, lon: s.longitude!, lat: s.latitude! }));
  const place = arcOf([...raw.map((p) => p.lon), ...routes.flatMap((r) => r.points.map((p) => p[1]))]);
  const pts = raw.map((p) => ({ ...p, lon: place(p.lon) }));
  const lines = routes.map((r) => routeLine(r, place));
  const v = frameOf([...pts.map((p): [number, number] => [p.lon, p.lat]), ...lines.flat().map(([x, y]): [number, number] => [x, y])]);
  yield 0;
  const f = (n: number): string => n.toFixed(1);
  const xy: { s: Seizure; xy: [number, number] }[] = [];
  const circleParts: string[] = [];
  for (let i = 0; i < pts.length; i += DRAW_CHUNK) {
    const part = pts.slice(i, i + DRAW_CHUNK).map((p) => ({ s: p.s, xy: project(v, p.lon, p.lat) }));
    xy.push(...part);
    circleParts.push(part.map(({ xy: [x, y] }) => `<circle cx="${f(x)}" cy="${f(y)}" r="${DOT_R}"/>`).join(''));
    yield part.length;
  }
  const extent = degreesText(v);
  // The attribution line, bottom right, is kept free of labels.
  const attribution: Box = { x: MAP_WIDTH - 6 - extent.length * 5.2, y: MAP_HEIGHT - 17, w: extent.length * 5.2 + 6, h: 17 };
  const numbered = pts.length <= LABELLED;
  const dots = numbered ? xy.map(({ s, xy: [x, y] }) => ({ x, y, row: rowOf(s) })).filter((d) => d.row > 0) : [];
  const layout = numbered ? layoutLabels(dots, MAP_WIDTH, MAP_HEIGHT, [attribution]) : { labels: [], unlabelled: [] };
  const circles = circleParts.join('');
  const leaders = layout.labels.flatMap((l) => (l.leader ? [`<line x1="${f(l.leader[0])}" y1="${f(l.leader[1])}" x2="${f(l.leader[2])}" y2="${f(l.leader[3])}"/>`] : [])).join('');
  const labels = layout.labels.map((l) => `<text class="label" x="${f(l.box.x + 2)}" y="${f(l.baseline)}">${esc(l.text)}</text>`).join('');
  const routePaths = lines.map((line) => `<path class="route" d="M${line.map(([lon, lat]) => project(v, lon, lat).map(f).join(',')).join('L')}"/>`).join('');
  const landD = landPath(v, land);
  yield 0;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="seizure-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" role="img" aria-label="${esc(extent)}">` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#dfe9f2"/>` +
    `<path d="${landD}" fill="#f4f1ea" stroke="#8a8f98" stroke-width="0.6"/>` +
    `<style>.seizure-map circle{fill:#b3261e;stroke:#fff;stroke-width:1.2}.seizure-map .label{fill:#1b1b1b;stroke:#fff;stroke-width:2.5px;paint-order:stroke;font-size:${LABEL_PX}px;font-weight:bold}.seizure-map line{stroke:#1b1b1b;stroke-width:0.8}.seizure-map .route{fill:none;stroke:#1f5fa8;stroke-width:1.6;stroke-linejoin:round}</style>` +
    `<g>${routePaths}</g><g>${leaders}${circles}${labels}</g>` +
    `<text x="${MAP_WIDTH - 6}" y="${MAP_HEIGHT - 6}" text-anchor="end" font-size="9" fill="#555">${esc(extent)}</text>` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="none" stroke="#555" stroke-width="1"/>` +
    `</svg>`;
  return { svg, numbered, unlabelled: layout.unlabelled };
}

/**
 * The map of `seizures` (those with coordinates; `rowOf(s)` is the row number the table gives
 * it, 0 for none) and `routes` over `land` (a GeoJSON FeatureCollection of land polygons, WGS84).
 */
export function seizureMap(seizures: readonly Seizure[], land: GeoJSON.FeatureCollection, rowOf: (s: Seizure) => number = () => 0, routes: readonly Route[] = []): SeizureMap {
  const steps = drawMap(seizures, land, rowOf, routes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link seizureMap} drawn with `each(n)` awaited after every {@link DRAW_CHUNK} dots (n: dots
 * drawn since the last call, 0 between the other steps), so a map of 100,000 seizures does not
 * hold the event loop: the same map.
 */
export async function seizureMapPaced(seizures: readonly Seizure[], land: GeoJSON.FeatureCollection, rowOf: (s: Seizure) => number, routes: readonly Route[], each: (dots: number) => Promise<void>): Promise<SeizureMap> {
  const steps = drawMap(seizures, land, rowOf, routes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await each(r.value);
  }
}

/** The map's SVG alone (see {@link seizureMap}). */
export function seizureMapSvg(seizures: readonly Seizure[], land: GeoJSON.FeatureCollection, rowOf: (s: Seizure) => number = () => 0, routes: readonly Route[] = []): string {
  return seizureMap(seizures, land, rowOf, routes).svg;
}
