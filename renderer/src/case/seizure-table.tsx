/**
 * The seizure table: date at its precision, place and country, commodity and taxon, quantity
 * with unit, reported value in its currency, source title (value sorts by its USD equivalent and
 * quantity by its common unit: seizure-sort.ts); row actions edit and delete; with
 * `check`, a first column of checkboxes for the bulk actions, its header box "select all shown":
 * every seizure the table shows, not only the rows rendered (seizure-selection.ts).
 * Rows are the projection's (`SeizureRow`, shared/rpc/cases.ts; a replica's `Seizure` is one
 * too); with `virtual` only the rows in view are passed and rendered (seizure-panel.tsx).
 */
import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { countryLabel } from '../format/countries';
import { Icon } from '../ui/icons';
import { DataTable, type Column, type VirtualWindow } from '../ui/data-table';
import { formatMoney, formatMoneyShort, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { t } from '../../../shared/messages';
import { ColumnChooser, useColumnChoice } from '../ui/column-chooser';
import { seizureModelColumns } from './seizure-model-columns';
import { reviewFlagsSummary } from '../../../shared/domain/review-flag-text';

import type { SeizureSort, SeizureSortKey } from './seizure-sort';

export type { SeizureSort, SeizureSortKey } from './seizure-sort';

/**
 * Under a reported value while the table is sorted by value: the USD amount the sort used
 * ("≈ USD 12.4 M", its exact figure in the tooltip) when the value is in another currency, or
 * that no rate is known and the row sorts last. Nothing for a value in USD or a row with none.
 */
function ValueSortLine(props: { row: SeizureRow }): ReactNode {
  const { reportedValue, reportedCurrency, reportedUsd } = props.row;
  if (reportedValue === null || reportedUsd === undefined) return null;
  if (reportedUsd === null) return <span className="cell-secondary value-no-rate">{t('ui.case.table.value-no-rate')}</span>;
  if (reportedCurrency === 'USD') return null;
  return (
    <span className="cell-secondary value-usd" title={t('ui.case.table.value-usd-title', { usd: formatMoney(reportedUsd, 'USD'), date: props.row.seizureDate })}>
      {t('ui.case.table.value-usd', { usd: formatMoneyShort(reportedUsd, 'USD') })}
    </span>
  );
}

/** Props of {@link SeizureTable}. */
export interface SeizureTableProps {
  /** The rows to render (with `virtual`, only those in view). */
  seizures: readonly SeizureRow[];
  sort: SeizureSort;
  onSort: (key: SeizureSortKey) => void;
  selected: string | null;
  onSelect: (id: string) => void;
  readOnly: boolean;
  onEdit: (s: SeizureRow) => void;
  onDelete: (s: SeizureRow) => void;
  /** Whether a row's edit and delete actions are offered (default: every row's). */
  editable?: (s: SeizureRow) => boolean;
  /** The bulk selection's checkboxes (seizure-selection.ts); omitted: no checkbox column (read-only members). */
  check?: SeizureChecks;
  /** Seizures being moved to another case: marked "Moving…" until the table's rows no longer hold them. */
  moving?: ReadonlySet<string>;
  /** Virtual scrolling (ui/data-table.tsx): where `seizures` sit among all rows. */
  virtual?: VirtualWindow;
  scrollRef?: Ref<HTMLDivElement>;
  onScroll?: () => void;
}

/** The checkbox column of the bulk actions. */
export interface SeizureChecks {
  /** Whether a shown row is ticked. */
  isChecked: (id: string) => boolean;
  /** Ticks or unticks these seizures. */
  onCheck: (ids: string[], on: boolean) => void;
  /** The header box: ticked only when every seizure the table shows (not just the rows rendered) is, mixed when some are. */
  all: 'all' | 'some' | 'none';
  /** The header box ticked (select every shown seizure) or unticked (clear). */
  onCheckAll: (on: boolean) => void;
}

/** The header checkbox: checked, mixed (`indeterminate`, set on the element) or clear. */
function HeaderCheck({ check }: { check: SeizureChecks }): ReactNode {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = check.all === 'some';
  }, [check.all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={t('ui.seizures.select-all')}
      checked={check.all === 'all'}
      onChange={() => check.onCheckAll(check.all !== 'all')}
    />
  );
}

/** The seizure table. */
export function SeizureTable(props: SeizureTableProps): ReactNode {
  const { check } = props;
  const columns: (Column<SeizureRow, SeizureSortKey> | false)[] = [
    Boolean(check) && {
      id: 'check',
      header: t('ui.seizures.select-all'),
      className: 'col-check',
      headerClassName: 'col-check',
      headerContent: <HeaderCheck check={check!} />,
      cell: (s) => (
        <input
          type="checkbox"
          aria-label={t('ui.seizures.select-one', { commodity: s.commodity, date: formatSeizureDate(s.seizureDate, s.datePrecision) })}
          checked={check!.isChecked(s.id)}
          onChange={(e) => check!.onCheck([s.id], e.target.checked)}
        />
      ),
    },
    {
      id: 'date',
      header: t('ui.case.table.col-date'),
      sortKey: 'date',
      className: 'col-nowrap',
      cell: (s) => (
        <>
          {formatSeizureDate(s.seizureDate, s.datePrecision)}
          {s.datePrecision !== 'day' ? <span className="precision">({s.datePrecision})</span> : null}
        </>
      ),
    },
    {
      id: 'place',
      header: t('ui.case.table.col-place'),
      sortKey: 'place',
      className: 'col-place',
      cell: (s) => {
        const country = countryLabel(s.country);
        // A place that is the country's own name shows once, not "Kenya / Kenya" (tester finding).
        const placeIsCountry = !s.place || s.place.trim().toLowerCase() === country.toLowerCase();
        return (
          <>
            <span className="cell-primary">{s.place || country}</span>
            <span className="cell-secondary">
              {placeIsCountry ? '' : country}
              {s.latitude === null ? t(placeIsCountry ? 'ui.case.table.not-mapped-alone' : 'ui.case.table.not-mapped') : ''}
            </span>
          </>
        );
      },
    },
    {
      id: 'commodity',
      header: t('ui.case.table.col-commodity'),
      sortKey: 'commodity',
      className: 'col-commodity',
      cell: (s) => (
        <>
          <button type="button" className="link-button cell-primary" onClick={() => props.onSelect(s.id)}>
            {s.commodity}
          </button>
          {props.moving?.has(s.id) ? (
            <span className="tag moving-tag" role="status">
              {t('ui.seizures.moving')}
            </span>
          ) : null}
          {s.reviewFlags?.length ? (
            <span className="review-badge" role="img" aria-label={`${t('ui.review.badge')}: ${reviewFlagsSummary(s.reviewFlags)}`} title={reviewFlagsSummary(s.reviewFlags)}>
              <Icon name="alert" /> {t('ui.review.badge')}
            </span>
          ) : null}
          {s.taxon ? <span className="cell-secondary taxon">{s.taxon}</span> : null}
        </>
      ),
    },
    { id: 'quantity', header: t('ui.case.table.col-quantity'), sortKey: 'quantity', numeric: true, className: 'col-nowrap', cell: (s) => formatQuantity(s.quantity, s.unit) },
    {
      id: 'value',
      header: t('ui.case.table.col-reported-value'),
      sortKey: 'value',
      // Tester finding F12: the value sort compares USD at each seizure's date; the screen says so.
      sortNote: t('ui.case.table.value-sort-note'),
      numeric: true,
      className: 'col-nowrap',
      cell: (s) => (
        <>
          {formatMoney(s.reportedValue, s.reportedCurrency)}
          {props.sort.key === 'value' ? <ValueSortLine row={s} /> : null}
        </>
      ),
    },
    ...seizureModelColumns(),
    {
      id: 'source',
      header: t('ui.case.table.col-source'),
      className: 'col-source',
      headerClassName: 'col-source',
      cell: (s) =>
        s.sourceTitle || s.sourceUrl ? (
          <span className="source-cell" title={s.sourceUrl || s.sourceTitle}>
            <Icon name="link" size={12} /> {s.sourceTitle || s.sourceUrl}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'actions',
      header: t('ui.case.table.col-actions'),
      hideHeader: true,
      className: 'col-actions',
      headerClassName: 'col-actions',
      cell: (s) =>
        props.readOnly || props.editable?.(s) === false ? null : (
          <span className="row-actions">
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={t('ui.case.table.edit', { commodity: s.commodity, date: s.seizureDate })} onClick={() => props.onEdit(s)}>
              <Icon name="edit" size={14} />
            </button>
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={t('ui.case.table.delete', { commodity: s.commodity, date: s.seizureDate })} onClick={() => props.onDelete(s)}>
              <Icon name="trash" size={14} />
            </button>
          </span>
        ),
    },
  ];
  const [hidden, setShown] = useColumnChoice('seizures', columns);
  return (
    <>
      <ColumnChooser columns={columns} hidden={hidden} onChange={setShown} label={t('seizure.columns')} legend={t('seizure.columns-label')} />
      <DataTable
      label={t('ui.case.table.label')}
      className="seizure-table"
      columns={columns}
      rows={props.seizures}
      rowKey={(s) => s.id}
      rowAttributes={(s) => ({ 'data-seizure-id': s.id })}
      rowClassName={(s) => (props.moving?.has(s.id) ? 'row-moving' : undefined)}
      sort={props.sort}
      onSort={props.onSort}
      selectedKey={props.selected}
      onRowClick={(s) => props.onSelect(s.id)}
      hiddenColumns={hidden}
      {...(props.virtual ? { virtual: props.virtual } : {})}
      {...(props.scrollRef ? { scrollRef: props.scrollRef } : {})}
      {...(props.onScroll ? { onScroll: props.onScroll } : {})}
    />
    </>
  );
}
