/**
 * Reads KML, GPX (with @tmcw/togeojson over @xmldom/xmldom) and GeoJSON (RFC 7946) into
 * features with flat string properties, a location and the routes they contain.
 *
 * Geometry rules (coordinates are [longitude, latitude, altitude?] in all three formats;
 * altitude is dropped):
 * - Point → the seizure's location; no geometry → no location (the seizure is kept, unmapped);
 * - MultiPoint, or a KML MultiGeometry / GeoJSON GeometryCollection of points → one seizure at
 *   its first point, with a warning;
 * - Polygon / MultiPolygon → one seizure at the mean of the first outer ring's vertices, with a warning;
 * - LineString / MultiLineString (KML LineString or gx:Track, GPX track or route) → a route per
 *   line, named after the feature; a feature that only has lines is a route, not a seizure. Lines
 *   inside a collection that also has points become routes too. Each line keeps its per-point
 *   times (togeojson's `coordinateProperties.times`: one list for a single line, one list per line
 *   for a MultiLineString / MultiTrack) as epoch ms, when there is one time per point. Its kind is
 *   `routeKind` when the caller gives one (the import dialog's choice); else a **patrol track** when
 *   it is a GPX `<trk>` or its points are timed (a recording), and a **suspected trafficking route**
 *   otherwise (a drawn KML LineString, a GPX `<rte>`, a GeoJSON line).
 * Time of day: a point's `time` (GPX) or `timestamp` (KML TimeStamp) that has a time gives the
 * seizure its date (dates.ts takes the date as written), and its time of day as written
 * ("14:32:05Z") goes into the notes as a line "Time of day: 14:32:05Z" through the added property
 * {@link TIME_OF_DAY}. Notes, not a field of its own, because the seizure model has no time field:
 * the line stays with the seizure, is searched, and is exported.
 * Properties: strings as written, numbers with String(), lists joined with ';', a KML TimeSpan
 * as its begin, an HTML (CDATA) description as its text (html-text.ts); togeojson's styling keys (stroke, fill, icon, styleUrl, …) are left out.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry, Position } from 'geojson';
import { pointTimeMs, routeFieldsSchema, type RouteFields, type RouteKind } from '../../shared/domain/route';
import { NestError, type ErrorValues } from '../../shared/errors';
import { t, type MessageId } from '../../shared/messages';
import type { GeometryLocation } from './build-seizure';
import { htmlToText, isHtmlValue } from './html-text';

/** A feature that may become a seizure: its index in the file (from 0), flat properties and location. */
export interface GeoFeature {
  index: number;
  properties: Record<string, string>;
  /** null when the feature has no geometry; undefined is never used here. */
  location: GeometryLocation;
}

/** A read KML/GPX/GeoJSON file. `headers` are the property names seen, in order of appearance. */
export interface GeoTable {
  headers: string[];
  features: GeoFeature[];
  routes: RouteFields[];
  warnings: string[];
}

/** The property added to a point whose timestamp has a time of day; it maps to the notes (index.ts). */
export const TIME_OF_DAY = 'timeOfDay';

/** The time part of an ISO timestamp (after 'T' or a space), as written: "14:32:05Z", "09:30+02:00". */
const TIME_PART = /^\d{4}-\d{2}-\d{2}[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)$/i;

/** Property keys togeojson adds for map styling; they are not data. */
const STYLE_KEYS = new Set([
  'styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'icon-opacity', 'icon-color',
  'icon-scale', 'icon-offset', 'icon-offset-units', 'icon-heading', 'label-color', 'label-opacity', 'label-scale', 'visibility', 'marker-color', 'marker-size',
  'marker-symbol', '_gpxType', 'coordinateProperties', 'coordTimes',
]);

/** The file cannot be imported: the catalogue message `id` (`import.file.*`), which starts with the file's name. */
const failed = (fileName: string, id: MessageId, values: ErrorValues = {}) => new NestError('import-failed', { id, values: { file: fileName, ...values } });

/** Flattens a property value to the string a cell would hold. */
function flatten(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(flatten).join(';');
  if (isHtmlValue(v)) return htmlToText(v.value);
  if (typeof v === 'object' && 'begin' in v) return flatten((v as { begin: unknown }).begin);
  return JSON.stringify(v);
}

const toLatLon = (p: Position): [number, number] => [Number(p[1]), Number(p[0])];

/**
 * The per-point times of each of `lines` from togeojson's `coordinateProperties.times` (a list of
 * times for a single line, a list of lists for several), as epoch ms; undefined for a line whose
 * list is missing or has no readable time at all; null for one whose list is of another length
 * than its points (the caller warns that the times were dropped).
 */
function lineTimes(coordinateProperties: unknown, lines: readonly Position[][]): ((number | null)[] | undefined | null)[] {
  const times = (coordinateProperties as { times?: unknown } | null | undefined)?.times;
  if (!Array.isArray(times) || !lines.length) return lines.map(() => undefined);
  const lists: unknown[] = lines.length === 1 && !Array.isArray(times[0]) ? [times] : times;
  return lines.map((line, i) => {
    const list = lists[i];
    if (!Array.isArray(list)) return undefined;
    if (list.length !== line.length) return null;
    const ms = list.map(pointTimeMs);
    return ms.some((v) => v !== null) ? ms : undefined;
  });
}

/** Parses XML with xmldom; any error (not just fatal ones) makes the file unusable. */
function parseXml(fileName: string, text: string): ReturnType<DOMParser['parseFromString']> {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') problems.push(msg.split('\n')[0]!);
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (err) {
    throw failed(fileName, 'import.file.bad-xml', { detail: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
  }
  if (problems.length) throw failed(fileName, 'import.file.bad-xml', { detail: problems[0]! });
  return doc;
}

/** Parses GeoJSON text into features. Accepts a FeatureCollection or a single Feature. */
function parseGeoJson(fileName: string, text: string): Feature<Geometry | null>[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw failed(fileName, 'import.file.bad-json', { detail: err instanceof Error ? err.message : String(err) });
  }
  const obj = json as { type?: unknown; features?: unknown };
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) return obj.features as Feature<Geometry | null>[];
  if (obj?.type === 'Feature') return [json as Feature<Geometry | null>];
  throw failed(fileName, 'import.file.not-geojson');
}

/** Collects the points and lines of a geometry, recursively. */
function collect(g: Geometry | null | undefined, points: Position[], lines: Position[][], kinds: Set<string>): void {
  if (!g) return;
  kinds.add(g.type);
  switch (g.type) {
    case 'Point':
      points.push(g.coordinates);
      break;
    case 'MultiPoint':
      points.push(...g.coordinates);
      break;
    case 'LineString':
      lines.push(g.coordinates);
      break;
    case 'MultiLineString':
      lines.push(...g.coordinates);
      break;
    case 'Polygon':
    case 'MultiPolygon': {
      const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
      if (ring && ring.length) {
        const vs = ring.length > 1 ? ring.slice(0, -1) : ring;
        points.push([vs.reduce((s, p) => s + Number(p[0]), 0) / vs.length, vs.reduce((s, p) => s + Number(p[1]), 0) / vs.length]);
      }
      break;
    }
    case 'GeometryCollection':
      for (const sub of g.geometries) collect(sub, points, lines, kinds);
      break;
  }
}

/** How many times togeojson listed for line `k` of a feature with `lineCount` lines (for the warning). */
function timesCount(coordinateProperties: unknown, lineCount: number, k: number): number {
  const times = (coordinateProperties as { times?: unknown[] }).times ?? [];
  const list = lineCount === 1 && !Array.isArray(times[0]) ? times : times[k];
  return Array.isArray(list) ? list.length : 0;
}

/**
 * Reads a KML, GPX or GeoJSON file's text.
 * @throws NestError('import-failed') for XML or JSON that is not well-formed, or JSON that is not GeoJSON.
 */
export function readGeo(fileName: string, text: string, format: 'kml' | 'gpx' | 'geojson', routeKind?: RouteKind): GeoTable {
  const raw = format === 'geojson' ? parseGeoJson(fileName, text) : (format === 'kml' ? kml : gpx)(parseXml(fileName, text)).features;
  const headers: string[] = [];
  const features: GeoFeature[] = [];
  const routes: RouteFields[] = [];
  const warnings: string[] = [];

  raw.forEach((f, index) => {
    const props: Record<string, string> = {};
    for (const [k, v] of Object.entries(f?.properties ?? {})) {
      if (STYLE_KEYS.has(k)) continue;
      props[k] = flatten(v);
      if (!headers.includes(k)) headers.push(k);
    }
    const label = props.name?.trim() || t('import.feature-label', { index: String(index) });
    const points: Position[] = [];
    const lines: Position[][] = [];
    const kinds = new Set<string>();
    collect(f?.geometry, points, lines, kinds);

    const rawProps = (f?.properties ?? {}) as Record<string, unknown>;
    const times = lineTimes(rawProps.coordinateProperties, lines);
    lines.forEach((line, k) => {
      const timed = times[k] ?? undefined;
      if (times[k] === null) warnings.push(t('import.warning.route-times-dropped', { index: String(index), label, times: timesCount(rawProps.coordinateProperties, lines.length, k), points: line.length }));
      const kind: RouteKind = routeKind ?? (rawProps._gpxType === 'trk' || timed ? 'patrol' : 'trafficking');
      const route = { name: lines.length > 1 ? `${label} (${k + 1})` : label, points: line.map(toLatLon), notes: props.description ?? '', kind, ...(timed ? { times: timed } : {}) };
      const r = routeFieldsSchema.safeParse(route);
      if (r.success) routes.push(r.data);
      else warnings.push(t('import.warning.route-not-imported', { index: String(index), label, field: r.error.issues[0]?.path.join('.') || 'route', reason: r.error.issues[0]?.message ?? '' }));
    });
    if (lines.length && !points.length) return;

    const stamp = props.time ?? props.timestamp ?? props.when;
    const timeOfDay = stamp === undefined ? null : TIME_PART.exec(stamp.trim());
    if (timeOfDay && !(TIME_OF_DAY in props)) {
      props[TIME_OF_DAY] = t('import.note.time-of-day', { time: timeOfDay[1]! });
      if (!headers.includes(TIME_OF_DAY)) headers.push(TIME_OF_DAY);
    }
    if (points.length > 1) warnings.push(t('import.warning.points-merged', { index: String(index), label, count: points.length }));
    if (kinds.has('Polygon') || kinds.has('MultiPolygon')) warnings.push(t('import.warning.area-as-point', { index: String(index), label }));
    const first = points[0];
    features.push({ index, properties: props, location: first ? { latitude: Number(first[1]), longitude: Number(first[0]) } : null });
  });
  return { headers, features, routes, warnings };
}
