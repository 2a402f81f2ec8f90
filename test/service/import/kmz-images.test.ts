/**
 * Issue 11 item 5, KMZ images: the images a KMZ's placemarks refer to are kept — stored
 * content-addressed and listed in the case's files — when the KMZ is imported through the data
 * service's RPC; images nothing refers to are left out with a warning, and importing the same KMZ
 * again adds no second copy. The report lists the images the KML shows and each seizure's notes
 * name its own, into an existing case and into one the import creates (tester finding F16: a new
 * case got none, and nothing said which photo went with which seizure).
 */
import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFiles } from '../../../shared/docs/case-files';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { readKmz } from '../../../service/import/kmz';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

function zip(entries: [string, Buffer][]): Promise<string> {
  const z = new yazl.ZipFile();
  for (const [name, data] of entries) z.addBuffer(data, name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks).toString('base64')));
    z.outputStream.on('error', reject);
  });
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('photo of the tusks')]);
const UNUSED = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('a style icon')]);
const KML = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>ivory</name><description><![CDATA[<p>Tusks in the container</p><img src="files/tusks.png"/>]]></description>
<TimeStamp><when>2021-03-11</when></TimeStamp><Point><coordinates>39.66,-4.05</coordinates></Point></Placemark>
</Document></kml>`);

describe('KMZ images', () => {
  it('reads the referenced images out of the archive', async () => {
    const kmz = new Uint8Array(Buffer.from(await zip([['doc.kml', KML], ['files/tusks.png', PNG], ['icons/unused.png', UNUSED]]), 'base64'));
    const out = await readKmz('p.kmz', kmz);
    expect(out.images).toEqual(['files/tusks.png', 'icons/unused.png']);
    expect(out.referenced.map((i) => [i.path, Buffer.from(i.bytes).equals(PNG)])).toEqual([['files/tusks.png', true]]);
  });

  it('attaches them to the case on import, content-addressed, once', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'A', agency: 'Customs', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'KMZ' } });
    const contentBase64 = await zip([['doc.kml', KML], ['files/tusks.png', PNG], ['icons/unused.png', UNUSED]]);
    const report = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, fileName: 'patrol.kmz', contentBase64 });
    expect(report.imported).toBe(1);
    expect(report.warnings).toEqual([
      'patrol.kmz: doc.kml shows 1 image: patrol.kmz/files/tusks.png. It is attached to the case’s files on import under that name, and the notes of each placemark name the images it shows.',
      'patrol.kmz: 1 image in the KMZ was not imported; the placemarks and lines were read from doc.kml.',
      '1 row names a commodity not in the commodity list, kept as written: “ivory” (1 row). An admin can add recurring names to the workspace’s list (Commodities).',
      '1 image that the placemarks show was attached to the case.',
    ]);
    const again = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, fileName: 'patrol.kmz', contentBase64, allowReimport: true });
    expect(again.warnings).not.toContain('1 image that the placemarks show was attached to the case.');
    const r = c.openDoc(k.docName);
    await r.whenSynced();
    const files = new CaseFiles(r.doc).list();
    expect(files.map((f) => [f.name, f.hash, f.size, f.mediaType])).toEqual([['patrol.kmz/files/tusks.png', createHash('sha256').update(PNG).digest('hex'), PNG.length, 'image/png']]);
    const read = await c.call('files.read', { workspaceId: ws.id, caseId: k.id, hash: files[0]!.hash, offset: 0, length: PNG.length });
    expect(Buffer.from(read.base64, 'base64').equals(PNG)).toBe(true);
    // The seizure's notes name the photo its placemark shows, under the name the case's files list.
    expect(new CaseDoc(r.doc).listSeizures().map((x) => x.notes)).toEqual(['Tusks in the container\nImage: patrol.kmz/files/tusks.png']);
  }, 120_000);

  it('attaches them to a case the import creates, and names in each seizure the image its icon shows (the tester’s s-photos.kmz)', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'A', agency: 'Customs', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    // As in the tester's file: the photo is the placemark's icon (<Style><IconStyle><Icon><href>), one placemark has none.
    const kml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Timber A</name><Style><IconStyle><Icon><href>files/photo.jpg</href></Icon></IconStyle></Style>
<ExtendedData><Data name="commodity"><value>rosewood logs</value></Data></ExtendedData>
<TimeStamp><when>2021-03-11</when></TimeStamp><Point><coordinates>39.6667,-4.05</coordinates></Point></Placemark>
<Placemark><name>Timber B</name><Style><IconStyle><Icon><href>http://maps.google.com/mapfiles/kml/paddle/red-circle.png</href></Icon></IconStyle></Style>
<ExtendedData><Data name="commodity"><value>rosewood logs</value></Data></ExtendedData>
<TimeStamp><when>2021-03-13</when></TimeStamp><Point><coordinates>39.67,-4.06</coordinates></Point></Placemark>
</Document></kml>`);
    const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.from('the container seal')]);
    const contentBase64 = await zip([['doc.kml', kml], ['files/photo.jpg', JPEG]]);
    const request = { workspaceId: ws.id, fileName: 's-photos.kmz', contentBase64, newCase: { title: 'KMZ', sector: 'forestry' as const } };
    const listed = 's-photos.kmz: doc.kml shows 1 image: s-photos.kmz/files/photo.jpg. It is attached to the case’s files on import under that name, and the notes of each placemark name the images it shows.';
    const dry = await c.call('import.newCase', { ...request, dryRun: true });
    expect(dry.report.warnings).toContain(listed);
    const r = await c.call('import.newCase', request);
    expect(r.report.imported).toBe(2);
    expect(r.report.warnings).toContain(listed);
    expect(r.report.warnings).toContain('1 image that the placemarks show was attached to the case.');
    const k = (await c.call('cases.list', { workspaceId: ws.id }))[0]!;
    const replica = c.openDoc(k.docName);
    await replica.whenSynced();
    expect(new CaseFiles(replica.doc).list().map((f) => [f.name, f.hash, f.mediaType])).toEqual([['s-photos.kmz/files/photo.jpg', createHash('sha256').update(JPEG).digest('hex'), 'image/jpeg']]);
    // Only the placemark whose icon is the archive's photo names it; a web icon is a map symbol, not evidence.
    expect(new CaseDoc(replica.doc).listSeizures().map((x) => [x.seizureDate, x.notes])).toEqual([
      ['2021-03-11', 'Image: s-photos.kmz/files/photo.jpg\nname: Timber A'],
      ['2021-03-13', 'name: Timber B'],
    ]);
  }, 120_000);
});
