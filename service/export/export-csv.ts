/**
 * Exports seizures as CSV in the public data set's format (the columns of `seizures-public.csv`,
 * in its order; see public-columns.ts), written with papaparse's `unparse`: RFC 4180 quoting,
 * every line ending in CRLF (the last one too, as in the public file). With a TLP marking
 * ({@link CsvMarking}) the text starts with a UTF-8 byte order mark (so Excel reads accents
 * right) and a first line "TLP:AMBER — NEST-2026-0001 seizures — …" before the header, so the
 * marking travels inside the file, not only in its name; the importer skips that line.
 *
 * A field a seizure lacks is written empty, never as a default: the unit of a seizure without a
 * quantity, and an 'exact' location precision of one without coordinates, are empty cells. (The
 * seizure model still requires both fields, so a re-import fills them with the form's defaults.)
 *
 * After the public columns comes `review_flags`: the seizure's open review flags as JSON, empty
 * when none (shared/domain/seizure.ts `reviewFlagsText`); the importer reads them back.
 *
 * Lists are joined with ';' (country codes) and '; ' (agencies), as the public file writes them.
 * The CITES appendix is its own column, `cites_appendix` ('I', 'II', 'III' or empty).
 *
 * CSV injection (OWASP "CSV Injection"): every text cell that starts with = + - @, a tab or a
 * carriage return is prefixed with a single quote ({@link neutraliseFormula}), so a
 * spreadsheet shows "'=HYPERLINK(…)" as text instead of running it. (papaparse's own
 * `escapeFormulae` is not used: its pattern misses cells that contain a line break.) Numbers are written as
 * numbers and never prefixed: quantities and values are never negative (the seizure schema
 * refuses it), and a negative latitude or longitude (-4.05) is a number a spreadsheet must keep
 * numeric — a plain number cannot run anything. Importing an exported file therefore gives the
 * same fields except that neutralised text cells keep their leading quote.
 */
import { tlpOfMarking } from '../../shared/domain/tlp-marking';
import Papa from 'papaparse';
import { reviewFlagsText, type Seizure } from '../../shared/domain/seizure';
import { PUBLIC_COLUMNS, REVIEW_FLAGS_COLUMN } from '../import/public-columns';
import { t } from '../../shared/messages';

/** The TLP marking written into an export: the case's TLP level (e.g. 'AMBER', 'AMBER+STRICT') and number. */
export interface CsvMarking {
  tlp: string;
  caseNumber: string;
}

/** Characters that make a spreadsheet treat a cell as a formula when they come first (OWASP). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** `text` with a leading single quote when its first character would start a formula; else unchanged. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]!) ? `'${text}` : text;
}

/** One seizure as a row of cells in public-column order, then its review flags: numbers stay numbers, null is '', text is neutralised. */
function toRow(s: Seizure): (string | number)[] {
  return [...publicCells(s), reviewFlagsText(s.reviewFlags)];
}

/** The public columns' cells of `s`. */
function publicCells(s: Seizure): (string | number)[] {
  return PUBLIC_COLUMNS.map(([, field]) => {
    const v = s[field];
    if (v === null || v === undefined) return '';
    // Stored defaults of facts the seizure does not have: no quantity → no unit; no point → no 'exact'
    // (a 'port' or 'city' precision still describes the place text, so it is kept).
    if (field === 'unit' && s.quantity === null) return '';
    if (field === 'locationPrecision' && s.latitude === null && v === 'exact') return '';
    if (Array.isArray(v)) return neutraliseFormula(v.join(field === 'seizingAgencies' ? '; ' : ';'));
    return typeof v === 'string' ? neutraliseFormula(v) : v;
  });
}

/**
 * The seizures as CSV text: with `marking`, a BOM and the TLP line first; then a header row of
 * the public column names and one row per seizure, every line CRLF-terminated, formula-like text
 * cells neutralised (see the module comment).
 */
export function seizuresToCsv(seizures: readonly Seizure[], marking?: CsvMarking): string {
  if (!marking) return csvBody(seizures);
  return `\uFEFF${Papa.unparse([[t('export.tlp-marking', { tlp: marking.tlp, caseNumber: marking.caseNumber })]], { newline: '\r\n' })}\r\n${csvBody(seizures)}`;
}

/**
 * {@link seizuresToCsv} written through `write` `chunk` rows at a time with `each(n)` awaited
 * after every chunk of n rows (a long export yields and reports progress, and never holds the
 * file as one string): the pieces joined are the same text, byte for byte.
 */
export async function seizuresToCsvPaced(seizures: readonly Seizure[], marking: CsvMarking | undefined, each: (rows: number) => Promise<void>, write: (text: string) => void, chunk = 500): Promise<void> {
  const header = csvBody([]);
  write(seizuresToCsv([], marking));
  for (let i = 0; i < seizures.length; i += chunk) {
    const rows = seizures.slice(i, i + chunk);
    // Rows are written independently of each other: a chunk's body is the whole body's slice.
    write(csvBody(rows).slice(header.length));
    await each(rows.length);
  }
}

/**
 * True when a CSV line is an export's TLP marking line (see {@link seizuresToCsv}); the importer
 * reads its level (shared/domain/tlp-marking.ts) and skips the line.
 */
export function isTlpMarkingLine(line: string): boolean {
  return tlpOfMarking(line) !== null;
}

function csvBody(seizures: readonly Seizure[]): string {
  return tableToCsv([...PUBLIC_COLUMNS.map(([column]) => column), REVIEW_FLAGS_COLUMN], seizures.map(toRow));
}

/** One cell of {@link tableToCsv}: numbers stay numbers, null/undefined are empty, text is neutralised. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Any table as CSV text in this module's form (the one home of the app's CSV writing): a header
 * row of `columns`, then `rows`, every line CRLF-terminated, formula-like text cells neutralised
 * ({@link neutraliseFormula}); numbers and booleans written as such. With `markingLine`, a UTF-8
 * BOM and that line (quoted as one cell) come first, as {@link seizuresToCsv} writes its TLP line.
 */
export function tableToCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[], markingLine?: string): string {
  const data = rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseFormula(v) : v)));
  const csv = Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: false });
  const body = csv.endsWith('\r\n') ? csv : `${csv}\r\n`; // papaparse ends a header-only file with CRLF itself
  if (markingLine === undefined) return body;
  return `\uFEFF${Papa.unparse([[markingLine]], { newline: '\r\n' })}\r\n${body}`;
}
