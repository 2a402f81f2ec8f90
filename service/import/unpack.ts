/**
 * The asynchronous step before the (synchronous) import pipeline: a KMZ is unzipped to the KML
 * it holds (kmz.ts), named "<file>.kmz/<path>.kml" so the format is KML and the report still
 * names the file the user picked, with the images the KML refers to; every other file passes through unchanged.
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
  const left = kmz.images.length - kmz.referenced.length;
  const warnings = left ? [t('import.warning.kmz-images', { file: fileName, count: left, kml: kmz.kmlPath })] : [];
  return { fileName: `${fileName}/${kmz.kmlPath}`, bytes: kmz.kml, warnings, images: kmz.referenced };
}
