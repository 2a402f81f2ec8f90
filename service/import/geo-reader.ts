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
 *   `routeKind` when the caller gives one (the import dialog's choice); else the feature's
 *   `route_kind` property (written by our GeoJSON export); else a **patrol track** when
 *   it is a GPX `<trk>` or its points are timed (a recording), and a **suspected trafficking route**
 *   otherwise (a drawn KML LineString, a GPX `<rte>`, a GeoJSON line).
 * Time of day: a point's `time` (GPX), `timestamp` (KML TimeStamp) or TimeSpan `begin` that has a
 * time gives the seizure its date (dates.ts takes the date as written), and its time of day as
 * written ("14:32:05Z") goes into the notes as a line "Time of day: 14:32:05Z" through the added
 * property {@link TIME_OF_DAY}. A TimeSpan's `end` goes into the notes as written, "Until:
 * 2021-03-12", through {@link TIME_SPAN_END}. Notes, not fields of their own, because the seizure
 * model has one date (a day, month or year; no time, no range): the lines stay with the seizure,
 * are searched, and are exported. The images a KML placemark shows are named in its notes the same
 * way ({@link KML_IMAGES}).
 * Properties: strings as written (a KML `type="bool"` field as its text says, kml-bools.ts), numbers with String(), lists joined with ';', a KML TimeSpan
 * as its begin, an HTML (CDATA) description as its text (html-text.ts); togeojson's styling keys (stroke, fill, icon, styleUrl, …) are left out.
 * GeoJSON: a `crs` naming another system than WGS 84 refuses the file ({@link nonWgs84Crs}).
 */
import path from 'node:path';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry, Position } from 'geojson';
import { pointTimeMs, routeFieldsSchema, type RouteFields, type RouteKind } from '../../shared/domain/route';
import { NestError, type ErrorValues } from '../../shared/errors';
import { t, type MessageId } from '../../shared/messages';
import type { GeometryLocation } from './build-seizure';
import { htmlToText, isHtmlValue } from './html-text';
import { fixKmlBools } from './kml-bools';
import { countKmlDataNames } from './kml-names';
import { tlpOfMarking } from '../../shared/domain/tlp-marking';
import type { Tlp } from '../../shared/domain/codes';

/** What a feature is called in messages: a KML placemark, a GPX waypoint, track or route, a GeoJSON feature. */
export type GeoFeatureKind = 'placemark' | 'waypoint' | 'track' | 'route' | 'feature';

/**
 * A feature that may become a seizure: its index in the file (from 0), its number as a person
 * counts it (1-based among its kind: the 2nd placemark, the 2nd waypoint — the report's `line`),
 * flat properties and location.
 */
export interface GeoFeature {
  index: number;
  kind: GeoFeatureKind;
  number: number;
  properties: Record<string, string>;
  /** null when the feature has no geometry; undefined is never used here. */
  location: GeometryLocation;
  /** Why the feature's geometry was refused (malformed or nested too deep); the feature is then a rejected row. */
  error?: string;
}

/** A read KML/GPX/GeoJSON file. `headers` are the property names seen, in order of appearance. */
export interface GeoTable {
  headers: string[];
  features: GeoFeature[];
  routes: RouteFields[];
  warnings: string[];
  /** The TLP marking the file carries (an export's: the KML Document's name, the GeoJSON's `tlp` or `marking`), null when none. */
  tlp: Tlp | null;
}

/** Features read from a file, and the file's TLP marking. */
interface RawFeatures {
  features: Feature<Geometry | null>[];
  tlp: Tlp | null;
}

/** The property added to a point whose timestamp has a time of day; it maps to the notes (index.ts). */
export const TIME_OF_DAY = 'timeOfDay';

/** The property added to a feature whose KML TimeSpan has an end: "Until: 2021-03-12"; it maps to the notes (index.ts). */
export const TIME_SPAN_END = 'timeSpanEnd';

/**
 * The property added to a KML placemark that shows images — its icon, an `<img src>` in its
 * description — with a relative path (a file beside the KML, or inside its KMZ): "Image:
 * patrol.kmz/files/photo-1.jpg", the name the case's files list a KMZ's image under
 * (kmz-images.ts); it maps to the notes (index.ts), so each seizure keeps which photo it shows.
 */
export const KML_IMAGES = 'kmlImages';

/** An image file's extension (as kmz.ts reads a KMZ's images). */
const IMAGE_PATH = /\.(png|jpe?g|gif|webp|bmp)$/i;

/**
 * The relative image paths a placemark's raw properties name (its `icon`, `<img src>` in its
 * description), resolved against the KML's own place: inside a KMZ `fileName` is
 * "<file.kmz>/<path of the KML>" (unpack.ts), so the result is the name the case's files use.
 */
function placemarkImages(fileName: string, raw: Record<string, unknown>): string[] {
  const refs: string[] = [];
  if (typeof raw.icon === 'string') refs.push(raw.icon);
  const d = raw.description;
  const html = isHtmlValue(d) ? d.value : typeof d === 'string' ? d : '';
  for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) refs.push(m[1] ?? m[2] ?? m[3] ?? '');
  const dir = path.posix.dirname(fileName);
  const out: string[] = [];
  for (const ref of refs.map((r) => r.trim())) {
    if (!IMAGE_PATH.test(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/')) continue;
    const resolved = path.posix.normalize(dir === '.' ? ref : `${dir}/${ref}`);
    if (!out.includes(resolved)) out.push(resolved);
  }
  return out;
}

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

/**
 * Refuses a .kml/.gpx file whose text is not XML at all, saying what it looks like: a CSV file
 * renamed .kml was refused as "not well-formed XML (missing root element)" (tester finding).
 */
function requireXmlText(fileName: string, text: string, format: 'kml' | 'gpx'): void {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return;
  const firstLine = head.split(/\r?\n/, 1)[0]!.slice(0, 80);
  const csv = /[,;\t]/.test(firstLine) ? 'yes' : 'no';
  throw failed(fileName, 'import.file.not-xml', { format: format.toUpperCase(), csv, line: firstLine });
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

/**
 * The features of a KML or GPX document (togeojson). togeojson recurses into nested elements, so a
 * MultiGeometry nested thousands deep overflows the stack: that, like any other failure inside
 * togeojson, refuses the file cleanly instead of escaping as a RangeError.
 */
function xmlFeatures(fileName: string, text: string, format: 'kml' | 'gpx'): RawFeatures {
  // Too many property names is known from the text alone: refuse before xmldom spends seconds on it.
  if (format === 'kml' && countKmlDataNames(text, STYLE_KEYS, MAX_GEO_COLUMNS) > MAX_GEO_COLUMNS) throw failed(fileName, 'import.file.too-many-properties', { max: MAX_GEO_COLUMNS });
  requireXmlText(fileName, text, format);
  const doc = parseXml(fileName, text);
  try {
    const features = (format === 'kml' ? kml : gpx)(doc).features as Feature<Geometry | null>[];
    if (format === 'kml') fixKmlBools(doc as unknown as Parameters<typeof fixKmlBools>[0], features);
    return { features, tlp: format === 'kml' ? kmlDocumentTlp(doc) : null };
  } catch (err) {
    if (err instanceof RangeError) throw failed(fileName, 'import.file.too-deep');
    throw failed(fileName, 'import.file.bad-xml', { detail: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
  }
}

/** The TLP marking of a KML file: its first Document's own `name` (as the exporter writes it, export-kml.ts), null when it is not one. */
function kmlDocumentTlp(doc: ReturnType<DOMParser['parseFromString']>): Tlp | null {
  const document = doc.getElementsByTagName('Document')[0];
  if (!document) return null;
  for (let n = document.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as unknown as { localName: string }).localName === 'name') return tlpOfMarking(n.textContent ?? '');
  }
  return null;
}

/** The TLP marking of a GeoJSON collection: its `tlp` member (a level) or its `marking` member (a marking text), as export-geojson.ts writes them. */
function geoJsonTlp(obj: { tlp?: unknown; marking?: unknown }): Tlp | null {
  if (typeof obj.tlp === 'string') {
    const level = tlpOfMarking(`TLP:${obj.tlp.trim().toUpperCase().replace(/^TLP:/, '')}`);
    if (level) return level;
  }
  return typeof obj.marking === 'string' ? tlpOfMarking(obj.marking) : null;
}

/**
 * The coordinate reference system a GeoJSON file names in its (pre-RFC 7946) `crs` member, when it
 * is not WGS 84 longitude/latitude: "EPSG:3857" for `urn:ogc:def:crs:EPSG::3857` or
 * `http://www.opengis.net/def/crs/EPSG/0/3857`, else the name as written (at most 100 characters).
 * Null when the file names none, or WGS 84 (OGC CRS84, EPSG:4326, EPSG:4979: GDAL and QGIS write
 * these for longitude/latitude files).
 */
export function nonWgs84Crs(crs: unknown): string | null {
  const c = crs as { properties?: { name?: unknown; href?: unknown } } | null | undefined;
  const raw = c?.properties?.name ?? c?.properties?.href;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const name = raw.trim();
  if (/CRS:?84$/i.test(name) || /^WGS\s?84$/i.test(name)) return null;
  const epsg = /EPSG\D*?(?:[\d.]+\D+)?(\d+)$/i.exec(name);
  if (epsg) return epsg[1] === '4326' || epsg[1] === '4979' ? null : `EPSG:${epsg[1]}`;
  return name.slice(0, 100);
}

/**
 * Parses GeoJSON text into features. Accepts a FeatureCollection or a single Feature. A file whose
 * `crs` names another system than WGS 84 (Web Mercator metres, a UTM zone: what QGIS writes when
 * the layer was not re-projected) is refused, naming that system and the fix, instead of refusing
 * each feature as "must be between -180 and 180 degrees" (tester finding F14).
 */
function parseGeoJson(fileName: string, text: string): RawFeatures {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw failed(fileName, 'import.file.bad-json', { detail: err instanceof Error ? err.message : String(err) });
  }
  const obj = json as { type?: unknown; features?: unknown; tlp?: unknown; marking?: unknown; crs?: unknown };
  const crs = nonWgs84Crs(obj?.crs);
  if (crs) throw failed(fileName, 'import.file.geojson-crs', { crs });
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) return { features: obj.features as Feature<Geometry | null>[], tlp: geoJsonTlp(obj) };
  if (obj?.type === 'Feature') return { features: [json as Feature<Geometry | null>], tlp: null };
  throw failed(fileName, 'import.file.not-geojson');
}

/** Deepest nesting of GeometryCollections read; a deeper one is refused for its feature (it would only be an attack or a bug). */
export const MAX_GEOMETRY_DEPTH = 100;
/** Most distinct property names a KML/GPX/GeoJSON file may use (columns of the mapping); past it the file is refused. */
export const MAX_GEO_COLUMNS = 500;

/** A position: an array of at least two finite numbers (longitude, latitude, altitude?). */
const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
/** A list of positions (a line or a ring). */
const isPositions = (ps: unknown): ps is Position[] => Array.isArray(ps) && ps.every(isPosition);

/**
 * Collects the points and lines of a geometry without recursion (a collection nested 20,000 deep
 * must not overflow the stack) and without spreading (a 300,000-point MultiPoint must not either).
 * Returns null when every part was read, else why the geometry was refused: a part whose
 * coordinates are missing or not numbers, an unknown type, or collections nested past
 * {@link MAX_GEOMETRY_DEPTH}.
 */
function collect(geometry: Geometry | null | undefined, points: Position[], lines: Position[][], kinds: Set<string>): string | null {
  const stack: { g: unknown; depth: number }[] = [{ g: geometry, depth: 0 }];
  while (stack.length) {
    const { g: item, depth } = stack.pop()!;
    if (item === null || item === undefined) continue;
    const g = item as { type?: unknown; coordinates?: unknown; geometries?: unknown };
    const type = typeof g.type === 'string' ? g.type : '';
    const c = g.coordinates;
    const bad = () => t('import.geometry.malformed', { type: type || 'untyped' });
    kinds.add(type);
    switch (type) {
      case 'Point':
        if (!isPosition(c)) return bad();
        points.push(c);
        break;
      case 'MultiPoint':
        if (!isPositions(c)) return bad();
        for (const p of c) points.push(p);
        break;
      case 'LineString':
        if (!isPositions(c)) return bad();
        lines.push(c);
        break;
      case 'MultiLineString':
        if (!Array.isArray(c) || !c.every(isPositions)) return bad();
        for (const l of c as Position[][]) lines.push(l);
        break;
      case 'Polygon':
      case 'MultiPolygon': {
        const ring: unknown = Array.isArray(c) ? (type === 'Polygon' ? c[0] : Array.isArray(c[0]) ? (c[0] as unknown[])[0] : undefined) : undefined;
        if (!isPositions(ring)) return bad();
        if (ring.length) {
          const vs = ring.length > 1 ? ring.slice(0, -1) : ring;
          points.push([vs.reduce((sum, p) => sum + Number(p[0]), 0) / vs.length, vs.reduce((sum, p) => sum + Number(p[1]), 0) / vs.length]);
        }
        break;
      }
      case 'GeometryCollection':
        if (!Array.isArray(g.geometries)) return bad();
        if (depth >= MAX_GEOMETRY_DEPTH) return t('import.geometry.too-deep', { max: MAX_GEOMETRY_DEPTH });
        // Pushed in reverse so the parts are read in their order.
        for (let i = g.geometries.length - 1; i >= 0; i--) stack.push({ g: g.geometries[i], depth: depth + 1 });
        break;
      default:
        return bad();
    }
  }
  return null;
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
  const { features: raw, tlp } = format === 'geojson' ? parseGeoJson(fileName, text) : xmlFeatures(fileName, text, format);
  const headers: string[] = [];
  const seen = new Set<string>();
  const addHeader = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    headers.push(k);
    if (headers.length > MAX_GEO_COLUMNS) throw failed(fileName, 'import.file.too-many-properties', { max: MAX_GEO_COLUMNS });
  };
  const features: GeoFeature[] = [];
  const routes: RouteFields[] = [];
  const warnings: string[] = [];

  // GPX lists tracks, then routes, then waypoints (togeojson): each kind is counted on its own.
  const counts = new Map<GeoFeatureKind, number>();
  raw.forEach((f, index) => {
    const gpxType = (f?.properties as { _gpxType?: unknown } | null)?._gpxType;
    const kind: GeoFeatureKind = format === 'kml' ? 'placemark' : format === 'geojson' ? 'feature' : gpxType === 'trk' ? 'track' : gpxType === 'rte' ? 'route' : 'waypoint';
    const number = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, number);
    const feature = t('import.feature-name', { kind, number });
    const props: Record<string, string> = {};
    for (const [k, v] of Object.entries(f?.properties ?? {})) {
      if (STYLE_KEYS.has(k)) continue;
      props[k] = flatten(v);
      addHeader(k);
    }
    const label = props.name?.trim() || t('import.feature-label', { kind, number });
    const points: Position[] = [];
    const lines: Position[][] = [];
    const kinds = new Set<string>();
    const geometryError = collect(f?.geometry, points, lines, kinds);
    if (geometryError) {
      features.push({ index, kind, number, properties: props, location: null, error: geometryError });
      return;
    }

    const rawProps = (f?.properties ?? {}) as Record<string, unknown>;
    const times = lineTimes(rawProps.coordinateProperties, lines);
    lines.forEach((line, k) => {
      const timed = times[k] ?? undefined;
      if (times[k] === null) warnings.push(t('import.warning.route-times-dropped', { feature, label, times: timesCount(rawProps.coordinateProperties, lines.length, k), points: line.length }));
      const stated = rawProps.route_kind === 'patrol' || rawProps.route_kind === 'trafficking' ? rawProps.route_kind : undefined; // our own GeoJSON export
      const kind: RouteKind = routeKind ?? stated ?? (rawProps._gpxType === 'trk' || timed ? 'patrol' : 'trafficking');
      const route = { name: lines.length > 1 ? `${label} (${k + 1})` : label, points: line.map(toLatLon), notes: props.description ?? '', kind, ...(timed ? { times: timed } : {}) };
      const r = routeFieldsSchema.safeParse(route);
      if (r.success) routes.push(r.data);
      else warnings.push(t('import.warning.route-not-imported', { feature, label, field: r.error.issues[0]?.path.join('.') || 'route', reason: r.error.issues[0]?.message ?? '' }));
    });
    if (lines.length && !points.length) return;

    const stamp = props.time ?? props.timestamp ?? props.when ?? props.timespan;
    const timeOfDay = stamp === undefined ? null : TIME_PART.exec(stamp.trim());
    if (timeOfDay && !(TIME_OF_DAY in props)) {
      props[TIME_OF_DAY] = t('import.note.time-of-day', { time: timeOfDay[1]! });
      addHeader(TIME_OF_DAY);
    }
    // A KML TimeSpan is dated by its begin; its end, as written, goes to the notes (the seizure model has one date).
    const spanEnd = (rawProps.timespan as { end?: unknown } | null | undefined)?.end;
    if (typeof spanEnd === 'string' && spanEnd.trim() !== '' && !(TIME_SPAN_END in props)) {
      props[TIME_SPAN_END] = t('import.note.until', { end: spanEnd.trim() });
      addHeader(TIME_SPAN_END);
    }
    // The images a placemark shows are named in its notes (KML_IMAGES).
    const images = format === 'kml' ? placemarkImages(fileName, rawProps) : [];
    if (images.length && !(KML_IMAGES in props)) {
      props[KML_IMAGES] = t('import.note.images', { count: images.length, paths: images.join(', ') });
      addHeader(KML_IMAGES);
    }
    if (points.length > 1) warnings.push(t('import.warning.points-merged', { feature, label, count: points.length }));
    if (kinds.has('Polygon') || kinds.has('MultiPolygon')) warnings.push(t('import.warning.area-as-point', { feature, label }));
    const first = points[0];
    features.push({ index, kind, number, properties: props, location: first ? { latitude: Number(first[1]), longitude: Number(first[0]) } : null });
  });
  return { headers, features, routes, warnings, tlp };
}
