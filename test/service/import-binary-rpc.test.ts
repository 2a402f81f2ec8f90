/**
 * A file that is not text, picked in the app's import dialog, is refused by the data service's
 * parse request (`import.preview`, the dialog's first call; `import.newCase`) with the same
 * sentence the import CLI prints — which file, why, what to do — before any preview, and nothing
 * changes (tester finding: the text check ran in the CLI only). Real bytes: a PNG (by name and
 * renamed .csv), a ZIP that is no KMZ (an .xlsx, and a .kmz without a KML), a PDF renamed .csv,
 * random bytes with and without zero bytes. A UTF-16 CSV with a byte-order mark is still read.
 */
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../shared/domain/case';
import { startService, type Harness } from '../helpers/service';
import type { DataClient } from '../../renderer/src/data/client';
import { RpcError } from '../../renderer/src/data/rpc-error';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function newCase(): Promise<{ c: DataClient; workspaceId: string; caseId: string }> {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'A', agency: 'Customs', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Binary' } });
  return { c, workspaceId: ws.id, caseId: k.id };
}

/** A ZIP of `entries` as yazl writes it (an .xlsx is one). */
function zip(entries: [string, string][]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of entries) z.addBuffer(Buffer.from(data), name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (b: Buffer) => chunks.push(b));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** A PNG's signature and IHDR chunk (1×1 RGBA), then compressed-looking bytes. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000', 'hex'), randomBytes(4000)]);
const CSV = 'seizure_date,country,place,commodity,quantity,unit\n2019-07-21,SG,Pasir Panjang,ivory,8.8,t\n2020-01-02,DE,Köln–Bonn,pangolin scales,1.2,t\n';

/** The refusal of `import.preview` for `bytes` named `fileName` (fails the test when it is accepted). */
async function refusal(c: DataClient, workspaceId: string, caseId: string, fileName: string, bytes: Buffer): Promise<string> {
  const err = await c.call('import.preview', { workspaceId, caseId, fileName, contentBase64: bytes.toString('base64') }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RpcError);
  expect((err as RpcError).code).toBe('import-failed');
  return (err as RpcError).message;
}

describe('the import dialog’s parse request refuses files that are not text', () => {
  it('names the file, why and what to do for an image, a workbook, a PDF and random bytes; nothing changes', async () => {
    const { c, workspaceId, caseId } = await newCase();
    const xlsx = await zip([
      ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
      ['xl/workbook.xml', '<?xml version="1.0"?><workbook/>'],
      ['xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet/>'],
    ]);
    expect(await refusal(c, workspaceId, caseId, 'seizure-photo.png', PNG)).toBe(
      'seizure-photo.png: this is an image (PNG, JPEG or GIF); only CSV, KML, KMZ, GPX and GeoJSON files can be imported. Add a photo or scan to the case’s files to keep it with the case',
    );
    expect(await refusal(c, workspaceId, caseId, 'photo-renamed.csv', PNG)).toMatch(/^photo-renamed\.csv: this is an image/);
    expect(await refusal(c, workspaceId, caseId, 'register.xlsx', xlsx)).toBe(
      'register.xlsx: this is a ZIP-based file (e.g. an Excel .xlsx or .ods workbook), not a table NEST Desk can read; save the sheet as CSV (UTF-8) and import that',
    );
    expect(await refusal(c, workspaceId, caseId, 'register.csv', xlsx)).toMatch(/^register\.csv: this is a ZIP-based file .* save the sheet as CSV \(UTF-8\)/);
    // Named .kmz but holding no KML: read as a KMZ, refused as one.
    expect(await refusal(c, workspaceId, caseId, 'places.kmz', xlsx)).toMatch(/^places\.kmz: not a readable KMZ file/);
    expect(await refusal(c, workspaceId, caseId, 'report.csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'))).toMatch(
      /^report\.csv: this is a PDF; only CSV, KML, KMZ, GPX and GeoJSON files can be imported\. Save its table as CSV \(UTF-8\)/,
    );
    expect(await refusal(c, workspaceId, caseId, 'noise.csv', randomBytes(20_000))).toMatch(
      /^noise\.csv is not a text file: \d+% of its first [\d,]+ characters are control characters or zero bytes\. NEST Desk imports CSV, KML, KMZ, GPX and GeoJSON files; save a spreadsheet as CSV \(UTF-8\) and import that\.$/,
    );
    // No zero byte at all (the old app-side check looked only for those): control characters still tell.
    const noZeros = Buffer.from(randomBytes(20_000).map((b) => b || 1));
    expect(await refusal(c, workspaceId, caseId, 'nozeros.csv', noZeros)).toMatch(/^nozeros\.csv is not a text file: /);

    // Nothing was written, and a new case is not created from such a file either.
    expect((await c.call('cases.get', { workspaceId, caseId })).seizureCount).toBe(0);
    const newCaseErr = await c
      .call('import.newCase', { workspaceId, fileName: 'seizure-photo.png', contentBase64: PNG.toString('base64'), newCase: { title: 'From a photo', sector: 'wildlife' } })
      .then(() => null, (e: unknown) => e);
    expect((newCaseErr as RpcError).message).toMatch(/^seizure-photo\.png: this is an image/);
    expect((await c.call('cases.list', { workspaceId })).map((k) => k.title)).toEqual(['Binary']);
  }, 60_000);

  it('still reads a UTF-16 CSV with a byte-order mark, and one with a stray control character', async () => {
    const { c, workspaceId, caseId } = await newCase();
    const utf16 = iconv.encode(CSV, 'utf-16le', { addBOM: true });
    const preview = await c.call('import.preview', { workspaceId, caseId, fileName: 'excel-unicode.csv', contentBase64: utf16.toString('base64') });
    expect(preview.encoding).toBe('utf-16le');
    expect(preview.report.imported).toBe(2);
    expect(preview.sampleRows.map((r) => r[2])).toEqual(['Pasir Panjang', 'Köln–Bonn']);
    const bell = await c.call('import.preview', { workspaceId, caseId, fileName: 'bell.csv', contentBase64: Buffer.from(CSV.replace('ivory', 'ivory\u0007')).toString('base64') });
    expect(bell.report.imported).toBe(2);
  }, 60_000);
});
