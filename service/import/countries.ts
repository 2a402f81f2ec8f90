/**
 * Country cells turned into ISO 3166-1 alpha-2 codes: alpha-2 ("sg"), alpha-3 ("SGP") and
 * country names in English, German, French, Spanish and Portuguese ("Singapore", "Singapur",
 * "Viêt Nam"), with names and codes from i18n-iso-countries (its ISO 3166-1 list). A few names
 * and codes in common use that the list lacks are added below (UK and EL, the EU's codes for the
 * United Kingdom and Greece; UN spellings such as "Viet Nam" and "Lao PDR").
 *
 * Lists ("CD;UG", "AU; US; CA", "Kenya, Uganda") are split on ';' — or on ',' when every
 * comma-separated part is a country on its own, so that "Korea, Republic of" stays one name.
 */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import { isCountryCode } from '../../shared/domain/iso';
import { fail, isMissing, ok, type Parsed } from './parse-result';

const LANGS = ['en', 'de', 'fr', 'es', 'pt'] as const;
for (const locale of [en, de, fr, es, pt]) countries.registerLocale(locale);

/** Codes and names in common use that are not ISO 3166-1 entries of the library (normalised → alpha-2). */
const ALIASES: Record<string, string> = {
  uk: 'GB',
  el: 'GR',
  'great britain': 'GB',
  britain: 'GB',
  'viet nam': 'VN',
  'lao pdr': 'LA',
  "lao people's democratic republic": 'LA',
  drc: 'CD',
  'dr congo': 'CD',
  'd r congo': 'CD',
  'congo kinshasa': 'CD',
  'congo brazzaville': 'CG',
  syria: 'SY',
  'syrian arab republic': 'SY',
  burma: 'MM',
  swaziland: 'SZ',
  holland: 'NL',
  macau: 'MO',
  uae: 'AE',
  'hong kong sar': 'HK',
  'hong kong sar china': 'HK',
  'hong kong china': 'HK',
  'macao sar': 'MO',
  'macao sar china': 'MO',
};

/** Lower case, accents kept for the library, punctuation other than apostrophes turned into spaces. */
function normaliseName(raw: string): string {
  return raw.trim().toLowerCase().replace(/[.,()\-_/]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Reads one country: ISO alpha-2 or alpha-3 code (any case) or a name in en/de/fr/es/pt.
 * Returns the alpha-2 code, or a reason such as "'XX' is not an ISO 3166-1 country code".
 */
export function parseCountry(raw: string): Parsed<string> {
  const s = raw.trim();
  if (isMissing(s)) return fail('field.required');
  if (/^[A-Za-z]{2}$/.test(s)) {
    const code = ALIASES[s.toLowerCase()] ?? s.toUpperCase();
    return isCountryCode(code) ? ok(code) : fail('import.not-a-country-code', { value: s });
  }
  if (/^[A-Za-z]{3}$/.test(s)) {
    const code = countries.alpha3ToAlpha2(s.toUpperCase());
    if (code && isCountryCode(code)) return ok(code);
  }
  for (const lang of LANGS) {
    const code = countries.getAlpha2Code(s, lang);
    if (code && isCountryCode(code)) return ok(code);
  }
  const alias = ALIASES[normaliseName(s)];
  if (alias) return ok(alias);
  return fail('import.not-a-country', { value: s });
}

/**
 * Reads a list of countries (see the module comment for separators). Repeats are dropped, the
 * order is kept; an empty cell is an empty list. Fails on the first part that is not a country.
 */
export function parseCountryList(raw: string): Parsed<string[]> {
  if (isMissing(raw)) return ok([]);
  let parts = raw.split(/[;|]/);
  if (parts.length === 1 && raw.includes(',')) {
    const byComma = raw.split(',');
    if (byComma.every((p) => parseCountry(p).ok)) parts = byComma;
  }
  const codes: string[] = [];
  for (const part of parts) {
    if (part.trim() === '') continue;
    const c = parseCountry(part);
    if (!c.ok) return c;
    if (!codes.includes(c.value)) codes.push(c.value);
  }
  return ok(codes);
}
