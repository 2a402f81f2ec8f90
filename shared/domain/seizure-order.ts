/**
 * The seizure table's order and text filter (issue 11 items 4 and 6), declared once and used by
 * both sides: the data service pages a case's seizures from the projection in this order
 * (service/projections/seizure-page.ts, as SQL functions), and the renderer sorts lists it holds
 * (renderer/src/case/seizure-sort.ts) with the same keys.
 * - date: the seizure date; place: country name then place, lower case; commodity: lower case.
 * - quantity: in the common unit of its dimension (seizure-quantity.ts); dimensions are never
 *   compared with each other, so seizures group by dimension — mass, volume, pieces, head,
 *   containers — each group sorted by converted quantity; no quantity last.
 * - value: the reported value in USD at the seizure date (needs the workspace's rates, so the
 *   caller supplies it); none or not convertible last.
 * Ties are broken by date then id (ascending), so the order is total and stable.
 */
import type { QuantityUnit } from './codes';
import { countryLabel } from './iso';
import { toCommonUnit } from './seizure-quantity';
import type { Dimension } from '../valuation/units';

/** Sortable columns of the seizure table. */
export const SEIZURE_SORT_KEYS = ['date', 'place', 'commodity', 'value', 'quantity'] as const;
/** A sortable column of the seizure table. */
export type SeizureSortKey = (typeof SEIZURE_SORT_KEYS)[number];

/** The order dimensions are listed in when sorting by quantity. */
const DIMENSION_ORDER: readonly Dimension[] = ['mass', 'volume', 'count:pieces', 'count:head', 'count:containers'];

/** The place key: "<country name> <place>" in lower case (an invalid country reads "—"). */
export function placeSortKey(country: string, place: string): string {
  return `${countryLabel(country)} ${place}`.toLowerCase();
}

/** The commodity key: lower case. */
export function commoditySortKey(commodity: string): string {
  return commodity.toLowerCase();
}

/**
 * The quantity key: `group` the dimension's rank (0 mass … 4 containers; 5 when there is no
 * quantity or unit), `value` the quantity in the dimension's common unit (0 in group 5).
 */
export function quantitySortKey(quantity: number | null, unit: QuantityUnit | null): { group: number; value: number } {
  const q = toCommonUnit(quantity, unit);
  return q ? { group: DIMENSION_ORDER.indexOf(q.dimension), value: q.value } : { group: DIMENSION_ORDER.length, value: 0 };
}

/** The fields the seizure filter searches. */
export interface SeizureFilterFields {
  readonly commodity: string;
  readonly taxon: string;
  readonly place: string;
  readonly country: string;
  readonly sourceTitle: string;
  readonly operation: string;
  readonly seizingAgencies: readonly string[];
}

/** The lower-case text a filter word must occur in: commodity, taxon, place, country code and name, source, operation, agencies. */
export function seizureFilterText(s: SeizureFilterFields): string {
  return `${s.commodity} ${s.taxon} ${s.place} ${s.country} ${countryLabel(s.country)} ${s.sourceTitle} ${s.operation} ${s.seizingAgencies.join(' ')}`.toLowerCase();
}

/** The words of a filter (lower case, split on white space, empty ones dropped). */
export function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/** True when every word of `words` occurs in the seizure's filter text (no words: true). */
export function matchesFilter(s: SeizureFilterFields, words: readonly string[]): boolean {
  if (!words.length) return true;
  const hay = seizureFilterText(s);
  return words.every((w) => hay.includes(w));
}
