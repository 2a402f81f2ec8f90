/**
 * The one data table: columns declared with a header and a cell renderer, optional sorting
 * (controlled by the screen, which may sort on the server), an empty state, optional row click
 * and selection, a sticky header (table.css) and accessible markup (`scope`, `aria-sort`,
 * `aria-selected`, a label), optional columns hidden by the column chooser (column-chooser.tsx),
 * optional group header rows (a `rowgroup` header above each run of
 * rows with the same group key), optional virtual scrolling (`virtual`: the screen passes only the
 * rows in view, spacer rows stand for the others, `aria-rowcount`/`aria-rowindex` tell assistive
 * technology where the rows are; ui/use-virtual-rows.ts computes the window). Looks come from the
 * `data-table` classes in styles/table.css.
 */
import { Fragment, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react';
import { SortHeader } from './sort-header';

/** One column of a {@link DataTable} over rows of type `R`; `K` names the sort keys. */
export interface Column<R, K extends string = string> {
  /** Stable id (React key). */
  id: string;
  /** Header text (also the sort button's label). */
  header: string;
  /** Shows the header to screen readers only (an actions column). */
  hideHeader?: boolean;
  /** Replaces the header's text in the header cell (e.g. a "select all" checkbox carrying its own label). */
  headerContent?: ReactNode;
  /** The cell's content. */
  cell: (row: R) => ReactNode;
  /** Makes the header a sort button for this key (needs the table's `sort` and `onSort`). */
  sortKey?: K;
  /** While sorted by this column: what the order means (the header button's tooltip and accessible description). */
  sortNote?: string;
  /** Right-aligned tabular numbers (header and cells). */
  numeric?: boolean;
  /** Extra classes of the cells (`col-nowrap`, `mono`, …). */
  className?: string;
  /** Extra classes of the header cell. */
  headerClassName?: string;
  /** The column chooser (column-chooser.tsx) lists it: the member may hide or show it. */
  optional?: boolean;
  /** An optional column that starts hidden until the member shows it. */
  defaultHidden?: boolean;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<R, K extends string = string> {
  /** The accessible name of the table ("Cases"). */
  label: string;
  columns: readonly (Column<R, K> | null | false)[];
  rows: readonly R[];
  /** A stable key per row. */
  rowKey: (row: R, index: number) => string;
  /** Extra classes of the <table> besides `data-table`. */
  className?: string;
  /** The current sort (controlled). */
  sort?: { key: K; dir: 'asc' | 'desc' };
  onSort?: (key: K) => void;
  /** Shown in place of the rows when there are none (a full-width cell). */
  empty?: ReactNode;
  /**
   * Called when a row is clicked (or Enter is pressed on it); clicks on links and buttons inside
   * the row keep their own meaning.
   */
  onRowClick?: (row: R) => void;
  /** The key of the selected row (`aria-selected`). */
  selectedKey?: string | null;
  /** Extra attributes of a row (data-* for tests and scrolling into view). */
  rowAttributes?: (row: R) => Record<`data-${string}`, string>;
  /** Extra classes of a row (`row-disabled`, …). */
  rowClassName?: (row: R) => string | undefined;
  /**
   * Groups consecutive rows: a full-width `rowgroup` header row (`group-row`) with `header` goes
   * above each run of rows whose `key` differs from the row before (sort the rows by group first).
   */
  group?: (row: R) => { key: string; header: ReactNode };
  /** Wraps the table in a scroll container (default true). */
  scroll?: boolean;
  /** Ids of columns not shown (column-chooser.tsx useColumnChoice). */
  hiddenColumns?: ReadonlySet<string>;
  /** Virtual scrolling: `rows` are rows `firstIndex`… of `rowCount`; spacer rows of `padTop`/`padBottom` px stand for the rest. */
  virtual?: VirtualWindow;
  /** The scroll container (with `scroll`), for the virtual window's measurements. */
  scrollRef?: Ref<HTMLDivElement>;
  /** Called when the scroll container scrolls. */
  onScroll?: () => void;
}

/** The rows of a virtually scrolled table in view: see {@link DataTableProps.virtual}. */
export interface VirtualWindow {
  /** Index (0-based) of the first rendered row among all rows. */
  firstIndex: number;
  /** Number of rows in all. */
  rowCount: number;
  /** Height in px of the rows above / below the rendered ones. */
  padTop: number;
  padBottom: number;
}

/** A spacer row standing for rows not rendered (virtual scrolling). */
function Pad(props: { height: number; span: number }): ReactNode {
  return props.height > 0 ? (
    <tr className="virtual-pad" aria-hidden="true">
      <td colSpan={props.span} style={{ height: props.height }} />
    </tr>
  ) : null;
}

function fromControl(e: MouseEvent | KeyboardEvent): boolean {
  return Boolean((e.target as HTMLElement).closest('a, button, input, select, textarea'));
}

/** A data table. */
export function DataTable<R, K extends string = string>(props: DataTableProps<R, K>): ReactNode {
  const columns = props.columns.filter((c): c is Column<R, K> => Boolean(c) && !props.hiddenColumns?.has((c as Column<R, K>).id));
  const { sort, onSort, onRowClick, virtual } = props;
  const table = (
    <table className={`data-table${props.className ? ` ${props.className}` : ''}`} aria-label={props.label} aria-rowcount={virtual ? virtual.rowCount + 1 : undefined}>
      <thead>
        <tr aria-rowindex={virtual ? 1 : undefined}>
          {columns.map((c) => {
            if (c.sortKey !== undefined && sort && onSort) {
              return <SortHeader key={c.id} label={c.header} sortKey={c.sortKey} current={sort} onSort={onSort} numeric={c.numeric} className={c.headerClassName} sortNote={c.sortNote} />;
            }
            const cls = [c.numeric ? 'col-num' : '', c.headerClassName ?? ''].filter(Boolean).join(' ');
            return (
              <th key={c.id} scope="col" className={cls || undefined}>
                {c.headerContent ?? <span className={c.hideHeader ? 'visually-hidden' : 'th-label'}>{c.header}</span>}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && props.empty ? (
          <tr>
            <td colSpan={columns.length} className="table-empty">
              {props.empty}
            </td>
          </tr>
        ) : null}
        {virtual ? <Pad height={virtual.padTop} span={columns.length} /> : null}
        {props.rows.map((row, i) => {
          const key = props.rowKey(row, i);
          const group = props.group?.(row);
          const prev = group && i > 0 ? props.group!(props.rows[i - 1]!).key : undefined;
          const cls = [onRowClick ? 'clickable-row' : '', props.rowClassName?.(row) ?? ''].filter(Boolean).join(' ');
          return (
            <Fragment key={key}>
              {group && (i === 0 || prev !== group.key) ? (
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={columns.length}>
                    {group.header}
                  </th>
                </tr>
              ) : null}
              <tr
                {...props.rowAttributes?.(row)}
                aria-rowindex={virtual ? virtual.firstIndex + i + 2 : undefined}
                aria-selected={props.selectedKey !== undefined ? props.selectedKey === key : undefined}
                className={cls || undefined}
                onClick={onRowClick ? (e) => fromControl(e) || onRowClick(row) : undefined}
                onKeyDown={onRowClick ? (e) => e.key === 'Enter' && e.target === e.currentTarget && onRowClick(row) : undefined}
              >
                {columns.map((c) => {
                  const cellCls = [c.numeric ? 'col-num' : '', c.className ?? ''].filter(Boolean).join(' ');
                  return (
                    <td key={c.id} className={cellCls || undefined}>
                      {c.cell(row)}
                    </td>
                  );
                })}
              </tr>
            </Fragment>
          );
        })}
        {virtual ? <Pad height={virtual.padBottom} span={columns.length} /> : null}
      </tbody>
    </table>
  );
  return props.scroll === false ? (
    table
  ) : (
    <div className={`table-scroll${virtual ? ' table-scroll-virtual' : ''}`} ref={props.scrollRef} onScroll={props.onScroll}>
      {table}
    </div>
  );
}
