/**
 * KMZ files: a ZIP holding a KML document (by convention `doc.kml`, else the first `.kml` at the
 * shallowest level) and the images its placemarks show. A KMZ has one main KML document (Google's
 * KMZ reference: "as long as there is only one .kml file"); any other .kml in the archive is not
 * read, and is named in the report with how to import it (unpack.ts), never left out silently. The KML is taken out here, before the
 * synchronous import pipeline, so a KMZ is read exactly like the KML inside it. Read with yauzl
 * from memory, entry by entry, with the limits of an import: at most {@link MAX_KMZ_ENTRIES}
 * entries and {@link MAX_IMPORT_BYTES} of uncompressed KML (yauzl checks each entry's declared size
 * against what it inflates, so a zip bomb stops at the limit). The images the KML refers to (its
 * text names their path, e.g. `<img src="files/photo-1.jpg">` in a description) are read too, up to
 * {@link MAX_KMZ_IMAGE_BYTES} in all, so the import can attach them to the case (kmz-images.ts).
 */
import yauzl from 'yauzl';
import { NestError } from '../../shared/errors';

/** Most entries a KMZ may hold. */
export const MAX_KMZ_ENTRIES = 10_000;
/** Largest KML inside a KMZ, in bytes (the import limit, 64 MiB). */
const MAX_KML_BYTES = 64 * 1024 * 1024;
/** Most bytes of referenced images read out of one KMZ (64 MiB); images past it are left out. */
export const MAX_KMZ_IMAGE_BYTES = 64 * 1024 * 1024;

/** An image the KML refers to, as stored in the archive. */
export interface KmzImage {
  /** Its path inside the archive, e.g. 'files/photo-1.jpg'. */
  path: string;
  bytes: Uint8Array;
}

/** What {@link readKmz} takes out of a KMZ. */
export interface KmzContent {
  /** The KML document's bytes. */
  kml: Uint8Array;
  /** Its path inside the archive, e.g. 'doc.kml'. */
  kmlPath: string;
  /** Paths of the images in the archive (png, jpg, jpeg, gif, webp, bmp), sorted. */
  images: string[];
  /** The images whose path the KML's text names, in path order, within {@link MAX_KMZ_IMAGE_BYTES}. */
  referenced: KmzImage[];
  /** Paths of the archive's other .kml files, not read (a KMZ has one main KML document), sorted. */
  otherKmls: string[];
}

/** Reads one entry's bytes. */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('unreadable entry'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

/** The image entries `kml` names, read in path order while their total stays within the limit. */
async function readReferenced(zip: yauzl.ZipFile, kml: Uint8Array, images: readonly yauzl.Entry[]): Promise<KmzImage[]> {
  const text = Buffer.from(kml.buffer, kml.byteOffset, kml.byteLength).toString('utf8');
  const out: KmzImage[] = [];
  let total = 0;
  for (const e of [...images].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    if (!text.includes(e.fileName) || total + e.uncompressedSize > MAX_KMZ_IMAGE_BYTES) continue;
    total += e.uncompressedSize;
    out.push({ path: e.fileName, bytes: await readEntry(zip, e) });
  }
  return out;
}

/** True when `bytes` start like a ZIP archive and `fileName` ends in .kmz. */
export function isKmz(fileName: string, bytes: Uint8Array): boolean {
  return /\.kmz$/i.test(fileName) && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Why a KMZ is refused, as the catalogue names it: the ZIP library's own English ("End of central
 * directory record signature not found") meant nothing to a user and offered no fix (tester finding).
 */
type KmzProblem = 'damaged' | 'nokml' | 'entries' | 'toolarge';
const failed = (file: string, why: KmzProblem) => new NestError('import-failed', { id: 'import.file.bad-kmz', values: { file, why, max: MAX_KMZ_ENTRIES } });

/**
 * Takes the KML and the image list out of a KMZ.
 * @throws NestError('import-failed') when the archive is damaged, holds no KML, has too many
 *   entries, or its KML is larger than the import limit.
 */
export function readKmz(fileName: string, bytes: Uint8Array): Promise<KmzContent> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(failed(fileName, 'damaged'));
      if (zip.entryCount > MAX_KMZ_ENTRIES) {
        zip.close();
        return reject(failed(fileName, 'entries'));
      }
      const kmls: yauzl.Entry[] = [];
      const images: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        if (/\.kml$/i.test(e.fileName)) kmls.push(e);
        else if (/\.(png|jpe?g|gif|webp|bmp)$/i.test(e.fileName)) images.push(e);
        zip.readEntry();
      });
      zip.on('error', () => reject(failed(fileName, 'damaged')));
      zip.on('end', () => {
        const depth = (e: yauzl.Entry) => e.fileName.split('/').length;
        const entry = kmls.find((e) => e.fileName.toLowerCase() === 'doc.kml') ?? [...kmls].sort((a, b) => depth(a) - depth(b))[0];
        if (!entry) return reject(failed(fileName, 'nokml'));
        if (entry.uncompressedSize > MAX_KML_BYTES) return reject(failed(fileName, 'toolarge'));
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return reject(failed(fileName, 'damaged'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => reject(failed(fileName, 'damaged')));
          stream.on('end', () => {
            const kml = new Uint8Array(Buffer.concat(chunks));
            readReferenced(zip, kml, images).then(
              (referenced) => {
                zip.close();
                const otherKmls = kmls.filter((e) => e !== entry).map((e) => e.fileName).sort();
                resolve({ kml, kmlPath: entry.fileName, images: images.map((e) => e.fileName).sort(), referenced, otherKmls });
              },
              () => {
                zip.close();
                reject(failed(fileName, 'damaged'));
              },
            );
          });
        });
      });
      zip.readEntry();
    });
  });
}
