/**
 * User-entered rates: validation, and the per-currency list a rate table searches by date.
 */
import { NestError } from '../errors';
import { dayNumber } from './dates';
import { CURRENCY_CODE as CODE, type UserRate } from './rate-types';

/** A user rate with its date as a day number (days since 1970-01-01). */
export interface UserEntry {
  day: number;
  rate: UserRate;
}

/**
 * Checks one user rate: three-letter currency other than EUR, real date, non-empty source, and
 * exactly one of `perEur`/`perUsd`, positive and finite.
 * @throws NestError('validation') naming the bad field.
 */
export function checkUserRate(r: UserRate): void {
  const bad = (field: string, message: string): never => {
    throw new NestError('validation', { id: 'valuation-core.user-rate', values: { currency: r.currency ?? '?', date: r.date ?? '?', field, detail: message } }, [{ field, message }]);
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

/**
 * User rates by currency, each list ascending by day; on one day the rate listed last wins
 * (stable sort, last kept by {@link latestUserRate}).
 * @throws as {@link checkUserRate}.
 */
export function userRatesByCurrency(rates: readonly UserRate[]): Map<string, UserEntry[]> {
  const byCurrency = new Map<string, UserEntry[]>();
  for (const r of rates) {
    checkUserRate(r);
    const list = byCurrency.get(r.currency) ?? [];
    list.push({ day: dayNumber(r.date, 'rate date'), rate: r });
    byCurrency.set(r.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => a.day - b.day);
  return byCurrency;
}

/** The last entry of `entries` (ascending by day) dated on or before `day`, or null. */
export function latestUserRate(entries: readonly UserEntry[], day: number): UserEntry | null {
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
  return i >= 0 ? entries[i]! : null;
}
