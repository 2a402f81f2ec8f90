/**
 * When the ECB's last quote of a currency is no rate: currencies the ECB stopped or suspended
 * quoting (RUB after 1 March 2022, ISK from December 2008), against currencies replaced by the euro,
 * whose last quote is the irrevocable conversion rate; and the sentence saying why a date has no rate.
 */
import { dateOfDay, dayNumber, formatDateLong } from './dates';
import { lastOnOrBefore } from './ecb-series';
import type { EcbRates } from './rate-types';

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

/**
 * True when `ecb` has `N/A` for `currency` on a date after `quoteDay` and on or before `day`
 * ({@link EcbRates.stops}): the ECB stopped (or suspended) quoting it. Currencies replaced by
 * the euro ({@link EURO_CHANGEOVERS}) are not: their last quote is the irrevocable conversion rate.
 * @param quoteDay, day days since 1970-01-01.
 */
export function discontinued(ecb: EcbRates | null, currency: string, quoteDay: number, day: number): boolean {
  if (day <= quoteDay || currency in EURO_CHANGEOVERS) return false;
  const stops = ecb?.stops?.get(currency);
  if (!stops) return false;
  const k = lastOnOrBefore(stops, day);
  return k >= 0 && stops[k]! > quoteDay;
}

/**
 * Why there is no rate for `currency` at `date` (YYYY-MM-DD), as a clause for a sentence, e.g. "the
 * ECB stopped publishing RUB rates after 1 March 2022". `hasUserRates`: whether any user rate exists
 * for the currency.
 * @throws NestError('validation') when `date` is not a real date.
 */
export function whyNoRate(ecb: EcbRates | null, hasUserRates: boolean, currency: string, date: string): string {
  const day = dayNumber(date);
  const s = ecb?.series.get(currency);
  const long = (d: number): string => formatDateLong(dateOfDay(d));
  if (!s || !s.days.length) return `the ECB does not publish a ${currency} rate${hasUserRates ? `, and no rate entered for ${currency} is dated on or before ${formatDateLong(date)}` : ' and no rate was entered for it'}`;
  if (ecb?.firstDate && date < ecb.firstDate) return `ECB reference rates start on ${formatDateLong(ecb.firstDate)}`;
  const i = lastOnOrBefore(s.days, day);
  if (i < 0) return `the ECB's ${currency} rates start on ${long(s.days[0]!)}`;
  if (i + 1 < s.days.length) return `the ECB published no ${currency} rate between ${long(s.days[i]!)} and ${long(s.days[i + 1]!)}`;
  return `the ECB stopped publishing ${currency} rates after ${long(s.days[i]!)}`;
}
