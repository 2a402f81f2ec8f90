/**
 * The table of rejected rows shared by every import report (seizure files, price lists): line,
 * column, optionally the value found, and the reason, at most {@link MAX_LISTED} rows with a count
 * of the rest, so that a file with a hundred thousand bad rows still renders at once.
 */
import type { ReactNode } from 'react';
import { sentence } from '../forms/issues';
import { DataTable } from './data-table';
import { t } from '../../../shared/messages';

/** At most this many rejected rows are listed; the rest are counted. */
export const MAX_LISTED = 500;

/** One rejected cell or row: 1-based `line` in the file, the `column` as named in the file, why. */
export interface RejectedRow {
  line: number;
  column: string;
  /** The value found, when the report keeps it (shown in its own column). */
  value?: string;
  reason: string;
}

/** Props of {@link RejectedRowsTable}. */
export interface RejectedRowsTableProps {
  rows: readonly RejectedRow[];
  /** Shows the Value column (the seizure import keeps each bad value; the price import does not). */
  showValue?: boolean;
  className?: string;
}

/** The rejected rows of an import, in a table card labelled "Rejected rows". */
export function RejectedRowsTable(props: RejectedRowsTableProps): ReactNode {
  const { rows, showValue } = props;
  return (
    <div className={`table-card${props.className ? ` ${props.className}` : ''}`}>
      <DataTable
        label={t('ui.common.rejected-rows')}
        columns={[
          { id: 'line', header: t('ui.common.line'), numeric: true, cell: (x) => x.line },
          { id: 'column', header: t('ui.common.column'), className: 'mono', cell: (x) => x.column },
          showValue ? { id: 'value', header: t('ui.common.value'), className: 'mono report-value', cell: (x) => x.value || <span className="muted">{t('ui.common.empty-value')}</span> } : null,
          { id: 'reason', header: t('ui.common.reason'), cell: (x) => sentence(x.reason) },
        ]}
        rows={rows.slice(0, MAX_LISTED)}
        rowKey={(_x, i) => String(i)}
      />
      {rows.length > MAX_LISTED ? <p className="card-body muted small">{t('ui.common.more-problems', { count: rows.length - MAX_LISTED })}</p> : null}
    </div>
  );
}
