/**
 * A seized quantity, with or without its unit in the same cell: "8.8 t", "26 tonnes", "359 pcs",
 * "12.5 m³", "2,000 kg", "3 500 kg", "1.200,5 kg". The number is read with
 * {@link parseNumber} (decimal mark decided per column), the unit with {@link parseUnit}.
 */
import type { QuantityUnit } from '../../shared/domain/codes';
import { parseNumber, type DecimalMark } from './numbers';
import { fail, ok, type Parsed } from './parse-result';
import { parseUnit } from './units';

/** A quantity and the unit written beside it (null when the cell has only a number). */
export interface ParsedQuantity {
  quantity: number;
  unit: QuantityUnit | null;
}

/**
 * Splits a cell into its number part and unit part ("2,000 kg" → ["2,000", "kg"]); the unit part
 * is '' when there is none. Returns null when the cell does not start with a number.
 */
export function splitQuantity(raw: string): [string, string] | null {
  const m = /^([+\-\u2212]?[\d.,'’\u00a0\u202f\u2009 ]*\d)\s*(\D.*)?$/.exec(raw.trim());
  if (!m) return null;
  return [m[1]!, (m[2] ?? '').trim()];
}

/**
 * Parses a quantity cell. Returns the number and the unit it names, or a reason
 * ("'abc' is not a quantity", "unknown unit 'furlongs' (…)"). Signs are kept: the seizure schema,
 * not this parser, refuses quantities that are not above zero.
 */
export function parseQuantity(raw: string, decimal: DecimalMark): Parsed<ParsedQuantity> {
  const parts = splitQuantity(raw);
  if (!parts) return fail('import.not-a-quantity', { value: raw.trim() });
  const n = parseNumber(parts[0], decimal);
  if (!n.ok) return n;
  if (parts[1] === '') return ok({ quantity: n.value, unit: null });
  const unit = parseUnit(parts[1]);
  if (!unit.ok) return unit;
  return ok({ quantity: n.value, unit: unit.value });
}
