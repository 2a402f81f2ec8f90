/**
 * Seizure dates as spreadsheets, officers and GPS units write them, turned into the domain's
 * `YYYY-MM-DD` plus a precision (day, month or year).
 *
 * Accepted (a trailing time such as "T09:30:00Z", " 14:30" or "+02:00" is dropped: the date is
 * taken as written, in the writer's own time zone, never shifted to UTC):
 * - ISO 8601 dates and timestamps: 2019-07-21, 2019-07-21T09:30:00Z; also 2019/07/21;
 * - YYYY-MM (month precision, stored as the 1st) and YYYY (year precision, stored as 1 January);
 * - DD.MM.YYYY (German and others), always day first;
 * - DD/MM/YYYY and DD-MM-YYYY, or MM/DD/YYYY when the order is MDY ({@link decideDateOrder});
 * - month names in English, German, French, Spanish and Portuguese: "21 July 2019",
 *   "July 21, 2019", "21. Juli 2019", "Jul 2019" (month precision);
 * - Excel serial day numbers of the 1900 date system (43667 = 2019-07-21), see {@link excelSerialToIso}.
 * Two-digit years are refused: the century would be a guess.
 */
import type { DatePrecision } from '../../shared/domain/codes';
import { fail, ok, type Parsed } from './parse-result';

/** Day-month order of slash dates such as 03/04/2019: DMY = 3 April, MDY = 4 March. */
export type DateOrder = 'DMY' | 'MDY';

/** A date in the domain's form: YYYY-MM-DD and how much of it is known. */
export interface ParsedDate {
  date: string;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;
/** Largest serial Excel accepts: 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * Converts an Excel serial day number of the 1900 date system to YYYY-MM-DD. Serial 1 is
 * 1900-01-01. Excel counts a 29 February 1900 that never existed (the Lotus 1-2-3 leap-year bug,
 * documented by Microsoft as "Excel incorrectly assumes that the year 1900 is a leap year"), so
 * serial 60 is refused and serials from 61 on are one day less than their count (61 = 1900-03-01).
 * A fractional part (the time of day) is dropped. Serials of the 1904 system (old Mac Excel)
 * cannot be told apart and would come out 4 years and 1 day early.
 */
export function excelSerialToIso(serial: number): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1) return fail('import.excel-serial-too-early', { serial: String(serial) });
  const day = Math.floor(serial);
  if (day === 60) return fail('import.excel-serial-leap-bug');
  if (day > EXCEL_MAX_SERIAL) return fail('import.excel-serial-too-late', { serial: String(day) });
  const daysAfter18991231 = day < 60 ? day : day - 1;
  return ok(new Date(Date.UTC(1899, 11, 31) + daysAfter18991231 * DAY_MS).toISOString().slice(0, 10));
}

/** Month names (lower case, without accents) in en, de, fr, es, pt, with common abbreviations. */
const MONTHS: Record<string, number> = {};
(
  [
    ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'jaenner'],
    ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'fevereiro'],
    ['march', 'mar', 'maerz', 'marz', 'mrz', 'mars', 'marzo', 'marco'],
    ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
    ['may', 'mai', 'mayo', 'maio'],
    ['june', 'jun', 'juni', 'juin', 'junio', 'junho'],
    ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho'],
    ['august', 'aug', 'aout', 'agosto', 'ago'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'set'],
    ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'out'],
    ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
    ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dezembro'],
  ] as const
).forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '');
  return MONTHS[w];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Builds a checked YYYY-MM-DD, or a reason ("2019-13-40 is not a real date"). */
function calendarDate(y: number, m: number, d: number, raw: string): Parsed<string> {
  const s = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  const t = new Date(`${s}T00:00:00Z`);
  if (y < 1000 || Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== s) return fail('import.not-a-real-date', { value: raw });
  return ok(s);
}

/** A time of day after a date, with an optional zone: "T09:30:00Z", " 14:30", "T09:30:00.5+02:00". */
const TIME_SUFFIX = /[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * What a column of slash or dash dates proves about its day-month order: the index (into
 * `values`) of the first cell that reads only day first (its first number above 12,
 * "21/07/2019") and of the first that reads only month first (its second number above 12,
 * "07/21/2019"); null where there is none. Both set: the column mixes the two orders.
 */
export function dateOrderEvidence(values: readonly string[]): { dayFirst: number | null; monthFirst: number | null } {
  let dayFirst: number | null = null;
  let monthFirst: number | null = null;
  values.forEach((v, i) => {
    const m = /^(\d{1,2})[/-](\d{1,2})[/-]\d{4}\b/.exec(v.trim());
    if (!m) return;
    if (dayFirst === null && Number(m[1]) > 12 && Number(m[2]) <= 12) dayFirst = i;
    if (monthFirst === null && Number(m[2]) > 12 && Number(m[1]) <= 12) monthFirst = i;
  });
  return { dayFirst, monthFirst };
}

/**
 * Which day-month order a column of slash or dash dates proves ({@link dateOrderEvidence}): DMY
 * when some cell reads only day first, MDY when some reads only month first, null when no cell
 * decides or cells of both orders are there (the column mixes them: the user must choose).
 */
export function decideDateOrder(values: readonly string[]): DateOrder | null {
  const { dayFirst, monthFirst } = dateOrderEvidence(values);
  if (dayFirst !== null && monthFirst === null) return 'DMY';
  if (monthFirst !== null && dayFirst === null) return 'MDY';
  return null;
}

/** True when `raw` is a slash or dash date whose day and month could be swapped (both ≤ 12, not equal). */
export function isAmbiguousSlashDate(raw: string): boolean {
  const m = /^(\d{1,2})[/-](\d{1,2})[/-]\d{4}\b/.exec(raw.trim());
  return !!m && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2];
}

/** A checked date as a day-precision date (the failure as it is). */
function day(r: Parsed<string>): Parsed<ParsedDate> {
  return r.ok ? ok({ date: r.value, precision: 'day' }) : r;
}

/**
 * Parses one date cell (see the module comment for the forms). `order` resolves ambiguous slash
 * dates. Returns the date and its precision, or the reason it cannot be read.
 */
export function parseDate(raw: string, order: DateOrder): Parsed<ParsedDate> {
  const cell = raw.trim();
  if (cell === '') return fail('field.required');

  // Excel serial day number (a 4-digit integer 1000–2999 is a year instead).
  if (/^\d{1,7}(?:\.\d+)?$/.test(cell) && !/^[12]\d{3}$/.test(cell)) return day(excelSerialToIso(Number(cell)));
  if (/^\d{4}$/.test(cell)) return ok({ date: `${cell}-01-01`, precision: 'year' });
  const ym = /^(\d{4})[-/](\d{1,2})$/.exec(cell);
  if (ym) {
    const r = calendarDate(Number(ym[1]), Number(ym[2]), 1, cell);
    return r.ok ? ok({ date: r.value, precision: 'month' }) : r;
  }

  const s = cell.replace(TIME_SUFFIX, '').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return day(calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), cell));
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(s);
  if (m) return day(calendarDate(Number(m[3]), Number(m[2]), Number(m[1]), cell));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === 'DMY' ? [a, b] : [b, a];
    const read = calendarDate(Number(m[3]), mo, d, cell);
    // A date that reads only in the other order ("04/13/2019" in a day-first column) says so, not "not a real date".
    if (!read.ok && mo > 12 && d <= 12 && calendarDate(Number(m[3]), d, mo, cell).ok) return fail('import.date-other-order', { value: cell, order, month: mo });
    return day(read);
  }
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2}$/.test(s)) return fail('import.two-digit-year', { value: cell });

  // Month names: "21 July 2019", "21. Juli 2019", "21-Jul-2019", "July 21, 2019", "July 2019", "1er mars 2019", "21 de julio de 2019".
  const words = s.toLowerCase().replace(/,/g, ' ').replace(/\b(de|del|of|the)\b/g, ' ').replace(/(\d)(er|st|nd|rd|th)\b/g, '$1').split(/[\s\-/]+/).filter(Boolean);
  if (words.length === 3) {
    const [a, b, c] = words as [string, string, string];
    const dmy = /^\d{1,2}\.?$/.test(a) && monthNumber(b) && /^\d{4}$/.test(c);
    if (dmy) return day(calendarDate(Number(c), monthNumber(b)!, parseInt(a, 10), cell));
    const mdy = monthNumber(a) && /^\d{1,2}$/.test(b) && /^\d{4}$/.test(c);
    if (mdy) return day(calendarDate(Number(c), monthNumber(a)!, Number(b), cell));
  }
  if (words.length === 2 && monthNumber(words[0]!) && /^\d{4}$/.test(words[1]!)) {
    const r = calendarDate(Number(words[1]), monthNumber(words[0]!)!, 1, cell);
    return r.ok ? ok({ date: r.value, precision: 'month' }) : r;
  }
  return fail('import.not-a-date', { value: cell });
}
