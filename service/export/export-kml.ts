/**
 * Exports a case's seizures and routes as KML 2.2 (OGC 07-147r2), for Google Earth and GIS tools:
 * - the Document's `name` and `description` carry the TLP marking ("TLP:AMBER — NEST-2026-0001
 *   seizures — …"), so the TLP travels inside the file as well as in its name;
 * - one Placemark per seizure, named after its commodity, with its facts as ExtendedData `Data`
 *   in the public CSV's column names (public-columns.ts, so the importer maps them without
 *   guessing) and a Point when it has coordinates (none when it has not). A fact the seizure lacks
 *   is left out (empty), never written as a default: no unit without a quantity, no 'exact'
 *   precision without coordinates (export-geojson.ts's rule);
 * - one Placemark per route, with its notes as the description and `route_kind` as Data: a
 *   LineString, or for a track timed at every point a `gx:Track` (Google's extension namespace,
 *   which Google Earth and togeojson read) so the times come back on import.
 * Text is XML-escaped, and characters XML 1.0 cannot carry (control characters) are dropped.
 */
import type { Route } from '../../shared/domain/route';
import { routeKindOf } from '../../shared/domain/route';
import type { Seizure } from '../../shared/domain/seizure';
import { t } from '../../shared/messages';
import type { CsvMarking } from './export-csv';
import { seizureProperties } from './export-geojson';

/** Text as XML character data: markup escaped, characters XML 1.0 forbids removed. */
export function xmlText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A seizure as a Placemark (see the module comment). */
function seizurePlacemark(s: Seizure): string {
  const data = Object.entries(seizureProperties(s))
    .filter((e): e is [string, string | number] => e[1] !== null)
    .map(([k, v]) => `<Data name="${xmlText(k)}"><value>${xmlText(String(v))}</value></Data>`)
    .join('');
  const point = s.latitude !== null && s.longitude !== null ? `<Point><coordinates>${s.longitude},${s.latitude}</coordinates></Point>` : '';
  return `<Placemark><name>${xmlText(s.commodity)}</name><ExtendedData>${data}</ExtendedData>${point}</Placemark>`;
}

/** A route as a Placemark: a gx:Track when every point has a time, else a LineString. */
function routePlacemark(r: Route): string {
  const head = `<name>${xmlText(r.name)}</name>${r.notes ? `<description>${xmlText(r.notes)}</description>` : ''}<ExtendedData><Data name="route_kind"><value>${routeKindOf(r)}</value></Data></ExtendedData>`;
  const times = r.times;
  if (times && times.length === r.points.length && times.every((ms) => ms !== null)) {
    const whens = times.map((ms) => `<when>${new Date(ms!).toISOString()}</when>`).join('');
    const coords = r.points.map(([lat, lon]) => `<gx:coord>${lon} ${lat}</gx:coord>`).join('');
    return `<Placemark>${head}<gx:Track>${whens}${coords}</gx:Track></Placemark>`;
  }
  return `<Placemark>${head}<LineString><coordinates>${r.points.map(([lat, lon]) => `${lon},${lat}`).join(' ')}</coordinates></LineString></Placemark>`;
}

/**
 * The seizures and routes as a KML 2.2 document (see the module comment), one placemark per line,
 * UTF-8 when written by the caller.
 */
export function caseToKml(seizures: readonly Seizure[], routes: readonly Route[], marking: CsvMarking): string {
  const title = xmlText(t('export.tlp-marking', { tlp: marking.tlp, caseNumber: marking.caseNumber }));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">',
    `<Document><name>${title}</name><description>${title}</description>`,
    ...seizures.map(seizurePlacemark),
    ...routes.map(routePlacemark),
    '</Document>',
    '</kml>',
    '',
  ];
  return lines.join('\n');
}
