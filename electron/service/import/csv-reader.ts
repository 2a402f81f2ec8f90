/**
 * Reads delimited text (CSV, TSV, Excel's "CSV (semicolon)") into a header and numbered rows,
 * with papaparse: RFC 4180 quoting, quoted line breaks, and delimiter detection among
 * ',' ';' TAB and '|'. An Excel "sep=;" first line fixes the delimiter and is skipped.
 *
 * Row numbers are physical line numbers (the header is line 1 unless a "sep=" line precedes it),
 * counted from papaparse's cursor, so that a row after a quoted multi-line cell still gets the
 * line a person sees in an editor. Rows whose cells are all empty are reported as blank.
 */
import Papa from 'papaparse';

/** A data row: its first physical line (1-based) and its cells as written. */
export interface CsvRow {
  line: number;
  cells: string[];
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
  const body = text.slice(skip);
  let line = 1 + (skip ? 1 : 0);
  let consumed = 0;
  let headers: string[] | null = null;
  const rows: CsvTable['rows'] = [];
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const start = consumed;
      const end = result.meta.cursor;
      if (start >= body.length) return; // the empty "row" after a final line break
      const rowLine = line;
      const cells = result.data;
      const blank = cells.every((c) => c.trim() === '');
      if (headers === null) {
        if (!blank) headers = cells;
      } else rows.push({ line: rowLine, cells, blank });
      line += countBreaks(body.slice(start, end));
      consumed = end;
    },
  });
  if (headers === null) return null;
  return { delimiter, headers, rows };
}
