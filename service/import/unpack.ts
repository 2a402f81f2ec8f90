/**
 * The asynchronous step before the (synchronous) import pipeline: a KMZ is unzipped to the KML
 * it holds (kmz.ts), named "<file>.kmz/<path>.kml" so the format is KML and the report still
 * names the file the user picked, with the images the KML refers to; every other file passes through unchanged.
 * The warnings name what the report must say about the archive: its other KML files (not read), the
 * images the KML shows (listed, attached on import) and those it does not (not imported).
 */
import { t } from '../../shared/messages';
import { isKmz, readKmz, type KmzImage } from './kmz';

/** The bytes to import, under the name to import them as, and warnings about what was left out. */
export interface UnpackedImport {
  fileName: string;
  bytes: Uint8Array;
  warnings: string[];
  /** A KMZ's images that its KML refers to (attached to the case on commit: kmz-images.ts); absent for other files. */
  images?: KmzImage[];
}

/**
 * Unpacks `bytes` when they are a KMZ (see the module comment).
 * @throws NestError('import-failed') for a damaged KMZ or one without a KML document.
 */
export async function unpackImport(fileName: string, bytes: Uint8Array): Promise<UnpackedImport> {
  if (!isKmz(fileName, bytes)) return { fileName, bytes, warnings: [] };
  const kmz = await readKmz(fileName, bytes);
  const warnings: string[] = [];
  // Every KML the archive holds besides the one read is named, with how to import it (tester finding F16).
  if (kmz.otherKmls.length) {
    warnings.push(t('import.warning.kmz-other-kml', { file: fileName, kml: kmz.kmlPath, count: kmz.otherKmls.length, others: kmz.otherKmls.map((p) => `“${p}”`).join(', ') }));
  }
  // The images the KML shows are listed (and attached to the case on import: kmz-images.ts); the placemarks' notes name each one's.
  if (kmz.referenced.length) {
    warnings.push(t('import.warning.kmz-images-listed', { file: fileName, kml: kmz.kmlPath, count: kmz.referenced.length, paths: kmz.referenced.map((i) => `${fileName}/${i.path}`).join(', ') }));
  }
  const left = kmz.images.length - kmz.referenced.length;
  if (left) warnings.push(t('import.warning.kmz-images', { file: fileName, count: left, kml: kmz.kmlPath }));
  return { fileName: `${fileName}/${kmz.kmlPath}`, bytes: kmz.kml, warnings, images: kmz.referenced };
}
