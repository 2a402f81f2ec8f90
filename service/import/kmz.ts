/**
 * KMZ files: a ZIP holding a KML document (by convention `doc.kml`, else the first `.kml` at the
 * shallowest level) and the images its placemarks show. The KML is taken out here, before the
 * synchronous import pipeline, so a KMZ is read exactly like the KML inside it. Read with yauzl
 * from memory, entry by entry, with the limits of an import: at most {@link MAX_KMZ_ENTRIES}
 * entries and {@link MAX_IMPORT_BYTES} of uncompressed KML (yauzl checks each entry's declared size
 * against what it inflates, so a zip bomb stops at the limit). Images are listed, not stored.
 */
import yauzl from 'yauzl';
import { NestError } from '../../shared/errors';

/** Most entries a KMZ may hold. */
export const MAX_KMZ_ENTRIES = 10_000;
/** Largest KML inside a KMZ, in bytes (the import limit, 64 MiB). */
const MAX_KML_BYTES = 64 * 1024 * 1024;

/** What {@link readKmz} takes out of a KMZ. */
export interface KmzContent {
  /** The KML document's bytes. */
  kml: Uint8Array;
  /** Its path inside the archive, e.g. 'doc.kml'. */
  kmlPath: string;
  /** Paths of the images in the archive (png, jpg, jpeg, gif, webp, bmp), sorted. */
  images: string[];
}

/** True when `bytes` start like a ZIP archive and `fileName` ends in .kmz. */
export function isKmz(fileName: string, bytes: Uint8Array): boolean {
  return /\.kmz$/i.test(fileName) && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const failed = (file: string, why: string) => new NestError('import-failed', { id: 'import.file.bad-kmz', values: { file, why } });

/**
 * Takes the KML and the image list out of a KMZ.
 * @throws NestError('import-failed') when the archive is damaged, holds no KML, has too many
 *   entries, or its KML is larger than the import limit.
 */
export function readKmz(fileName: string, bytes: Uint8Array): Promise<KmzContent> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(failed(fileName, err?.message ?? 'unreadable'));
      if (zip.entryCount > MAX_KMZ_ENTRIES) {
        zip.close();
        return reject(failed(fileName, `${zip.entryCount} entries`));
      }
      const kmls: yauzl.Entry[] = [];
      const images: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        if (/\.kml$/i.test(e.fileName)) kmls.push(e);
        else if (/\.(png|jpe?g|gif|webp|bmp)$/i.test(e.fileName)) images.push(e.fileName);
        zip.readEntry();
      });
      zip.on('error', (e: Error) => reject(failed(fileName, e.message)));
      zip.on('end', () => {
        const depth = (e: yauzl.Entry) => e.fileName.split('/').length;
        const entry = kmls.find((e) => e.fileName.toLowerCase() === 'doc.kml') ?? [...kmls].sort((a, b) => depth(a) - depth(b))[0];
        if (!entry) return reject(failed(fileName, 'no .kml document inside'));
        if (entry.uncompressedSize > MAX_KML_BYTES) return reject(failed(fileName, `${entry.fileName} is larger than 64 MiB`));
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return reject(failed(fileName, e2?.message ?? 'unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (e3: Error) => reject(failed(fileName, e3.message)));
          stream.on('end', () => {
            zip.close();
            resolve({ kml: new Uint8Array(Buffer.concat(chunks)), kmlPath: entry.fileName, images: images.sort() });
          });
        });
      });
      zip.readEntry();
    });
  });
}
