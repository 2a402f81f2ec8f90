/**
 * A sortable table header cell: a button that announces the sort through `aria-sort` and
 * shows the direction with an arrow.
 */
import type { ReactNode } from 'react';
import { Icon } from './icons';

/** Props of {@link SortHeader}. */
export interface SortHeaderProps<K extends string> {
  label: string;
  sortKey: K;
  current: { key: K; dir: 'asc' | 'desc' };
  onSort: (key: K) => void;
  numeric?: boolean;
  /** Extra classes of the header cell. */
  className?: string;
  /** What the order means while the table is sorted by this column (its button's tooltip and accessible description), e.g. how values are compared. */
  sortNote?: string;
}

/** A <th> whose button sorts by `sortKey`. */
export function SortHeader<K extends string>(props: SortHeaderProps<K>): ReactNode {
  const active = props.current.key === props.sortKey;
  const dir = active ? props.current.dir : undefined;
  return (
    <th scope="col" className={[props.numeric ? 'col-num' : '', props.className ?? ''].filter(Boolean).join(' ') || undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort-button" onClick={() => props.onSort(props.sortKey)} title={active ? props.sortNote : undefined} aria-description={active ? props.sortNote : undefined}>
        {props.label}
        <Icon className="sort-arrow" name={dir === 'asc' ? 'arrow-up' : 'arrow-down'} size={12} />
      </button>
    </th>
  );
}
