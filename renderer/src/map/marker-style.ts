/**
 * How a seizure looks on the map: filled by its sector's colour, sized by a quantity class.
 * Quantities in different units are compared within their kind (mass in kg, volume in m³,
 * counts as pieces/head, shipping containers) against thresholds that separate a personal
 * consignment from an industrial one.
 */
import type { QuantityUnit } from '../../../shared/domain/codes';
import type { MessageId } from '../../../shared/messages';

/** Quantity classes, smallest to largest, as catalogue ids of their names ("Small" … "Very large"). */
export const QUANTITY_CLASSES: readonly MessageId[] = ['ui.map.class-small', 'ui.map.class-medium', 'ui.map.class-large', 'ui.map.class-very-large'];

/** Marker radius in px for each quantity class; unknown quantities use the smallest. */
export const CLASS_RADII = [5, 7.5, 10, 13] as const;

const TO_BASE: Record<QuantityUnit, { kind: 'mass' | 'volume' | 'count' | 'containers'; factor: number }> = {
  g: { kind: 'mass', factor: 0.001 },
  kg: { kind: 'mass', factor: 1 },
  t: { kind: 'mass', factor: 1000 },
  l: { kind: 'volume', factor: 0.001 },
  m3: { kind: 'volume', factor: 1 },
  pieces: { kind: 'count', factor: 1 },
  head: { kind: 'count', factor: 1 },
  containers: { kind: 'containers', factor: 1 },
};

/** Lower bounds of classes 1, 2, 3 per kind (kg, m³, items, containers). */
const THRESHOLDS: Record<'mass' | 'volume' | 'count' | 'containers', [number, number, number]> = {
  mass: [100, 1000, 5000],
  volume: [10, 100, 1000],
  count: [10, 100, 1000],
  containers: [2, 5, 20],
};

/** The quantity class 0–3 of a seizure (0 when the quantity is unknown). */
export function quantityClass(quantity: number | null, unit: QuantityUnit | null): number {
  if (quantity === null || unit === null) return 0;
  const { kind, factor } = TO_BASE[unit];
  const v = quantity * factor;
  const [a, b, c] = THRESHOLDS[kind];
  return v >= c ? 3 : v >= b ? 2 : v >= a ? 1 : 0;
}

/** Marker radius in px. */
export function markerRadius(quantity: number | null, unit: QuantityUnit | null): number {
  return CLASS_RADII[quantityClass(quantity, unit)]!;
}
