/**
 * KML typed booleans (tester finding, issue 11): `<SimpleField type="bool">` values are read from
 * their text, not with togeojson's `Boolean(text)` that made "0" and "false" true.
 */
import { describe, expect, it } from 'vitest';
import { readGeo } from '../../../service/import/geo-reader';
import { kmlBoolText } from '../../../service/import/kml-bools';

const placemark = (name: string, verified: string, extra = '') =>
  `<Placemark><name>${name}</name><ExtendedData><SchemaData schemaUrl="#seiz"><SimpleData name="verified">${verified}</SimpleData><SimpleData name="note">${verified}</SimpleData>${extra}</SchemaData></ExtendedData><Point><coordinates>39.6667,-4.05,0</coordinates></Point></Placemark>`;
const kmlFile = (...placemarks: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Schema name="seiz" id="seiz"><SimpleField name="verified" type="bool"/><SimpleField name="note" type="string"/></Schema>
${placemarks.join('\n')}
</Document></kml>`;

describe('KML bool fields', () => {
  it('reads 0/false as false, 1/true as true, and keeps anything else as written', () => {
    const t = readGeo('t1.kml', kmlFile(placemark('A', '0'), placemark('B', 'false'), placemark('C', '1'), placemark('D', ' TRUE '), placemark('E', 'yes'), placemark('F', '')), 'kml');
    expect(t.features.map((f) => f.properties.verified)).toEqual(['false', 'false', 'true', 'true', 'yes', '']);
    // A string field with the same text is left as written.
    expect(t.features.map((f) => f.properties.note)).toEqual(['0', 'false', '1', ' TRUE ', 'yes', '']);
  });

  it('keeps the placemark order with a placemark that has no bool value and a line among them', () => {
    const line = '<Placemark><name>Patrol</name><LineString><coordinates>39.6,-4.0 39.7,-4.1</coordinates></LineString></Placemark>';
    const t = readGeo('t1.kml', kmlFile(placemark('A', '0'), line, '<Placemark><name>None</name><Point><coordinates>39,-4</coordinates></Point></Placemark>', placemark('B', '1')), 'kml');
    expect(t.features.map((f) => [f.properties.name, f.properties.verified])).toEqual([['A', 'false'], ['None', undefined], ['B', 'true']]);
  });

  it('kmlBoolText', () => {
    expect(['1', 'true', 'True', '0', 'FALSE', 'maybe'].map(kmlBoolText)).toEqual(['true', 'true', 'true', 'false', 'false', 'maybe']);
  });
});
