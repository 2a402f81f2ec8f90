/**
 * Decides which importer reads a file: CSV, KML, GPX or GeoJSON. The file name's extension
 * decides when it is one we know; otherwise the content is sniffed (an XML root element `kml` or
 * `gpx`, a JSON object, or delimited text). Files that are certainly something else (ZIP-based
 * KMZ/XLSX/ODS, legacy XLS, PDF, other binaries) are refused with what to do instead.
 */
import { NestError } from '../../shared/errors';

/** The formats the import reads. */
export type ImportFormat = 'csv' | 'kml' | 'gpx' | 'geojson';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  kml: 'kml',
  gpx: 'gpx',
  geojson: 'geojson',
  json: 'geojson',
};

const failed = (fileName: string, why: string) => new NestError('import-failed', `${fileName}: ${why}`);

/**
 * Refuses binary files by their magic bytes: ZIP (KMZ, XLSX, ODS), OLE2 (XLS), PDF.
 * @throws NestError('import-failed') naming the file and what to do.
 */
export function refuseBinary(fileName: string, bytes: Uint8Array): void {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    if (ext === 'kmz') throw failed(fileName, 'a KMZ file is a zipped KML; unzip it or save it as KML, then import the .kml file');
    throw failed(fileName, 'this is a ZIP-based file (e.g. an Excel .xlsx or .ods workbook); save the sheet as CSV and import that');
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) throw failed(fileName, 'this is an old Excel .xls workbook; save the sheet as CSV and import that');
  if (starts(0x25, 0x50, 0x44, 0x46)) throw failed(fileName, 'this is a PDF; only CSV, KML, GPX and GeoJSON files can be imported');
}

/**
 * The format of a file from its name, else from its decoded text.
 * @throws NestError('import-failed') when the text contains NUL characters (a binary file) or is
 *   none of the four formats.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  if (text.includes('\u0000')) throw failed(fileName, 'this is a binary file, not CSV, KML, GPX or GeoJSON');
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const known = fileName.includes('.') ? BY_EXTENSION[ext] : undefined;
  if (known) return known;
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('<')) {
    const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head)?.[2]?.toLowerCase();
    if (root === 'kml') return 'kml';
    if (root === 'gpx') return 'gpx';
    throw failed(fileName, `this XML file is not KML or GPX (its root element is <${root ?? '?'}>)`);
  }
  if (head.startsWith('{')) return 'geojson';
  if (/[,;\t|]/.test(head.split(/\r?\n/)[0] ?? '')) return 'csv';
  throw failed(fileName, 'this is not a CSV, KML, GPX or GeoJSON file');
}
