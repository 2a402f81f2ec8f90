/**
 * The result type of every cell parser in the import library: either a value or a reason that
 * a person can read in the import report ("must be between -90 and 90 degrees"). Parsers never
 * throw for bad cell content; only a whole unusable file throws (see `index.ts`).
 */

/** A parsed value, or the reason the cell could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A successful parse. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A failed parse with a human-readable `reason` (no trailing full stop, starts lower-case). */
export function fail<T = never>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/**
 * Cell contents that spreadsheets and exports use for "no value". They count as empty in every
 * non-text field ("NA" is not among them: it is Namibia's ISO code).
 */
const MISSING_MARKERS = new Set(['-', '–', '—', 'n/a', '#n/a', 'null', 'nan', 'none']);

/** True when a non-text cell holds no value: empty, only whitespace, or a marker like "n/a" or "—". */
export function isMissing(raw: string): boolean {
  const s = raw.trim();
  if (s === '') return true;
  return s.length <= 4 && MISSING_MARKERS.has(s.toLowerCase()); // the longest marker has 4 characters
}

