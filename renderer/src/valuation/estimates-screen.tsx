/**
 * Estimates across the workspace (the network estimate): every case's valued seizures taken
 * together, each seizure once — the total in USD and the reporting currency, one line per case
 * (with its own undetected-flow assumption, never added up), charts by sector and by year, the
 * published context figures and the methodology sentences.
 */
import type { ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { CaseEstimateRow } from '../../../shared/rpc/valuation';
import { t } from '../../../shared/messages';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { CopyButton } from '../ui/copy-button';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { SectorLabel } from '../ui/badges';
import { EmptyState, ErrorPanel, Loading, Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { EstimateCharts } from './estimate-charts';
import { ContextPanel } from './context-panel';
import { fullRange, notValuedYet, percentRange, shortAmount, shortRange } from './format';
import './valuation-common.css';
import './methodology.css';

const none = (): ReactNode => <span className="muted">{t('valuation.common.none')}</span>;

/** The columns of the by-case table; the reporting-currency column only when it is not USD. */
function caseColumns(workspaceId: string, rc: string): (Column<CaseEstimateRow> | false)[] {
  return [
    {
      id: 'case',
      header: t('valuation.estimates.col-case'),
      cell: (c) => (
        <>
          <a className="cell-link" href={`#/w/${workspaceId}/c/${c.caseId}/valuation`}>
            {c.title}
          </a>
          <span className="cell-secondary case-number">{c.number}</span>
        </>
      ),
    },
    { id: 'sector', header: t('valuation.estimates.col-sector'), cell: (c) => <SectorLabel sector={c.sector} /> },
    { id: 'valued', header: t('valuation.estimates.col-valued'), numeric: true, className: 'col-nowrap', cell: (c) => t('valuation.common.of-count', { valued: c.counts.valued, count: c.counts.seizures }) },
    {
      id: 'usd',
      header: t('valuation.common.estimate-usd'),
      numeric: true,
      className: 'col-nowrap',
      cell: (c) => (c.total ? <span title={fullRange(c.total.usd)}>{shortRange(c.total.usd)}</span> : none()),
    },
    rc !== 'USD' && {
      id: 'reporting',
      header: t('valuation.common.estimate-in', { currency: rc }),
      numeric: true,
      className: 'col-nowrap',
      cell: (c) => (c.total ? <span title={fullRange(c.total.reporting)}>{shortRange(c.total.reporting)}</span> : none()),
    },
    {
      id: 'flow',
      header: t('valuation.estimates.col-flow'),
      cell: (c) =>
        c.flow ? (
          <>
            <span className="tag tag-warning">{t('valuation.estimates.assumption')}</span> {shortRange(c.flow.usd.undetected)}
            <span className="cell-secondary">{t('valuation.estimates.flow-share', { share: percentRange(c.flow.low, c.flow.high), basis: c.flow.basis })}</span>
          </>
        ) : (
          <span className="muted">{t('valuation.estimates.no-assumption')}</span>
        ),
    },
  ];
}

/** The workspace estimates screen. */
export function EstimatesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle(t('valuation.estimates.page-title'));
  const q = useLiveQuery('valuation.workspace', { workspaceId: ws.id }, { refetchOn: [projectionChanged(ws.id)] });
  if (q.error && !q.data) return <div className="page"><ErrorPanel error={q.error} onRetry={q.reload} /></div>;
  if (!q.data) return <Loading full>{t('valuation.estimates.loading')}</Loading>;
  const d = q.data;
  const rc = d.reportingCurrency;
  return (
    <div className="page page-wide valuation" data-testid="estimates-screen">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">{t('valuation.common.eyebrow')}</div>
          <h1>{t('valuation.estimates.heading')}</h1>
          <p className="page-subtitle">{t('valuation.estimates.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={q.reload}>
            {t('valuation.common.refresh')}
          </button>
        </div>
      </div>
      {d.staleRates ? (
        <Notice kind="warning" icon="alert">
          {t('valuation.estimates.stale', { date: formatIsoDate(d.rates.ecbLastDate) })} <a href={`#/w/${ws.id}/rates`}>{t('valuation.common.stale-import')}</a>.
        </Notice>
      ) : null}
      <div className="stat-grid val-stats">
        <div className="stat">
          <div className="stat-label">{t('valuation.estimates.value-usd')}</div>
          <div className="stat-value stat-value-sm" data-testid="network-total-usd">
            {d.counts.valued === 0 ? notValuedYet() : fullRange(d.total.usd)}
          </div>
          <div className="stat-note">{t('valuation.estimates.value-usd-note')}</div>
        </div>
        {rc !== 'USD' ? (
          <div className="stat">
            <div className="stat-label">{t('valuation.estimates.value-reporting', { currency: rc })}</div>
            <div className="stat-value stat-value-sm">{d.counts.valued === 0 ? t('valuation.common.none') : fullRange(d.total.reporting)}</div>
            <div className="stat-note">{t('valuation.estimates.value-reporting-note')}</div>
          </div>
        ) : null}
        <div className="stat">
          <div className="stat-label">{t('valuation.estimates.valued')}</div>
          <div className="stat-value">
            {formatCount(d.counts.valued)} <span className="stat-of">{t('valuation.estimates.valued-of', { count: d.counts.seizures })}</span>
          </div>
          <div className="stat-note">
            {t('valuation.estimates.not-valued', { count: d.counts.notValued, failed: d.counts.failed })}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('valuation.estimates.reported')}</div>
          <div className="stat-value stat-value-sm">{d.reportedUsd.count ? shortAmount(d.reportedUsd.amount, 'USD') : t('valuation.common.none')}</div>
          <div className="stat-note">{t('valuation.estimates.reported-note', { count: d.reportedUsd.count })}</div>
        </div>
      </div>

      <section className="table-card" aria-labelledby="cases-est-title">
        <div className="table-toolbar">
          <h2 id="cases-est-title" className="toolbar-title">
            {t('valuation.estimates.by-case')}
          </h2>
        </div>
        <DataTable
          label={t('valuation.estimates.table-label')}
          scroll={false}
          rows={d.cases}
          rowKey={(c) => c.caseId}
          columns={caseColumns(ws.id, rc)}
          empty={
            <EmptyState icon="briefcase" title={t('valuation.estimates.no-cases')}>
              {t('valuation.estimates.no-cases-text')}
            </EmptyState>
          }
        />
      </section>

      <EstimateCharts bySector={d.bySector} byYear={d.byYear} reportingCurrency={rc} valued={d.counts.valued} />

      <ContextPanel figures={d.context} disclaimer={d.contextDisclaimer} />

      <section className="card methodology" aria-labelledby="net-method-title">
        <div className="card-header">
          <Icon name="book" />
          <h2 id="net-method-title">{t('valuation.estimates.method-title')}</h2>
          <span className="grow" />
          <CopyButton text={d.methodology.join('\n\n')} what={t('valuation.estimates.method-copy')} />
        </div>
        <div className="card-body statement">
          {d.methodology.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="muted small">{t('valuation.estimates.method-note')}</p>
        </div>
      </section>
    </div>
  );
}
