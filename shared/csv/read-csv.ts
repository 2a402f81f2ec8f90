/**
 * The one CSV reader (isomorphic, on papaparse): RFC 4180 quoting, quoted line breaks, delimiter
 * detection among ',' ';' TAB and '|' (an Excel "sep=;" first line fixes it and is skipped), and
 * the physical line number of every record, counted from papaparse's cursor, so that a record after
 * a quoted multi-line cell still gets the line a person sees in an editor.
 *
 * Problems it detects, as {@link Rejection}s via {@link unclosedQuoteRejection} and
 * {@link cellCountRejection}:
 * - an unclosed quote (a `"` that opens a cell and never closes). papaparse would read the rest of
 *   the file into that cell. With `unclosedQuote: 'resume'` (default) the record is flagged, naming
 *   the column where the quote opens, and reading resumes on its next physical line, so the rows
 *   after it are kept; with 'rest' the record keeps what papaparse read and `endLine` says how many
 *   lines it swallowed;
 * - a record whose cell count differs from the header's.
 *
 * Decoding bytes (encoding detection) is the caller's job: this module reads text only.
 */
import Papa from 'papaparse';
import { rowRejection, type Rejection } from './rejection';

/** One record of the file: header and data rows alike. */
export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** The cells as written (quotes removed, spaces kept). */
  readonly cells: string[];
  /** True when every cell is empty or spaces. */
  readonly blank: boolean;
  /** Set when a quote in this record is never closed. */
  readonly unclosedQuote?: {
    /** 0-based index of the cell where the quote opens. */
    readonly column: number;
    /** Last line the record covers: its own line ('resume') or the file's last line ('rest'). */
    readonly endLine: number;
  };
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** The delimiter; detected when absent. */
  delimiter?: string;
  /** What to do after an unclosed quote (see the module comment); default 'resume'. */
  unclosedQuote?: 'resume' | 'rest';
}

/** What {@link readCsv} read. */
export interface CsvRead {
  readonly delimiter: string;
  /** Every record, blank ones included (flagged), in file order. */
  readonly records: CsvRecord[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Counts line breaks (CRLF, LF or lone CR) in `s`. */
export function countLineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** How many records {@link chooseDelimiter} reads per candidate: the header and up to 20 rows. */
const GUESS_RECORDS = 21;

/**
 * Picks the delimiter: from a "sep=X" first line, else the header decides. Only a candidate that
 * splits the first non-blank record (the header) into two or more cells is considered; among
 * those, the one under which most of the next 20 rows have the header's cell count wins (ties: the
 * wider header, then the order of DELIMITERS). A last line without a line break may be cut off
 * (a truncated download) and is not counted. When no candidate splits the header (a one-column
 * file) it is ','. Papaparse's own guess was swayed by a cut-off last line and by ';' inside
 * values: it once chose ';' for a comma file whose header has no ';' at all (tester finding).
 * Returns the delimiter and how many characters of "sep=" line to skip.
 */
function chooseDelimiter(text: string): { delimiter: string; skip: number } {
  const sep = /^sep=(.)\r?\n?/i.exec(text);
  if (sep) return { delimiter: sep[1]!, skip: sep[0].length };
  let best = { delimiter: ',', matching: -1, width: 1 };
  for (const delimiter of DELIMITERS) {
    const read = Papa.parse<string[]>(text, { delimiter, preview: GUESS_RECORDS, skipEmptyLines: 'greedy' });
    const [header, ...rows] = read.data;
    if (!header || header.length < 2) continue;
    // The whole text was read and its last line has no break: it may be cut off, so it does not vote.
    const lastMayBeCut = rows.length > 0 && read.data.length < GUESS_RECORDS && !/[\r\n]$/.test(text);
    const voting = lastMayBeCut ? rows.slice(0, -1) : rows;
    const matching = voting.filter((r) => r.length === header.length).length;
    if (matching > best.matching || (matching === best.matching && header.length > best.width)) best = { delimiter, matching, width: header.length };
  }
  return { delimiter: best.delimiter, skip: 0 };
}

/** Reads `text` (a leading byte-order mark is dropped) into records with their physical lines. */
export function readCsv(text: string, opts: ReadCsvOptions = {}): CsvRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { delimiter, skip } = opts.delimiter ? { delimiter: opts.delimiter, skip: 0 } : chooseDelimiter(source);
  const records: CsvRecord[] = [];
  let body = source.slice(skip);
  let line = 1 + (skip ? 1 : 0);
  for (;;) {
    const stop = parseUntilUnclosedQuote(body, delimiter, line, opts.unclosedQuote === 'rest', (r) => records.push(r));
    if (!stop) break;
    // Flag the record whose quote never closes, then resume on its next physical line.
    const cells = stop.cells;
    // The cell where the stray quote opened is the one that swallowed line breaks (else the last).
    const swallowed = cells.findIndex((c) => /[\r\n]/.test(c));
    const column = swallowed >= 0 ? swallowed : cells.length - 1;
    records.push({ line: stop.line, cells, blank: false, unclosedQuote: { column, endLine: stop.line } });
    const firstBreak = /\r\n|\r|\n/.exec(body.slice(stop.start));
    if (!firstBreak) break;
    const rest = body.slice(stop.start + firstBreak.index + firstBreak[0].length);
    if (stop.missing) {
      // No quote closes after this one: the rest is read line by line, in linear time.
      readLineByLine(rest, delimiter, stop.line + 1, (r) => records.push(r));
      break;
    }
    // A stray quote that a later quote seems to close: papaparse reads on from the next line (a
    // valid multi-line cell after it is kept).
    body = rest;
    line = stop.line + 1;
  }
  return { delimiter, records };
}

/**
 * Reads what follows a record whose quote never closed (papaparse's MissingQuotes), one physical line at a time, in time linear
 * in its length. Why this is exact: papaparse searched from that quote to the end of the file and
 * found no closing quote, i.e. no run of quotes after it is a closing one (an odd run followed by
 * spaces and a delimiter, a line break or the end). A quoted cell opening later can then close only
 * inside its own opening run (`""` and the like), on its own line; so no later record spans lines,
 * and parsing each line alone reads the same cells as parsing the rest as a whole. Resuming with a
 * whole-rest parse instead (as this reader once did) scans to the end of the file again for every
 * such line: a file with an unclosed quote on every line took seconds per thousand lines.
 */
function readLineByLine(rest: string, delimiter: string, firstLine: number, emit: (r: CsvRecord) => void): void {
  const lines = rest.split(/\r\n|\r|\n/);
  // A final line break ends the last record; it does not start an empty one.
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (text === '') return emit({ line, cells: [''], blank: true });
    const { cells, unclosed } = splitLine(text, delimiter);
    if (unclosed) emit({ line, cells, blank: false, unclosedQuote: { column: cells.length - 1, endLine: line } });
    else emit({ line, cells, blank: cells.every((c) => c.trim() === '') });
  });
}

/**
 * Splits one physical line into cells as papaparse would when no quote after it can close (see
 * {@link readLineByLine}): a cell that starts with quotes closes only when its opening run is even
 * (`""`, `""""`: an empty cell or escaped quotes) and is followed by spaces and a delimiter or the
 * line's end; any other quoted cell is unclosed and holds the rest of the line (papaparse's
 * MissingQuotes). Quotes inside an unquoted cell are text. Papaparse itself is not called per line:
 * its set-up per call cost more than the reading.
 */
function splitLine(text: string, delimiter: string): { cells: string[]; unclosed: boolean } {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] === '"') {
      let end = at;
      while (text[end] === '"') end++;
      const next = text.indexOf(delimiter, end);
      const stop = next < 0 ? text.length : next;
      if ((end - at) % 2 === 0 && text.slice(end, stop).trim() === '') {
        cells.push('"'.repeat((end - at - 2) / 2));
        if (next < 0) return { cells, unclosed: false };
        at = next + delimiter.length;
        continue;
      }
      cells.push(text.slice(at + 1));
      return { cells, unclosed: true };
    }
    const next = text.indexOf(delimiter, at);
    if (next < 0) {
      cells.push(text.slice(at));
      return { cells, unclosed: false };
    }
    cells.push(text.slice(at, next));
    at = next + delimiter.length;
  }
}

/**
 * Parses `body` record by record into `emit` until the end, or (unless `keepGoing`) until a record
 * has an unclosed quote; then returns that record's start offset in `body`, its line, its cells and
 * whether no quote closes it at all (`missing`; else a stray quote that a later quote closes).
 */
function parseUntilUnclosedQuote(
  body: string,
  delimiter: string,
  firstLine: number,
  keepGoing: boolean,
  emit: (r: CsvRecord) => void,
): { start: number; line: number; cells: string[]; missing: boolean } | null {
  let line = firstLine;
  let consumed = 0;
  let stopped: { start: number; line: number; cells: string[]; missing: boolean } | null = null;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = consumed;
      const end = result.meta.cursor;
      if (start >= body.length) return; // the empty "record" after a final line break
      const cells = result.data;
      const unclosed = result.errors.some((e) => e.type === 'Quotes');
      if (unclosed && !keepGoing) {
        stopped = { start, line, cells, missing: result.errors.some((e) => e.code === 'MissingQuotes') };
        parser.abort();
        return;
      }
      if (unclosed) {
        const swallowed = cells.findIndex((c) => /[\r\n]/.test(c));
        emit({ line, cells, blank: false, unclosedQuote: { column: swallowed >= 0 ? swallowed : cells.length - 1, endLine: line + countLineBreaks(body.slice(start)) } });
      } else emit({ line, cells, blank: cells.every((c) => c.trim() === '') });
      line += countLineBreaks(body.slice(start, end));
      consumed = end;
    },
  });
  return stopped;
}

/**
 * The rejection of a record with an unclosed quote, or null. `header` names the column; the reason
 * says which lines were lost when the record swallowed the rest of the file.
 */
export function unclosedQuoteRejection(r: CsvRecord, header?: readonly string[]): Rejection | null {
  if (!r.unclosedQuote) return null;
  const { column, endLine } = r.unclosedQuote;
  const lost = endLine > r.line ? ` (lines ${r.line}–${endLine} were read as this one row and are not imported)` : '';
  const name = header?.[Math.min(column, header.length - 1)];
  return {
    line: r.line,
    column: name ?? 'row',
    value: '',
    reason: `a quote (") opened in this row is never closed${lost}`,
    fix: 'close the quote and import again',
  };
}

/** The rejection of a record whose cell count is not `width` (the header's), or null. */
export function cellCountRejection(r: CsvRecord, width: number): Rejection | null {
  const n = r.cells.length;
  if (n === width) return null;
  return rowRejection(r.line, `has ${n} cells but the header has ${width}${n > width ? ': a value containing a comma must be in double quotes' : ''}`);
}
