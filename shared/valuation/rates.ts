/**
 * Dated exchange rates and currency conversion through the euro.
 *
 * Source of the shipped rates: the European Central Bank's euro foreign exchange reference rates,
 * file `eurofxref-hist.csv` (a snapshot ships in `resources/rates/`, see its README). Layout, as the
 * ECB publishes it: a header `Date,USD,JPY,…,` then one line per TARGET business day, newest first;
 * each cell is the number of units of that currency per 1 EUR, or `N/A` when the ECB published no
 * rate (a currency not yet or no longer quoted); a trailing comma ends every line.
 *
 * Rules (see docs/valuation.md):
 * - The rate of a currency at a date is the latest published rate on or before that date (weekends
 *   and TARGET holidays take the previous business day); every quote carries its own date.
 * - A quote older than `staleAfterDays` (default {@link DEFAULT_STALE_AFTER_DAYS}) is flagged stale.
 * - X → Y goes through EUR: amount_Y = amount_X / perEur(X) × perEur(Y); EUR is 1 per EUR by definition.
 * - Users add rates the ECB does not quote, with their source: per EUR, or per USD. A per-USD rate
 *   is expressed per EUR with the ECB USD rate of the date being converted, so a conversion to USD
 *   gives back exactly the rate the user entered. When an ECB rate and a user rate both exist, the
 *   later-dated one is used; on the same date the ECB rate wins.
 *
 * Look-ups are binary searches on per-currency arrays of day numbers (Int32Array) and rates
 * (Float64Array). This module reads no files: callers pass the CSV text.
 */
import { NestError, type FieldIssue } from '../errors';
import { dateOfDay, dayNumber, dayNumberOrNaN, formatDateLong } from './dates';
import { moneyRange, type MoneyRange } from './money';

/** A quote older than this many days (from the rate's date to the date converted) is flagged stale. */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/** Citation of the shipped ECB rates, for methodology statements and exports. */
export const ECB_CITATION = {
  title: 'European Central Bank, euro foreign exchange reference rates (eurofxref-hist.csv)',
  url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
} as const;

/** One currency's published rates, oldest first: `days[i]` (days since 1970-01-01) has `perEur[i]`. */
export interface RateSeries {
  readonly days: Int32Array;
  readonly perEur: Float64Array;
}

/** A parsed ECB reference-rate file. */
export interface EcbRates {
  /** Currency codes in file order (including ones with only `N/A` cells). */
  readonly currencies: readonly string[];
  /** Oldest and newest dates in the file, YYYY-MM-DD. */
  readonly firstDate: string;
  readonly lastDate: string;
  /** Number of dated lines. */
  readonly rowCount: number;
  /** Per-currency series, without the `N/A` cells. */
  readonly series: ReadonlyMap<string, RateSeries>;
  /**
   * Per currency, the dates (days since 1970-01-01, ascending) on which the file has `N/A` for it
   * right after a date with a rate: where the ECB stopped or suspended quoting it (RUB on 2 March
   * 2022, ISK on 10 December 2008). After such a date the last rate is no rate (see
   * {@link RateTable.quote}). Absent when unknown (rates built by hand).
   */
  readonly stops?: ReadonlyMap<string, Int32Array>;
}

/**
 * A rate a user entered or imported for a currency, with its source: `perEur` units per 1 EUR, or
 * `perUsd` units per 1 USD (exactly one of the two), valid from `date` (YYYY-MM-DD).
 */
export interface UserRate {
  readonly id?: string;
  readonly currency: string;
  readonly perEur?: number | null;
  readonly perUsd?: number | null;
  readonly date: string;
  readonly source: string;
}

/** Where a quote comes from: the ECB file, a user-entered rate (with its stated source), or the definition EUR = 1. */
export type RateOrigin =
  | { readonly kind: 'ecb'; readonly label: string }
  | { readonly kind: 'user'; readonly label: string; readonly id?: string; readonly perUsd?: number }
  | { readonly kind: 'definition'; readonly label: string };

/** The rate of one currency used for one date. */
export interface RateQuote {
  readonly currency: string;
  /** Units of `currency` per 1 EUR. */
  readonly perEur: number;
  /** The rate's own date (the publication date), YYYY-MM-DD: on or before `requestedDate`. */
  readonly date: string;
  /** The date the conversion is for (e.g. the seizure date). */
  readonly requestedDate: string;
  /** Days from `date` to `requestedDate`. */
  readonly ageDays: number;
  /** True when `ageDays` exceeds the table's stale threshold. */
  readonly stale: boolean;
  readonly origin: RateOrigin;
  /** For a user rate entered per USD: the USD quote used to express it per EUR. */
  readonly usdLeg?: RateQuote;
}

/** The cross rate from one currency to another at a date, through EUR. */
export interface CrossRate {
  readonly from: string;
  readonly to: string;
  readonly requestedDate: string;
  /** Units of `to` per 1 `from`: perEur(to) / perEur(from). 1 when `from === to`. */
  readonly rate: number;
  /** The two quotes used, or null when no conversion was needed (`from === to`). */
  readonly legs: { readonly from: RateQuote; readonly to: RateQuote } | null;
  /** True when any quote used is stale. */
  readonly stale: boolean;
}

/** A look-up that found no rate: the currencies with no rate on or before `date`. */
export interface MissingRate {
  readonly ok: false;
  readonly missing: readonly string[];
  readonly date: string;
}

/** Result of {@link RateTable.cross}. */
export type CrossRateResult = { readonly ok: true; readonly rate: CrossRate } | MissingRate;

/** A converted money range with the rate that converted it. */
export interface Converted {
  readonly range: MoneyRange;
  readonly rate: CrossRate;
}

/** Result of {@link RateTable.convert}. */
export type ConversionResult = ({ readonly ok: true } & Converted) | MissingRate;

const CODE = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ISSUES = 50;

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
  const issues: FieldIssue[] = [];
  const problem = (line: number, column: string, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ field: `line.${line}.${column}`, message });
  };
  const fail = (): never => {
    const shown = issues.slice(0, 3).map((i) => `${i.field.replace(/^line\.(\d+)\./, 'line $1, ')}: ${i.message}`);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more${issues.length >= MAX_ISSUES ? '; the list stops at 50' : ''})` : '';
    throw new NestError('import-failed', `${fileName}: ${shown.join('; ')}${more}`, issues);
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
 * Currencies replaced by the euro that the ECB file quotes, with the date they were replaced and the
 * irrevocable conversion rate (units per EUR, fixed by EU Council regulations). After its changeover
 * such a currency keeps its last ECB quote (flagged stale) instead of counting as no longer quoted.
 * The ECB's last quote equals the fixed rate for all of them but HRK (last quote 7.5365 on 30 December
 * 2022, fixed rate 7.5345).
 */
export const EURO_CHANGEOVERS: Readonly<Record<string, { readonly date: string; readonly perEur: number }>> = {
  SIT: { date: '2007-01-01', perEur: 239.64 },
  CYP: { date: '2008-01-01', perEur: 0.585274 },
  MTL: { date: '2008-01-01', perEur: 0.4293 },
  SKK: { date: '2009-01-01', perEur: 30.126 },
  EEK: { date: '2011-01-01', perEur: 15.6466 },
  LVL: { date: '2014-01-01', perEur: 0.702804 },
  LTL: { date: '2015-01-01', perEur: 3.4528 },
  HRK: { date: '2023-01-01', perEur: 7.5345 },
};

/** 1999-01-04, the first day the ECB published euro reference rates (days since 1970-01-01). */
const FIRST_ECB_DAY = 10595;

/** 10^0 … 10^22, all exactly representable as doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Union of two ECB files (e.g. the shipped snapshot and a newer download): every date of either,
 * and on a date both hold, the rate of `newer`.
 */
export function mergeEcbRates(base: EcbRates, newer: EcbRates): EcbRates {
  const series = new Map<string, RateSeries>();
  const codes = [...base.currencies, ...newer.currencies.filter((c) => !base.currencies.includes(c))];
  for (const code of codes) {
    const a = base.series.get(code);
    const b = newer.series.get(code);
    if (!a || !b) {
      const only = a ?? b;
      if (only) series.set(code, only);
      continue;
    }
    const d: number[] = [];
    const v: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.days.length || j < b.days.length) {
      const da = i < a.days.length ? a.days[i]! : Infinity;
      const db = j < b.days.length ? b.days[j]! : Infinity;
      if (db <= da) {
        d.push(db);
        v.push(b.perEur[j++]!);
        if (da === db) i++;
      } else {
        d.push(da);
        v.push(a.perEur[i++]!);
      }
    }
    series.set(code, { days: Int32Array.from(d), perEur: Float64Array.from(v) });
  }
  const firstDate = [base.firstDate, newer.firstDate].filter(Boolean).sort()[0] ?? '';
  const lastDate = [base.lastDate, newer.lastDate].filter(Boolean).sort().at(-1) ?? '';
  const allDays = new Set<number>();
  for (const s of series.values()) for (const day of s.days) allDays.add(day);
  // Stops of either file, except on a date the merged series has a rate (the other file quoted it).
  const stops = new Map<string, Int32Array>();
  for (const code of codes) {
    const all = [...(base.stops?.get(code) ?? []), ...(newer.stops?.get(code) ?? [])];
    const s = series.get(code);
    const kept = [...new Set(all)].filter((d) => !s || s.days[lastOnOrBefore(s.days, d)] !== d).sort((a, b) => a - b);
    if (kept.length) stops.set(code, Int32Array.from(kept));
  }
  return { currencies: codes, firstDate, lastDate, rowCount: allDays.size, series, stops };
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

/** Index of the last entry of `days` (ascending) that is ≤ `day`, or −1. */
export function lastOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

interface UserEntry {
  day: number;
  rate: UserRate;
}

/** Options of a {@link RateTable}. */
export interface RateTableOptions {
  /** Parsed ECB rates (the shipped snapshot, possibly merged with newer files). */
  ecb?: EcbRates | null;
  /** User-entered rates (validated by `userRateSchema` where they are stored). */
  userRates?: readonly UserRate[];
  /** Days after which a quote is flagged stale; default {@link DEFAULT_STALE_AFTER_DAYS}. */
  staleAfterDays?: number;
}

/**
 * All the rates the app knows: ECB series plus user rates. Immutable; build a new table when
 * rates change. Construction is cheap; parsing the ECB file is the only real cost.
 */
export class RateTable {
  /** The ECB rates, or null when none were loaded. */
  readonly ecb: EcbRates | null;
  /** The threshold for {@link RateQuote.stale}, in days. */
  readonly staleAfterDays: number;
  private readonly user = new Map<string, UserEntry[]>();

  /**
   * @throws NestError('validation') for a user rate with a malformed currency or date, or without
   *   exactly one positive `perEur`/`perUsd`.
   */
  constructor(opts: RateTableOptions = {}) {
    this.ecb = opts.ecb ?? null;
    this.staleAfterDays = opts.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
    for (const r of opts.userRates ?? []) {
      checkUserRate(r);
      const list = this.user.get(r.currency) ?? [];
      list.push({ day: dayNumber(r.date, 'rate date'), rate: r });
      this.user.set(r.currency, list);
    }
    // Ascending by day; on one day the rate entered last in the list wins (stable sort, last kept).
    for (const list of this.user.values()) list.sort((a, b) => a.day - b.day);
  }

  /** A table of the ECB rates in `csv` (the `eurofxref-hist.csv` layout) and optional user rates. @throws as {@link parseEcbCsv}. */
  static fromEcbCsv(csv: string, opts: Omit<RateTableOptions, 'ecb'> = {}): RateTable {
    return new RateTable({ ...opts, ecb: parseEcbCsv(csv) });
  }

  /** The same ECB rates with other user rates. */
  withUserRates(userRates: readonly UserRate[]): RateTable {
    return new RateTable({ ecb: this.ecb, userRates, staleAfterDays: this.staleAfterDays });
  }

  /** The currencies for which some rate exists (EUR included), sorted. */
  currencies(): string[] {
    const out = new Set<string>(['EUR', ...(this.ecb?.series.keys() ?? []), ...this.user.keys()]);
    return [...out].sort();
  }

  /**
   * The rate of `currency` at `date`: the latest published rate on or before it, or null when there
   * is none (e.g. before 1999-01-04, or a currency the ECB does not quote and no user rate covers).
   * @throws NestError('validation') when `date` is not a real YYYY-MM-DD date.
   */
  quote(currency: string, date: string): RateQuote | null {
    const day = dayNumber(date);
    if (currency === 'EUR') {
      return { currency, perEur: 1, date, requestedDate: date, ageDays: 0, stale: false, origin: { kind: 'definition', label: 'EUR is the base currency' } };
    }
    let best: { day: number; perEur: number; origin: RateOrigin; usdLeg?: RateQuote } | null = null;
    // A user rate is used only when it is later than the last ECB quote on or before the date.
    let ecbDay = -Infinity;
    const s = this.ecb?.series.get(currency);
    if (s) {
      const i = lastOnOrBefore(s.days, day);
      if (i >= 0) {
        ecbDay = s.days[i]!;
        // The ECB published rates after this quote without one for this currency (RUB after 1 March
        // 2022, ISK from December 2008 to February 2018): it had no rate for it at `day`, and its last
        // quote is no rate for a later date. Only a euro changeover keeps the last (fixed) rate.
        if (!this.discontinued(currency, ecbDay, day)) best = { day: ecbDay, perEur: s.perEur[i]!, origin: { kind: 'ecb', label: 'ECB euro reference rate' } };
      }
    }
    const entries = this.user.get(currency);
    if (entries) {
      let i = -1;
      let lo = 0;
      let hi = entries.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (entries[mid]!.day <= day) {
          i = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const e = i >= 0 ? entries[i]! : null;
      if (e && e.day > ecbDay && (!best || e.day > best.day)) {
        const r = e.rate;
        const origin: RateOrigin = { kind: 'user', label: r.source, ...(r.id ? { id: r.id } : {}), ...(r.perUsd ? { perUsd: r.perUsd } : {}) };
        if (r.perEur) best = { day: e.day, perEur: r.perEur, origin };
        else if (r.perUsd && currency !== 'USD') {
          const usd = this.quote('USD', date);
          if (usd) best = { day: e.day, perEur: r.perUsd * usd.perEur, origin, usdLeg: usd };
        }
      }
    }
    if (!best) return null;
    const ageDays = day - best.day;
    const q: RateQuote = {
      currency,
      perEur: best.perEur,
      date: dateOfDay(best.day),
      requestedDate: date,
      ageDays,
      stale: ageDays > this.staleAfterDays,
      origin: best.origin,
      ...(best.usdLeg ? { usdLeg: best.usdLeg } : {}),
    };
    return q;
  }

  /**
   * True when the ECB data has `N/A` for `currency` on a date after `quoteDay` and on or before
   * `day` ({@link EcbRates.stops}): the ECB stopped (or suspended) quoting it. Currencies replaced by
   * the euro ({@link EURO_CHANGEOVERS}) are not: their last quote is the irrevocable conversion rate.
   */
  private discontinued(currency: string, quoteDay: number, day: number): boolean {
    if (day <= quoteDay || currency in EURO_CHANGEOVERS) return false;
    const stops = this.ecb?.stops?.get(currency);
    if (!stops) return false;
    const k = lastOnOrBefore(stops, day);
    return k >= 0 && stops[k]! > quoteDay;
  }

  /**
   * Why there is no rate for `currency` at `date` (call when {@link quote} returned null), as a clause
   * for a sentence, e.g. "the ECB stopped publishing RUB rates after 1 March 2022".
   */
  whyNoRate(currency: string, date: string): string {
    const day = dayNumber(date);
    const s = this.ecb?.series.get(currency);
    const long = (d: number): string => formatDateLong(dateOfDay(d));
    if (!s || !s.days.length) return `the ECB does not publish a ${currency} rate${this.user.has(currency) ? `, and no rate entered for ${currency} is dated on or before ${formatDateLong(date)}` : ' and no rate was entered for it'}`;
    if (this.ecb?.firstDate && date < this.ecb.firstDate) return `ECB reference rates start on ${formatDateLong(this.ecb.firstDate)}`;
    const i = lastOnOrBefore(s.days, day);
    if (i < 0) return `the ECB's ${currency} rates start on ${long(s.days[0]!)}`;
    if (i + 1 < s.days.length) return `the ECB published no ${currency} rate between ${long(s.days[i]!)} and ${long(s.days[i + 1]!)}`;
    return `the ECB stopped publishing ${currency} rates after ${long(s.days[i]!)}`;
  }

  /**
   * The cross rate `from` → `to` at `date`, through EUR: perEur(to) / perEur(from).
   * @returns `{ ok: false, missing }` naming each currency with no rate on or before `date`.
   * @throws NestError('validation') when `date` is not a real YYYY-MM-DD date.
   */
  cross(from: string, to: string, date: string): CrossRateResult {
    dayNumber(date);
    if (from === to) return { ok: true, rate: { from, to, requestedDate: date, rate: 1, legs: null, stale: false } };
    const qf = this.quote(from, date);
    const qt = this.quote(to, date);
    if (!qf || !qt) return { ok: false, missing: [...(qf ? [] : [from]), ...(qt ? [] : [to])], date };
    const stale = qf.stale || qt.stale || Boolean(qf.usdLeg?.stale) || Boolean(qt.usdLeg?.stale);
    return { ok: true, rate: { from, to, requestedDate: date, rate: qt.perEur / qf.perEur, legs: { from: qf, to: qt }, stale } };
  }

  /**
   * `range` converted to `to` at `date`: each end is amount / perEur(from) × perEur(to).
   * @returns the converted range with the cross rate used, or `{ ok: false, missing }`.
   * @throws NestError('validation') when `date` is not a real date.
   */
  convert(range: MoneyRange, to: string, date: string): ConversionResult {
    const r = this.cross(range.currency, to, date);
    if (!r.ok) return r;
    const legs = r.rate.legs;
    const conv = (x: number): number => (legs ? (x / legs.from.perEur) * legs.to.perEur : x);
    return { ok: true, range: moneyRange(conv(range.low), conv(range.high), to), rate: r.rate };
  }
}

/**
 * Checks one user rate: three-letter currency other than EUR, real date, non-empty source, and
 * exactly one of `perEur`/`perUsd`, positive and finite.
 * @throws NestError('validation') naming the bad field.
 */
export function checkUserRate(r: UserRate): void {
  const bad = (field: string, message: string): never => {
    throw new NestError('validation', `exchange rate ${r.currency ?? '?'} ${r.date ?? '?'}: ${field}: ${message}`, [{ field, message }]);
  };
  if (typeof r.currency !== 'string' || !CODE.test(r.currency)) bad('currency', 'must be a three-letter ISO 4217 code');
  if (r.currency === 'EUR') bad('currency', 'EUR is the base currency (1 per EUR by definition)');
  dayNumber(r.date, 'date');
  if (typeof r.source !== 'string' || !r.source.trim()) bad('source', 'is required: say where the rate comes from');
  const hasEur = r.perEur !== undefined && r.perEur !== null;
  const hasUsd = r.perUsd !== undefined && r.perUsd !== null;
  if (hasEur === hasUsd) bad('perEur', 'give the rate either per EUR or per USD, not both or neither');
  const v = (hasEur ? r.perEur : r.perUsd) as number;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) bad(hasEur ? 'perEur' : 'perUsd', 'must be a positive number');
  if (hasUsd && r.currency === 'USD') bad('perUsd', 'a USD rate per USD is always 1; give it per EUR');
}
