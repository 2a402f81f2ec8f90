/**
 * Issue 11 item 5: a KMZ (zipped KML with its images) is read like the KML inside it, through the
 * data service's RPC as the import dialog sends it; a damaged or KML-less archive is refused by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { readKmz } from '../../../service/import/kmz';
import { unpackImport } from '../../../service/import/unpack';
import { parseImportFile } from '../../../service/import';
import { countryAt } from '../../../service/geo/country-at';

const KML = fs.readFileSync(path.resolve('../shared/cases/import/06-placemarks.kml'));

function zip(entries: [string, Buffer][]): Promise<Uint8Array> {
  const z = new yazl.ZipFile();
  for (const [name, data] of entries) z.addBuffer(data, name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    z.outputStream.on('error', reject);
  });
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('KMZ', () => {
  it('reads doc.kml out of the archive and lists its images', async () => {
    const kmz = await zip([['files/photo-1.png', PNG], ['doc.kml', KML], ['files/photo-2.jpg', PNG]]);
    const out = await readKmz('patrol.kmz', kmz);
    expect(out.kmlPath).toBe('doc.kml');
    expect(Buffer.from(out.kml).equals(KML)).toBe(true);
    expect(out.images).toEqual(['files/photo-1.png', 'files/photo-2.jpg']);
  });

  it('imports the same seizures as the KML itself, with a note about the images', async () => {
    const kmz = await zip([['doc.kml', KML], ['files/photo-1.png', PNG]]);
    const unpacked = await unpackImport('patrol.kmz', kmz);
    expect(unpacked.fileName).toBe('patrol.kmz/doc.kml');
    expect(unpacked.warnings).toEqual(['patrol.kmz: 1 image in the KMZ was not imported; the placemarks and lines were read from doc.kml.']);
    const fromKmz = parseImportFile({ fileName: unpacked.fileName, bytes: unpacked.bytes, countryAt });
    const fromKml = parseImportFile({ fileName: '06-placemarks.kml', bytes: new Uint8Array(KML), countryAt });
    expect(fromKmz.format).toBe('kml');
    expect(fromKmz.report.imported).toBe(fromKml.report.imported);
    expect(fromKmz.report.imported).toBeGreaterThan(0);
    expect(fromKmz.report.routes).toBe(1);
    expect(fromKmz.seizures).toEqual(fromKml.seizures);
  });

  it('takes the shallowest .kml when there is no doc.kml', async () => {
    const kmz = await zip([['a/b/deep.kml', Buffer.from('<kml/>')], ['top.kml', KML]]);
    expect((await readKmz('x.kmz', kmz)).kmlPath).toBe('top.kml');
  });

  it('names every other KML in the archive as not read, with how to import it (the tester’s t-two.kmz)', async () => {
    // As in t-two.kmz: b.kml at the top, sub/a.kml below it, no doc.kml.
    const b = Buffer.from('<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>ivory</name><TimeStamp><when>2021-03-14</when></TimeStamp><Point><coordinates>39.66,-4.05</coordinates></Point></Placemark></Document></kml>');
    const two = await zip([['sub/a.kml', KML], ['b.kml', b]]);
    const unpacked = await unpackImport('t-two.kmz', two);
    expect(unpacked.fileName).toBe('t-two.kmz/b.kml');
    expect(unpacked.warnings).toEqual([
      't-two.kmz: the placemarks and lines were read from b.kml only; the KMZ holds 1 more KML file, “sub/a.kml”, that was not read (a KMZ has one main KML document). To import it, unzip t-two.kmz and import that .kml file on its own.',
    ]);
    // With a doc.kml, every other KML is named, in path order, with the plural.
    const three = await zip([['z.kml', b], ['doc.kml', KML], ['layers/a.kml', b]]);
    const more = await unpackImport('three.kmz', three);
    expect(more.fileName).toBe('three.kmz/doc.kml');
    expect(more.warnings).toEqual([
      'three.kmz: the placemarks and lines were read from doc.kml only; the KMZ holds 2 more KML files, “layers/a.kml”, “z.kml”, that were not read (a KMZ has one main KML document). To import them, unzip three.kmz and import each .kml file on its own.',
    ]);
    // One KML alone: nothing to say.
    expect((await unpackImport('one.kmz', await zip([['doc.kml', KML]]))).warnings).toEqual([]);
  });

  it('refuses an archive without KML, and a damaged one, naming the file', async () => {
    const noKml = await zip([['files/photo.png', PNG]]);
    await expect(readKmz('empty.kmz', noKml)).rejects.toThrow('empty.kmz: not a readable KMZ file (no .kml document inside). Save it again');
    const damaged = (await zip([['doc.kml', KML]])).slice(0, 40);
    // The catalogue's words and a fix, not the ZIP library's English (tester finding: "End of central directory record…").
    await expect(unpackImport('broken.kmz', damaged)).rejects.toThrow('broken.kmz: not a readable KMZ file (the archive is damaged or is not a ZIP file). Save it again as KMZ from Google Earth or the program that made it, or export its KML and import that.');
  });

  it('other files pass through unchanged', async () => {
    const bytes = new Uint8Array(KML);
    expect(await unpackImport('06-placemarks.kml', bytes)).toEqual({ fileName: '06-placemarks.kml', bytes, warnings: [] });
  });
});
