/**
 * ISO 3166-1 alpha-2 country codes and ISO 4217 currency codes, validated against well-kept
 * libraries (i18n-iso-countries, currency-codes) rather than our own tables.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import currencyCodes from 'currency-codes';

countries.registerLocale(en);

/**
 * True when `code` is an assigned ISO 3166-1 alpha-2 code (upper case, e.g. "SG", "HK").
 * Source: i18n-iso-countries (ISO 3166-1 list).
 */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** English short name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. */
export function countryName(code: string): string {
  return countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en') ?? code;
}

/** The English short name of a valid ISO 3166-1 alpha-2 `code` ("Singapore"); "—" when empty or invalid, never a guessed name. */
export function countryLabel(code: string): string {
  return isCountryCode(code) ? countryName(code) : '—';
}

/** All ISO 3166-1 alpha-2 codes with English names, sorted by name; for pickers. */
export function countryList(): { code: string; name: string }[] {
  const names = countries.getNames('en', { select: 'official' });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name: countryName(code) || name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * True when `code` is an active ISO 4217 alphabetic currency code (e.g. "USD", "SGD").
 * Source: currency-codes (ISO 4217 list).
 */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes.code(code) !== undefined;
}

/** Number of minor-unit digits of an ISO 4217 currency (2 for USD, 0 for JPY); 2 when unknown. */
export function currencyDigits(code: string): number {
  return currencyCodes.code(code)?.digits ?? 2;
}
