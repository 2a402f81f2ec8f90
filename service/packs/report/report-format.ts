/**
 * How the report writes times, dates and numbers: times in UTC with the zone named (a court reads
 * one time line, wherever the members were), calendar dates in words (shared/valuation/dates.ts),
 * numbers in the current locale (shared/messages/format.ts). Pure.
 */
import { currentLocale, t } from '../../../shared/messages/format';
import { formatDateLong } from '../../../shared/valuation/dates';

/** A time (ms since epoch) as e.g. "6 Dec 2026, 13:30 UTC"; "—" for 0. */
export function reportTime(ms: number): string {
  if (!ms) return '—';
  const when = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(new Date(ms));
  return t('report.time-utc', { when });
}

/** A calendar date YYYY-MM-DD (or YYYY-MM, YYYY) as words: "3 January 2013"; "—" when empty. */
export function reportDate(date: string): string {
  if (!date) return '—';
  return formatDateLong(date);
}

/** A number in the current locale with at most `digits` fraction digits. */
export function reportNumber(n: number, digits = 3): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(n);
}
