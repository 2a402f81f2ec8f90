/**
 * A bars-with-whiskers chart of estimate ranges, drawn as React-rendered SVG (no chart library, no
 * inline style: fills come from CSS classes, so it works under `style-src 'self'`). Each group's
 * solid bar runs from zero to its low estimate and its whisker from the low to the high estimate,
 * so the certain part and the uncertain part read differently; nothing is drawn at a midpoint.
 *
 * Accessible: the SVG is an image labelled by its <title> and <desc> (which states every value),
 * each bar carries its own <title>, the axes are labelled, and the same values are in a table
 * under the chart.
 */
import { useId, type ReactNode } from 'react';
import { formatMoneyRange, formatRangeEnds } from '../../../shared/valuation/money';
import { t } from '../../../shared/messages';
import { formatCount } from '../format/numbers';
import { shortAmount, shortRange } from './format';
import './range-chart.css';

/** One bar: a group (sector or year) with its range in `currency` over `count` seizures. */
export interface RangeChartBar {
  key: string;
  label: string;
  low: number;
  high: number;
  count: number;
  /** CSS class giving the bar its colour (e.g. "rc-sector-wildlife"); default accent. */
  tone?: string;
}

/** Props of {@link RangeChart}. */
export interface RangeChartProps {
  title: string;
  /** What the bars are: "Crime sector", "Year of seizure". */
  categoryLabel: string;
  currency: string;
  bars: RangeChartBar[];
  /** Horizontal bars (long labels, e.g. sectors) or vertical columns (e.g. years). */
  orientation: 'horizontal' | 'vertical';
  /** Test hook and anchor. */
  testId?: string;
}

/** A "nice" axis maximum and step for values up to `max` (1, 2, 2.5 or 5 × 10^n steps, 4–6 ticks). */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.25 };
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

const H = { width: 640, rowHeight: 34, labelWidth: 150, top: 12, bottom: 44, right: 110 };
const V = { width: 640, height: 280, left: 64, top: 16, bottom: 58, right: 12 };

/** The chart, its legend and its table of values. */
export function RangeChart(props: RangeChartProps): ReactNode {
  const id = useId();
  const { bars, currency } = props;
  const scale = niceScale(Math.max(0, ...bars.map((b) => b.high)));
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  const desc = bars.map((b) => t('valuation.charts.bar', { label: b.label, range: formatMoneyRange({ low: b.low, high: b.high, currency }), count: b.count })).join('; ');
  const axisTitle = t('valuation.charts.axis', { currency });
  const barTitle = (b: RangeChartBar): string => t('valuation.charts.bar-title', { label: b.label, range: formatMoneyRange({ low: b.low, high: b.high, currency }), count: b.count });

  let svg: ReactNode;
  if (props.orientation === 'horizontal') {
    const plotW = H.width - H.labelWidth - H.right;
    // Few bars get taller rows, so a chart of 3 sectors does not look like a strip.
    const rowHeight = bars.length <= 4 ? 52 : H.rowHeight;
    const height = H.top + bars.length * rowHeight + H.bottom;
    const x = (v: number): number => H.labelWidth + (v / scale.max) * plotW;
    svg = (
      <svg className="range-chart-svg" viewBox={`0 0 ${H.width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-testid={props.testId}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {ticks.map((t) => (
          <g key={t} className="rc-tick">
            <line x1={x(t)} x2={x(t)} y1={H.top} y2={H.top + bars.length * rowHeight} className="rc-grid" />
            <text x={x(t)} y={H.top + bars.length * rowHeight + 16} textAnchor="middle" className="rc-tick-label">
              {t === 0 ? '0' : shortAmount(t, '').trim()}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const cy = H.top + i * rowHeight + rowHeight / 2;
          return (
            <g key={b.key} className={`rc-bar ${b.tone ?? 'rc-accent'}`} data-bar={b.key}>
              <title>{barTitle(b)}</title>
              <text x={H.labelWidth - 10} y={cy + 4} textAnchor="end" className="rc-cat-label">
                {b.label}
              </text>
              <rect x={x(0)} y={cy - (bars.length <= 4 ? 11 : 9)} width={Math.max(1, x(b.low) - x(0))} height={bars.length <= 4 ? 22 : 18} rx={2} className="rc-fill" />
              <line x1={x(b.low)} x2={x(b.high)} y1={cy} y2={cy} className="rc-whisker" />
              <line x1={x(b.high)} x2={x(b.high)} y1={cy - 7} y2={cy + 7} className="rc-whisker" />
              <line x1={x(b.low)} x2={x(b.low)} y1={cy - 7} y2={cy + 7} className="rc-whisker" />
              <text x={x(b.high) + 8} y={cy + 4} className="rc-value-label">
                {shortRange({ low: b.low, high: b.high, currency: '' }).trim()}
              </text>
            </g>
          );
        })}
        <line x1={x(0)} x2={x(0)} y1={H.top} y2={H.top + bars.length * rowHeight} className="rc-axis" />
        <text x={H.labelWidth + plotW / 2} y={height - 8} textAnchor="middle" className="rc-axis-title">
          {axisTitle}
        </text>
      </svg>
    );
  } else {
    const plotH = V.height - V.top - V.bottom;
    const plotW = V.width - V.left - V.right;
    const slot = plotW / Math.max(1, bars.length);
    const barW = Math.min(36, slot * 0.56);
    const y = (v: number): number => V.top + plotH - (v / scale.max) * plotH;
    svg = (
      <svg className="range-chart-svg" viewBox={`0 0 ${V.width} ${V.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-testid={props.testId}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {ticks.map((t) => (
          <g key={t} className="rc-tick">
            <line x1={V.left} x2={V.left + plotW} y1={y(t)} y2={y(t)} className="rc-grid" />
            <text x={V.left - 8} y={y(t) + 4} textAnchor="end" className="rc-tick-label">
              {t === 0 ? '0' : shortAmount(t, '').trim()}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const cx = V.left + slot * i + slot / 2;
          return (
            <g key={b.key} className={`rc-bar ${b.tone ?? 'rc-accent'}`} data-bar={b.key}>
              <title>{barTitle(b)}</title>
              <rect x={cx - barW / 2} y={y(b.low)} width={barW} height={Math.max(1, y(0) - y(b.low))} rx={2} className="rc-fill" />
              <line x1={cx} x2={cx} y1={y(b.high)} y2={y(b.low)} className="rc-whisker" />
              <line x1={cx - barW / 3} x2={cx + barW / 3} y1={y(b.high)} y2={y(b.high)} className="rc-whisker" />
              <line x1={cx - barW / 3} x2={cx + barW / 3} y1={y(b.low)} y2={y(b.low)} className="rc-whisker" />
              <text x={cx} y={V.top + plotH + 18} textAnchor="middle" className="rc-cat-label">
                {b.label}
              </text>
            </g>
          );
        })}
        <line x1={V.left} x2={V.left + plotW} y1={y(0)} y2={y(0)} className="rc-axis" />
        <text x={V.left + plotW / 2} y={V.height - 10} textAnchor="middle" className="rc-axis-title">
          {t('valuation.charts.axis-with-category', { category: props.categoryLabel, axis: axisTitle })}
        </text>
      </svg>
    );
  }

  return (
    <figure className="range-chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="range-chart-caption">
        <span className="range-chart-title">{props.title}</span>
        <span className="range-chart-legend" aria-hidden="true">
          <span className="legend-bar" /> {t('valuation.charts.legend-low')}
          <span className="legend-whisker" /> {t('valuation.charts.legend-range')}
        </span>
      </figcaption>
      {bars.length ? svg : <p className="muted small range-chart-empty">{t('valuation.charts.none')}</p>}
      {bars.length ? (
        <table className="data-table range-chart-table" aria-label={t('valuation.charts.values', { title: props.title })}>
          <thead>
            <tr>
              <th scope="col">
                <span className="th-label">{props.categoryLabel}</span>
              </th>
              <th scope="col" className="col-num">
                <span className="th-label">{t('valuation.charts.col-seizures')}</span>
              </th>
              <th scope="col" className="col-num">
                <span className="th-label">{t('valuation.charts.col-low', { currency })}</span>
              </th>
              <th scope="col" className="col-num">
                <span className="th-label">{t('valuation.charts.col-high', { currency })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key} title={shortRange({ low: b.low, high: b.high, currency })}>
                <th scope="row">{b.label}</th>
                <td className="col-num">{formatCount(b.count)}</td>
                <td className="col-num">{formatRangeEnds(b)[0]}</td>
                <td className="col-num">{formatRangeEnds(b)[1]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}
