/**
 * Date formatting for the UI: seizure dates at their recorded precision (day, month or year),
 * ISO dates, and "updated 5 min ago" relative times. English (en-GB) day-month-year order,
 * unambiguous across the agencies of a task force.
 */
import type { DatePrecision } from '../../../shared/domain/codes';
import { currentLocale, t } from '../../../shared/messages';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A seizure date at its precision: "21 Jul 2019" (day), "Jul 2019" (month), "2019" (year).
 * Falls back to the raw text when `iso` is not YYYY-MM-DD.
 */
export function formatSeizureDate(iso: string, precision: DatePrecision): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  if (precision === 'year') return y!;
  if (precision === 'month') return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** A YYYY-MM-DD date as "15 Jan 2026". */
export function formatIsoDate(iso: string): string {
  return formatSeizureDate(iso, 'day');
}

/** Today's date in local time, YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A time (ms since epoch) relative to `now`: "just now", "5 min ago", "3 h ago", "2 days ago", else the date. */
export function formatRelative(ms: number, now = Date.now()): string {
  if (!ms) return '—';
  const s = Math.round((now - ms) / 1000);
  if (s < 45) return t('ui.format.just-now');
  const min = Math.round(s / 60);
  if (min < 60) return t('ui.format.minutes-ago', { count: min });
  const h = Math.round(min / 60);
  if (h < 24) return t('ui.format.hours-ago', { count: h });
  const d = Math.round(h / 24);
  if (d < 7) return t('ui.format.days-ago', { count: d });
  return formatDateTime(ms);
}

/** A time (ms since epoch) as "15 Jan 2026, 14:05" in local time. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A time (ms since epoch, or an ISO 8601 text) in this app's locale and the machine's time zone,
 * the zone named: "6 Dec 2026, 21:05 GMT+8" (en-GB). For times a reader compares with other
 * records or other people's screens (a pack's export time). An ISO text that does not parse is
 * returned as it is, never shown as "Invalid Date".
 * @param timeZone an IANA zone to show instead of the machine's (tests pass one).
 */
export function formatDateTimeZoned(when: number | string, timeZone?: string): string {
  const ms = typeof when === 'number' ? when : Date.parse(when);
  if (!Number.isFinite(ms)) return String(when);
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(ms));
}
