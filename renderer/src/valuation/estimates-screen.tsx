/**
 * Estimates across the workspace (the network estimate): every case's valued seizures taken
 * together, each seizure once — the total in USD and the reporting currency, one line per case
 * (with its own undetected-flow assumption, never added up), charts by sector and by year, the
 * published context figures and the methodology sentences.
 */
import type { ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { SectorLabel } from '../ui/badges';
import { EmptyState, ErrorPanel, Loading, Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { EstimateCharts } from './estimate-charts';
import { ContextPanel } from './context-panel';
import { fullRange, NOT_VALUED_YET, percentRange, shortAmount, shortRange } from './format';
import './valuation.css';

/** The workspace estimates screen. */
export function EstimatesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle('Estimates');
  const q = useLiveQuery('valuation.workspace', { workspaceId: ws.id }, { refetchOn: [projectionChanged(ws.id)] });
  if (q.error && !q.data) return <div className="page"><ErrorPanel error={q.error} onRetry={q.reload} /></div>;
  if (!q.data) return <Loading full>Valuing every case…</Loading>;
  const d = q.data;
  const rc = d.reportingCurrency;
  return (
    <div className="page page-wide valuation" data-testid="estimates-screen">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">Valuation</div>
          <h1>Estimates across cases</h1>
          <p className="page-subtitle">The estimated value of every valued seizure in the workspace, as a range, each seizure counted once. Figures follow the prices and rates recorded in each case.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={q.reload}>
            Refresh
          </button>
        </div>
      </div>
      {d.staleRates ? (
        <Notice kind="warning" icon="alert">
          Some exchange rates used are more than a week older than the seizure dates they convert (ECB data to {formatIsoDate(d.rates.ecbLastDate)}). <a href={`#/w/${ws.id}/rates`}>Import newer ECB rates</a>.
        </Notice>
      ) : null}
      <div className="stat-grid val-stats">
        <div className="stat">
          <div className="stat-label">Estimated value (USD)</div>
          <div className="stat-value stat-value-sm" data-testid="network-total-usd">
            {d.counts.valued === 0 ? NOT_VALUED_YET : fullRange(d.total.usd)}
          </div>
          <div className="stat-note">low to high, all cases</div>
        </div>
        {rc !== 'USD' ? (
          <div className="stat">
            <div className="stat-label">In {rc} (reporting currency)</div>
            <div className="stat-value stat-value-sm">{d.counts.valued === 0 ? '—' : fullRange(d.total.reporting)}</div>
            <div className="stat-note">converted at each seizure’s date</div>
          </div>
        ) : null}
        <div className="stat">
          <div className="stat-label">Seizures valued</div>
          <div className="stat-value">
            {formatCount(d.counts.valued)} <span className="stat-of">of {formatCount(d.counts.seizures)}</span>
          </div>
          <div className="stat-note">
            {formatCount(d.counts.notValued)} without a price{d.counts.failed ? `, ${formatCount(d.counts.failed)} could not be valued` : ''}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Reported by the authorities</div>
          <div className="stat-value stat-value-sm">{d.reportedUsd.count ? shortAmount(d.reportedUsd.amount, 'USD') : '—'}</div>
          <div className="stat-note">for {formatCount(d.reportedUsd.count)} valued seizures; never added to the estimate</div>
        </div>
      </div>

      <section className="table-card" aria-labelledby="cases-est-title">
        <div className="table-toolbar">
          <h2 id="cases-est-title" className="toolbar-title">
            By case
          </h2>
        </div>
        {d.cases.length === 0 ? (
          <EmptyState icon="briefcase" title="No cases yet">
            Create a case, record its seizures and assign prices to them in its Valuation tab.
          </EmptyState>
        ) : (
          <table className="data-table" aria-label="Estimates by case">
            <thead>
              <tr>
                <th scope="col">
                  <span className="th-label">Case</span>
                </th>
                <th scope="col">
                  <span className="th-label">Sector</span>
                </th>
                <th scope="col" className="col-num">
                  <span className="th-label">Valued</span>
                </th>
                <th scope="col" className="col-num">
                  <span className="th-label">Estimate (USD)</span>
                </th>
                {rc !== 'USD' ? (
                  <th scope="col" className="col-num">
                    <span className="th-label">Estimate ({rc})</span>
                  </th>
                ) : null}
                <th scope="col">
                  <span className="th-label">Undetected flow (assumption)</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.cases.map((c) => (
                <tr key={c.caseId}>
                  <td>
                    <a className="cell-link" href={`#/w/${ws.id}/c/${c.caseId}/valuation`}>
                      {c.title}
                    </a>
                    <span className="cell-secondary case-number">{c.number}</span>
                  </td>
                  <td>
                    <SectorLabel sector={c.sector} />
                  </td>
                  <td className="col-num col-nowrap">
                    {formatCount(c.counts.valued)} of {formatCount(c.counts.seizures)}
                  </td>
                  <td className="col-num col-nowrap" title={c.total ? fullRange(c.total.usd) : undefined}>
                    {c.total ? shortRange(c.total.usd) : <span className="muted">—</span>}
                  </td>
                  {rc !== 'USD' ? (
                    <td className="col-num col-nowrap" title={c.total ? fullRange(c.total.reporting) : undefined}>
                      {c.total ? shortRange(c.total.reporting) : <span className="muted">—</span>}
                    </td>
                  ) : null}
                  <td>
                    {c.flow ? (
                      <>
                        <span className="tag tag-warning">Assumption</span> {shortRange(c.flow.usd.undetected)}
                        <span className="cell-secondary">
                          seizures {percentRange(c.flow.low, c.flow.high)} of the flow · {c.flow.basis}
                        </span>
                      </>
                    ) : (
                      <span className="muted">No assumption</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <EstimateCharts bySector={d.bySector} byYear={d.byYear} reportingCurrency={rc} valued={d.counts.valued} />

      <ContextPanel figures={d.context} disclaimer={d.contextDisclaimer} />

      <section className="card methodology" aria-labelledby="net-method-title">
        <div className="card-header">
          <Icon name="book" />
          <h2 id="net-method-title">How this estimate was made</h2>
          <span className="grow" />
          <CopyButton text={d.methodology.join('\n\n')} what="the method of the network estimate" />
        </div>
        <div className="card-body statement">
          {d.methodology.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="muted small">Each case’s Valuation tab has the full methodology statement, seizure by seizure, for its case pack.</p>
        </div>
      </section>
    </div>
  );
}
