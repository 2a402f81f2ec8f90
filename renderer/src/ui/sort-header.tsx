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
}

/** A <th> whose button sorts by `sortKey`. */
export function SortHeader<K extends string>(props: SortHeaderProps<K>): ReactNode {
  const active = props.current.key === props.sortKey;
  const dir = active ? props.current.dir : undefined;
  return (
    <th scope="col" className={[props.numeric ? 'col-num' : '', props.className ?? ''].filter(Boolean).join(' ') || undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort-button" onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        <Icon className="sort-arrow" name={dir === 'asc' ? 'arrow-up' : 'arrow-down'} size={12} />
      </button>
    </th>
  );
}
