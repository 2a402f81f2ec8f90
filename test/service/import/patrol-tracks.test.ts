/**
 * Patrol tracks (issue 11 item 5): GPX tracks and KML gx:Tracks are imported as patrol tracks with
 * their per-point times; a drawn KML LineString is a suspected trafficking route unless the import
 * dialog chooses otherwise; a route-only file imports its routes; a KML timestamp keeps its time of day.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { utf8 } from './fixtures';

const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Patrol 4 March</name>
    <trkseg><trkpt lat="-4.0" lon="39.6"><time>2021-03-04T06:00:00Z</time></trkpt><trkpt lat="-4.1" lon="39.7"><time>2021-03-04T07:00:00Z</time></trkpt></trkseg>
    <trkseg><trkpt lat="-4.2" lon="39.8"><time>2021-03-04T08:00:00Z</time></trkpt><trkpt lat="-4.3" lon="39.9"/></trkseg>
  </trk>
  <rte><name>Planned</name><rtept lat="-4.0" lon="39.6"/><rtept lat="-4.1" lon="39.7"/></rte>
</gpx>`;

const KML = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>
<Placemark><name>Night patrol</name><gx:Track><when>2021-03-04T22:00:00Z</when><when>2021-03-04T23:30:00Z</when><gx:coord>39.6 -4.0 0</gx:coord><gx:coord>39.7 -4.1 0</gx:coord></gx:Track></Placemark>
<Placemark><name>Suspected route</name><LineString><coordinates>29.3,-3.4,0 36.8,-1.3,0</coordinates></LineString></Placemark>
<Placemark><name>ivory</name><TimeStamp><when>2021-03-04T23:45:00+03:00</when></TimeStamp><Point><coordinates>39.66,-4.05</coordinates></Point></Placemark>
</Document></kml>`;

describe('patrol tracks', () => {
  it('imports a GPX track as patrol tracks (one per segment) with their times, and a GPX route as a trafficking route', () => {
    const parsed = parseImportFile({ fileName: 'patrol.gpx', bytes: utf8(GPX) });
    expect(parsed.seizures).toEqual([]);
    expect(parsed.routes).toEqual([
      { name: 'Patrol 4 March (1)', points: [[-4, 39.6], [-4.1, 39.7]], notes: '', kind: 'patrol', times: [Date.UTC(2021, 2, 4, 6), Date.UTC(2021, 2, 4, 7)] },
      // togeojson lists only the times a segment has, so a point without one leaves the list short: dropped, with a warning.
      { name: 'Patrol 4 March (2)', points: [[-4.2, 39.8], [-4.3, 39.9]], notes: '', kind: 'patrol' },
      { name: 'Planned', points: [[-4, 39.6], [-4.1, 39.7]], notes: '', kind: 'trafficking' },
    ]);
    expect(parsed.report).toMatchObject({ routes: 3, patrolRoutes: 2, imported: 0 });
    expect(parsed.report.warnings).toContain('Track 1 (Patrol 4 March): the line has 1 time for 2 points; its times were not kept.');
  });

  it('imports a KML gx:Track as a patrol track with times and a LineString as a trafficking route', () => {
    const parsed = parseImportFile({ fileName: 'p.kml', bytes: utf8(KML), defaults: { country: 'KE' } });
    expect(parsed.routes.map((r) => [r.name, r.kind, r.times ?? null])).toEqual([
      ['Night patrol', 'patrol', [Date.UTC(2021, 2, 4, 22), Date.UTC(2021, 2, 4, 23, 30)]],
      ['Suspected route', 'trafficking', null],
    ]);
    // The date as written (not shifted to UTC), the time of day as written in the notes.
    expect(parsed.seizures[0]!.fields).toMatchObject({ commodity: 'ivory', seizureDate: '2021-03-04', notes: 'Time of day: 23:45:00+03:00' });
  });

  it('gives every line the kind chosen in the import dialog', () => {
    const asPatrol = parseImportFile({ fileName: 'p.kml', bytes: utf8(KML), routeKind: 'patrol', defaults: { country: 'KE' } });
    expect(asPatrol.routes.map((r) => r.kind)).toEqual(['patrol', 'patrol']);
    const asTrafficking = parseImportFile({ fileName: 'patrol.gpx', bytes: utf8(GPX), routeKind: 'trafficking' });
    expect(asTrafficking.routes.map((r) => r.kind)).toEqual(['trafficking', 'trafficking', 'trafficking']);
    // The times stay: a recording is still a recording.
    expect(asTrafficking.routes[0]!.times).toHaveLength(2);
    expect(asTrafficking.report.patrolRoutes).toBe(0);
  });

  it('drops times that are not one per point, with a warning, and keeps the line', () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'Odd', coordinateProperties: { times: ['2021-03-04T06:00:00Z'] } }, geometry: { type: 'LineString', coordinates: [[39.6, -4], [39.7, -4.1]] } },
    ] });
    const parsed = parseImportFile({ fileName: 'odd.geojson', bytes: utf8(geojson) });
    expect(parsed.routes).toEqual([{ name: 'Odd', points: [[-4, 39.6], [-4.1, 39.7]], notes: '', kind: 'trafficking' }]);
    expect(parsed.report.warnings).toContain('Feature 1 (Odd): the line has 1 time for 2 points; its times were not kept.');
  });
});
