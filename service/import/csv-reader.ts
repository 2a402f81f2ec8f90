/**
 * The seizure importer's view of a CSV file: a header (the first non-blank record) and numbered
 * data rows, read by the shared reader (shared/csv: delimiter detection, "sep=" lines, quoting,
 * physical line numbers). A row with an unclosed quote is kept with an `error` naming the column
 * where the quote opens, and the rows after it are read (the reader resumes on the next line).
 * A last row with fewer cells than the header and no line break after it is a file cut off
 * mid-row (a truncated download or copy): it is kept with an `error` too, never padded and imported.
 * Encoding detection happens before, in decode.ts (Node-only).
 */
import { readCsv as readRecords, reasonWithFix, unclosedQuoteRejection } from '../../shared/csv';
import { t } from '../../shared/messages';

/** A data row: its first physical line (1-based) and its cells as written. */
export interface CsvRow {
  line: number;
  cells: string[];
  /** Set when the row could not be read (an unclosed quote): which column, and why. */
  error?: { column: number; reason: string };
}

/** A read CSV file. `rows` excludes the header and includes blank rows (flagged). */
export interface CsvTable {
  delimiter: string;
  headers: string[];
  rows: (CsvRow & { blank: boolean })[];
}

/**
 * Parses `text` (already decoded). The first non-blank record is the header (a record with an
 * unclosed quote before it is dropped). Returns null when the text has no non-blank record at all.
 */
export function readCsv(text: string): CsvTable | null {
  const { delimiter, records } = readRecords(text);
  const at = records.findIndex((r) => !r.blank && !r.unclosedQuote);
  if (at < 0) return null;
  const headers = records[at]!.cells;
  const rows = records.slice(at + 1).map((r): CsvRow & { blank: boolean } => {
    const problem = unclosedQuoteRejection(r);
    return { line: r.line, cells: r.cells, blank: r.blank, ...(problem && r.unclosedQuote ? { error: { column: r.unclosedQuote.column, reason: reasonWithFix(problem) } } : {}) };
  });
  const last = rows.at(-1);
  if (last && !last.error && !last.blank && last.cells.length < headers.length && !/[\r\n]$/.test(text)) {
    const reason = t('import.csv.cut-off', { cells: last.cells.length, width: headers.length });
    last.error = { column: last.cells.length - 1, reason: reasonWithFix({ line: last.line, column: 'row', value: '', reason, fix: t('import.fix.cut-off') }) };
  }
  return { delimiter, headers, rows };
}
