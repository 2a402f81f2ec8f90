/**
 * The two breakdown charts of an estimate, side by side: totals by crime sector (horizontal bars
 * in the sector colours) and by year of seizure (columns), each a bars-with-whiskers range chart
 * with its values in a table, in USD or in the reporting currency. When no seizure is valued there
 * is nothing to chart: an empty state says so, instead of axes with zero bars.
 */
import { useState, type ReactNode } from 'react';
import type { RangeGroupDto } from '../../../shared/rpc/valuation';
import { t } from '../../../shared/messages';
import { RangeChart } from './range-chart';
import { EmptyState } from '../ui/states';
import './estimate-charts.css';

/** Props of {@link EstimateCharts}. */
export interface EstimateChartsProps {
  bySector: RangeGroupDto[];
  byYear: RangeGroupDto[];
  reportingCurrency: string;
  /** How many seizures are valued; with none the charts give way to an empty state. */
  valued: number;
}

/** The sector and year charts. */
export function EstimateCharts(props: EstimateChartsProps): ReactNode {
  const [currency, setCurrency] = useState<'usd' | 'reporting'>('usd');
  const code = currency === 'usd' ? 'USD' : props.reportingCurrency;
  const bars = (groups: RangeGroupDto[], tone: (g: RangeGroupDto) => string): Parameters<typeof RangeChart>[0]['bars'] =>
    groups.map((g) => {
      const r = currency === 'usd' ? g.usd : g.reporting;
      return { key: g.key, label: g.label, low: r.low, high: r.high, count: g.count, tone: tone(g) };
    });
  return (
    <section className="card val-charts" aria-labelledby="val-charts-title" data-testid="valuation-charts">
      <div className="card-header">
        <h2 id="val-charts-title">{t('valuation.charts.title')}</h2>
        <span className="grow" />
        {props.reportingCurrency !== 'USD' && props.valued > 0 ? (
          <div className="segmented" role="group" aria-label={t('valuation.charts.currency')}>
            <button type="button" className="segmented-option" aria-pressed={currency === 'usd'} onClick={() => setCurrency('usd')}>
              USD
            </button>
            <button type="button" className="segmented-option" aria-pressed={currency === 'reporting'} onClick={() => setCurrency('reporting')}>
              {props.reportingCurrency}
            </button>
          </div>
        ) : null}
      </div>
      {props.valued === 0 || (props.bySector.length === 0 && props.byYear.length === 0) ? (
        <EmptyState icon="chart" title={t('valuation.charts.empty-title')}>
          {t('valuation.charts.empty-text')}
        </EmptyState>
      ) : (
      <div className="card-body val-charts-grid">
        <RangeChart title={t('valuation.charts.by-sector', { currency: code })} categoryLabel={t('valuation.charts.sector')} currency={code} orientation="horizontal" testId="chart-sector" bars={bars(props.bySector, (g) => `rc-sector-${g.key}`)} />
        <RangeChart title={t('valuation.charts.by-year', { currency: code })} categoryLabel={t('valuation.charts.year')} currency={code} orientation="vertical" testId="chart-year" bars={bars(props.byYear, () => 'rc-accent')} />
      </div>
      )}
    </section>
  );
}
