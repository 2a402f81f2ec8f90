/**
 * How the report writes times, dates and numbers — one style throughout (tester F-PACK-6): the
 * locale's long date ("3 January 2013" in en-GB, "3 janvier 2013" in fr-FR), a month or a year
 * alone when that is all that is known ("March 2026", "2026"), and times as that long date with
 * the time in UTC and the zone named ("6 December 2026, 13:30 UTC": a court reads one time line,
 * wherever the members were). The data files keep ISO 8601. Numbers in the current locale
 * (shared/messages/format.ts). Pure.
 */
import type { DatePrecision } from '../../../shared/domain/codes';
import type { Seizure } from '../../../shared/domain/seizure';
import { currentLocale, t } from '../../../shared/messages/format';

const LONG_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const BY_PRECISION: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: LONG_DAY,
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** A time (ms since epoch) as the long date and the time in UTC: "6 December 2026, 13:30 UTC"; "—" for 0. */
export function reportTime(ms: number): string {
  if (!ms) return '—';
  const when = new Intl.DateTimeFormat(currentLocale(), { ...LONG_DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  return t('report.time-utc', { when });
}

/**
 * A calendar date as words at `precision`: "3 January 2013" (day), "January 2013" (month),
 * "2013" (year). `date` is YYYY-MM-DD, YYYY-MM or YYYY; without `precision` it is read from the
 * form. "—" when empty; text that is not such a date is returned as it is (never a guess).
 */
export function reportDate(date: string, precision?: DatePrecision): string {
  if (!date) return '—';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const p: DatePrecision = precision ?? (d ? 'day' : mo ? 'month' : 'year');
  if ((p === 'day' && !d) || (p === 'month' && !mo)) return date;
  const ms = Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1));
  const check = new Date(ms);
  // 2026-02-30 is not a date (nor is year 0099 to Date.UTC, which reads it as 1999): shown as written.
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo ?? 1) - 1 || check.getUTCDate() !== Number(d ?? 1)) return date;
  return new Intl.DateTimeFormat(currentLocale(), BY_PRECISION[p]).format(check);
}

/** A seizure's date at its precision, in the report's one date style ("March 2026", never "2026-03"). */
export function seizureDate(s: Pick<Seizure, 'seizureDate' | 'datePrecision'>): string {
  return reportDate(s.datePrecision === 'year' ? s.seizureDate.slice(0, 4) : s.datePrecision === 'month' ? s.seizureDate.slice(0, 7) : s.seizureDate);
}

/** A number in the current locale with at most `digits` fraction digits. */
export function reportNumber(n: number, digits = 3): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(n);
}
