/** KML, GPX and GeoJSON: geometries to seizure locations and routes, properties to cells. */
import { describe, expect, it } from 'vitest';
import { readGeo } from '../../../service/import/geo-reader';
import { parseImportFile } from '../../../service/import';
import { utf8 } from './fixtures';

const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', geometry, properties });

describe('readGeo (GeoJSON)', () => {
  it('takes [lon, lat, alt?] points, drops altitude, and keeps features without geometry', () => {
    const t = readGeo('f.geojson', fc(feature({ type: 'Point', coordinates: [106.683, 20.865, 12] }, { a: 1 }), feature(null, { b: 'x' })), 'geojson');
    expect(t.headers).toEqual(['a', 'b']);
    expect(t.features).toEqual([
      { index: 0, kind: 'feature', number: 1, properties: { a: '1' }, location: { latitude: 20.865, longitude: 106.683 } },
      { index: 1, kind: 'feature', number: 2, properties: { b: 'x' }, location: null },
    ]);
  });

  it('turns lines into routes, a polygon into its middle and a multipoint into its first point, with warnings', () => {
    const t = readGeo('f.geojson', fc(
      feature({ type: 'LineString', coordinates: [[29.3, -3.4], [36.8, -1.3]] }, { name: 'Lake route', description: 'by truck' }),
      feature({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] }, { name: 'Two legs' }),
      feature({ type: 'Polygon', coordinates: [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]] }, { name: 'Forest block' }),
      feature({ type: 'MultiPoint', coordinates: [[39.7, -4.03], [39.71, -4.04]] }),
      feature({ type: 'LineString', coordinates: [[1, 1]] }, { name: 'Too short' }),
    ), 'geojson');
    expect(t.routes).toEqual([
      { name: 'Lake route', points: [[-3.4, 29.3], [-1.3, 36.8]], notes: 'by truck', kind: 'trafficking' },
      { name: 'Two legs (1)', points: [[0, 0], [1, 1]], notes: '', kind: 'trafficking' },
      { name: 'Two legs (2)', points: [[2, 2], [3, 3]], notes: '', kind: 'trafficking' },
    ]);
    expect(t.features.map((f) => [f.index, f.location])).toEqual([
      [2, { latitude: 1, longitude: 11 }],
      [3, { latitude: -4.03, longitude: 39.7 }],
    ]);
    expect(t.warnings).toEqual([
      // Numbered from 1, as the report's lines and the duplicate notes count (tester finding).
      'Feature 3 (Forest block): an area became one seizure at the middle of its outline.',
      'Feature 4 (feature 4): a group of 2 points became one seizure at its first point.',
      'Feature 5 (Too short): a line was not imported as a route: points must have at least 2 points.',
    ]);
  });

  it('flattens lists and numbers in properties', () => {
    const t = readGeo('f.geojson', JSON.stringify(feature(null, { origin_iso2: ['CD', 'UG'], quantity: 8.8, ok: true, nothing: null })), 'geojson');
    expect(t.features[0]!.properties).toEqual({ origin_iso2: 'CD;UG', quantity: '8.8', ok: 'true', nothing: '' });
  });

  it('refuses JSON that is not well-formed or not GeoJSON', () => {
    expect(() => readGeo('f.geojson', '{"type": "FeatureCollection", "features": [', 'geojson')).toThrow(/^f\.geojson: not well-formed JSON/);
    expect(() => readGeo('f.geojson', '{"type": "Point", "coordinates": [1, 2]}', 'geojson')).toThrow('f.geojson: not a GeoJSON FeatureCollection or Feature');
  });
});

describe('readGeo (KML, GPX)', () => {
  it('refuses XML that is not well-formed', () => {
    expect(() => readGeo('p.kml', '<kml><Document><Placemark></Document></kml>', 'kml')).toThrow(/^p\.kml: not well-formed XML/);
  });

  it('reads GPX waypoints as seizures (their time of day kept in the notes) and tracks as patrol tracks', () => {
    const gpx = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="-4.05" lon="39.6667"><time>2021-03-11T08:00:00Z</time><name>rosewood logs</name><desc>40-ft container</desc></wpt>
  <trk><name>Patrol</name><trkseg><trkpt lat="-4.0" lon="39.6"/><trkpt lat="-4.1" lon="39.7"/></trkseg></trk>
</gpx>`;
    const parsed = parseImportFile({ fileName: 'patrol.gpx', bytes: utf8(gpx), defaults: { country: 'KE', sector: 'forestry' } });
    expect(parsed.format).toBe('gpx');
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures).toHaveLength(1);
    expect(parsed.seizures[0]!.fields).toMatchObject({ commodity: 'rosewood logs', seizureDate: '2021-03-11', latitude: -4.05, longitude: 39.6667, notes: '40-ft container\nTime of day: 08:00:00Z', country: 'KE' });
    expect(parsed.routes).toEqual([{ name: 'Patrol', points: [[-4, 39.6], [-4.1, 39.7]], notes: '', kind: 'patrol' }]);
  });

  it('reads KML ExtendedData in the public column names and a TimeSpan', () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>P1</name>
      <TimeSpan><begin>2019-07</begin><end>2019-08</end></TimeSpan>
      <ExtendedData><Data name="country_iso2"><value>SG</value></Data><Data name="commodity"><value>pangolin scales</value></Data>
      <Data name="quantity"><value>11.9</value></Data><Data name="unit"><value>t</value></Data><Data name="crime_sector"><value>wildlife</value></Data></ExtendedData>
      <Point><coordinates>103.764,1.274</coordinates></Point></Placemark></Document></kml>`;
    const parsed = parseImportFile({ fileName: 'p.kml', bytes: utf8(kml) });
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures[0]!.fields).toMatchObject({ seizureDate: '2019-07-01', datePrecision: 'month', country: 'SG', commodity: 'pangolin scales', quantity: 11.9, unit: 't', sector: 'wildlife', notes: 'Until: 2019-08\nname: P1' });
  });
});

describe('GeoJSON seizures', () => {
  it('uses coordinate properties when a feature has no geometry, and the geometry when it has one', () => {
    const text = fc(
      feature(null, { seizure_date: '2019-07-21', country_iso2: 'SG', commodity: 'x', latitude: 1.274, longitude: 103.764 }),
      feature({ type: 'Point', coordinates: [39.6667, -4.05] }, { seizure_date: '2021-03-11', country_iso2: 'KE', commodity: 'y', latitude: 1, longitude: 2 }),
      feature({ type: 'Point', coordinates: [139.6667, 95] }, { seizure_date: '2021-03-11', country_iso2: 'KE', commodity: 'z' }),
    );
    const parsed = parseImportFile({ fileName: 'f.geojson', bytes: utf8(text) });
    expect(parsed.seizures.map((s) => [s.line, s.fields.latitude, s.fields.longitude])).toEqual([[1, 1.274, 103.764], [2, -4.05, 39.6667]]);
    // Feature 2's properties (1, 2) disagree with its geometry: kept in the notes, the row flagged (tester finding F14).
    expect(parsed.seizures[1]!.fields.notes).toBe('latitude: 1\nlongitude: 2');
    expect(parsed.seizures[1]!.review).toEqual([{ kind: 'coordinates-disagree', geometry: '-4.05, 39.6667', stated: '1, 2' }]);
    // 95 does not fit swapped either (139.6667 is no latitude): out of range, with the fix.
    expect(parsed.report.rejected).toEqual([
      { line: 3, column: 'geometry', field: 'latitude', value: '95', reason: 'must be between -90 and 90 degrees', fix: 'write each position as [longitude, latitude] in decimal degrees (WGS 84: latitude -90 to 90, longitude -180 to 180) and import it again' },
    ]);
  });
});
