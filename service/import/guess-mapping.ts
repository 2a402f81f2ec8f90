/**
 * The column-mapping guesser: proposes a target for every column of a file the user has not
 * mapped before. Two passes:
 * 1. by header name ({@link headerTarget}: public columns, field names, and header words in
 *    English, German, French, Spanish and Portuguese);
 * 2. for columns whose name says nothing, by their values (first 200 non-empty cells): a column
 *    of "8.8 t" / "359 pcs" is a quantity with unit, of 2019-07-21 / 21.07.2019 a date, of
 *    SG / VNM / Kenya a country, of USD / SGD a currency, of http(s) links a source URL, of
 *    "1.27, 103.76" a coordinate pair, of 1°16'26"N or 22.35 N a latitude (E/W: longitude), and
 *    two neighbouring columns of numbers with three or more decimals (1,274 / 103,764) within
 *    ±90 and ±180 are latitude and longitude.
 * A header-named quantity column whose cells carry units becomes `quantityWithUnit`. Each target
 * is given to one column at most (the first); every other column maps to 'ignore', so the
 * mapping names every column and the import dialog can show them all.
 */
import type { ColumnMapping, ImportTarget } from '../../shared/rpc/import';
import { parseCoordinate, parseCoordinatePair } from './coordinates';
import { parseCountry } from './countries';
import { parseDate } from './dates';
import { headerTarget, normaliseHeader } from './header-names';
import { isMissing } from './parse-result';
import { splitQuantity } from './quantity';
import { parseSector } from './sectors';
import { isUnit } from './units';
import { parseCurrency } from './vocab';

/** How many non-empty cells of a column the value pass looks at. */
const SAMPLE = 200;

/** Headers that name a quantity only when their cells carry units (else they may be money). */
const QUANTITY_IF_UNITS = new Set(['amount', 'betrag', 'montant', 'monto', 'quantia', 'total']);

const COORD_NUMBER = /^[+\-\u2212]?\d{1,3}[.,]\d{3,}$/;

function columnValues(rows: readonly (readonly string[])[], col: number): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const v = row[col] ?? '';
    if (!isMissing(v)) out.push(v.trim());
    if (out.length >= SAMPLE) break;
  }
  return out;
}

const all = (values: string[], test: (v: string) => boolean) => values.length > 0 && values.every(test);

function hasUnit(v: string): boolean {
  const parts = splitQuantity(v);
  return !!parts && parts[1] !== '' && isUnit(parts[1]);
}

/** The target a column's values suggest, or null. */
function targetFromValues(values: string[]): ImportTarget | null {
  if (!values.length) return null;
  if (all(values, hasUnit)) return 'quantityWithUnit';
  if (all(values, (v) => /^https?:\/\/\S+$/i.test(v))) return 'sourceUrl';
  if (all(values, (v) => /[NSEW°]/i.test(v) && parseCoordinatePair(v).ok)) return 'coordinates';
  if (all(values, (v) => /[°NS]/i.test(v) && parseCoordinate(v, 'lat').ok)) return 'latitude';
  if (all(values, (v) => /[°EW]/i.test(v) && parseCoordinate(v, 'lon').ok)) return 'longitude';
  if (all(values, (v) => /[,;]\s*/.test(v) && parseCoordinatePair(v).ok && /\d[.,]\d{3,}/.test(v))) return 'coordinates';
  // Dates, but not bare numbers (those could be anything; Excel serials need a date header).
  if (all(values, (v) => /\D/.test(v) && parseDate(v, 'DMY').ok)) return 'seizureDate';
  if (all(values, (v) => /^[A-Z]{3}$/.test(v) && parseCurrency(v).ok)) return 'reportedCurrency';
  if (all(values, (v) => /^[A-Za-z]{2,3}$/.test(v) && parseCountry(v).ok)) return 'country';
  if (all(values, isUnit)) return 'unit';
  if (all(values, (v) => parseSector(v).ok)) return 'sector';
  return null;
}

/**
 * Guesses a mapping for `headers` from their names and, where names say nothing, from the
 * values in `rows` (data rows, cells in header order). Every header gets an entry.
 */
export function guessMapping(headers: readonly string[], rows: readonly (readonly string[])[]): ColumnMapping {
  const targets: (ImportTarget | null)[] = headers.map((h) => headerTarget(h));
  const values = headers.map((_, i) => columnValues(rows, i));

  targets.forEach((t, i) => {
    if (t === 'quantity' && values[i]!.length && values[i]!.filter(hasUnit).length > values[i]!.length / 2) targets[i] = 'quantityWithUnit';
    if (t === null && QUANTITY_IF_UNITS.has(normaliseHeader(headers[i]!)) && all(values[i]!, hasUnit)) targets[i] = 'quantityWithUnit';
  });

  const taken = new Set<ImportTarget>();
  const claim = (i: number, t: ImportTarget | null): void => {
    if (t && !taken.has(t)) {
      taken.add(t);
      targets[i] = t;
    } else targets[i] = null;
  };
  // Pass 1: header names, first column wins.
  const byName = [...targets];
  byName.forEach((t, i) => claim(i, t));

  // Pass 2: values, for columns the names left open.
  for (let i = 0; i < headers.length; i++) {
    if (byName[i] !== null) continue;
    const vi = values[i]!;
    const next = values[i + 1];
    const pairFree = !taken.has('latitude') && !taken.has('longitude') && next && byName[i + 1] === null;
    if (pairFree && all(vi, (v) => COORD_NUMBER.test(v)) && all(next, (v) => COORD_NUMBER.test(v))) {
      const lat = vi.every((v) => parseCoordinate(v, 'lat').ok);
      const lon = next.every((v) => parseCoordinate(v, 'lon').ok);
      if (lat && lon) {
        claim(i, 'latitude');
        claim(i + 1, 'longitude');
        i++;
        continue;
      }
    }
    claim(i, targetFromValues(vi));
  }

  const mapping: ColumnMapping = {};
  headers.forEach((h, i) => {
    if (!(h in mapping)) mapping[h] = targets[i] ?? 'ignore';
  });
  return mapping;
}
