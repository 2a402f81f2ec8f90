/**
 * Sorting of the case list. Columns the data service sorts (`cases.list` sortBy) are sorted
 * there; TLP, lead agency and mapped count are sorted here, on the rows it returned.
 */
import { CASE_SORT_KEYS, type CaseSummary } from '../../../shared/rpc/cases';
import { tlpRank } from '../domain/tlp';

/** Every sortable column of the case list. */
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number] | 'tlp' | 'leadAgency' | 'mappedCount';
/** Every sortable column key (for reading a stored sort). */
export const SORT_KEYS: readonly CaseSortKey[] = [...CASE_SORT_KEYS, 'tlp', 'leadAgency', 'mappedCount'];

/** A sort: column and direction. */
export interface CaseSort {
  key: CaseSortKey;
  dir: 'asc' | 'desc';
}

/** True when the data service sorts by `key`. */
export function isServerSort(key: CaseSortKey): key is (typeof CASE_SORT_KEYS)[number] {
  return (CASE_SORT_KEYS as readonly string[]).includes(key);
}

/** The rows sorted locally for the columns the service does not sort (stable; ties by number). */
export function sortLocally(rows: CaseSummary[], sort: CaseSort): CaseSummary[] {
  if (isServerSort(sort.key)) return rows;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: CaseSummary, b: CaseSummary): number => {
    switch (sort.key) {
      case 'tlp':
        return tlpRank(a.tlp) - tlpRank(b.tlp);
      case 'leadAgency':
        return a.leadAgency.localeCompare(b.leadAgency);
      case 'mappedCount':
        return a.mappedCount - b.mappedCount;
      default:
        return 0;
    }
  };
  return [...rows].sort((a, b) => sign * cmp(a, b) || b.number.localeCompare(a.number));
}

/** The next sort after clicking `key`: same column flips, a new column starts descending for numbers and dates, else ascending. */
export function nextSort(current: CaseSort, key: CaseSortKey): CaseSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  const descFirst = key === 'number' || key === 'updatedAt' || key === 'seizureCount' || key === 'mappedCount' || key === 'openedOn' || key === 'tlp';
  return { key, dir: descFirst ? 'desc' : 'asc' };
}
