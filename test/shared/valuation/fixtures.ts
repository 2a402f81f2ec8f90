/**
 * Test fixtures for the valuation tests: the real seizures of /work/shared/data/seizures-public.csv
 * (rows P01–P59 in file order) as valuation inputs, the ECB rates shipped in resources/rates/, and
 * a few price references. Prices marked "test input" are illustrative values for checking the
 * arithmetic, not published prices.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { sharedPath } from '../../helpers/shared-dir';
import type { CrimeSector, DatePrecision, QuantityUnit } from '../../../shared/domain/codes';
import { parseEcbCsv, RateTable, type EcbRates, type UserRate } from '../../../shared/valuation/rates';
import type { PriceInput, SeizureInput } from '../../../shared/valuation/valuate';

const root = (p: string): string => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

/** The shared data folder (real public data). */
export const SHARED_DATA = sharedPath('data');

/** A row of seizures-public.csv as a valuation input; `id` is the row's name, P01…P59. */
export type PublicSeizure = SeizureInput & { row: Record<string, string> };

let seizures: PublicSeizure[] | null = null;

/** All rows of seizures-public.csv, P01 first. */
export function publicSeizures(): PublicSeizure[] {
  if (seizures) return seizures;
  const text = readFileSync(`${SHARED_DATA}/seizures-public.csv`, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  seizures = parsed.data.map((row, i) => ({
    id: `P${String(i + 1).padStart(2, '0')}`,
    seizureDate: row.seizure_date!,
    datePrecision: row.date_precision as DatePrecision,
    sector: row.crime_sector as CrimeSector,
    commodity: row.commodity!,
    quantity: row.quantity ? Number(row.quantity) : null,
    unit: row.unit as QuantityUnit,
    reportedValue: row.reported_value ? Number(row.reported_value) : null,
    reportedCurrency: row.reported_currency || null,
    row,
  }));
  return seizures;
}

/** One public seizure by row name, e.g. "P07". */
export function seizure(name: string): PublicSeizure {
  const s = publicSeizures().find((x) => x.id === name);
  if (!s) throw new Error(`no row ${name}`);
  return s;
}

/** The ECB file as the app ships it (resources/rates/). */
export function shippedEcbText(): string {
  return readFileSync(root('resources/rates/ecb-eurofxref-hist.csv'), 'utf8');
}

let ecb: EcbRates | null = null;

/** The shipped ECB rates, parsed once per test file. */
export function shippedEcb(): EcbRates {
  ecb ??= parseEcbCsv(shippedEcbText());
  return ecb;
}

/** A rate table over the shipped ECB rates plus `userRates`. */
export function rateTable(userRates: UserRate[] = [], staleAfterDays?: number): RateTable {
  return new RateTable({ ecb: shippedEcb(), userRates, ...(staleAfterDays === undefined ? {} : { staleAfterDays }) });
}

/**
 * Raw ivory, China, 2014: USD 2,100 per kg (Save the Elephants, reported by AFP, "Smuggled elephant
 * ivory price triples", 3 July 2014; read via a secondary page, to be checked before citing in a case).
 */
export const IVORY_USD_2014: PriceInput = {
  id: '11111111-1111-4111-8111-111111111111',
  commodity: 'raw elephant ivory',
  taxon: 'Elephantidae',
  low: 2100,
  high: 2100,
  currency: 'USD',
  unit: 'kg',
  marketLevel: 'wholesale',
  place: 'Beijing',
  country: 'CN',
  date: '2014-07-03',
  citationTitle: 'AFP, "Smuggled elephant ivory price triples" (citing Save the Elephants), 3 July 2014',
  citationUrl: '',
};

/**
 * Ivory, Hong Kong, 2017: HKD 10,000 per kg, the unit value implied by Hong Kong Customs' valuation of
 * the 7,200 kg seizure of 4 July 2017 (row P08: HKD 72,000,000 / 7,200 kg).
 */
export const IVORY_HKD_2017: PriceInput = {
  id: '22222222-2222-4222-8222-222222222222',
  commodity: 'elephant ivory (tusks)',
  taxon: 'Elephantidae',
  low: 10000,
  high: 10000,
  currency: 'HKD',
  unit: 'kg',
  marketLevel: 'wholesale',
  place: 'Hong Kong',
  country: 'HK',
  date: '2017-07-04',
  citationTitle: 'Unit value implied by Hong Kong Customs’ valuation of the 7.2 t seizure of 4 July 2017 (P08)',
  citationUrl: 'https://www.customs.gov.hk/',
};

/** Pangolin scales, Singapore 2019: SGD 4,000–4,100 per kg (test input, near the values implied by P01 and P03). */
export const PANGOLIN_SGD_2019: PriceInput = {
  id: '33333333-3333-4333-8333-333333333333',
  commodity: 'pangolin scales',
  taxon: 'Manidae',
  low: 4000,
  high: 4100,
  currency: 'SGD',
  unit: 'kg',
  marketLevel: 'wholesale',
  place: 'Singapore',
  country: 'SG',
  date: '2019-04-03',
  citationTitle: 'Test input (not a published price)',
  citationUrl: '',
};

/** Timber, per m³: USD 200–400 (test input), for unit-incompatibility cases. */
export const TIMBER_USD_M3: PriceInput = {
  id: '44444444-4444-4444-8444-444444444444',
  commodity: 'timber logs',
  taxon: '',
  low: 200,
  high: 400,
  currency: 'USD',
  unit: 'm3',
  marketLevel: 'source',
  place: 'international',
  country: null,
  date: '2020-01-01',
  citationTitle: 'Test input (not a published price)',
  citationUrl: '',
};

/** Ivory in Viet Nam priced in VND (test input): the ECB does not quote VND. */
export const IVORY_VND_2019: PriceInput = {
  id: '55555555-5555-4555-8555-555555555555',
  commodity: 'elephant ivory',
  taxon: 'Elephantidae',
  low: 20_000_000,
  high: 30_000_000,
  currency: 'VND',
  unit: 'kg',
  marketLevel: 'retail',
  place: 'Hanoi',
  country: 'VN',
  date: '2019-06-12',
  citationTitle: 'Test input (not a published price)',
  citationUrl: '',
};

/** `actual` equals `expected` within a relative tolerance (default 1e-12). */
export function relClose(actual: number, expected: number, tol = 1e-12): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= tol * Math.max(Math.abs(actual), Math.abs(expected));
}
