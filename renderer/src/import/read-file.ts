/**
 * Reads a picked file as base64 for `import.preview` / `import.commit` (the data service detects
 * the encoding itself, so the bytes travel unchanged), after checking its size.
 *
 * Size limit: the file travels base64-encoded (4/3 of its size) inside one JSON RPC frame, and a
 * frame may be at most 64 MiB (`MAX_FRAME_BYTES`, shared/protocol/frames.ts): 45 MiB of file make
 * 60 MiB of base64, leaving room for the rest of the message. A larger file would make a frame the
 * data service refuses (the connection drops), so it is refused here, before it is read or sent;
 * `npm run import` (service/entries/import-cli.ts) reads files of any size from disk.
 */
import { t } from '../../../shared/messages';

/** Largest file accepted, in bytes (45 MiB; see the module comment). */
export const MAX_IMPORT_BYTES = 45 * 1024 * 1024;

/** A picked file the dialog refuses before reading it (too large). */
export class FileTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileTooLargeError';
  }
}

/** A size in MB (MiB) as the user reads it: "60", "45.1" (rounded up, so a file over the limit never reads as the limit). */
export function formatMegabytes(bytes: number): string {
  const mb = Math.ceil((bytes / 1048576) * 10) / 10;
  return mb >= 100 ? String(Math.ceil(mb)) : String(mb);
}

/**
 * Refuses a file to import that is larger than {@link MAX_IMPORT_BYTES}, without reading it.
 * @throws FileTooLargeError with "This file is 60 MB; files up to 45 MB can be imported here — …".
 */
export function checkImportSize(file: { size: number }): void {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new FileTooLargeError(t('ui.import.file-too-large', { size: formatMegabytes(file.size), limit: formatMegabytes(MAX_IMPORT_BYTES) }));
  }
}

/** Base64 of `bytes`, encoded in chunks so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/**
 * Reads `file` as base64 (also used for other uploads, e.g. the ECB rates file).
 * @throws FileTooLargeError when it is larger than {@link MAX_IMPORT_BYTES} (checked before reading).
 */
export async function readFileBase64(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new FileTooLargeError(t('ui.import.file-too-large-to-read', { size: formatMegabytes(file.size), limit: formatMegabytes(MAX_IMPORT_BYTES) }));
  }
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
