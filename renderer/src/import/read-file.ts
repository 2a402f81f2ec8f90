/**
 * Reads a picked file as base64 for `import.preview` / `import.commit` (the data service detects
 * the encoding itself, so the bytes travel unchanged).
 */

/** Largest file accepted, in bytes (the contract allows 90 MB of base64, about 67 MB of file). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Base64 of `bytes`, encoded in chunks so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/**
 * Reads `file` as base64.
 * @throws Error naming the file when it is larger than {@link MAX_IMPORT_BYTES}.
 */
export async function readFileBase64(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB; files up to 64 MB can be imported.`);
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
