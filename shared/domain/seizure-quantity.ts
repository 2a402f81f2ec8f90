/**
 * A seizure's quantity in a common unit of its dimension, derived (never stored): mass in kg,
 * volume in m³, and each count (pieces, head, containers) as itself. The stored quantity stays
 * as reported; the converted one exists only where the conversion is exact (powers of ten within
 * a dimension, shared/valuation/units.ts). Nothing is ever converted across dimensions: a kg is
 * not a m³ (that needs a density) and a head is not a piece.
 */
import type { QuantityUnit } from './codes';
import { convertQuantity, dimensionOf, type Dimension } from '../valuation/units';

/** The unit each dimension is compared in. */
export const COMMON_UNIT: Readonly<Record<Dimension, QuantityUnit>> = {
  mass: 'kg',
  volume: 'm3',
  'count:pieces': 'pieces',
  'count:head': 'head',
  'count:containers': 'containers',
};

/** A quantity in the common unit of its dimension. */
export interface CommonQuantity {
  readonly value: number;
  readonly unit: QuantityUnit;
  readonly dimension: Dimension;
}

/**
 * `quantity` `unit` in its dimension's common unit (8.8 t → 8800 kg; 2500 l → 2.5 m3; 12 head →
 * 12 head), or null when there is no quantity or no unit.
 */
export function toCommonUnit(quantity: number | null, unit: QuantityUnit | null): CommonQuantity | null {
  if (quantity === null || unit === null) return null;
  const dimension = dimensionOf(unit);
  const to = COMMON_UNIT[dimension];
  return { value: convertQuantity(quantity, unit, to), unit: to, dimension };
}
