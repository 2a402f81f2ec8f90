/**
 * Turns a file's bytes into text, detecting the encoding the way spreadsheet exports need:
 * 1. a byte-order mark decides: UTF-8 (EF BB BF), UTF-16 LE (FF FE), UTF-16 BE (FE FF);
 * 2. an XML declaration's encoding="…" decides for KML/GPX files without a BOM that are not UTF-8;
 * 3. bytes that are valid UTF-8 are UTF-8 (plain ASCII included);
 * 4. UTF-16 without a BOM is recognised by its zero bytes (every other byte of ASCII text);
 * 5. otherwise chardet's best single-byte guess, with ISO-8859-1 read as its superset
 *    Windows-1252 (what Excel on Windows writes: "Länge", "€", "–"); Windows-1252 when chardet
 *    has nothing better.
 * Decoding uses iconv-lite; the BOM is removed from the text.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Decoded text and the encoding it was read with (lower-case label, e.g. "utf-8", "windows-1252"). */
export interface DecodedText {
  text: string;
  encoding: string;
}

/** Encodings chardet may name that are never right for bytes that failed UTF-8 validation. */
const NOT_SINGLE_BYTE = /^(utf|iso-2022|shift_jis|euc|big5|gb)/i;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without BOM: in the first 4 KiB, ≥ 30% of the odd (LE) or even (BE) bytes are zero and none of the others. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.3 && evenZero === 0) return 'utf-16le';
  if (evenZero >= pairs * 0.3 && oddZero === 0) return 'utf-16be';
  return null;
}

/** The encoding named by an XML declaration in the first bytes, if iconv-lite knows it. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = iconv.decode(Buffer.from(bytes.subarray(0, 200)), 'latin1');
  const m = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m && iconv.encodingExists(m[1]!) ? m[1]!.toLowerCase() : null;
}

function chardetGuess(bytes: Uint8Array): string {
  for (const match of chardet.analyse(bytes)) {
    const name = match.name.toLowerCase();
    if (NOT_SINGLE_BYTE.test(name) || !iconv.encodingExists(name)) continue;
    return name === 'iso-8859-1' ? 'windows-1252' : name;
  }
  return 'windows-1252';
}

/** Detects the encoding of `bytes` (see the module comment) and decodes them. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) encoding = 'utf-8';
  else if (buf[0] === 0xff && buf[1] === 0xfe) encoding = 'utf-16le';
  else if (buf[0] === 0xfe && buf[1] === 0xff) encoding = 'utf-16be';
  else if (isUtf8(buf)) encoding = 'utf-8';
  else encoding = utf16WithoutBom(buf) ?? xmlDeclaredEncoding(buf) ?? chardetGuess(buf);
  return { text: iconv.decode(buf, encoding, { stripBOM: true }), encoding };
}
