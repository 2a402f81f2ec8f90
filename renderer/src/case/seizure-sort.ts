/**
 * The seizure table's order (issue 11 item 6) for lists the renderer holds: by date, place,
 * commodity, reported value or quantity, ties broken by date then id so the order is total and
 * stable between renders. The keys are shared/domain/seizure-order.ts's, the ones the data
 * service pages the table by (`seizures.page`).
 * - value: the reported value converted to USD at the seizure date (the data service's
 *   `valuation.case`, which holds the exchange rates: `usdOf`), never the raw number — 1,000,000
 *   KES is less than 10,000 USD. A value that could not be converted (no rate) and a seizure
 *   with none sort after every converted value, in either direction.
 * - quantity: in the common unit of its dimension (shared/domain/seizure-quantity.ts: mass in kg,
 *   volume in m³); dimensions are never compared with each other (a kg is not a m³, a head is
 *   not a piece), so seizures group by dimension — mass, volume, then pieces, head, containers —
 *   each group sorted by its converted quantity; no quantity last.
 */
import type { QuantityUnit } from '../../../shared/domain/codes';
import { commoditySortKey, placeSortKey, quantitySortKey, type SeizureSortKey } from '../../../shared/domain/seizure-order';

export type { SeizureSortKey } from '../../../shared/domain/seizure-order';

/** A seizure-table sort. */
export interface SeizureSort {
  key: SeizureSortKey;
  dir: 'asc' | 'desc';
}

/** The fields of a seizure the sort reads. */
export type SortableSeizure = { id: string; seizureDate: string; country: string; place: string; commodity: string; quantity: number | null; unit: string | null };

/** A sort key: `group` first (always ascending: missing values stay last), then `value` in the chosen direction. */
interface Key {
  group: number;
  value: string | number;
}

/**
 * `list` sorted by `sort` (a new array). `usdOf(id)` is the seizure's reported value in USD, or
 * null when it has none or it could not be converted; it is read only for the value sort.
 */
export function sortSeizures<S extends SortableSeizure>(list: readonly S[], sort: SeizureSort, usdOf: (seizureId: string) => number | null = () => null): S[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyOf = (s: S): Key => {
    switch (sort.key) {
      case 'date':
        return { group: 0, value: s.seizureDate };
      case 'place':
        return { group: 0, value: placeSortKey(s.country, s.place) };
      case 'commodity':
        return { group: 0, value: commoditySortKey(s.commodity) };
      case 'value': {
        const usd = usdOf(s.id);
        return usd === null ? { group: 1, value: 0 } : { group: 0, value: usd };
      }
      case 'quantity':
        return quantitySortKey(s.quantity, s.unit as QuantityUnit | null);
    }
  };
  const keys = new Map(list.map((s) => [s.id, keyOf(s)]));
  return [...list].sort((a, b) => {
    const ka = keys.get(a.id)!;
    const kb = keys.get(b.id)!;
    return (
      ka.group - kb.group ||
      sign * (ka.value < kb.value ? -1 : ka.value > kb.value ? 1 : 0) ||
      a.seizureDate.localeCompare(b.seizureDate) ||
      a.id.localeCompare(b.id)
    );
  });
}

/** Seizure id → reported value in USD, from the rows of `valuation.case` (only rows whose reported value was converted). */
export function reportedUsdById(rows: readonly { seizureId: string; reported: { usd: { range: { low: number } } | null } | null }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.reported?.usd) out.set(r.seizureId, r.reported.usd.range.low);
  return out;
}
