/**
 * Reads delimited text (CSV, TSV, Excel's "CSV (semicolon)") into a header and numbered rows,
 * with papaparse: RFC 4180 quoting, quoted line breaks, and delimiter detection among
 * ',' ';' TAB and '|'. An Excel "sep=;" first line fixes the delimiter and is skipped.
 *
 * Row numbers are physical line numbers (the header is line 1 unless a "sep=" line precedes it),
 * counted from papaparse's cursor, so that a row after a quoted multi-line cell still gets the
 * line a person sees in an editor. Rows whose cells are all empty are reported as blank.
 *
 * An unclosed quote (a `"` that opens a cell and never closes) would make the parser swallow the
 * rest of the file into one cell. Instead, that row is reported as malformed (`error`, naming the
 * column where the quote opens) and reading resumes on the next physical line, so the rows after
 * it are kept.
 */
import Papa from 'papaparse';

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

const DELIMITERS = [',', ';', '\t', '|'];

/** Counts line breaks (CRLF, LF or lone CR) in `s`. */
function countBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * Picks the delimiter: from a "sep=X" first line, else papaparse's guess over the first 20
 * non-blank lines. Returns the delimiter and how many characters of "sep=" line to skip.
 */
function chooseDelimiter(text: string): { delimiter: string; skip: number } {
  const sep = /^sep=(.)\r?\n?/i.exec(text);
  if (sep) return { delimiter: sep[1]!, skip: sep[0].length };
  const guess = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS });
  return { delimiter: guess.meta.delimiter || ',', skip: 0 };
}

/**
 * Parses `text` (already decoded, BOM removed). The first non-blank row is the header. Returns
 * null when the text has no non-blank row at all.
 */
export function readCsv(text: string): CsvTable | null {
  const { delimiter, skip } = chooseDelimiter(text);
  let headers: string[] | null = null;
  const rows: CsvTable['rows'] = [];
  let body = text.slice(skip);
  let line = 1 + (skip ? 1 : 0);
  for (;;) {
    const stop = parseUntilUnclosedQuote(body, delimiter, line, (row) => {
      if (headers === null) {
        if (!row.blank) headers = row.cells;
      } else rows.push(row);
    });
    if (!stop) break;
    // Report the row whose quote never closes, then resume on its next physical line.
    const firstBreak = /\r\n|\r|\n/.exec(body.slice(stop.start));
    const cells = stop.cells;
    if (headers !== null) {
      // The cell where the stray quote opened is the one that swallowed line breaks (else the last).
      const swallowed = cells.findIndex((c) => /[\r\n]/.test(c));
      const column = swallowed >= 0 ? swallowed : cells.length - 1;
      rows.push({ line: stop.line, cells, blank: false, error: { column, reason: 'a quote (") opens in this column and is never closed; the row was not read' } });
    }
    if (!firstBreak) break;
    body = body.slice(stop.start + firstBreak.index + firstBreak[0].length);
    line = stop.line + 1;
  }
  if (headers === null) return null;
  return { delimiter, headers, rows };
}

/**
 * Parses `body` row by row into `emit` until the end, or until a row has an unclosed quote;
 * then returns that row's start offset in `body`, its line and the cells read so far.
 */
function parseUntilUnclosedQuote(
  body: string,
  delimiter: string,
  firstLine: number,
  emit: (row: CsvRow & { blank: boolean }) => void,
): { start: number; line: number; cells: string[] } | null {
  let line = firstLine;
  let consumed = 0;
  let stopped: { start: number; line: number; cells: string[] } | null = null;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = consumed;
      const end = result.meta.cursor;
      if (start >= body.length) return; // the empty "row" after a final line break
      if (result.errors.some((e) => e.type === 'Quotes')) {
        stopped = { start, line, cells: result.data };
        parser.abort();
        return;
      }
      const cells = result.data;
      emit({ line, cells, blank: cells.every((c) => c.trim() === '') });
      line += countBreaks(body.slice(start, end));
      consumed = end;
    },
  });
  return stopped;
}
