/**
 * Number parsing for quantities and reported values as spreadsheets of any locale write them:
 * decimal point or decimal comma, and thousands separators ',' '.' ' ' (also no-break and thin
 * spaces) and the apostrophe (Swiss style, ' or ’).
 *
 * Some cells are ambiguous on their own: "1,274" is 1274 in English and 1.274 in German. Such
 * cells are read with the decimal mark decided once per column from its unambiguous cells
 * ({@link inferNumberFormat}, the one place a column's mark is decided). When that decision is a
 * guess (`MarkDoubt`, shared/rpc/import.ts: no cell shows the mark, cells show both, the column's few proving cells
 * go against the rest of the file, or its values are in several currencies) the cells that depend
 * on it are held back with both readings until the user chooses. Unambiguous cells ("8,8",
 * "1.234,5", "7,200,000") are always read as they are written.
 */
import type { CellRef, MarkDoubt, OtherColumnMark } from '../../shared/rpc/import';
import { t } from '../../shared/messages';
import { fail, ok, type Parsed } from './parse-result';

/** The character that separates the integer part from the fraction: '.' or ','. */
export type DecimalMark = '.' | ',';

/** Characters used as thousands separators besides '.' and ',': space, no-break, narrow no-break and thin space, apostrophes. */
const SPACE_OR_APOSTROPHE = /[ \u00a0\u202f\u2009'’]/;
const SIGN = /^[+\-\u2212]/;

/** Removes a leading sign; returns [negative, rest]. The Unicode minus sign (U+2212) counts as '-'. */
function splitSign(s: string): [boolean, string] {
  if (!SIGN.test(s)) return [false, s];
  return [s[0] !== '+', s.slice(1).trimStart()];
}

/**
 * The decimal mark a cell proves on its own, or null when it proves nothing ("1,274", "42").
 * Rules: with both '.' and ',' the last one is the decimal mark ("1.234,5" → ','); a mark that
 * occurs twice is a thousands separator ("7,200,000" → '.'); a single mark not followed by exactly
 * three digits is decimal ("8,8" → ','); so is one after a 0 or after four or more digits
 * ("0,274", "1234,567") or after space/apostrophe grouping ("1 234,567").
 */
export function decimalMarkSignal(raw: string): DecimalMark | null {
  const s = splitSign(raw.trim())[1];
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) return s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  if (dots > 1) return ',';
  if (commas > 1) return '.';
  const mark: DecimalMark | null = dots ? '.' : commas ? ',' : null;
  if (!mark) return null;
  const [intPart, frac] = s.split(mark) as [string, string];
  if (!/^\d*$/.test(frac)) return null;
  if (frac.length !== 3) return mark;
  if (intPart === '' || /^0+$/.test(intPart)) return mark;
  if (SPACE_OR_APOSTROPHE.test(intPart)) return mark;
  if (/^\d{4,}$/.test(intPart)) return mark;
  return null;
}

/**
 * Decides the decimal mark of a column from all its cells: the mark its unambiguous cells show
 * (the majority, if they disagree; a tie goes to '.'), else `fallback`. Returns whether the column
 * mixes both marks, and whether the mark was `assumed`: no cell proved one but some cell has a '.'
 * or ',' that reads a thousand times differently under the other mark ("10.500", "1,274"). The
 * caller warns in both cases, so such a column is never read silently.
 */
export function decideDecimalMark(values: readonly string[], fallback: DecimalMark): { mark: DecimalMark; mixed: boolean; assumed: boolean } {
  let dot = 0;
  let comma = 0;
  for (const v of values) {
    const sig = decimalMarkSignal(v);
    if (sig === '.') dot++;
    else if (sig === ',') comma++;
  }
  if (!dot && !comma) return { mark: fallback, mixed: false, assumed: values.some((v) => /[.,]/.test(v)) };
  return { mark: comma > dot ? ',' : '.', mixed: dot > 0 && comma > 0, assumed: false };
}

/** Checks digit grouping: first group 1–3 digits, every later group exactly 3. */
function validGroups(groups: string[]): boolean {
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Parses a number written with decimal mark `decimal` unless the cell itself proves the other
 * mark (see {@link decimalMarkSignal}). Accepts a leading sign (+, -, U+2212), thousands
 * separators in groups of three, a bare fraction (".5") and plain exponent form ("1.2e3").
 * Returns the reason on failure, e.g. "'12,34,5' is not a number".
 */
export function parseNumber(raw: string, decimal: DecimalMark): Parsed<number> {
  const trimmed = raw.trim();
  if (trimmed === '') return fail('import.empty');
  const notNumber = fail<number>('import.not-a-number', { value: trimmed });
  const [negative, s] = splitSign(trimmed);
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(s)) {
    const n = Number(s);
    return Number.isFinite(n) ? ok(negative ? -n : n) : notNumber;
  }
  const mark = decimalMarkSignal(s) ?? decimal;
  const parts = s.split(mark);
  if (parts.length > 2) return notNumber;
  const [intPart, frac = ''] = parts as [string, string?];
  if (!/^\d*$/.test(frac) || (parts.length === 2 && frac === '' && intPart === '')) return notNumber;
  let digits = intPart;
  if (!/^\d*$/.test(intPart)) {
    const seps = new Set(intPart.replace(/\d/g, ''));
    const sep = [...seps][0]!;
    const allowed = sep === (mark === '.' ? ',' : '.') || SPACE_OR_APOSTROPHE.test(sep);
    if (seps.size !== 1 || !allowed) return notNumber;
    const groups = intPart.split(sep);
    if (!validGroups(groups)) return fail('import.misplaced-separators', { value: trimmed });
    digits = groups.join('');
  }
  if (digits === '' && frac === '') return notNumber;
  const n = Number(`${digits || '0'}.${frac || '0'}`);
  if (!Number.isFinite(n)) return notNumber;
  return ok(negative ? -n : n);
}

/**
 * True when the cell's value depends on which decimal mark its column uses: it proves no mark on
 * its own ({@link decimalMarkSignal} is null) yet holds a '.' or ',' — "1.250" is 1.25 with a
 * decimal point and 1250 with a decimal comma. "42", "8,8" and "1.234,5" do not depend on it.
 */
export function dependsOnDecimalMark(raw: string): boolean {
  const s = raw.trim();
  return /[.,]/.test(s) && !/^[+\-\u2212]?\d+(\.\d+)?e[+-]?\d+$/i.test(s) && decimalMarkSignal(s) === null;
}

/**
 * The decimal mark a coordinate cell shows: coordinates never group thousands, so any '.' or ','
 * between two digits is the decimal mark ("-4,05", "39.660", "1°16'26.5\"N"); null when none.
 * Used as evidence of the file's convention for its number columns (`MarkDoubt` 'file').
 */
export function coordinateMarkSignal(raw: string): DecimalMark | null {
  const m = /\d([.,])\d/.exec(raw);
  return m ? (m[1] as DecimalMark) : null;
}

/**
 * The one mark a column's cells show and its first cell that shows it (index into `values`), or
 * null when they show none or both. `signal` reads one cell: {@link decimalMarkSignal} for number
 * columns, {@link coordinateMarkSignal} for coordinate columns.
 */
export function columnMark(values: readonly string[], signal: (raw: string) => DecimalMark | null): { mark: DecimalMark; index: number } | null {
  let found: { mark: DecimalMark; index: number } | null = null;
  for (let i = 0; i < values.length; i++) {
    const mark = signal(values[i]!);
    if (!mark) continue;
    if (!found) found = { mark, index: i };
    else if (found.mark !== mark) return null;
  }
  return found;
}

/** What the rest of the file says about a number column, for {@link inferNumberFormat}. */
export interface NumberContext {
  /** The line of each value as a rejection names it; default: its index + 2 (a CSV with a header). */
  lines?: readonly number[];
  /** Each value as written in the file (the values may be only their number part); default: the values. */
  written?: readonly string[];
  /** The file's other number and coordinate columns whose cells show one mark ({@link columnMark}); see `MarkDoubt` 'file'. */
  otherColumns?: readonly OtherColumnMark[];
  /** The currency of each value's row (from the cell or the currency column), null when none. */
  currencies?: readonly (string | null)[];
}

/** A thousands separator as a word, for the preview's "dot thousands": dot, comma, space, apostrophe. */
export type ThousandsSeparator = 'dot' | 'comma' | 'space' | 'apostrophe';

/** How a numeric column's cells were read, for the import preview and the CLI. */
export interface NumberFormatDecision {
  /** The decimal mark used for cells that prove none. */
  mark: DecimalMark;
  /** The thousands separator the column's cells show, null when no cell groups its digits. */
  thousands: ThousandsSeparator | null;
  /**
   * Where the mark came from: 'cells' (the column's own cells prove it, all agreeing), 'choice'
   * (the user's), 'guess' (no cell proves it, or cells disagree: the file's hint or the majority).
   */
  decidedBy: 'cells' | 'choice' | 'guess';
  /** Non-empty cells looked at. */
  values: number;
  /** Cells that prove a decimal mark on their own ({@link decimalMarkSignal}); 0: no value decides the mark (whole numbers need none). */
  deciding: number;
  /** Distinct cells (as written) whose reading depends on the guessed mark (empty unless `decidedBy` is 'guess'), at most 5. */
  ambiguous: string[];
  /** Why the mark is a guess (shared/rpc/import.ts `markDoubtSchema`): set exactly when `decidedBy` is 'guess'. */
  doubt: MarkDoubt | null;
  /**
   * The user's choice of mark, when the column's own cells prove the other one without doubt (all
   * agreeing, no `MarkDoubt`): the choice is not used — no value is read against its own proof —
   * and the caller says so (tester finding F17), naming how many cells show the mark and the first.
   */
  overruled?: { choice: DecimalMark; shown: number; first: CellRef };
}

const SEPARATOR_WORD: Record<string, ThousandsSeparator> = { '.': 'dot', ',': 'comma', ' ': 'space', '\u00a0': 'space', '\u202f': 'space', '\u2009': 'space', "'": 'apostrophe', '’': 'apostrophe' };

/**
 * Infers the number format of a whole column (see {@link NumberFormatDecision}); the one place a
 * column's decimal mark is decided. `choice` is the user's decimal mark for the column and wins,
 * unless the column's cells prove the other mark beyond doubt (then `overruled`).
 * Without it the column's cells that show a mark on their own decide, unless the decision is a
 * guess (`MarkDoubt`, judged with `context`: the file's other number columns, the delimiter
 * hint `fallback`, the rows' currencies); then the cells whose reading depends on it are listed in
 * `ambiguous`, so the caller holds their rows back and asks instead of guessing silently.
 */
export function inferNumberFormat(values: readonly string[], fallback: DecimalMark, choice?: DecimalMark, context: NumberContext = {}): NumberFormatDecision {
  const decided = decideDecimalMark(values, fallback);
  // A choice against cells that prove the other mark, all of them and beyond doubt, is not used (NumberFormatDecision.overruled).
  if (choice && !decided.assumed && !decided.mixed && decided.mark !== choice && values.some((v) => decimalMarkSignal(v) === decided.mark)) {
    const own = inferNumberFormat(values, fallback, undefined, context);
    if (own.decidedBy === 'cells') {
      const i = values.findIndex((v) => decimalMarkSignal(v) === decided.mark);
      return { ...own, overruled: { choice, shown: own.deciding, first: { line: context.lines?.[i] ?? i + 2, value: (context.written?.[i] ?? values[i]!).trim() } } };
    }
  }
  const mark = choice ?? decided.mark;
  const seps = new Map<ThousandsSeparator, number>();
  const dependent: number[] = [];
  const first: Partial<Record<DecimalMark, number>> = {};
  let deciding = 0;
  values.forEach((raw, i) => {
    const s = splitSign(raw.trim())[1];
    const signal = decimalMarkSignal(s);
    if (signal) {
      deciding++;
      first[signal] ??= i;
    }
    const own = signal ?? mark;
    const intPart = s.split(own)[0] ?? '';
    const sep = /\d([^\d])\d{3}(?:\D|$)/.exec(intPart)?.[1];
    const word = sep ? SEPARATOR_WORD[sep] : undefined;
    if (word) seps.set(word, (seps.get(word) ?? 0) + 1);
    if (dependsOnDecimalMark(s)) dependent.push(i);
  });
  const cell = (i: number): CellRef => ({ line: context.lines?.[i] ?? i + 2, value: (context.written?.[i] ?? values[i]!).trim() });
  const doubt = choice || !dependent.length ? null : markDoubt(decided.mixed, mark, fallback, { deciding, dependent: dependent.length, first, cell, context });
  const ambiguous: string[] = [];
  if (doubt) {
    for (const i of dependent) {
      const v = (context.written?.[i] ?? values[i]!).trim();
      if (!ambiguous.includes(v)) ambiguous.push(v);
      if (ambiguous.length === 5) break;
    }
  }
  const thousands = [...seps.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { mark, thousands, decidedBy: choice ? 'choice' : doubt ? 'guess' : 'cells', values: values.length, deciding, ambiguous, doubt };
}

/** The rules of `MarkDoubt` (shared/rpc/import.ts), in their order, for a column that has cells depending on the mark; null when its cells decide. */
function markDoubt(
  mixed: boolean,
  mark: DecimalMark,
  hint: DecimalMark,
  c: { deciding: number; dependent: number; first: Partial<Record<DecimalMark, number>>; cell: (i: number) => CellRef; context: NumberContext },
): MarkDoubt | null {
  if (c.deciding === 0) return { why: 'none' };
  if (mixed) return { why: 'mixed', point: c.cell(c.first['.']!), comma: c.cell(c.first[',']!) };
  const others = c.context.otherColumns ?? [];
  if (c.deciding <= c.dependent) {
    const other = others.find((o) => o.mark !== mark) ?? null;
    if (other || (!others.length && hint !== mark)) return { why: 'file', mark, shown: c.deciding, first: c.cell(c.first[mark]!), other, hint };
  }
  const currencies = [...new Set((c.context.currencies ?? []).filter((x): x is string => x !== null))];
  if (currencies.length > 1) return { why: 'currencies', currencies };
  return null;
}

/**
 * Why a number column's decimal mark is a guess, as the clause the cell refusals, the preview line
 * and the CLI refusal end with ("the column mixes both marks (line 2 '1,25' has a decimal comma,
 * line 3 '1.5' a decimal point)"); see `MarkDoubt` in shared/rpc/import.ts.
 */
export function markDoubtText(doubt: MarkDoubt): string {
  const word = (mark: '.' | ',') => (mark === ',' ? 'comma' : 'point');
  switch (doubt.why) {
    case 'mixed':
      return t('import.decimal-doubt', {
        why: 'mixed', first: doubt.comma.line < doubt.point.line ? 'comma' : 'point',
        pointLine: doubt.point.line, pointValue: doubt.point.value, commaLine: doubt.comma.line, commaValue: doubt.comma.value,
      });
    case 'file':
      return t('import.decimal-doubt', {
        why: 'file', shown: doubt.shown, mark: word(doubt.mark), line: doubt.first.line, value: doubt.first.value, hint: word(doubt.hint),
        source: doubt.other ? 'column' : 'hint', otherColumn: doubt.other?.column, otherMark: doubt.other ? word(doubt.other.mark) : undefined,
        otherLine: doubt.other?.line, otherValue: doubt.other?.value,
      });
    case 'currencies':
      return t('import.decimal-doubt', { why: 'currencies', count: doubt.currencies.length, currencies: doubt.currencies.join(', ') });
    default:
      return t('import.decimal-doubt', { why: 'none' });
  }
}
