/**
 * Decides which importer reads a file: CSV, KML, GPX or GeoJSON. The file name's extension
 * decides when it is one we know; otherwise the content is sniffed (an XML root element `kml` or
 * `gpx`, a JSON object, or delimited text). Files that are certainly something else (ZIP-based
 * KMZ/XLSX/ODS, legacy XLS, PDF, images) are refused with what to do instead.
 */
import { NestError, type ErrorValues } from '../../shared/errors';
import type { MessageId } from '../../shared/messages';

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

/** The file cannot be imported: the catalogue message `id` (`import.file.*`), which starts with the file's name. */
const failed = (fileName: string, id: MessageId, values: ErrorValues = {}) => new NestError('import-failed', { id, values: { file: fileName, ...values } });

/**
 * Refuses binary files by their magic bytes: ZIP (KMZ, XLSX, ODS), OLE2 (XLS), PDF, PNG, JPEG,
 * GIF. Other binaries are refused once decoded (text-check.ts).
 * @throws NestError('import-failed') naming the file and what to do.
 */
export function refuseBinary(fileName: string, bytes: Uint8Array): void {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    if (ext === 'kmz') throw failed(fileName, 'import.file.kmz');
    throw failed(fileName, 'import.file.zip');
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) throw failed(fileName, 'import.file.xls');
  if (starts(0x25, 0x50, 0x44, 0x46)) throw failed(fileName, 'import.file.pdf');
  // PNG, JPEG, GIF: a photo or a scan picked by mistake.
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) throw failed(fileName, 'import.file.image');
}

/**
 * The format of a file from its name, else from its decoded text.
 * @throws NestError('import-failed') when the text is none of the four formats (text that is not
 *   text at all is refused before, text-check.ts).
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const known = fileName.includes('.') ? BY_EXTENSION[ext] : undefined;
  if (known) return known;
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('<')) {
    const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head)?.[2]?.toLowerCase();
    if (root === 'kml') return 'kml';
    if (root === 'gpx') return 'gpx';
    throw failed(fileName, 'import.file.xml-not-geo', { root: root ?? '?' });
  }
  if (head.startsWith('{')) return 'geojson';
  if (/[,;\t|]/.test(head.split(/\r?\n/)[0] ?? '')) return 'csv';
  throw failed(fileName, 'import.file.unknown-format');
}
