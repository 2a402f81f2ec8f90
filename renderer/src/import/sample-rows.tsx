/**
 * The first rows of an import file as they appear in it (one column per header), folded away
 * by default: the mapping table above already shows samples per column. On the shared DataTable,
 * in a focusable scroll region (the rows may be wider than the dialog).
 */
import { useId, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';

/** The sample rows of a preview. */
export function SampleRows(props: { headers: string[]; rows: string[][] }): ReactNode {
  const id = useId();
  if (!props.rows.length) return null;
  // Columns by position: a file may repeat a header name.
  const columns: Column<string[]>[] = props.headers.map((h, k) => ({
    id: `${id}-${k}`,
    header: h,
    headerClassName: 'sample-header',
    className: 'sample-cell',
    cell: (r) => r[k] ?? '',
  }));
  return (
    <details className="sample-rows">
      <summary>{t('ui.import.sample-summary', { count: props.rows.length })}</summary>
      <div className="table-card">
        <div className="table-scroll sample-rows-scroll" tabIndex={0} role="region" aria-label={t('ui.import.sample-region')}>
          <DataTable<string[]> label={t('ui.import.sample-label')} scroll={false} columns={columns} rows={props.rows} rowKey={(_r, i) => String(i)} />
        </div>
      </div>
    </details>
  );
}
