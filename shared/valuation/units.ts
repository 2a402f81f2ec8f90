/**
 * Quantity units and their conversions. The units are those of {@link QUANTITY_UNITS}
 * (shared/domain/codes.ts), in three kinds:
 *
 * - mass: g, kg, t (metric tonne): 1 kg = 1000 g, 1 t = 1000 kg = 1,000,000 g;
 * - volume: l, m3: 1 m3 = 1000 l;
 * - counts: pieces, head, containers. A count converts only to itself: a container of timber is
 *   not a number of pieces, and a head is not a piece.
 *
 * Every factor is an exact power of ten, and conversion shifts the decimal point of the quantity's
 * shortest decimal form instead of multiplying in binary, so 1.1 t is exactly 1100 kg and any
 * quantity written with up to 15 significant digits converts and converts back unchanged.
 *
 * Converting across dimensions (kg → m3) or between different counts throws
 * `NestError('validation')`; {@link canConvert} asks first.
 */
import { NestError } from '../errors';
import { QUANTITY_UNITS, type QuantityUnit } from '../domain/codes';
import type { Interval } from './interval';

/** What a unit measures. Each count unit is its own dimension. */
export type Dimension = 'mass' | 'volume' | 'count:pieces' | 'count:head' | 'count:containers';

/** One unit's dimension and its size as a power of ten of the dimension's base unit (g, l, or the count itself). */
export interface UnitInfo {
  readonly dimension: Dimension;
  /** The unit is 10^exponent base units: g 0, kg 3, t 6; l 0, m3 3; counts 0. */
  readonly exponent: number;
  /** English name for sentences, singular and plural. */
  readonly name: readonly [singular: string, plural: string];
}

/** The unit table. Sources: SI (g, kg, l, m³ = 1000 l); the tonne is 1000 kg (BIPM SI Brochure, table 8). */
export const UNITS: Readonly<Record<QuantityUnit, UnitInfo>> = {
  g: { dimension: 'mass', exponent: 0, name: ['gram', 'grams'] },
  kg: { dimension: 'mass', exponent: 3, name: ['kilogram', 'kilograms'] },
  t: { dimension: 'mass', exponent: 6, name: ['tonne', 'tonnes'] },
  l: { dimension: 'volume', exponent: 0, name: ['litre', 'litres'] },
  m3: { dimension: 'volume', exponent: 3, name: ['cubic metre', 'cubic metres'] },
  pieces: { dimension: 'count:pieces', exponent: 0, name: ['piece', 'pieces'] },
  head: { dimension: 'count:head', exponent: 0, name: ['head', 'head'] },
  containers: { dimension: 'count:containers', exponent: 0, name: ['container', 'containers'] },
};

/** True when `u` is a known quantity unit. */
export function isUnit(u: unknown): u is QuantityUnit {
  return typeof u === 'string' && (QUANTITY_UNITS as readonly string[]).includes(u);
}

/** The dimension of a unit. @throws NestError('validation') for an unknown unit. */
export function dimensionOf(unit: QuantityUnit): Dimension {
  return info(unit).dimension;
}

function info(unit: QuantityUnit): UnitInfo {
  if (!isUnit(unit)) throw new NestError('validation', { id: 'valuation-core.unit-unknown', values: { unit: String(unit), units: QUANTITY_UNITS.join(', ') } }, [{ field: 'unit', message: 'is not a known unit' }]);
  return UNITS[unit];
}

/** True when a quantity in `from` can be expressed in `to` (same dimension; a count only to itself). */
export function canConvert(from: QuantityUnit, to: QuantityUnit): boolean {
  return isUnit(from) && isUnit(to) && UNITS[from].dimension === UNITS[to].dimension;
}

/** English description of why two units do not convert, e.g. "containers (a count) cannot be converted to m3 (a volume)". */
export function incompatibility(from: QuantityUnit, to: QuantityUnit): string {
  const kind = (u: QuantityUnit): string => {
    const d = UNITS[u]?.dimension ?? 'unknown';
    return d.startsWith('count:') ? 'a count' : `a ${d}`;
  };
  const why = kind(from) === kind(to) && kind(from) === 'a count' ? '; different counts never convert' : '';
  return `${from} (${kind(from)}) cannot be converted to ${to} (${kind(to)})${why}`;
}

/**
 * The exponent e such that 1 `from` = 10^e `to` (kg → g: 3; t → kg: 3; g → t: −6).
 * @throws NestError('validation') when the units do not convert.
 */
export function conversionExponent(from: QuantityUnit, to: QuantityUnit): number {
  const a = info(from);
  const b = info(to);
  if (a.dimension !== b.dimension) {
    throw new NestError('validation', { id: 'valuation-core.unit-incompatible', values: { detail: incompatibility(from, to) } }, [{ field: 'unit', message: incompatibility(from, to) }]);
  }
  return a.exponent - b.exponent;
}

/** The exact factor 10^e by which a quantity in `from` is multiplied to give `to` (t → kg: 1000). @throws as {@link conversionExponent}. */
export function conversionFactor(from: QuantityUnit, to: QuantityUnit): number {
  return Number(`1e${conversionExponent(from, to)}`);
}

/**
 * `value` × 10^k, computed on the shortest decimal form of `value` so that decimal inputs shift
 * exactly (1.1 × 10^3 = 1100, not 1100.0000000000002).
 */
export function shiftDecimal(value: number, k: number): number {
  if (k === 0 || value === 0 || !Number.isFinite(value)) return value;
  const s = value.toExponential();
  const e = s.indexOf('e');
  return Number(`${s.slice(0, e)}e${Number(s.slice(e + 1)) + k}`);
}

/**
 * `value` in `from` expressed in `to`, e.g. convertQuantity(8.8, 't', 'kg') = 8800.
 * @throws NestError('validation') across dimensions or between different counts, or for a non-finite value.
 */
export function convertQuantity(value: number, from: QuantityUnit, to: QuantityUnit): number {
  const k = conversionExponent(from, to);
  if (!Number.isFinite(value)) throw new NestError('validation', { id: 'valuation-core.quantity-finite', values: { value: String(value) } }, [{ field: 'quantity', message: 'must be a finite number' }]);
  return shiftDecimal(value, k);
}

/** A quantity interval in `from` expressed in `to`. @throws as {@link convertQuantity}. */
export function convertRange(r: Interval, from: QuantityUnit, to: QuantityUnit): Interval {
  return { low: convertQuantity(r.low, from, to), high: convertQuantity(r.high, from, to) };
}

/** "tonne"/"tonnes" style name of a unit for sentences (`count` 1 gives the singular). */
export function unitName(unit: QuantityUnit, count = 2): string {
  const n = UNITS[unit]?.name ?? [unit, unit];
  return count === 1 ? n[0] : n[1];
}
