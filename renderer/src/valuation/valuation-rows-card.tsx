/**
 * The Valuation tab's table card (issue 11 item 4): the case's seizures with their prices, read a
 * page at a time from the data service (`valuation.caseRows`: filtered by status and words and
 * sorted there, over every live seizure, volumes included) and drawn only where in view
 * (ui/use-virtual-rows.ts), so a 100,000-seizure case costs what a small one does. The count
 * "N of M" is the service's: rows matching the filter of the case's live seizures. A row's detail
 * dialog reads that one seizure's row by id (`valuation.caseRow`), again whenever the estimate is.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { PriceReference } from '../../../shared/domain/price-reference';
import type { Writer } from '../../../shared/docs/records';
import type { CaseValuation, SeizureValuationRow, ValuationRowShow, ValuationRowSort } from '../../../shared/rpc/valuation';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { EmptyState, ErrorPanel, Loading, Notice } from '../ui/states';
import { useVirtualRows } from '../ui/use-virtual-rows';
import { useLiveQuery } from '../data/use-live-query';
import { useSettled } from '../hooks/use-settled';
import { useAfterChange } from '../hooks/use-after-change';
import { loadedRun } from '../data/use-paged-window';
import type { CaseValuationInputs } from './use-case-valuations';
import { useValuationWindow } from './use-valuation-window';
import { ValuationTable } from './valuation-table';
import { ValuationDetailDialog } from './valuation-detail-dialog';

/** Props of {@link ValuationRowsCard}. */
export interface ValuationRowsCardProps {
  workspaceId: string;
  caseId: string;
  /** The case estimate the rows belong to (counts, reporting currency); a new object means it was fetched again. */
  estimate: CaseValuation;
  inputs: CaseValuationInputs;
  prices: PriceReference[];
  writer: Writer;
  readOnly: boolean;
  /** "Assign a price…" can run (prices exist and the replica has seizures). */
  canBulk: boolean;
  onBulk: () => void;
  onAssign: (row: SeizureValuationRow, priceId: string | null) => void;
}

/** Delay between the last keystroke in the filter and the query, ms. */
const FILTER_DEBOUNCE_MS = 150;

/** The table card of the Valuation tab. */
export function ValuationRowsCard(props: ValuationRowsCardProps): ReactNode {
  const { workspaceId, caseId, estimate, prices } = props;
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<ValuationRowShow>('all');
  const [sort, setSort] = useState<{ key: ValuationRowSort; dir: 'asc' | 'desc' }>({ key: 'date', dir: 'asc' });
  const [detail, setDetail] = useState<string | null>(null);
  const text = useSettled(filter.trim(), FILTER_DEBOUNCE_MS);
  const rows = useValuationWindow(workspaceId, caseId, { show, text, sortBy: sort.key, sortDir: sort.dir }, estimate);
  const total = rows.total ?? 0;
  const view = useVirtualRows({ rowCount: total, estimate: 72 });
  const { need } = rows;
  useEffect(() => need(view.start, view.end), [need, view.start, view.end]);
  // A new sort or filter starts at the top.
  useEffect(() => view.toTop(), [sort, show, text, view.toTop]);
  // The rendered rows: the longest loaded run in view.
  const { rows: shown, virtual: win } = loadedRun(rows, view);

  // The detail dialog's row, read by id and again with every new estimate.
  const detailRow = useLiveQuery('valuation.caseRow', detail ? { workspaceId, caseId, seizureId: detail } : null);
  useAfterChange(estimate, detailRow.reload);

  const count = estimate.counts.seizures;
  return (
    <section className="table-card val-table-card" aria-labelledby="val-table-title">
      <div className="table-toolbar">
        <h2 id="val-table-title" className="toolbar-title">
          {t('valuation.tab.table-title')}
        </h2>
        <div className="input-with-icon">
          <Icon name="search" />
          <input className="input input-sm" type="search" aria-label={t('valuation.tab.filter')} placeholder={t('valuation.tab.filter-placeholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <select className="select select-sm filter-select" aria-label={t('valuation.tab.show')} value={show} onChange={(e) => setShow(e.target.value as ValuationRowShow)}>
          <option value="all">{t('valuation.tab.show-all')}</option>
          <option value="valued">{t('valuation.tab.show-valued')}</option>
          <option value="open">{t('valuation.tab.show-open')}</option>
        </select>
        <span className="toolbar-count" aria-live="polite">
          {rows.total === null ? null : t('valuation.common.of-count', { valued: rows.total, count })}
        </span>
        {props.readOnly ? null : (
          <button type="button" className="btn btn-primary btn-sm" onClick={props.onBulk} disabled={!props.canBulk}>
            <Icon name="tag" size={14} /> {t('valuation.tab.assign')}
          </button>
        )}
      </div>
      {prices.length === 0 ? (
        <div className="val-hint">
          <Notice kind="info">
            {t('valuation.tab.no-prices')} <a href={`#/w/${workspaceId}/prices`}>{t('valuation.tab.add-prices')}</a> {t('valuation.tab.no-prices-then')}
          </Notice>
        </div>
      ) : null}
      {count === 0 ? (
        <EmptyState icon="table" title={t('valuation.tab.no-seizures')}>
          {t('valuation.tab.no-seizures-text')}
        </EmptyState>
      ) : rows.error && rows.total === null ? (
        <ErrorPanel error={rows.error} title={t('valuation.tab.rows-failed')} />
      ) : rows.total === null ? (
        <Loading>{t('valuation.tab.rows-loading')}</Loading>
      ) : total === 0 ? (
        <p className="val-hint muted">{t('valuation.tab.no-match')}</p>
      ) : (
        <ValuationTable
          rows={shown}
          reportingCurrency={estimate.reportingCurrency}
          prices={prices}
          readOnly={props.readOnly}
          onAssign={props.onAssign}
          onDetails={(r) => setDetail(r.seizureId)}
          sort={sort}
          onSort={(key) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'date' ? 'asc' : 'desc' }))}
          virtual={win}
          scrollRef={view.ref}
          onScroll={view.onScroll}
        />
      )}
      {detail && detailRow.data?.row?.seizureId === detail ? (
        <ValuationDetailDialog
          row={detailRow.data.row}
          quotes={detailRow.data.quotes}
          reportingCurrency={estimate.reportingCurrency}
          records={props.inputs.records}
          prices={prices}
          cv={props.inputs.cv}
          writer={props.writer}
          readOnly={props.readOnly}
          onClose={() => setDetail(null)}
        />
      ) : null}
    </section>
  );
}
