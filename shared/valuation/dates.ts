/**
 * Calendar-date helpers for rate look-ups: dates are YYYY-MM-DD strings (proleptic Gregorian, no
 * time zone) and are compared as whole days since 1970-01-01. No `Date` object leaks out, so a
 * date never shifts with the machine's time zone.
 */
import { NestError } from '../errors';
import { isIsoDate } from '../domain/fields';

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date (1970-01-02 → 1).
 * @throws NestError('validation') when `date` is not a real date written YYYY-MM-DD.
 */
export function dayNumber(date: string, what = 'date'): number {
  const hit = dayCache.get(date);
  if (hit !== undefined) return hit;
  if (!isIsoDate(date)) throw new NestError('validation', { id: 'valuation-core.date.invalid', values: { what, date: String(date).slice(0, 40) } }, [{ field: what, message: 'must be a real date written YYYY-MM-DD' }]);
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
  remember(dayCache, date, day);
  return day;
}

/**
 * Memo of valid dates and their day numbers (and back): a case of 10,000 seizures looks the same
 * dates up many times (each conversion checks its date), and checking a date builds a `Date`.
 * Bounded: cleared when full.
 */
const dayCache = new Map<string, number>();
const dateCache = new Map<number, string>();
const CACHE_LIMIT = 100_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/**
 * Like {@link dayNumber} for text already known to match /^\d{4}-\d{2}-\d{2}$/, returning NaN
 * instead of throwing when the day does not exist (2019-02-30). Fast path for file parsing.
 */
export function dayNumberOrNaN(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > 31) return NaN;
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 02-30 over into March: reject any date that does not come back as itself.
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== m - 1) return NaN;
  return ms / MS_PER_DAY;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  const hit = dateCache.get(day);
  if (hit !== undefined) return hit;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  remember(dateCache, day, date);
  return date;
}

/** Whole days from `from` to `to` (positive when `to` is later). @throws as {@link dayNumber}. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** "3 January 2013": a date in words for sentences (English month names, no time zone). */
export function formatDateLong(date: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (!isIsoDate(date)) return date;
  return `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
