/**
 * The per-seizure valuation table of the Valuation tab: the seizure, the price assigned to it (a
 * menu; prices whose unit cannot be converted to the seizure's are disabled), the conversion
 * factor, the low–high estimate in USD and in the reporting currency each with the rate and its
 * date, the value the authorities reported beside it (never part of the estimate), and the
 * valuation's status with its warnings or the reason it failed.
 */
import type { ReactNode } from 'react';
import type { PriceReference } from '../../../shared/domain/price-reference';
import type { ConversionDto, RateQuoteDto, SeizureValuationRow } from '../../../shared/rpc/valuation';
import { countryLabel } from '../format/countries';
import { canConvert } from '../../../shared/valuation/units';
import { formatMoney, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { Icon } from '../ui/icons';
import { fullRange, priceOptionLabel, rateLine, rateParts, shortAmount, shortRange, unitSingular } from './format';

/** Props of {@link ValuationTable}. */
export interface ValuationTableProps {
  rows: SeizureValuationRow[];
  quotes: RateQuoteDto[];
  reportingCurrency: string;
  prices: PriceReference[];
  readOnly: boolean;
  onAssign: (row: SeizureValuationRow, priceId: string | null) => void;
  onDetails: (row: SeizureValuationRow) => void;
}

/** Why `price` cannot value `row`, or null when it can. */
export function incompatibility(row: { quantity: number | null; unit: string }, price: { unit: string }): string | null {
  if (row.quantity === null) return 'no quantity recorded';
  if (!canConvert(row.unit as PriceReference['unit'], price.unit as PriceReference['unit'])) return `priced per ${unitSingular(price.unit)}, seized in ${row.unit}`;
  return null;
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
  if (row.status === 'not-valued') return <span className="val-status val-status-none">No price</span>;
  if (row.status === 'failed') {
    const why = row.valuations.flatMap((v) => v.problems.map((p) => p.message)).join(' ');
    return (
      <span className="val-status val-status-failed" title={why}>
        <Icon name="alert" size={13} /> Not valued
      </span>
    );
  }
  const warnings = row.valuations.flatMap((v) => v.warnings);
  return warnings.length ? (
    <span className="val-status val-status-warn" title={warnings.map((w) => w.message).join('\n')}>
      <Icon name="alert" size={13} /> {warnings.length} note{warnings.length === 1 ? '' : 's'}
    </span>
  ) : (
    <span className="val-status val-status-ok">
      <Icon name="check" size={13} /> Valued
    </span>
  );
}

/** The valuation table. */
export function ValuationTable(props: ValuationTableProps): ReactNode {
  const { quotes, reportingCurrency } = props;
  const showReporting = reportingCurrency !== 'USD';
  return (
    <div className="table-scroll">
      <table className="data-table valuation-table" aria-label="Seizure valuations">
        <thead>
          <tr>
            <th scope="col">
              <span className="th-label">Seizure</span>
            </th>
            <th scope="col" className="col-price">
              <span className="th-label">Unit price and factor</span>
            </th>
            <th scope="col" className="col-num">
              <span className="th-label">Estimate (USD)</span>
            </th>
            {showReporting ? (
              <th scope="col" className="col-num">
                <span className="th-label">Estimate ({reportingCurrency})</span>
              </th>
            ) : null}
            <th scope="col" className="col-num col-reported">
              <span className="th-label">Reported value</span>
            </th>
            <th scope="col" className="col-status">
              <span className="th-label">Status</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const first = row.valuations[0];
            const ok = first?.ok ? first : null;
            const current = first?.priceReferenceId ?? '';
            const known = props.prices.some((p) => p.id === current);
            return (
              <tr key={row.seizureId} data-seizure-id={row.seizureId} data-status={row.status}>
                <td className="col-seizure">
                  <span className="cell-secondary val-date">{formatSeizureDate(row.date, row.datePrecision)}</span>
                  <span className="cell-primary">{row.commodity}</span>
                  <span className="cell-secondary">
                    {formatQuantity(row.quantity, row.unit)} · {row.place || countryLabel(row.country)}
                  </span>
                </td>
                <td className="col-price">
                  {props.readOnly ? (
                    <span className="cell-primary">{first ? (props.prices.find((p) => p.id === current)?.commodity ?? 'Price no longer in the list') : '—'}</span>
                  ) : (
                    <select
                      className="select select-sm val-price-select"
                      aria-label={`Price for ${row.commodity}, ${row.date}`}
                      value={current}
                      onChange={(e) => props.onAssign(row, e.target.value || null)}
                    >
                      <option value="">— No price —</option>
                      {current && !known ? <option value={current}>Price no longer in the list</option> : null}
                      {props.prices.map((p) => {
                        const why = incompatibility(row, p);
                        return (
                          <option key={p.id} value={p.id} disabled={Boolean(why) && p.id !== current}>
                            {priceOptionLabel(p)}
                            {why ? ` (${why})` : ''}
                          </option>
                        );
                      })}
                    </select>
                  )}
                  {first?.factor ? (
                    <span className="cell-secondary val-factor">
                      × {first.factor.low === first.factor.high ? first.factor.low : `${first.factor.low}–${first.factor.high}`} ({first.factor.label})
                    </span>
                  ) : null}
                  {ok?.inPriceCurrency && ok.inPriceCurrency.currency !== 'USD' ? <span className="cell-secondary">= {shortRange(ok.inPriceCurrency)}</span> : null}
                  {row.valuations.length > 1 ? <span className="cell-secondary">+ {row.valuations.length - 1} alternative price{row.valuations.length === 2 ? '' : 's'}</span> : null}
                </td>
                <td className="col-num">
                  {row.estimate ? (
                    <>
                      <span className="cell-primary val-range" title={fullRange(row.estimate.usd)}>
                        {shortRange(row.estimate.usd)}
                      </span>
                      {ok?.usd ? <RateLine c={ok.usd} quotes={quotes} /> : null}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {showReporting ? (
                  <td className="col-num">
                    {row.estimate ? (
                      <>
                        <span className="cell-primary val-range" title={fullRange(row.estimate.reporting)}>
                          {shortRange(row.estimate.reporting)}
                        </span>
                        {ok?.reporting ? <RateLine c={ok.reporting} quotes={quotes} /> : null}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
                <td className="col-num col-reported">
                  {row.reported ? (
                    <>
                      <span className="val-reported">{formatMoney(row.reported.amount, row.reported.currency)}</span>
                      {row.reported.usd && row.reported.currency !== 'USD' ? (
                        <span className="cell-secondary" title={rateLine(row.reported.usd, quotes)}>
                          ≈ {shortAmount(row.reported.usd.range.low, 'USD')}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="col-status">
                  <span className="val-status-cell">
                    <Status row={row} />
                    <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Valuation details: ${row.commodity}, ${row.date}`} title="Details" onClick={() => props.onDetails(row)}>
                      <Icon name="chevron-right" size={15} />
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
