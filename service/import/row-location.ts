/**
 * Where a row's seizure happened, as the row builder (build-seizure.ts) reads it: the seizing
 * country, the place, the point and how precise it is.
 *
 * The point comes from the feature's geometry (KML/GeoJSON), else the latitude/longitude columns,
 * else a combined coordinates column; in a column whose hemisphere is a guess (plan.ts `guessed`)
 * a cell without its letter is refused with the fix. A row without a country takes the one its
 * point falls in (offline basemap, flagged: row-doubts.ts), then the default.
 */
import type { LocationPrecision } from '../../shared/domain/codes';
import { t } from '../../shared/messages';
import type { GeometryLocation } from './build-seizure';
import { lacksHemisphere } from './coordinate-format';
import { pairHalves, parseCoordinate, parseCoordinatePair, type Axis } from './coordinates';
import { parseCountry } from './countries';
import { fail, type Parsed } from './parse-result';
import type { PlanColumn } from './plan';
import { explainSwap, fixOf, type CoordinatesDisagreement } from './row-doubts';
import type { RowReader } from './row-reader';
import { parseLocationPrecision } from './vocab';

/** Each coordinate field with its partner: one without the other is refused. */
const PAIRED = [['latitude', 'longitude'], ['longitude', 'latitude']] as const;

/** Where the row's seizure happened (see {@link readWhere}). */
export interface Where {
  country: string | undefined;
  place: string;
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecision | null;
  /** The country looked up from the point, when the row names none (flagged, row-doubts.ts). */
  located: string | undefined;
  /** A feature's coordinate properties that say another point than its geometry (kept in the notes, flagged), else null. */
  disagreement: CoordinatesDisagreement | null;
}

/**
 * A feature's latitude/longitude (or coordinates) properties beside its geometry `at`: the geometry
 * places the seizure; properties that say otherwise (or cannot be read) are kept in the notes as
 * "column: value" and the row is flagged, never dropped silently (tester finding F14).
 */
function compareWithGeometry(row: RowReader, at: { latitude: number; longitude: number }): CoordinatesDisagreement | null {
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6;
  const stated: { col: PlanColumn; raw: string; agrees: boolean }[] = [];
  const lat = row.pick('latitude');
  const lon = row.pick('longitude');
  if (lat || lon) {
    for (const [p, axis] of [[lat, 'lat'], [lon, 'lon']] as const) {
      if (!p) continue;
      const r = parseCoordinate(p.raw, axis);
      stated.push({ ...p, agrees: r.ok && same(r.value, axis === 'lat' ? at.latitude : at.longitude) });
    }
  } else {
    const pair = row.pick('coordinates');
    const r = pair ? parseCoordinatePair(pair.raw) : null;
    if (pair) stated.push({ ...pair, agrees: !!r?.ok && same(r.value.latitude, at.latitude) && same(r.value.longitude, at.longitude) });
  }
  if (stated.every((x) => x.agrees)) return null;
  for (const x of stated) row.extraNotes.push(`${x.col.name}: ${x.raw.trim()}`);
  return { columns: stated.map((x) => x.col.name), stated: stated.map((x) => x.raw.trim()), geometry: `${at.latitude}, ${at.longitude}` };
}

/**
 * The country, place, point and location precision. The point comes from the geometry, else the
 * latitude/longitude columns, else a coordinates column; a row without a country takes the one
 * its point falls in (offline basemap), then the default.
 */
export function readWhere(row: RowReader, location: GeometryLocation | undefined): Where {
  const d = row.defaults;
  const plan = row.plan;
  const source = row.source;
  const countryRead = row.read('country', parseCountry);
  const place = row.text('place');
  let latitude: number | null = d.latitude ?? null;
  let longitude: number | null = d.longitude ?? null;
  let disagreement: CoordinatesDisagreement | null = null;
  if (location) {
    latitude = location.latitude;
    longitude = location.longitude;
    disagreement = compareWithGeometry(row, location);
    source.latitude = { column: 'geometry', value: String(location.latitude) };
    source.longitude = { column: 'geometry', value: String(location.longitude) };
  } else if (row.hasValue('latitude') || row.hasValue('longitude')) {
    latitude = row.read('latitude', parseLatitudeCell) ?? null;
    longitude = row.read('longitude', parseLongitudeCell) ?? null;
    explainSwap(row.rejections, source.latitude, source.longitude);
    for (const [field, other] of PAIRED) {
      if (!source[field] && source[other]) row.reject(field, row.firstColumn(field), '', t('field.coordinates-paired'));
    }
  } else {
    const point = readCoordinatePair(row);
    if (point) ({ latitude, longitude } = point);
  }
  const located = !countryRead && !source.country && latitude !== null && longitude !== null ? (plan.countryAt?.(latitude, longitude) ?? undefined) : undefined;
  const country = countryRead ?? located ?? d.country;
  if (!country && !source.country) {
    const why = latitude !== null && longitude !== null && plan.countryAt ? t('import.country-required-outside-known') : t('field.required');
    row.reject('country', row.firstColumn('country'), '', why);
  }
  const locationPrecision = row.read('locationPrecision', parseLocationPrecision) ?? d.locationPrecision ?? null;
  return { country, place, latitude, longitude, locationPrecision, located, disagreement };
}

/** Reads a coordinate cell on `axis`; in a column whose hemisphere is a guess, a cell without its letter is refused. */
function parseCoordinateCell(raw: string, col: PlanColumn, row: RowReader, axis: Axis): Parsed<number> {
  return row.guessed(col) && lacksHemisphere(raw) ? fail('import.missing-hemisphere', { value: raw.trim() }) : parseCoordinate(raw, axis);
}

/** {@link parseCoordinateCell} for a latitude column. */
function parseLatitudeCell(raw: string, col: PlanColumn, row: RowReader): Parsed<number> {
  return parseCoordinateCell(raw, col, row, 'lat');
}

/** {@link parseCoordinateCell} for a longitude column. */
function parseLongitudeCell(raw: string, col: PlanColumn, row: RowReader): Parsed<number> {
  return parseCoordinateCell(raw, col, row, 'lon');
}

/** The point of a combined coordinates column, or null when it has none or is refused (the refusal recorded). */
function readCoordinatePair(row: RowReader): { latitude: number; longitude: number } | null {
  const p = row.pick('coordinates');
  if (!p) return null;
  row.source.latitude = row.source.longitude = { column: p.col.name, value: p.raw };
  const halves = row.guessed(p.col) ? pairHalves(p.raw) : null;
  const r = halves?.some(lacksHemisphere) ? fail<never>('import.missing-hemisphere', { value: p.raw.trim() }) : parseCoordinatePair(p.raw);
  if (r.ok) return r.value;
  row.reject(r.messageId === 'import.longitude-reason' ? 'longitude' : 'latitude', p.col.name, p.raw, typeof r.values?.reason === 'string' ? r.values.reason : r.reason, fixOf(r, p.col.name));
  return null;
}
