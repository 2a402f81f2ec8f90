/**
 * Small controlled-vocabulary cells: date precision, location precision, CITES appendix and
 * currency. Each accepts the domain's code (shared/domain/codes.ts) in any case plus common
 * words in English, German, French, Spanish and Portuguese.
 */
import { CITES_APPENDICES, DATE_PRECISIONS, LOCATION_PRECISIONS, type CitesAppendix, type DatePrecision, type LocationPrecision } from '../../shared/domain/codes';
import { isCurrencyCode } from '../../shared/domain/iso';
import { fail, isMissing, ok, type Parsed } from './parse-result';

function normalise(raw: string): string {
  return raw.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
}

const DATE_PRECISION_WORDS: Record<string, DatePrecision> = {
  tag: 'day', jour: 'day', dia: 'day', daily: 'day', exact: 'day',
  monat: 'month', mois: 'month', mes: 'month',
  jahr: 'year', annee: 'year', an: 'year', ano: 'year',
};

/** Reads a date-precision cell (day, month, year; "Monat", "mois", "año", …). */
export function parseDatePrecision(raw: string): Parsed<DatePrecision> {
  const s = normalise(raw);
  const p = (DATE_PRECISIONS as readonly string[]).includes(s) ? (s as DatePrecision) : DATE_PRECISION_WORDS[s];
  return p ? ok(p) : fail('import.not-a-date-precision', { value: raw.trim() });
}

const LOCATION_PRECISION_WORDS: Record<string, LocationPrecision> = {
  gps: 'exact', point: 'exact', genau: 'exact', exakt: 'exact', exacte: 'exact', exacto: 'exact', exato: 'exact',
  town: 'city', stadt: 'city', ville: 'city', ciudad: 'city', cidade: 'city',
  seaport: 'port', airport: 'port', hafen: 'port', flughafen: 'port', puerto: 'port', porto: 'port', aeroport: 'port', aeropuerto: 'port', aeroporto: 'port',
  province: 'region', state: 'region', area: 'region', provinz: 'region', bundesland: 'region', provincia: 'region', estado: 'region',
  land: 'country', pays: 'country', pais: 'country', national: 'country',
};

/** Reads a location-precision cell (exact, city, port, region, country; "Hafen", "ville", …). */
export function parseLocationPrecision(raw: string): Parsed<LocationPrecision> {
  const s = normalise(raw);
  const p = (LOCATION_PRECISIONS as readonly string[]).includes(s) ? (s as LocationPrecision) : LOCATION_PRECISION_WORDS[s];
  return p ? ok(p) : fail('import.not-a-location-precision', { value: raw.trim(), precisions: LOCATION_PRECISIONS.join(', ') });
}

/**
 * Reads a CITES appendix cell: I, II, III or 1, 2, 3, optionally prefixed ("App. II",
 * "Appendix I", "Anhang II", "Annexe III", "Apéndice I", "Anexo II"). Empty → null.
 */
export function parseCitesAppendix(raw: string): Parsed<CitesAppendix | null> {
  if (isMissing(raw)) return ok(null);
  const s = normalise(raw).replace(/^(cites\s+)?(appendix|app|anhang|annexe|annex|apendice|anexo)\.?\s*/, '').toUpperCase();
  const arabic: Record<string, CitesAppendix> = { '1': 'I', '2': 'II', '3': 'III' };
  const a = (CITES_APPENDICES as readonly string[]).includes(s) ? (s as CitesAppendix) : arabic[s];
  return a ? ok(a) : fail('import.not-a-cites-appendix', { value: raw.trim() });
}

/** Money written with its currency in the same cell: "SGD 48,600,000", "48.600.000 €", "US$ 6.8". */
const MONEY = /^(?:([A-Za-z]{3}|[A-Z]{1,2}\$|[€£$¥₹₫₱฿₦₩])\s*)?([^A-Za-z€£$¥₹₫₱฿₦₩]+?)(?:\s*([A-Za-z]{3}|[€£$¥₹₫₱฿₦₩]))?$/;

/**
 * Splits a reported-value cell into the currency written in it (code or symbol as written, before
 * or after the number; null when none) and its number part; the whole trimmed cell as the number
 * part when it is not money so written ("1.5 million").
 */
export function splitMoney(raw: string): { symbol: string | null; digits: string } {
  const s = raw.trim();
  const m = MONEY.exec(s);
  return m ? { symbol: m[1] ?? m[3] ?? null, digits: m[2]! } : { symbol: null, digits: s };
}

/** Unambiguous currency symbols ('$' and '¥' are not: several currencies use them). */
const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₹': 'INR', '₫': 'VND', '₱': 'PHP', '฿': 'THB', '₦': 'NGN', '₩': 'KRW', 'R$': 'BRL', US$: 'USD', S$: 'SGD', HK$: 'HKD', RM: 'MYR' };

/** Reads a currency cell: an ISO 4217 code in any case, or an unambiguous symbol (€, £, US$, S$, HK$, R$). Empty → null. */
export function parseCurrency(raw: string): Parsed<string | null> {
  if (isMissing(raw)) return ok(null);
  const s = raw.trim();
  const code = CURRENCY_SYMBOLS[s.toUpperCase()] ?? CURRENCY_SYMBOLS[s] ?? s.toUpperCase();
  if (isCurrencyCode(code)) return ok(code);
  if (s === '$' || s === '¥') return fail('import.ambiguous-currency-symbol', { value: s });
  return fail('import.not-a-currency', { value: s });
}
