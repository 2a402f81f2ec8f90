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

/** Codes whose short (alias) name another code shares: "Congo" is both CG and CD. */
const SHARED_ALIASES: ReadonlySet<string> = (() => {
  const by = new Map<string, string[]>();
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    const alias = countries.getName(code, 'en', { select: 'alias' });
    if (alias) by.set(alias, [...(by.get(alias) ?? []), code]);
  }
  return new Set([...by.values()].filter((codes) => codes.length > 1).flat());
})();

/**
 * English short name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. The short
 * (alias) name, except where it would not tell the country apart or reads inverted: then the
 * official one — "Republic of the Congo" (CG) and "Democratic Republic of the Congo" (CD), not
 * "Congo" twice; "South Korea", not "Korea, Republic of". The one country-name source of the app.
 */
export function countryName(code: string): string {
  const official = countries.getName(code, 'en');
  const alias = countries.getName(code, 'en', { select: 'alias' });
  if (official && (SHARED_ALIASES.has(code) || (alias?.includes(', ') && !official.includes(', ')))) return official;
  return alias ?? official ?? code;
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
