/**
 * Reusable zod field schemas: ISO codes, dates, coordinates, identifiers. Every record schema
 * in `shared/domain` is built from these so that one rule has one wording everywhere. The wording
 * comes from the catalogue (`field.*`, shared/messages/en/fields.ts), formatted when the schema is
 * built, i.e. in the locale in use when this module loads.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { isCountryCode, isCurrencyCode } from './iso';

/** A record id: a UUID (v4 or v7), as produced by `crypto.randomUUID()`. */
export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, t('field.uuid'));

/** ISO 3166-1 alpha-2 country code, e.g. "SG". */
export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, { message: t('field.country-code') });

/** A list of distinct ISO 3166-1 alpha-2 codes. */
export const countryListSchema = z
  .array(countryCodeSchema)
  .refine((list) => new Set(list).size === list.length, { message: t('field.country-repeated') });

/** ISO 4217 alphabetic currency code, e.g. "USD". */
export const currencyCodeSchema = z
  .string()
  .refine(isCurrencyCode, { message: t('field.currency-code') });

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `s` is a real calendar date written YYYY-MM-DD (proleptic Gregorian, years 0001–9999). */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.string().refine(isIsoDate, { message: t('field.iso-date') });

/** Tomorrow (UTC) as YYYY-MM-DD: the latest date an event can have happened, whatever the time zone. */
function latestPastDate(): string {
  return new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The date of an event that has happened: a real date from 1900-01-01 to today (one day of time-zone slack). */
export const pastDateSchema = isoDateSchema
  .refine((d) => d >= '1900-01-01', { message: t('field.date-before-1900') })
  .refine((d) => d <= latestPastDate(), { message: t('field.date-in-future') });

/** WGS84 latitude in decimal degrees, -90..90. */
export const latitudeSchema = z.number().finite().min(-90, t('field.latitude-range')).max(90, t('field.latitude-range'));
/** WGS84 longitude in decimal degrees, -180..180. */
export const longitudeSchema = z.number().finite().min(-180, t('field.longitude-range')).max(180, t('field.longitude-range'));

/** A trimmed single-line text of at most `max` characters (default 500). */
export const lineSchema = (max = 500) => z.string().trim().max(max, t('field.max-characters', { max }));

/**
 * Unicode's explicit direction controls — embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069: invisible characters that reorder how the text around them is shown, so a reason
 * can read differently on screen than what is stored ("Trojan Source", CVE-2021-42574). The
 * implicit marks U+200E/U+200F that mixed Arabic and Latin text may need are not among them.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** True when `s` holds none of {@link BIDI_CONTROLS}: the check a field refines with (message `field.bidi-control`). */
export function freeOfBidiControls(s: string): boolean {
  return !BIDI_CONTROLS.test(s);
}

/** An http(s) URL, or empty. */
export const urlOrEmptySchema = z.union([
  z.literal(''),
  z.string().trim().max(2000).refine((s) => /^https?:\/\/\S+$/i.test(s), { message: t('field.http-url') }),
]);
