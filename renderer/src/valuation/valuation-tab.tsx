/**
 * The case's Valuation tab: the estimated value of the case's seizures as honest ranges. At the top
 * the case total (USD and the reporting currency), what was not valued, and the reported values
 * beside it (never added); the undetected-flow assumption; the per-seizure table where prices are
 * assigned (one by one, or by commodity with "Assign a price"); bars-with-whiskers charts by sector
 * and by year; the published UNEP-INTERPOL context; and the methodology statement for the case pack.
 *
 * Inputs are written to the case doc replica (`CaseValuations`); the figures come from the data
 * service (`valuation.case`), which holds the exchange rates, and refresh as the inputs change.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure } from '../../../shared/domain/seizure';
import type { SeizureValuationRow } from '../../../shared/rpc/valuation';
import { useToast } from '../ui/toast';
import { Icon } from '../ui/icons';
import { EmptyState, ErrorPanel, Loading, Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { useReferenceLists } from './use-reference-lists';
import { useCaseEstimate, useCaseValuationInputs } from './use-case-valuations';
import { ValuationTable } from './valuation-table';
import { BulkAssignDialog } from './bulk-assign-dialog';
import { ValuationDetailDialog } from './valuation-detail-dialog';
import { AssumptionCard } from './assumption-card';
import { EstimateCharts } from './estimate-charts';
import { ContextPanel } from './context-panel';
import { MethodologyPanel } from './methodology-panel';
import { fullRange, NOT_VALUED_YET, shortAmount } from './format';
import './valuation.css';

/** Props of {@link ValuationTab}. */
export interface ValuationTabProps {
  workspaceId: string;
  caseId: string;
  caseDoc: CaseDoc;
  seizures: Seizure[];
  writer: Writer;
  readOnly: boolean;
}

type Show = 'all' | 'valued' | 'open';

/** Rows rendered at first and added per "Show more". */
const PAGE = 300;

/** Up to this many seizures the methodology statement is written at once and kept up to date. */
const AUTO_STATEMENT_MAX = 1000;

/** The Valuation tab. */
export function ValuationTab(props: ValuationTabProps): ReactNode {
  const { workspaceId, caseId, writer, readOnly } = props;
  const toast = useToast();
  const lists = useReferenceLists(workspaceId);
  const inputs = useCaseValuationInputs(workspaceId, caseId);
  const est = useCaseEstimate(workspaceId, caseId, inputs?.version ?? 0, lists?.version ?? 0);
  const [bulk, setBulk] = useState(false);
  const [detail, setDetail] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [limit, setLimit] = useState(PAGE);
  const data = est.data;
  const prices = lists?.prices ?? [];

  const rows = useMemo(() => {
    if (!data) return [];
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return data.seizures.filter((r) => {
      if (show === 'valued' && r.status !== 'valued') return false;
      if (show === 'open' && r.status === 'valued') return false;
      const hay = `${r.commodity} ${r.taxon} ${r.place}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [data, filter, show]);

  const assign = (row: SeizureValuationRow, priceId: string | null): void => {
    if (!inputs) return;
    const mine = inputs.records.filter((r) => r.seizureId === row.seizureId);
    try {
      if (priceId === null) {
        for (const r of mine) inputs.cv.deleteValuation(r.id, writer);
      } else if (mine[0]) {
        inputs.cv.updateValuation(mine[0].id, { priceReferenceId: priceId, factor: mine[0].priceReferenceId === priceId ? mine[0].factor : null }, writer);
      } else {
        inputs.cv.addValuation(crypto.randomUUID(), { seizureId: row.seizureId, priceReferenceId: priceId, factor: null, notes: '' }, writer);
      }
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  if (est.error && !data) return <ErrorPanel error={est.error} onRetry={est.reload} />;
  if (!data || !lists || !inputs) return <Loading>Valuing the seizures…</Loading>;

  const detailRow = detail ? (data.seizures.find((r) => r.seizureId === detail) ?? null) : null;
  const rc = data.reportingCurrency;
  const noPrices = prices.length === 0;

  return (
    <div className="valuation" data-testid="valuation-tab">
      {data.staleRates ? (
        <Notice kind="warning" icon="alert">
          Some exchange rates used are more than a week older than the seizure dates they convert (the ECB data here ends on {formatIsoDate(data.rates.ecbLastDate)}).{' '}
          <a href={`#/w/${workspaceId}/rates`}>Import newer ECB rates</a> or enter a rate with its source.
        </Notice>
      ) : null}
      {data.invalidPriceReferences ? (
        <Notice kind="warning" icon="alert">
          {data.invalidPriceReferences} price reference{data.invalidPriceReferences === 1 ? ' is' : 's are'} not valid (for example low above high after two edits) and {data.invalidPriceReferences === 1 ? 'is' : 'are'} left out.{' '}
          <a href={`#/w/${workspaceId}/prices`}>Fix the price list</a>.
        </Notice>
      ) : null}

      <div className="val-summary">
        <section className="card val-total" aria-labelledby="val-total-title" data-testid="case-total">
          <div className="card-header">
            <h2 id="val-total-title">Estimated value of the seizures</h2>
            <span className="grow" />
            <span className="muted small">
              {formatCount(data.counts.valued)} of {formatCount(data.counts.seizures)} seizures valued
            </span>
          </div>
          <div className="card-body val-total-body">
            <div className="val-total-main">
              <span className="stat-label">Case total, low to high</span>
              {data.counts.valued === 0 ? (
                <span className="val-total-none" data-testid="case-total-usd">
                  {NOT_VALUED_YET}
                </span>
              ) : (
                <span className="val-total-usd" data-testid="case-total-usd">
                  {fullRange(data.total.usd)}
                </span>
              )}
              {rc !== 'USD' && data.counts.valued > 0 ? (
                <span className="val-total-reporting" data-testid="case-total-reporting">
                  {fullRange(data.total.reporting)} <span className="muted">(reporting currency)</span>
                </span>
              ) : null}
              <p className="muted small">The low total adds every seizure at its low value, the high total every seizure at its high value. Converted at each seizure’s date.</p>
            </div>
            <dl className="val-facts">
              <dt>Not valued</dt>
              <dd>
                {formatCount(data.counts.notValued)} without a price{data.counts.failed ? `, ${formatCount(data.counts.failed)} that could not be valued` : ''}
              </dd>
              <dt>Reported by the authorities</dt>
              <dd>
                {data.reportedUsd.count ? (
                  <>
                    {shortAmount(data.reportedUsd.amount, 'USD')} for {formatCount(data.reportedUsd.count)} of the valued seizures
                    <span className="cell-secondary">In USD at each seizure’s date; for comparison only, never added to the estimate</span>
                  </>
                ) : (
                  'No value reported for the valued seizures'
                )}
              </dd>
              <dt>Exchange rates</dt>
              <dd>
                ECB to {formatIsoDate(data.rates.ecbLastDate)}
                {data.rates.importedFiles ? ` (${data.rates.importedFiles} imported file${data.rates.importedFiles === 1 ? '' : 's'})` : ' (shipped)'}
              </dd>
            </dl>
          </div>
        </section>
        <AssumptionCard cv={inputs.cv} assumption={inputs.assumption} flow={data.flow} reportingCurrency={rc} writer={writer} readOnly={readOnly} />
      </div>

      <section className="table-card val-table-card" aria-labelledby="val-table-title">
        <div className="table-toolbar">
          <h2 id="val-table-title" className="toolbar-title">
            Seizures and their prices
          </h2>
          <div className="input-with-icon">
            <Icon name="search" />
            <input className="input input-sm" type="search" aria-label="Filter valuations" placeholder="Filter by commodity, species, place…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <select className="select select-sm filter-select" aria-label="Show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
            <option value="all">All seizures</option>
            <option value="valued">Valued</option>
            <option value="open">Not valued</option>
          </select>
          <span className="toolbar-count" aria-live="polite">
            {formatCount(rows.length)} of {formatCount(data.seizures.length)}
          </span>
          {readOnly ? null : (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setBulk(true)} disabled={noPrices || !props.seizures.length}>
              <Icon name="tag" size={14} /> Assign a price…
            </button>
          )}
        </div>
        {noPrices ? (
          <div className="val-hint">
            <Notice kind="info">
              The workspace has no price references yet. <a href={`#/w/${workspaceId}/prices`}>Add prices</a> (each with its source), then assign them to seizures here.
            </Notice>
          </div>
        ) : null}
        {data.seizures.length === 0 ? (
          <EmptyState icon="table" title="No seizures to value">
            Record or import seizures first; each can then be valued at a unit price.
          </EmptyState>
        ) : (
          <>
            <ValuationTable
              rows={rows.length > limit ? rows.slice(0, limit) : rows}
              quotes={data.quotes}
              reportingCurrency={rc}
              prices={prices}
              readOnly={readOnly}
              onAssign={assign}
              onDetails={(r) => setDetail(r.seizureId)}
            />
            {rows.length > limit ? (
              <div className="table-more">
                <span className="muted small">
                  Showing {formatCount(limit)} of {formatCount(rows.length)}
                </span>
                <button type="button" className="btn btn-sm" onClick={() => setLimit((l) => l + PAGE)}>
                  Show more
                </button>
              </div>
            ) : null}
          </>
        )}
      </section>

      <EstimateCharts bySector={data.bySector} byYear={data.byYear} reportingCurrency={rc} valued={data.counts.valued} />

      <ContextPanel figures={data.context} disclaimer={data.contextDisclaimer} />

      <MethodologyPanel workspaceId={workspaceId} caseId={caseId} refreshKey={data} auto={data.seizures.length <= AUTO_STATEMENT_MAX} />

      {bulk ? (
        <BulkAssignDialog
          seizures={props.seizures}
          records={inputs.records}
          prices={prices}
          cv={inputs.cv}
          writer={writer}
          onClose={() => setBulk(false)}
          onDone={(n, p) => {
            setBulk(false);
            toast(`${p.commodity}: price assigned to ${formatCount(n)} seizure${n === 1 ? '' : 's'}`);
          }}
        />
      ) : null}
      {detailRow ? (
        <ValuationDetailDialog
          row={detailRow}
          quotes={data.quotes}
          reportingCurrency={rc}
          records={inputs.records}
          prices={prices}
          cv={inputs.cv}
          writer={writer}
          readOnly={readOnly}
          onClose={() => setDetail(null)}
        />
      ) : null}
    </div>
  );
}
