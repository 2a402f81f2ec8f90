/**
 * Tester findings F14 and F15 (issue 11 items 2 and 5), with the tester's own files as fixtures
 * (test/fixtures/import): a GeoJSON position written [lat, lon] is said to look swapped, with the
 * fix (the CSV's rule); a GeoJSON `crs` other than WGS 84 refuses the file naming it; properties
 * that disagree with the geometry go to the notes and flag the row; every refusal has a fix; a KML
 * TimeSpan keeps its begin's time of day and its end; HTML table cells stay apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseImportInput } from '../../../service/import';
import { countryAt, kmOutsideCountry } from '../../../service/geo/country-at';
import { nonWgs84Crs } from '../../../service/import/geo-reader';
import { htmlToText } from '../../../service/import/html-text';
import { reviewFlagSentence } from '../../../shared/domain/review-flag-text';
import { NestError } from '../../../shared/errors';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));
const parse = (fileName: string, bytes: Uint8Array, extra: Partial<ParseImportInput> = {}) =>
  parseImportFile({ fileName, bytes, countryAt, outsideKm: (lat, lon, c) => kmOutsideCountry(lat, lon, c), ...extra });
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('GeoJSON positions written [latitude, longitude] (o-latlon-order.geojson)', () => {
  it('feature 2 [1.274, 103.764] is refused as looking swapped, with the fix for the file', () => {
    const parsed = parse('o-latlon-order.geojson', fixture('o-latlon-order.geojson'));
    expect(parsed.report.rejected).toEqual([
      {
        line: 2, column: 'geometry', field: 'latitude', value: '103.764',
        reason: "'103.764' is not a latitude (beyond ±90) but fits as a longitude, and the longitude '1.274' fits as a latitude: the position looks written [latitude, longitude]",
        fix: 'write each position as [longitude, latitude] (the file has them the other way round) and import it again',
      },
    ]);
    // Not a column swap: the mapping's "Swap latitude and longitude" would not help a geometry.
    expect(parsed.report.swapCoordinates).toBeNull();
    // Feature 1 fits both ways: imported where it says, and flagged as outside KE.
    expect(parsed.seizures.map((s) => [s.line, s.fields.latitude, s.fields.longitude])).toEqual([[1, 39.66, -4.05]]);
    expect(parsed.report.flagged.map((f) => f.reason)).toEqual(['39.66, -4.05 is more than 25 km outside KE, the seizing country']);
  });

  it('a KML point written latitude,longitude gets the KML wording of the same rule', () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>ivory</name><TimeStamp><when>2021-03-11</when></TimeStamp>
      <ExtendedData><Data name="country"><value>SG</value></Data></ExtendedData><Point><coordinates>1.274,103.764</coordinates></Point></Placemark></Document></kml>`;
    const parsed = parse('swapped.kml', utf8(kml));
    expect(parsed.report.rejected.map((r) => [r.line, r.field, r.value, r.fix])).toEqual([
      [1, 'latitude', '103.764', 'write each <coordinates> as longitude,latitude (the file has them the other way round) and import it again'],
    ]);
  });
});

describe('GeoJSON with a crs other than WGS 84 (n-3857.geojson)', () => {
  it('is refused, naming EPSG:3857 and the re-export in EPSG:4326', () => {
    let error: unknown;
    try {
      parse('n-3857.geojson', fixture('n-3857.geojson'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NestError);
    expect((error as NestError).message).toBe(
      'n-3857.geojson: its coordinates are in EPSG:3857 (the file’s “crs”), not longitude and latitude in WGS 84, so they cannot be placed on the map; re-export the file in WGS 84 (EPSG:4326) — in QGIS: Export → Save Features As…, CRS “EPSG:4326 - WGS 84” — and import that',
    );
  });

  it('reads the CRS names GDAL, QGIS and the 2008 spec write; WGS 84 ones pass', () => {
    const named = (name: string) => nonWgs84Crs({ type: 'name', properties: { name } });
    expect(named('urn:ogc:def:crs:EPSG::3857')).toBe('EPSG:3857');
    expect(named('http://www.opengis.net/def/crs/EPSG/0/32737')).toBe('EPSG:32737');
    expect(named('urn:ogc:def:crs:EPSG:6.6:3857')).toBe('EPSG:3857');
    expect(named('Arc 1960 / UTM zone 37S')).toBe('Arc 1960 / UTM zone 37S');
    expect(nonWgs84Crs({ type: 'link', properties: { href: 'http://spatialreference.org/ref/epsg/3857/' } })).toBe('http://spatialreference.org/ref/epsg/3857/');
    for (const wgs84 of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:EPSG::4326', 'EPSG:4326', 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'EPSG:4979', 'WGS84']) expect(named(wgs84)).toBeNull();
    expect(nonWgs84Crs(undefined)).toBeNull();
  });

  it('the same file without its crs: feature 2’s latitude/longitude properties (10, 10) go to the notes and flag the row', () => {
    const text = readFileSync(path.join(fixtures, 'n-3857.geojson'), 'utf8').replace(/"crs":\{[^}]*\}\},/, '');
    const parsed = parse('n.geojson', utf8(text));
    const s = parsed.seizures.find((x) => x.line === 2)!;
    expect([s.fields.latitude, s.fields.longitude]).toEqual([-4.05, 39.66]);
    expect(s.fields.notes).toBe('latitude: 10\nlongitude: 10');
    // The file has no country: the geometry's (KE) is taken and flagged as well.
    expect(s.review).toEqual([{ kind: 'country-from-location', country: 'KE' }, { kind: 'coordinates-disagree', geometry: '-4.05, 39.66', stated: '10, 10' }]);
    expect(parsed.report.flagged.filter((f) => f.field === 'latitude')).toEqual([
      {
        line: 2, column: 'latitude, longitude', field: 'latitude', value: '10, 10',
        reason: 'the geometry puts the point at -4.05, 39.66 but the “latitude” and “longitude” properties say 10, 10: placed at the geometry, the properties kept in the notes; imported and flagged for review',
        fix: 'correct the geometry or the “latitude” and “longitude” in the file, or check the seizure after the import and mark it as reviewed',
      },
    ]);
    expect(reviewFlagSentence({ ...s.review![1]!, batch: 'b', at: 0 } as Parameters<typeof reviewFlagSentence>[0])).toBe(
      'The file’s geometry put the point at -4.05, 39.66 but its latitude/longitude properties said 10, 10: the seizure was placed at the geometry. Check which is right',
    );
    // Feature 1 (metres, without the crs to say so): each refusal with its fix.
    expect(parsed.report.rejected.filter((r) => r.column === 'geometry').map((r) => [r.line, r.field, r.value, r.reason, r.fix])).toEqual([
      [1, 'latitude', '-451000.2', 'must be between -90 and 90 degrees', 'write each position as [longitude, latitude] in decimal degrees (WGS 84: latitude -90 to 90, longitude -180 to 180) and import it again'],
      [1, 'longitude', '4415500.5', 'must be between -180 and 180 degrees', 'write each position as [longitude, latitude] in decimal degrees (WGS 84: latitude -90 to 90, longitude -180 to 180) and import it again'],
    ]);
  });

  it('properties that agree with the geometry add no note and no flag', () => {
    const geojson = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [39.66, -4.05] }, properties: { date: '2021-03-12', country: 'KE', commodity: 'ivory', latitude: -4.05, longitude: '39.66' } }] };
    const parsed = parse('same.geojson', utf8(JSON.stringify(geojson)));
    expect(parsed.seizures[0]!.fields.notes).toBe('');
    expect(parsed.seizures[0]!.review).toBeUndefined();
    expect(parsed.report.flagged).toEqual([]);
  });
});

describe('KML TimeSpan, HTML tables and fixes (l-odd.kml)', () => {
  const parsed = parse('l-odd.kml', fixture('l-odd.kml'), { decimalMarks: { quantity: ',' } });

  it('"Timber A": the span’s begin dates it, its time of day and its end are in the notes, the table cells apart', () => {
    const a = parsed.seizures.find((s) => s.line === 1)!.fields;
    expect([a.seizureDate, a.datePrecision]).toEqual(['2021-03-11', 'day']);
    expect(a.notes).toBe('Container MSKU1234567 & seal 998\ndeclared as plastic\nAgent | X Ltd\nTime of day: 08:00:00+03:00\nUntil: 2021-03-12\nname: Timber A');
    // A TimeStamp as before.
    expect(parsed.seizures.find((s) => s.line === 2)!.fields.notes).toBe('Time of day: 23:30:00-05:00\nname: Timber B');
  });

  it('every refusal names line, field, value, reason and a fix', () => {
    expect(parsed.report.rejected).toEqual([
      { line: 4, column: '', field: 'country', value: '', reason: 'is required (the coordinates are not in a known country)', fix: 'add the country to the placemark in the file and import it again' },
      {
        line: 4, column: 'geometry', field: 'longitude', value: '200', reason: 'must be between -180 and 180 degrees',
        fix: 'write the <coordinates> as longitude,latitude in decimal degrees (WGS 84: latitude -90 to 90, longitude -180 to 180) and import it again',
      },
      { line: 5, column: 'unit', field: 'unit', value: '', reason: 'the quantity has no unit: fill in the unit column, or write the unit with the number (e.g. 12 kg)', fix: 'write the unit in a unit column or after the quantity (“8.8 t”, “120 pieces”) and import it again' },
    ]);
  });

  it('a CSV row missing its date says which column to fill in', () => {
    const csv = parse('in.csv', utf8('date,country,commodity\n,SG,ivory\n'));
    expect(csv.report.rejected).toEqual([{ line: 2, column: 'date', field: 'seizureDate', value: '', reason: 'is required', fix: "fill in the seizure date ('date') in the file and import it again" }]);
  });
});

describe('htmlToText tables', () => {
  it('cells of a row are joined by " | ", rows on their own lines, empty and unclosed cells handled', () => {
    expect(htmlToText('<table><tr><th>Agent</th><th>Role</th></tr><tr><td>X Ltd</td><td></td><td>consignee</td></tr></table>after')).toBe('Agent | Role\nX Ltd | consignee\nafter');
    expect(htmlToText('<table><tr><td>a<td>b</table>')).toBe('a | b');
  });
});
