/**
 * The per-seizure valuation table of the Valuation tab: the seizure, the price assigned to it (a
 * menu; prices whose unit cannot be converted to the seizure's are disabled), the conversion
 * factor, the low–high estimate in USD and in the reporting currency each with the rate and its
 * date, the value the authorities reported beside it (never part of the estimate), and the
 * valuation's status with its warnings or the reason it failed.
 */
import type { ReactNode, Ref } from 'react';
import type { PriceReference } from '../../../shared/domain/price-reference';
import type { ConversionDto, MoneyRangeDto, RateQuoteDto, SeizureValuationRow, ValuationDto, ValuationRowSort } from '../../../shared/rpc/valuation';
import type { Factor } from '../../../shared/domain/seizure-valuation';
import { t } from '../../../shared/messages';
import { countryLabel } from '../format/countries';
import { canConvert } from '../../../shared/valuation/units';
import { formatMoney, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { DataTable, type Column, type VirtualWindow } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { fullRange, priceOptionLabel, rateLine, rateParts, shortAmount, shortRange, unitSingular } from './format';
import type { ValuationRowItem } from './use-valuation-window';
import './valuation-table.css';

/** Props of {@link ValuationTable}. */
export interface ValuationTableProps {
  /** The rows to draw (with `virtual`: only those in view), each with its page's quotes. */
  rows: readonly ValuationRowItem[];
  reportingCurrency: string;
  /** The order (the data service sorts; a header click asks for another). */
  sort: { key: ValuationRowSort; dir: 'asc' | 'desc' };
  onSort: (key: ValuationRowSort) => void;
  /** Virtual scrolling (ui/use-virtual-rows.ts): where `rows` sit among all matching rows. */
  virtual: VirtualWindow;
  scrollRef: Ref<HTMLDivElement>;
  onScroll: () => void;
  prices: PriceReference[];
  readOnly: boolean;
  onAssign: (row: SeizureValuationRow, priceId: string | null) => void;
  onDetails: (row: SeizureValuationRow) => void;
}

/** Why `price` cannot value `row`, or null when it can. */
export function incompatibility(row: { quantity: number | null; unit: string | null }, price: { unit: string }): string | null {
  if (row.quantity === null || row.unit === null) return t('valuation.table.no-quantity');
  if (!canConvert(row.unit as PriceReference['unit'], price.unit as PriceReference['unit'])) return t('valuation.table.incompatible', { priceUnit: unitSingular(price.unit), unit: row.unit });
  return null;
}

/** "× 1–1.43 (worked to raw ivory equivalent)": a conversion factor with its label. */
export function factorText(f: Factor): string {
  return t('valuation.table.factor', { factor: f.low === f.high ? String(f.low) : `${f.low}–${f.high}`, label: f.label });
}

/** The rate behind a figure on two lines that keep their words together: "1 USD = 1.3593 SGD ·" / "ECB 19 Jul 2019 (2 days before)". */
function RateLine(props: { c: ConversionDto; quotes: readonly RateQuoteDto[] }): ReactNode {
  const [rate, source] = rateParts(props.c, props.quotes);
  return (
    <span className={`cell-secondary val-rate${props.c.stale ? ' val-stale' : ''}`}>
      <span className="nowrap">{source ? `${rate} ·` : rate}</span>
      {source ? (
        <>
          {' '}
          <span className="nowrap">{source}</span>
        </>
      ) : null}
    </span>
  );
}

function Status(props: { row: SeizureValuationRow }): ReactNode {
  const { row } = props;
  if (row.status === 'not-valued') return <span className="val-status val-status-none">{t('valuation.table.status-none')}</span>;
  if (row.status === 'failed') {
    const why = row.valuations.flatMap((v) => v.problems.map((p) => p.message)).join(' ');
    return (
      <span className="val-status val-status-failed" title={why}>
        <Icon name="alert" size={13} /> {t('valuation.table.status-failed')}
      </span>
    );
  }
  const warnings = row.valuations.flatMap((v) => v.warnings);
  return warnings.length ? (
    <span className="val-status val-status-warn" title={warnings.map((w) => w.message).join('\n')}>
      <Icon name="alert" size={13} /> {t('valuation.table.status-notes', { count: warnings.length })}
    </span>
  ) : (
    <span className="val-status val-status-ok">
      <Icon name="check" size={13} /> {t('valuation.table.status-ok')}
    </span>
  );
}

/** The price menu of a row (or the assigned price's name when read-only), its factor and alternatives. */
function PriceCell(props: { row: SeizureValuationRow } & Pick<ValuationTableProps, 'prices' | 'readOnly' | 'onAssign'>): ReactNode {
  const { row } = props;
  const first = row.valuations[0];
  const ok = first?.ok ? first : null;
  const current = first?.priceReferenceId ?? '';
  const known = props.prices.some((p) => p.id === current);
  return (
    <>
      {props.readOnly ? (
        <span className="cell-primary">{first ? (props.prices.find((p) => p.id === current)?.commodity ?? t('valuation.table.price-gone')) : t('valuation.common.none')}</span>
      ) : (
        <select
          className="select select-sm val-price-select"
          aria-label={t('valuation.table.price-for', { commodity: row.commodity, date: row.date })}
          value={current}
          onChange={(e) => props.onAssign(row, e.target.value || null)}
        >
          <option value="">{t('valuation.table.no-price-option')}</option>
          {current && !known ? <option value={current}>{t('valuation.table.price-gone')}</option> : null}
          {props.prices.map((p) => {
            const why = incompatibility(row, p);
            return (
              <option key={p.id} value={p.id} disabled={Boolean(why) && p.id !== current}>
                {why ? t('valuation.table.option-why', { label: priceOptionLabel(p), why }) : priceOptionLabel(p)}
              </option>
            );
          })}
        </select>
      )}
      {first?.factor ? <span className="cell-secondary val-factor">{factorText(first.factor)}</span> : null}
      {ok?.inPriceCurrency && ok.inPriceCurrency.currency !== 'USD' ? <span className="cell-secondary">= {shortRange(ok.inPriceCurrency)}</span> : null}
      {row.valuations.length > 1 ? <span className="cell-secondary">{t('valuation.table.alternatives', { count: row.valuations.length - 1 })}</span> : null}
    </>
  );
}

/** An estimate in one currency, with the rate behind it; a dash when the seizure has none. */
function EstimateCell(props: { range: MoneyRangeDto | undefined; conversion: ConversionDto | null | undefined; quotes: readonly RateQuoteDto[] }): ReactNode {
  if (!props.range) return <span className="muted">{t('valuation.common.none')}</span>;
  return (
    <>
      <span className="cell-primary val-range" title={fullRange(props.range)}>
        {shortRange(props.range)}
      </span>
      {props.conversion ? <RateLine c={props.conversion} quotes={props.quotes} /> : null}
    </>
  );
}

/** The value the authorities reported, with its USD equivalent; never part of the estimate. */
function ReportedCell(props: { row: SeizureValuationRow; quotes: readonly RateQuoteDto[] }): ReactNode {
  const r = props.row.reported;
  if (!r) return <span className="muted">{t('valuation.common.none')}</span>;
  return (
    <>
      <span className="val-reported">{formatMoney(r.amount, r.currency)}</span>
      {r.usd && r.currency !== 'USD' ? (
        <span className="cell-secondary" title={rateLine(r.usd, props.quotes)}>
          ≈ {shortAmount(r.usd.range.low, 'USD')}
        </span>
      ) : null}
    </>
  );
}

/** The valuation table. */
export function ValuationTable(props: ValuationTableProps): ReactNode {
  const { reportingCurrency } = props;
  const okOf = (row: SeizureValuationRow): ValuationDto | null => (row.valuations[0]?.ok ? row.valuations[0] : null);
  const columns: (Column<ValuationRowItem, ValuationRowSort> | false)[] = [
    {
      id: 'seizure',
      header: t('valuation.table.col-seizure'),
      className: 'col-seizure',
      sortKey: 'date',
      cell: ({ row }) => (
        <>
          <span className="cell-secondary val-date">{formatSeizureDate(row.date, row.datePrecision)}</span>
          <span className="cell-primary">{row.commodity}</span>
          <span className="cell-secondary">
            {formatQuantity(row.quantity, row.unit)} · {row.place || countryLabel(row.country)}
          </span>
        </>
      ),
    },
    {
      id: 'price',
      header: t('valuation.table.col-price'),
      className: 'col-price',
      headerClassName: 'col-price',
      cell: ({ row }) => <PriceCell row={row} prices={props.prices} readOnly={props.readOnly} onAssign={props.onAssign} />,
    },
    { id: 'usd', header: t('valuation.common.estimate-usd'), numeric: true, sortKey: 'estimate', cell: ({ row, quotes }) => <EstimateCell range={row.estimate?.usd} conversion={okOf(row)?.usd} quotes={quotes} /> },
    reportingCurrency !== 'USD' && {
      id: 'reporting',
      header: t('valuation.common.estimate-in', { currency: reportingCurrency }),
      numeric: true,
      cell: ({ row, quotes }) => <EstimateCell range={row.estimate?.reporting} conversion={okOf(row)?.reporting} quotes={quotes} />,
    },
    { id: 'reported', header: t('valuation.table.col-reported'), numeric: true, sortKey: 'reported', className: 'col-reported', headerClassName: 'col-reported', cell: ({ row, quotes }) => <ReportedCell row={row} quotes={quotes} /> },
    {
      id: 'status',
      header: t('valuation.table.col-status'),
      className: 'col-status',
      headerClassName: 'col-status',
      cell: ({ row }) => (
        <span className="val-status-cell">
          <Status row={row} />
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-sm"
            aria-label={t('valuation.table.details', { commodity: row.commodity, date: row.date })}
            title={t('valuation.table.details-tip')}
            onClick={() => props.onDetails(row)}
          >
            <Icon name="chevron-right" size={15} />
          </button>
        </span>
      ),
    },
  ];
  return (
    <DataTable
      label={t('valuation.table.label')}
      className="valuation-table"
      rows={props.rows}
      rowKey={({ row }) => row.seizureId}
      rowAttributes={({ row }) => ({ 'data-seizure-id': row.seizureId, 'data-status': row.status })}
      columns={columns}
      sort={props.sort}
      onSort={props.onSort}
      virtual={props.virtual}
      scrollRef={props.scrollRef}
      onScroll={props.onScroll}
    />
  );
}
