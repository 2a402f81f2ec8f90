/**
 * Tells a text file from one that is not (random bytes, an image, a spreadsheet saved as .csv):
 * such a file decodes as Windows-1252 and then parses as "a header but no data rows", which hides
 * what is wrong (tester finding). The one home of that judgement: `parseImportFile` (index.ts)
 * calls {@link requireText} on the decoded text before it detects the format, so the app's import
 * dialog (`import.preview`/`import.commit`/`import.newCase`, through parse-request.ts and the parse
 * worker) and the import CLI (its check before it opens the data folder) refuse the same files
 * with the same sentence. A text file with a stray control character still imports.
 */
import { NestError } from '../../shared/errors';

/** How many leading characters are looked at: enough to judge, cheap for a 64 MiB file. */
const SAMPLE_CHARS = 64 * 1024;
/** Above this share of control characters (C0 other than tab, line feed, form feed, carriage return; NUL included) a file is not text. */
export const NOT_TEXT_SHARE = 0.01;

/** What {@link notText} found: the share (0–1) of control characters among the `chars` characters looked at. */
export interface NotText {
  share: number;
  chars: number;
}

/**
 * Null when `text` (a file decoded with the import's own encoding detection, decode.ts: UTF-16
 * and single-byte encodings are text) reads as text; otherwise the share of control characters in
 * its first 64 Ki characters, which is above {@link NOT_TEXT_SHARE}. Empty text is text (the parser
 * names an empty file).
 */
export function notText(text: string): NotText | null {
  const chars = Math.min(text.length, SAMPLE_CHARS);
  if (!chars) return null;
  let controls = 0;
  for (let i = 0; i < chars; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  const share = controls / chars;
  return share > NOT_TEXT_SHARE ? { share, chars } : null;
}

/**
 * Refuses decoded `text` of file `fileName` that is not text: too many control characters at its
 * start ({@link notText}), or a zero byte anywhere (no CSV, KML, GPX or GeoJSON holds one).
 * @throws NestError('import-failed', 'import.file.not-text' with the share and the count, or
 *   'import.file.binary'), naming the file and what to do.
 */
export function requireText(fileName: string, text: string): void {
  const found = notText(text);
  if (found) throw new NestError('import-failed', { id: 'import.file.not-text', values: { file: fileName, percent: found.share, chars: found.chars } });
  if (text.includes('\u0000')) throw new NestError('import-failed', { id: 'import.file.binary', values: { file: fileName } });
}
