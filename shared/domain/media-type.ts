/**
 * The media type of a file from its first bytes (magic numbers), falling back to its name's
 * extension for formats without a signature (plain text, CSV), then to
 * `application/octet-stream`. A file named `.pdf` that is not a PDF is therefore never shown in
 * the PDF viewer as one. Pure and isomorphic.
 */

/** Bytes {@link sniffMediaType} needs at most from the start of a file. */
export const SNIFF_BYTES = 16;

/** Signatures: media type, the bytes at `offset` (null: any byte). */
const SIGNATURES: readonly { type: string; offset: number; bytes: readonly (number | null)[] }[] = [
  { type: 'application/pdf', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', offset: 0, bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { type: 'image/tiff', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { type: 'video/mp4', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
];

/** Types known by extension only (no signature). */
const BY_EXTENSION: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', json: 'application/json', xml: 'application/xml', kml: 'application/vnd.google-earth.kml+xml' };

/** The media type of a file whose first bytes are `head` (at least {@link SNIFF_BYTES} when the file is that long) and whose name is `name`. */
export function sniffMediaType(head: Uint8Array, name: string): string {
  for (const s of SIGNATURES) {
    if (head.length < s.offset + s.bytes.length) continue;
    if (s.bytes.every((b, i) => b === null || head[s.offset + i] === b)) return s.type;
  }
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  return BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** True for media types the app shows inside its viewer (images it can draw, PDF). */
export function isViewable(mediaType: string): boolean {
  return mediaType === 'application/pdf' || ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(mediaType);
}
