/**
 * Bates numbers of a production: every page of every document gets `<prefix><number>`, the number
 * zero-padded to a fixed width and continuous across documents (the report first, then the
 * exhibits' PDFs in exhibit order), as e-discovery reviewers and courts cite pages
 * (`NEST-0000001` … ). Pure.
 */
import { NestError } from '../../../shared/errors';

/** How numbers are written. */
export interface BatesOptions {
  /** Letters, digits, `-`, `_`, `.`; at most 20 characters (e.g. `NEST-`). */
  prefix: string;
  /** Zero-padded width of the number (1–12; default 7). */
  digits?: number;
  /** The first page's number (default 1). */
  start?: number;
}

/** A document to number: its path in the pack and how many pages it has. */
export interface BatesInput {
  path: string;
  pages: number;
}

/** A numbered document: its first and last page's numbers and labels (BEGBATES / ENDBATES). */
export interface BatesRange extends BatesInput {
  firstNumber: number;
  lastNumber: number;
  first: string;
  last: string;
}

/** The default width of the number. */
export const DEFAULT_BATES_DIGITS = 7;
const PREFIX = /^[A-Za-z0-9._-]{0,20}$/;

/**
 * The label of page number `n`: prefix + n zero-padded to `digits`.
 * @throws NestError('validation') for a bad prefix or a number that does not fit in `digits`.
 */
export function batesLabel(n: number, o: BatesOptions): string {
  const digits = o.digits ?? DEFAULT_BATES_DIGITS;
  if (!PREFIX.test(o.prefix)) throw new NestError('validation', { id: 'report.bates.bad-prefix', values: { prefix: o.prefix } });
  const max = 10 ** digits - 1;
  if (!Number.isInteger(digits) || digits < 1 || digits > 12 || !Number.isInteger(n) || n < 0 || n > max) throw new NestError('validation', { id: 'report.bates.overflow', values: { max, digits } });
  return `${o.prefix}${String(n).padStart(digits, '0')}`;
}

/**
 * Numbers `docs` in order, continuously: the first page of each document follows the last page of
 * the one before. A document of 0 pages takes no number (first = last = the next number, not used).
 * @throws NestError('validation') as {@link batesLabel}, before anything is numbered.
 */
export function assignBates(docs: readonly BatesInput[], o: BatesOptions): BatesRange[] {
  let next = o.start ?? 1;
  const total = docs.reduce((n, d) => n + d.pages, 0);
  batesLabel(next + Math.max(total - 1, 0), o);
  return docs.map((d) => {
    const firstNumber = next;
    const lastNumber = next + Math.max(d.pages - 1, 0);
    next += d.pages;
    return { ...d, firstNumber, lastNumber, first: batesLabel(firstNumber, o), last: batesLabel(lastNumber, o) };
  });
}
