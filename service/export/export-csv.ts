/**
 * Exports seizures as CSV in the public data set's format (the columns of `seizures-public.csv`,
 * in its order; see public-columns.ts), written with papaparse's `unparse`: RFC 4180 quoting,
 * every line ending in CRLF (the last one too, as in the public file), UTF-8 (the caller encodes; no BOM is added here).
 *
 * Lists are joined with ';' (country codes) and '; ' (agencies), as the public file writes them.
 * `citesAppendix` has no column in that format and is not exported.
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
import Papa from 'papaparse';
import type { Seizure } from '../../shared/domain/seizure';
import { PUBLIC_COLUMNS } from '../import/public-columns';

/** Characters that make a spreadsheet treat a cell as a formula when they come first (OWASP). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** `text` with a leading single quote when its first character would start a formula; else unchanged. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]!) ? `'${text}` : text;
}

/** One seizure as a row of cells in public-column order: numbers stay numbers, null is '', text is neutralised. */
function toRow(s: Seizure): (string | number)[] {
  return PUBLIC_COLUMNS.map(([, field]) => {
    const v = s[field];
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return neutraliseFormula(v.join(field === 'seizingAgencies' ? '; ' : ';'));
    return typeof v === 'string' ? neutraliseFormula(v) : v;
  });
}

/**
 * The seizures as CSV text: a header row of the public column names, then one row per seizure,
 * every line CRLF-terminated, formula-like text cells neutralised (see the module comment).
 */
export function seizuresToCsv(seizures: readonly Seizure[]): string {
  const csv = Papa.unparse(
    { fields: PUBLIC_COLUMNS.map(([column]) => column), data: seizures.map(toRow) },
    { newline: '\r\n', quotes: false },
  );
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`; // papaparse ends a header-only file with CRLF itself
}
