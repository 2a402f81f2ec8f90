/**
 * The case's Valuation tab: the estimated value of the case's seizures as honest ranges. At the top
 * the case total (USD and the reporting currency), what was not valued, and the reported values
 * beside it (never added); the undetected-flow assumption; the per-seizure table where prices are
 * assigned (one by one, or by commodity with "Assign a price"); bars-with-whiskers charts by sector
 * and by year; the published UNEP-INTERPOL context; and the methodology statement for the case pack.
 *
 * Inputs are written to the case doc replica (`CaseValuations`); the figures come from the data
 * service (`valuation.case`, over every live seizure of the case, volumes included), which holds the
 * exchange rates, and refresh as the inputs change; the table's rows come a page at a time
 * (valuation-rows-card.tsx, `valuation.caseRows`).
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { SeizureValuationRow } from '../../../shared/rpc/valuation';
import { t } from '../../../shared/messages';
import { useToast } from '../ui/toast';
import { ErrorPanel, Loading, Notice } from '../ui/states';
import { formatIsoDate } from '../format/dates';
import { useReferenceLists } from './use-reference-lists';
import { useCaseEstimate, useCaseValuationInputs } from './use-case-valuations';
import { BulkAssignDialog } from './bulk-assign-dialog';
import { servedSeizureEnds } from '../case/served-seizure-ends';
import { ValuationRowsCard } from './valuation-rows-card';
import { AssumptionCard } from './assumption-card';
import { EstimateCharts } from './estimate-charts';
import { ContextPanel } from './context-panel';
import { MethodologyPanel } from './methodology-panel';
import { fullRange, notValuedYet, shortAmount } from './format';
import './valuation-common.css';
import './valuation-total.css';

/** Props of {@link ValuationTab}. */
export interface ValuationTabProps {
  workspaceId: string;
  caseId: string;
  caseDoc: CaseDoc;
  writer: Writer;
  readOnly: boolean;
}

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
  const data = est.data;
  const prices = lists?.prices ?? [];

  const assign = (row: SeizureValuationRow, priceId: string | null): void => {
    if (!inputs) return;
    const mine = inputs.records.filter((r) => r.seizureId === row.seizureId);
    try {
      if (priceId === null) {
        for (const r of mine) inputs.cv.deleteValuation(r.id, writer);
      } else if (mine[0]) {
        inputs.cv.updateValuation(mine[0].id, { priceReferenceId: priceId, factor: mine[0].priceReferenceId === priceId ? mine[0].factor : null }, writer);
      } else {
        // The row came from the service's projection (`valuation.caseRows`): a live seizure, case doc or volume.
        inputs.cv.addValuation(crypto.randomUUID(), { seizureId: row.seizureId, priceReferenceId: priceId, factor: null, notes: '' }, writer, servedSeizureEnds([row.seizureId]));
      }
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  if (est.error && !data) return <ErrorPanel error={est.error} onRetry={est.reload} />;
  if (!data || !lists || !inputs) return <Loading>{t('valuation.tab.loading')}</Loading>;

  const rc = data.reportingCurrency;
  const noPrices = prices.length === 0;

  return (
    <div className="valuation" data-testid="valuation-tab">
      {data.staleRates ? (
        <Notice kind="warning" icon="alert">
          {t('valuation.tab.stale', { date: formatIsoDate(data.rates.ecbLastDate) })} <a href={`#/w/${workspaceId}/rates`}>{t('valuation.common.stale-import')}</a>{' '}
          {t('valuation.tab.stale-or')}
        </Notice>
      ) : null}
      {data.invalidPriceReferences ? (
        <Notice kind="warning" icon="alert">
          {t('valuation.tab.invalid-prices', { count: data.invalidPriceReferences })} <a href={`#/w/${workspaceId}/prices`}>{t('valuation.tab.fix-prices')}</a>.
        </Notice>
      ) : null}

      <div className="val-summary">
        <section className="card val-total" aria-labelledby="val-total-title" data-testid="case-total">
          <div className="card-header">
            <h2 id="val-total-title">{t('valuation.tab.total-title')}</h2>
            <span className="grow" />
            <span className="muted small">
              {t('valuation.tab.valued-count', { valued: data.counts.valued, count: data.counts.seizures })}
            </span>
          </div>
          <div className="card-body val-total-body">
            <div className="val-total-main">
              <span className="stat-label">{t('valuation.tab.case-total')}</span>
              {data.counts.valued === 0 ? (
                <span className="val-total-none" data-testid="case-total-usd">
                  {notValuedYet()}
                </span>
              ) : (
                <span className="val-total-usd" data-testid="case-total-usd">
                  {fullRange(data.total.usd)}
                </span>
              )}
              {rc !== 'USD' && data.counts.valued > 0 ? (
                <span className="val-total-reporting" data-testid="case-total-reporting">
                  {fullRange(data.total.reporting)} <span className="muted">{t('valuation.tab.reporting')}</span>
                </span>
              ) : null}
              <p className="muted small">{t('valuation.tab.total-note')}</p>
            </div>
            <dl className="val-facts">
              <dt>{t('valuation.tab.not-valued')}</dt>
              <dd>
                {t('valuation.tab.not-valued-count', { count: data.counts.notValued, failed: data.counts.failed })}
              </dd>
              <dt>{t('valuation.tab.reported')}</dt>
              <dd>
                {data.reportedUsd.count ? (
                  <>
                    {t('valuation.tab.reported-value', { amount: shortAmount(data.reportedUsd.amount, 'USD'), count: data.reportedUsd.count })}
                    <span className="cell-secondary">{t('valuation.tab.reported-note')}</span>
                  </>
                ) : (
                  t('valuation.tab.no-reported')
                )}
                {data.reportedUsd.notValued.count ? (
                  <span className="cell-secondary" data-testid="reported-not-valued">
                    {t('valuation.tab.reported-not-valued', { amount: shortAmount(data.reportedUsd.notValued.amount, 'USD'), count: data.reportedUsd.notValued.count })}
                  </span>
                ) : null}
                {data.reportedUsd.unconverted + data.reportedUsd.notValued.unconverted ? (
                  <span className="cell-secondary">{t('valuation.tab.reported-unconverted', { count: data.reportedUsd.unconverted + data.reportedUsd.notValued.unconverted })}</span>
                ) : null}
              </dd>
              <dt>{t('valuation.tab.rates')}</dt>
              <dd>
                {t('valuation.tab.rates-value', { date: formatIsoDate(data.rates.ecbLastDate), files: data.rates.importedFiles })}
              </dd>
            </dl>
          </div>
        </section>
        <AssumptionCard cv={inputs.cv} assumption={inputs.assumption} flow={data.flow} reportingCurrency={rc} writer={writer} readOnly={readOnly} />
      </div>

      <ValuationRowsCard
        workspaceId={workspaceId}
        caseId={caseId}
        estimate={data}
        inputs={inputs}
        prices={prices}
        writer={writer}
        readOnly={readOnly}
        canBulk={!noPrices && data.counts.seizures > 0}
        onBulk={() => setBulk(true)}
        onAssign={assign}
      />

      <EstimateCharts bySector={data.bySector} byYear={data.byYear} reportingCurrency={rc} valued={data.counts.valued} />

      <ContextPanel figures={data.context} disclaimer={data.contextDisclaimer} />

      <MethodologyPanel workspaceId={workspaceId} caseId={caseId} refreshKey={data} auto={data.counts.seizures <= AUTO_STATEMENT_MAX} />

      {bulk ? (
        <BulkAssignDialog
          workspaceId={workspaceId}
          caseId={caseId}
          records={inputs.records}
          prices={prices}
          cv={inputs.cv}
          writer={writer}
          onClose={() => setBulk(false)}
          onDone={(n, p) => {
            setBulk(false);
            toast(t('valuation.tab.assigned', { commodity: p.commodity, count: n }));
          }}
        />
      ) : null}
    </div>
  );
}
