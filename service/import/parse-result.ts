/**
 * The result type of every cell parser in the import library: either a value or a reason that
 * a person can read in the import report ("must be between -90 and 90 degrees"). The reason comes
 * from the message catalogue (`import.*`, `field.*`), and the failure keeps its id and values so a
 * caller can tell reasons apart without reading the text, or format it in another locale. Parsers
 * never throw for bad cell content; only a whole unusable file throws (see `index.ts`).
 */
import type { ErrorValues } from '../../shared/errors';
import { t, type MessageId } from '../../shared/messages';

/** Why a cell could not be read: the formatted `reason` and the catalogue message it came from. */
export interface ParseFailure {
  ok: false;
  /** The reason in the current locale, starting lower-case, without a trailing full stop. */
  reason: string;
  /** The catalogue id of the reason. */
  messageId: MessageId;
  /** The values of the reason's placeholders. */
  values?: ErrorValues;
}

/** A parsed value, or the reason the cell could not be read. */
export type Parsed<T> = { ok: true; value: T } | ParseFailure;

/** A successful parse. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/**
 * A failed parse with the catalogue message `id` (no trailing full stop, starts lower-case).
 * @throws Error when the message needs a value that `values` lacks (a programming error).
 */
export function fail<T = never>(id: MessageId, values?: ErrorValues): Parsed<T> {
  return values ? { ok: false, reason: t(id, values), messageId: id, values } : { ok: false, reason: t(id), messageId: id };
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

