/**
 * Issue 11 item 5, KMZ images: the images a KMZ's placemarks refer to are kept — stored
 * content-addressed and listed in the case's files — when the KMZ is imported through the data
 * service's RPC; images nothing refers to are left out with a warning, and importing the same KMZ
 * again adds no second copy.
 */
import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFiles } from '../../../shared/docs/case-files';
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
  }, 120_000);
});
