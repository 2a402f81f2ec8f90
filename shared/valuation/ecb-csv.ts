/**
 * Parsing the ECB `eurofxref-hist.csv` file (layout in rates.ts's module comment) into
 * {@link EcbRates}. Problems are reported as the shared CSV {@link Rejection}s (shared/csv). The
 * body is read by a dedicated scanner rather than the shared papaparse reader: the layout has no
 * quoting, and the shipped 280,000-cell file loads in about 20 ms this way against 85–150 ms
 * through papaparse (measured; see {@link parseEcbCsv}).
 */
import { describeRejections, type Rejection } from '../csv';
import { NestError } from '../errors';
import { dayNumberOrNaN } from './dates';
import { CURRENCY_CODE as CODE, type EcbRates, type RateSeries } from './rate-types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ISSUES = 50;

/** 1999-01-04, the first day the ECB published euro reference rates (days since 1970-01-01). */
const FIRST_ECB_DAY = 10595;

/** 10^0 … 10^22, all exactly representable as doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Parses the ECB `eurofxref-hist.csv` layout (see the module comment). A leading byte-order mark,
 * CRLF line ends and blank lines are accepted; a blank cell is read like `N/A`; spaces around a
 * cell are tolerated.
 *
 * This is a dedicated scanner, not a general CSV parser: the ECB layout has no quoting, and reading
 * numbers straight from the text (no per-cell strings) keeps loading the ~6,700-line, 280,000-cell
 * file well under 100 ms (about 20 ms on a 2-core test machine; papaparse plus per-cell strings
 * took 85–150 ms, most of it in garbage collection). A cell `m.f` with at most 15 digits is read as the integer `mf`
 * divided by 10^len(f), which is exactly `Number(cell)` (one correctly rounded division of two
 * exactly representable numbers); longer cells fall back to `Number`.
 *
 * @param fileName used in error messages.
 * @throws NestError('import-failed') listing up to 50 problems, each with its line and column:
 *   a header that does not start with `Date`, a malformed or repeated currency code, a quote
 *   character, a line with the wrong number of cells, a date that is not a real YYYY-MM-DD date,
 *   dates not strictly newest first, or a cell that is neither `N/A` nor a positive decimal number.
 */
export function parseEcbCsv(text: string, fileName = 'ECB rates file'): EcbRates {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Problems are the shared row rejections (shared/csv); the error carries them as field issues
  // `line.<n>.<column>` for the UI.
  const issues: Rejection[] = [];
  const problem = (line: number, column: string, reason: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ line, column, value: '', reason });
  };
  const fail = (): never => {
    throw new NestError(
      'import-failed',
      { id: 'valuation-core.rates-file-rejected', values: { fileName, why: describeRejections(issues, 3, MAX_ISSUES) } },
      issues.map((r) => ({ field: `line.${r.line}.${r.column}`, message: r.reason })),
    );
  };
  if (body.includes('"')) {
    problem(body.slice(0, body.indexOf('"')).split('\n').length, 'line', 'has a quote character: not the ECB layout (no quoting)');
    fail();
  }
  const lineEnd = (from: number): number => {
    const nl = body.indexOf('\n', from);
    return nl === -1 ? body.length : nl;
  };
  const trimCr = (from: number, to: number): number => (to > from && body.charCodeAt(to - 1) === 13 ? to - 1 : to);

  if (body.trim() === '') {
    problem(1, 'line', 'the file is empty');
    fail();
  }
  const headerEnd = lineEnd(0);
  const header = body.slice(0, trimCr(0, headerEnd)).split(',');
  if (header[0]?.trim() !== 'Date') problem(1, 'Date', 'the first column must be "Date"');
  const trailing = header.length > 1 && header[header.length - 1]!.trim() === '';
  const codes = header.slice(1, trailing ? -1 : undefined).map((c) => c.trim());
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (!CODE.test(c)) problem(1, `column ${i + 2}`, `"${c.slice(0, 20)}" is not a three-letter currency code`);
    else if (c === 'EUR') problem(1, c, 'EUR is the base currency (1 per EUR by definition): the ECB file has no EUR column');
    else if (seen.has(c)) problem(1, c, 'this currency appears twice');
    seen.add(c);
  });
  if (issues.length) fail();
  const width = header.length;
  const ncodes = codes.length;

  // Newest first in the file: each currency's rates fill its typed arrays from the front and are
  // reversed at the end. Sized for the worst case (a rate on every line), trimmed to the count.
  let capacity = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) capacity++;
  capacity++;
  const days = codes.map(() => new Int32Array(capacity));
  const values = codes.map(() => new Float64Array(capacity));
  const counts = new Int32Array(ncodes);
  // Per currency: the date of the line above (newer) when its cell was N/A, else NaN; a rate below
  // such a cell makes that date a stop.
  const naAbove = new Float64Array(ncodes).fill(NaN);
  const stops: number[][] = codes.map(() => []);
  const quoted = (c: number): void => {
    if (!Number.isNaN(naAbove[c]!)) stops[c]!.push(naAbove[c]!);
    naAbove[c] = NaN;
  };
  let rowCount = 0;
  let previous = Infinity;
  let first = '';
  let last = '';
  let line = 1;
  for (let pos = headerEnd + 1; pos < body.length; ) {
    line++;
    const end = lineEnd(pos);
    const stop = trimCr(pos, end);
    const next = end + 1;
    if (body.slice(pos, stop).trim() === '') {
      pos = next;
      continue;
    }
    const firstComma = body.indexOf(',', pos);
    const dateEnd = firstComma === -1 || firstComma > stop ? stop : firstComma;
    const date = body.slice(pos, dateEnd).trim();
    const day = DATE.test(date) ? dayNumberOrNaN(date) : NaN;
    if (Number.isNaN(day)) {
      const daily = /^\d{1,2} [A-Za-z]+ \d{4}$/.test(date) ? ' (this looks like the one-day file eurofxref.csv: import the full history, eurofxref-hist.csv)' : '';
      problem(line, 'Date', `"${date.slice(0, 20)}" is not a real date written YYYY-MM-DD${daily}`);
      pos = next;
      continue;
    }
    if (day < FIRST_ECB_DAY) {
      problem(line, 'Date', `${date} is before 4 January 1999, the first day of the ECB's euro reference rates`);
      pos = next;
      continue;
    }
    if (day >= previous) {
      problem(line, 'Date', `${date} is not older than the line above: the file must list dates newest first, each once`);
      pos = next;
      continue;
    }
    // Cells: read each currency's value straight from the text.
    let i = dateEnd;
    let c = 0;
    let bad = false;
    for (; c < ncodes && i < stop; c++) {
      const start = i + 1; // past the comma
      let j = start;
      let mantissa = 0;
      let digits = 0;
      let fraction = -1; // digits after the dot, -1 before a dot
      let ok = true;
      for (; j < stop; j++) {
        const ch = body.charCodeAt(j);
        if (ch === 44) break; // ','
        if (ch >= 48 && ch <= 57) {
          mantissa = mantissa * 10 + (ch - 48);
          digits++;
          if (fraction >= 0) fraction++;
        } else if (ch === 46 && fraction < 0 && digits > 0) fraction = 0;
        else ok = false;
      }
      i = j;
      if (ok && digits > 0 && fraction !== 0) {
        const v = digits <= 15 ? (fraction > 0 ? mantissa / POW10[fraction]! : mantissa) : Number(body.slice(start, j));
        if (v > 0) {
          quoted(c);
          days[c]![counts[c]!] = day;
          values[c]![counts[c]!++] = v;
          continue;
        }
      }
      const cell = body.slice(start, j).trim();
      if (cell === 'N/A' || cell === '') {
        naAbove[c] = day;
        continue;
      }
      const v = positiveDecimal(cell);
      if (v === null) {
        problem(line, codes[c]!, `"${cell.slice(0, 20)}" is neither N/A nor a positive number`);
        bad = true;
        continue;
      }
      quoted(c);
      days[c]![counts[c]!] = day;
      values[c]![counts[c]!++] = v;
    }
    // After the currencies: nothing, or (with a trailing comma in the header) one empty cell.
    const rest = body.slice(i, stop);
    const cells = 1 + c + (rest === '' ? 0 : rest.split(',').length - 1);
    if (cells !== width) {
      problem(line, 'line', `has ${cells < width ? 'fewer' : 'more'} cells than the header's ${width}`);
      bad = true;
    } else if (trailing && rest.slice(1).trim() !== '') {
      problem(line, 'line', 'has a value after the trailing comma');
      bad = true;
    }
    // A bad line is reported and the whole file refused below, so its values never reach a table.
    if (!bad) {
      previous = day;
      if (!last) last = date;
      first = date;
      rowCount++;
    }
    pos = next;
  }
  if (!rowCount && !issues.length) problem(2, 'line', 'the file has no dated lines');
  if (issues.length) fail();
  const series = new Map<string, RateSeries>();
  const stopMap = new Map<string, Int32Array>();
  codes.forEach((code, k) => {
    const n = counts[k]!;
    if (!n) return;
    series.set(code, { days: days[k]!.slice(0, n).reverse(), perEur: values[k]!.slice(0, n).reverse() });
    if (stops[k]!.length) stopMap.set(code, Int32Array.from(stops[k]!).reverse());
  });
  return { currencies: codes, firstDate: first, lastDate: last, rowCount, series, stops: stopMap };
}

/**
 * The value of a cell written as a plain positive decimal (digits, optionally one "." followed by
 * digits: "1.1252", "163.36", "13168"), or null for anything else ("1e3", "-1", "0", " 1", "1,5").
 */
function positiveDecimal(cell: string): number | null {
  const n = cell.length;
  if (n === 0) return null;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const ch = cell.charCodeAt(i);
    if (ch === 46) {
      if (dot !== -1 || i === 0 || i === n - 1) return null;
      dot = i;
    } else if (ch < 48 || ch > 57) return null;
  }
  const v = Number(cell);
  return v > 0 && Number.isFinite(v) ? v : null;
}
