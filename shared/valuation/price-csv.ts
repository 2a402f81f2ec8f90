/**
 * Import of price references from CSV (UTF-8, comma-separated, RFC 4180 quoting, first line a
 * header; a file whose header has semicolons or tabs and no comma is read with that separator and
 * accepts decimal commas such as "1234,5"). Columns, by header name (snake_case as in seizures-public.csv; the camelCase field
 * names are accepted too; unknown columns are ignored):
 *
 *   commodity*, taxon, low*, high*, currency*, unit*, market_level*, place*, country_iso2, date*,
 *   citation_title*, citation_url, notes          (* = required column)
 *
 * `low`/`high` are the price of one `unit` in `currency`, written as plain decimals (1234.5; no
 * thousands separators, no currency signs). `high` may be left empty for a single price. Each row
 * is validated with `priceReferenceFieldsSchema`; a bad row is rejected with its line number,
 * field and reason, and the good rows are returned for the caller to store (nothing is written
 * here). Line numbers are those of the file (a quoted cell spanning lines counts all its lines).
 */
import { cellCountRejection, readCsv, reasonWithFix, rowRejection, unclosedQuoteRejection, type Rejection } from '../csv';
import { QUANTITY_UNITS } from '../domain/codes';
import { MARKET_LEVELS, priceReferenceFieldsSchema, type PriceReferenceFields } from '../domain/price-reference';

/**
 * One rejected cell or row, as the price dialog lists it: the shared {@link Rejection}'s `line`,
 * its `column` as `field` (the snake_case column name, "row" or "file") and its reason with the fix.
 */
export interface CsvRejection {
  readonly line: Rejection['line'];
  readonly field: Rejection['column'];
  readonly reason: Rejection['reason'];
}

/** The dialog's form of a shared rejection. */
function toCsvRejection(r: Rejection): CsvRejection {
  return { line: r.line, field: r.column, reason: reasonWithFix(r) };
}

/** A row that passed validation, with the line it started on. */
export interface CsvAcceptedRow {
  readonly line: number;
  readonly fields: PriceReferenceFields;
}

/** The result of {@link parsePriceReferenceCsv}. */
export interface PriceCsvResult {
  readonly accepted: readonly CsvAcceptedRow[];
  readonly rejected: readonly CsvRejection[];
  /** Data rows read (accepted + rows with at least one rejection). */
  readonly rowCount: number;
}

type Field = keyof PriceReferenceFields;

/** Header name (lower case) → field. */
const COLUMNS: Record<string, Field> = {
  commodity: 'commodity',
  taxon: 'taxon',
  low: 'low',
  high: 'high',
  currency: 'currency',
  unit: 'unit',
  market_level: 'marketLevel',
  marketlevel: 'marketLevel',
  place: 'place',
  country_iso2: 'country',
  country: 'country',
  date: 'date',
  citation_title: 'citationTitle',
  citationtitle: 'citationTitle',
  citation_url: 'citationUrl',
  citationurl: 'citationUrl',
  notes: 'notes',
};

const REQUIRED: readonly Field[] = ['commodity', 'low', 'high', 'currency', 'unit', 'marketLevel', 'place', 'date', 'citationTitle'];
const SNAKE: Record<Field, string> = {
  commodity: 'commodity',
  taxon: 'taxon',
  low: 'low',
  high: 'high',
  currency: 'currency',
  unit: 'unit',
  marketLevel: 'market_level',
  place: 'place',
  country: 'country_iso2',
  date: 'date',
  citationTitle: 'citation_title',
  citationUrl: 'citation_url',
  notes: 'notes',
};
const DECIMAL = /^\d+(\.\d+)?$/;

/** At most this many rows are read; a longer file is rejected at the first extra row. */
export const MAX_PRICE_ROWS = 10_000;

/**
 * Parses a price-reference CSV. Never throws for bad content: problems come back as rejections.
 * A header without a required column rejects the whole file (one rejection per missing column, line 1).
 */
export function parsePriceReferenceCsv(text: string): PriceCsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The separator is the comma; a file whose first line has no comma but semicolons (or tabs), as
  // spreadsheets in many locales write, is read with that separator and its numbers may use a
  // decimal comma.
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  // An unclosed quote swallows the rest of the file into its row: the rejection names those lines.
  const rows = readCsv(body, { delimiter, unclosedQuote: 'rest' }).records.map((r) => ({ data: r.cells, line: r.line, record: r }));
  const rejected: CsvRejection[] = [];
  const accepted: CsvAcceptedRow[] = [];
  const header = rows.shift();
  if (!header) return { accepted, rejected: [{ line: 1, field: 'file', reason: 'the file is empty' }], rowCount: 0 };
  const index = new Map<Field, number>();
  const twice: CsvRejection[] = [];
  header.data.forEach((h, i) => {
    const f = COLUMNS[h.trim().toLowerCase()];
    if (!f) return;
    // Two columns for one field (e.g. "country" and "country_iso2"): which one is meant is unknown.
    if (index.has(f)) twice.push({ line: header.line, field: SNAKE[f], reason: `appears twice in the header (columns ${index.get(f)! + 1} and ${i + 1}); keep one` });
    else index.set(f, i);
  });
  const missing = REQUIRED.filter((f) => !index.has(f));
  if (missing.length || twice.length) {
    const sep = header.data.length === 1 && /[;\t|]/.test(header.data[0]!) ? ' (the header has one column: separate the columns with commas)' : '';
    return {
      accepted,
      rejected: [...twice, ...missing.map((f) => ({ line: header.line, field: SNAKE[f], reason: `required column is missing from the header${sep}` }))],
      rowCount: 0,
    };
  }
  const width = header.data.length;
  let rowCount = 0;
  for (const row of rows) {
    if (row.data.every((c) => c.trim() === '')) continue;
    rowCount++;
    if (rowCount > MAX_PRICE_ROWS) {
      rejected.push(toCsvRejection(rowRejection(row.line, `the file has more than ${MAX_PRICE_ROWS} rows; split it`)));
      break;
    }
    const cell = (f: Field): string => {
      const i = index.get(f);
      return i === undefined ? '' : (row.data[i] ?? '').trim();
    };
    const structural = unclosedQuoteRejection(row.record) ?? cellCountRejection(row.record, width);
    if (structural) {
      rejected.push(toCsvRejection({ ...structural, column: 'row' }));
      continue;
    }
    const rowProblems: CsvRejection[] = [];
    const num = (f: Field): number | null => {
      const raw = cell(f);
      // In a semicolon- or tab-separated file, "1234,5" is a decimal comma; "1,234" (three digits
      // after the comma) could be a thousands separator and is refused rather than guessed.
      const s = delimiter !== ',' && /^\d+,\d+$/.test(raw) && !/^[1-9]\d{0,2},\d{3}$/.test(raw) ? raw.replace(',', '.') : raw;
      if (!DECIMAL.test(s)) {
        const why = /^-/.test(s)
          ? 'must not be negative'
          : /^[1-9]\d{0,2},\d{3}$/.test(s) && delimiter !== ','
            ? `"${s}" is ambiguous (a decimal comma or a thousands separator?): write it like 1234.5`
            : `"${s.slice(0, 40)}" is not a number written like 1234.5`;
        rowProblems.push({ line: row.line, field: SNAKE[f], reason: s ? why : 'is required' });
        return null;
      }
      return Number(s);
    };
    const low = num('low');
    // An empty high means "same as low"; when low itself is bad, only low is reported.
    const high = cell('high') === '' ? low : num('high');
    const country = cell('country').toUpperCase();
    const candidate = {
      commodity: cell('commodity'),
      taxon: cell('taxon'),
      low: low ?? 0,
      high: high ?? 0,
      currency: cell('currency').toUpperCase(),
      unit: cell('unit').toLowerCase().replace('m³', 'm3'),
      marketLevel: cell('marketLevel').toLowerCase(),
      place: cell('place'),
      country: country === '' ? null : country,
      date: cell('date'),
      citationTitle: cell('citationTitle'),
      citationUrl: cell('citationUrl'),
      notes: index.has('notes') ? (row.data[index.get('notes')!] ?? '') : '',
    };
    const r = priceReferenceFieldsSchema.safeParse(candidate);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const f = String(issue.path[0] ?? 'row') as Field;
        // A number we already rejected for its text has a placeholder value: do not report it twice.
        if ((f === 'low' && low === null) || (f === 'high' && high === null)) continue;
        // Nor compare low with a high that was rejected (its placeholder is 0).
        if (f === 'low' && high === null && issue.code === 'custom') continue;
        const options = f === 'unit' ? QUANTITY_UNITS : f === 'marketLevel' ? MARKET_LEVELS : null;
        const reason = options ? `"${cell(f).slice(0, 40)}" is not one of ${options.join(', ')}` : issue.message;
        rowProblems.push({ line: row.line, field: SNAKE[f] ?? String(f), reason });
      }
    }
    if (rowProblems.length || !r.success) rejected.push(...rowProblems);
    else accepted.push({ line: row.line, fields: r.data });
  }
  return { accepted, rejected, rowCount };
}
