/**
 * The table of rejected (or flagged) rows shared by every import report (seizure files, price
 * lists): line (or feature number), column, optionally the value found, and the reason with its fix. Every row is
 * listed — none is cut off behind a count — and the table is virtually scrolled
 * (ui/use-virtual-rows.ts) inside a box of its own, so only the rows in view are rendered: a file
 * with 100,000 bad rows renders what a 60-row one does (tester finding G-IMP-2: the dialog froze
 * with 6,616 rows to check; docs/import.md has the measured times).
 */
import type { ReactNode } from 'react';
import { sentence } from '../forms/issues';
import { DataTable } from './data-table';
import { useVirtualRows } from './use-virtual-rows';
import { quoteValue, t } from '../../../shared/messages';

/** The row height assumed before one is measured, px (one line of small table text). */
const ROW_ESTIMATE_PX = 37;
/** The view's height assumed before it is laid out, px (the box's CSS max-height). */
const VIEW_FALLBACK_PX = 300;

/** One rejected cell or row: 1-based `line` in the file (a KML/GPX/GeoJSON feature's number among its kind), the `column` as named in the file, why. */
export interface RejectedRow {
  line: number;
  column: string;
  /** The value found, when the report keeps it (shown in its own column, cut to its first 80 characters). */
  value?: string;
  reason: string;
}

/** Props of {@link RejectedRowsTable}: `rows` as the report holds them, `toRow` reads one for display. */
export interface RejectedRowsTableProps<R> {
  rows: readonly R[];
  /** One report row as a table row; called only for the rows rendered, so a long report is never copied whole. */
  toRow: (x: R) => RejectedRow;
  /** Shows the Value column (the seizure import keeps each bad value; the price import does not). */
  showValue?: boolean;
  className?: string;
  /** The table's accessible name (default "Rejected rows"). */
  label?: string;
  /** The row-number column's heading (default "Line"; a KML report's is "Placemark": `ui.import.col-line`). */
  lineHeader?: string;
}

/** Every rejected row of an import, in a virtually scrolled table card labelled "Rejected rows". */
export function RejectedRowsTable<R>(props: RejectedRowsTableProps<R>): ReactNode {
  const { rows, showValue, toRow } = props;
  const view = useVirtualRows({ rowCount: rows.length, estimate: ROW_ESTIMATE_PX, fallbackHeight: VIEW_FALLBACK_PX });
  return (
    <div className={`table-card rejected-rows${props.className ? ` ${props.className}` : ''}`}>
      <DataTable
        label={props.label ?? t('ui.common.rejected-rows')}
        columns={[
          { id: 'line', header: props.lineHeader ?? t('ui.common.line'), numeric: true, cell: (x) => x.line },
          { id: 'column', header: t('ui.common.column'), className: 'mono', cell: (x) => x.column },
          showValue ? { id: 'value', header: t('ui.common.value'), className: 'mono report-value', cell: (x) => (x.value ? quoteValue(x.value) : null) || <span className="muted">{t('ui.common.empty-value')}</span> } : null,
          { id: 'reason', header: t('ui.common.reason'), cell: (x) => sentence(x.reason) },
        ]}
        rows={rows.slice(view.start, view.end).map(toRow)}
        rowKey={(_x, i) => String(view.start + i)}
        virtual={view.window}
        scrollRef={view.ref}
        onScroll={view.onScroll}
      />
    </div>
  );
}
