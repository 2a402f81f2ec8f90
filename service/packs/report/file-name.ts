/**
 * How the report prints an attached file's original name (issue 14, F-PACK-1): the court compares
 * it with the real name, so it must be complete and read the same.
 * - Long names wrap anywhere (class `fname`, `overflow-wrap: anywhere`) instead of running off the page.
 * - The extension stays at the name's end on the right: the whole name is a left-to-right isolate
 *   and the base name its own `dir="auto"` isolate, so `تقرير الضبط.txt` does not print as
 *   `txt.تقرير الضبط`.
 * - Characters the bundled DejaVu Sans has no glyph for (CJK, Hangul, kana, emoji and anything past
 *   U+FFFF) would print as empty boxes unless Chromium finds a fallback font on the machine, which
 *   the export cannot check. So such names are always followed by their code points in escape
 *   form (`\u8C61`, `\u{1F418}`), and the printed name can never silently differ from the real one.
 * Pure.
 */
import { esc } from './html';

/** Code points the bundled font lacks: CJK & kana & Hangul blocks, CJK compatibility, and everything beyond the BMP (emoji). */
function lacksGlyph(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7ff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || cp > 0xffff
  );
}

/** `\uXXXX` (4 hex digits, upper case) for a BMP code point, `\u{XXXXX}` beyond it. */
function escapeCodePoint(cp: number): string {
  const hex = cp.toString(16).toUpperCase();
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * The code points of `name` the bundled font cannot draw, escaped and space-separated, in order
 * (duplicates kept, so the sequence spells those characters); '' when it can draw them all.
 */
export function missingGlyphEscapes(name: string): string {
  return [...name]
    .map((c) => c.codePointAt(0)!)
    .filter(lacksGlyph)
    .map(escapeCodePoint)
    .join(' ');
}

/** The HTML of file name `name` (escaped), as described above. */
export function fileNameHtml(name: string): string {
  const dot = name.lastIndexOf('.');
  // An extension is a short run of letters/digits after the last dot, not a whole name like ".env".
  const hasExt = dot > 0 && /^[A-Za-z0-9]{1,10}$/.test(name.slice(dot + 1));
  const base = hasExt ? name.slice(0, dot) : name;
  const ext = hasExt ? name.slice(dot) : '';
  const escapes = missingGlyphEscapes(name);
  const shown = `<bdi dir="ltr" class="fname"><bdi dir="auto">${esc(base)}</bdi>${esc(ext)}</bdi>`;
  return escapes ? `${shown} <code class="codepoints">${esc(escapes)}</code>` : shown;
}
