/**
 * Reusable zod field schemas: ISO codes, dates, coordinates, identifiers. Every record schema
 * in `shared/domain` is built from these so that one rule has one wording everywhere.
 */
import { z } from 'zod';
import { isCountryCode, isCurrencyCode } from './iso';

/** A record id: a UUID (v4 or v7), as produced by `crypto.randomUUID()`. */
export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** ISO 3166-1 alpha-2 country code, e.g. "SG". */
export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code (e.g. SG, VN, HK)' });

/** A list of distinct ISO 3166-1 alpha-2 codes. */
export const countryListSchema = z
  .array(countryCodeSchema)
  .refine((list) => new Set(list).size === list.length, { message: 'must not repeat a country' });

/** ISO 4217 alphabetic currency code, e.g. "USD". */
export const currencyCodeSchema = z
  .string()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code (e.g. USD, EUR, SGD)' });

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
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

/** Tomorrow (UTC) as YYYY-MM-DD: the latest date an event can have happened, whatever the time zone. */
function latestPastDate(): string {
  return new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The date of an event that has happened: a real date from 1900-01-01 to today (one day of time-zone slack). */
export const pastDateSchema = isoDateSchema
  .refine((d) => d >= '1900-01-01', { message: 'must be 1900 or later' })
  .refine((d) => d <= latestPastDate(), { message: 'is in the future' });

/** WGS84 latitude in decimal degrees, -90..90. */
export const latitudeSchema = z.number().finite().min(-90, 'must be between -90 and 90 degrees').max(90, 'must be between -90 and 90 degrees');
/** WGS84 longitude in decimal degrees, -180..180. */
export const longitudeSchema = z.number().finite().min(-180, 'must be between -180 and 180 degrees').max(180, 'must be between -180 and 180 degrees');

/** A trimmed single-line text of at most `max` characters (default 500). */
export const lineSchema = (max = 500) => z.string().trim().max(max, `must be at most ${max} characters`);

/** An http(s) URL, or empty. */
export const urlOrEmptySchema = z.union([
  z.literal(''),
  z.string().trim().max(2000).refine((s) => /^https?:\/\/\S+$/i.test(s), { message: 'must be an http(s) URL' }),
]);
