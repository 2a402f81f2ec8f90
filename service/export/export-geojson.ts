/**
 * Exports a case's seizures and routes as GeoJSON (RFC 7946): a FeatureCollection with
 * - one Point feature per seizure (`[longitude, latitude]`; `geometry: null` for a seizure without
 *   coordinates), its properties named like the public CSV's columns (public-columns.ts) so the
 *   importer maps them without guessing, numbers as numbers, country lists joined with ';' and
 *   agencies with '; ' as in the CSV;
 * - one LineString feature per route, with `name`, `notes`, `route_kind` ('patrol' or
 *   'trafficking') and, for a timed track, `coordinateProperties.times` (ISO 8601 UTC, null for an
 *   untimed point) — the shape togeojson writes, which the importer reads back.
 * A field a seizure lacks is `null`, never a default: no unit without a quantity, no 'exact'
 * location precision without coordinates (the same rule as the CSV export). With a marking, the
 * collection carries `"tlp"` and `"marking"` members (foreign members, RFC 7946 §6.1), so the TLP
 * travels inside the file as well as in its name.
 */
import type { Route } from '../../shared/domain/route';
import { routeKindOf } from '../../shared/domain/route';
import { reviewFlagsText, type Seizure } from '../../shared/domain/seizure';
import { t } from '../../shared/messages';
import { PUBLIC_COLUMNS, REVIEW_FLAGS_COLUMN } from '../import/public-columns';
import type { CsvMarking } from './export-csv';

/** A property value of an exported feature. */
type Value = string | number | null;

/** A seizure's properties in public-column names; missing facts are null (see the module comment). */
export function seizureProperties(s: Seizure): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [column, field] of PUBLIC_COLUMNS) {
    const v = s[field];
    let cell: Value;
    if (v === null || v === undefined) cell = null;
    else if (field === 'unit' && s.quantity === null) cell = null;
    else if (field === 'locationPrecision' && s.latitude === null && v === 'exact') cell = null;
    else if (Array.isArray(v)) cell = v.length ? v.join(field === 'seizingAgencies' ? '; ' : ';') : null;
    else if (typeof v === 'string') cell = v === '' ? null : v;
    else cell = v as number;
    out[column] = cell;
  }
  // Open review flags as the CSV writes them (JSON text), null when none — never a default.
  out[REVIEW_FLAGS_COLUMN] = reviewFlagsText(s.reviewFlags) || null;
  return out;
}

/**
 * The seizures and routes as GeoJSON text (see the module comment), pretty-printed with no
 * indentation (one line), UTF-8 when written by the caller.
 */
export function caseToGeoJson(seizures: readonly Seizure[], routes: readonly Route[], marking?: CsvMarking): string {
  const features: unknown[] = seizures.map((s) => ({
    type: 'Feature',
    geometry: s.latitude !== null && s.longitude !== null ? { type: 'Point', coordinates: [s.longitude, s.latitude] } : null,
    properties: seizureProperties(s),
  }));
  for (const r of routes) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: r.points.map(([lat, lon]) => [lon, lat]) },
      properties: {
        name: r.name,
        notes: r.notes,
        route_kind: routeKindOf(r),
        ...(r.times ? { coordinateProperties: { times: r.times.map((ms) => (ms === null ? null : new Date(ms).toISOString())) } } : {}),
      },
    });
  }
  const head = marking ? { tlp: marking.tlp, marking: t('export.tlp-marking', { tlp: marking.tlp, caseNumber: marking.caseNumber }) } : {};
  return JSON.stringify({ type: 'FeatureCollection', ...head, features });
}
