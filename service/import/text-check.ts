/**
 * Tells a text file from one that is not (random bytes, an image, a spreadsheet saved as .csv):
 * such a file decodes as Windows-1252 and then parses as "a header but no data rows", which hides
 * what is wrong (tester finding). Used by the import CLI before it parses; the parser itself is
 * unchanged, so a text file with a stray control character still imports.
 */
import { decodeText } from './decode';

/** How many leading bytes are looked at: enough to judge, cheap for a 100 MB file. */
const SAMPLE_BYTES = 64 * 1024;
/** Above this share of control characters (C0 other than tab, line feed, form feed, carriage return; NUL included) a file is not text. */
export const NOT_TEXT_SHARE = 0.01;

/** What {@link notText} found: the share (0–1) of control characters among the `chars` characters looked at. */
export interface NotText {
  share: number;
  chars: number;
}

/**
 * Null when `bytes` read as text (with the import's own encoding detection, decode.ts: UTF-16 and
 * single-byte encodings are text); otherwise the share of control characters found in the first
 * 64 KiB, which is above {@link NOT_TEXT_SHARE}. An empty file is text (the parser names it empty).
 */
export function notText(bytes: Uint8Array): NotText | null {
  const { text } = decodeText(bytes.subarray(0, SAMPLE_BYTES));
  if (!text.length) return null;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  const share = controls / text.length;
  return share > NOT_TEXT_SHARE ? { share, chars: text.length } : null;
}
