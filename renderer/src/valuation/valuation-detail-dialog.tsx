/**
 * One seizure's valuation in full: each price assigned to it (editable: price, conversion factor
 * with its label, notes; removable; an alternative price can be added, and the seizure's range is
 * then the envelope of all of them), and every figure with its inputs — the quantity in the
 * price's unit, the unit price and its source, the value in the price currency, each conversion
 * with the rates and their dates — beside the value the authorities reported, which is never part
 * of the estimate.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CaseValuations } from '../../../shared/docs/case-valuations';
import type { Writer } from '../../../shared/docs/records';
import { MARKET_LEVEL_LABELS, type PriceReference } from '../../../shared/domain/price-reference';
import { factorSchema, type ValuationRecord } from '../../../shared/domain/seizure-valuation';
import type { ConversionDto, RateQuoteDto, SeizureValuationRow, ValuationDto } from '../../../shared/rpc/valuation';
import { countryName } from '../../../shared/domain/iso';
import { countryLabel } from '../format/countries';
import { NestError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { CopyButton } from '../ui/copy-button';
import { ErrorPanel, Notice } from '../ui/states';
import { formatMoney, formatQuantity } from '../format/numbers';
import { formatIsoDate, formatSeizureDate } from '../format/dates';
import { parseDecimal } from '../forms/parse';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { fullRange, priceOptionLabel, quoteText, quotesOf, rateLine, unitPriceText } from './format';
import { factorText, incompatibility } from './valuation-table';
import './valuation-common.css';
import './valuation-detail-dialog.css';
import { servedSeizureEnds } from '../case/served-seizure-ends';

/** Props of {@link ValuationDetailDialog}. */
export interface ValuationDetailDialogProps {
  row: SeizureValuationRow;
  quotes: RateQuoteDto[];
  reportingCurrency: string;
  records: ValuationRecord[];
  prices: PriceReference[];
  cv: CaseValuations;
  writer: Writer;
  readOnly: boolean;
  onClose: () => void;
}

function Conversion(props: { label: string; c: ConversionDto; quotes: RateQuoteDto[] }): ReactNode {
  const qs = quotesOf(props.c, props.quotes).filter((q) => q.kind !== 'definition');
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        <strong>{fullRange(props.c.range)}</strong>
        {qs.length ? (
          <ul className="rate-legs">
            {qs.map((q) => (
              <li key={q.currency} className={q.stale ? 'val-stale' : undefined}>
                {quoteText(q, props.c.date)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="cell-secondary">{t('valuation.detail.no-conversion')}</span>
        )}
      </dd>
    </>
  );
}

function ValuationEditor(props: { record: ValuationRecord; result: ValuationDto | undefined; row: SeizureValuationRow } & Omit<ValuationDetailDialogProps, 'row' | 'records' | 'onClose'>): ReactNode {
  const { record, result, prices, row } = props;
  const [priceId, setPriceId] = useState(record.priceReferenceId);
  const [low, setLow] = useState(record.factor ? String(record.factor.low) : '');
  const [high, setHigh] = useState(record.factor ? String(record.factor.high) : '');
  const [label, setLabel] = useState(record.factor?.label ?? '');
  const [notes, setNotes] = useState(record.notes);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const price = prices.find((p) => p.id === record.priceReferenceId);

  const save = (ev: FormEvent): void => {
    ev.preventDefault();
    setSaved(false);
    let factor = null;
    if (low.trim() || high.trim() || label.trim()) {
      const l = parseDecimal(low, '1.2');
      const h = high.trim() ? parseDecimal(high, '1.5') : l;
      const e: FieldErrors = {};
      if (!l.ok) e.low = l.message;
      else if (l.value === null) e.low = t('valuation.form.factor-required');
      if (!h.ok) e.high = h.message;
      if (Object.keys(e).length) return setErrors(e);
      const lv = (l as { value: number }).value;
      const r = factorSchema.safeParse({ low: lv, high: (h as { value: number | null }).value ?? lv, label: label.trim() });
      if (!r.success) return setErrors(zodFieldErrors(r.error.issues));
      factor = r.data;
    }
    try {
      props.cv.updateValuation(record.id, { priceReferenceId: priceId, factor, notes }, props.writer);
      setErrors({});
      setSaved(true);
    } catch (err) {
      setErrors(err instanceof NestError && err.issues ? issueFieldErrors(err.issues) : { priceReferenceId: String(err instanceof Error ? err.message : err) });
    }
  };

  return (
    // Each price is its own form: Enter in one of its fields saves that price, and only that one.
    <form className="valuation-block" noValidate onSubmit={save}>
      <div className="form-grid">
        <Field label={t('valuation.bulk.price')} error={errors.priceReferenceId} className="span-all">
          {(c) => (
            <select {...c} className="select" value={priceId} disabled={props.readOnly} onChange={(e) => setPriceId(e.target.value)}>
              {!prices.some((p) => p.id === priceId) ? <option value={priceId}>{t('valuation.table.price-gone')}</option> : null}
              {prices.map((p) => {
                const why = incompatibility(row, p);
                return (
                  <option key={p.id} value={p.id} disabled={Boolean(why)}>
                    {why ? t('valuation.table.option-why', { label: priceOptionLabel(p), why }) : priceOptionLabel(p)}
                  </option>
                );
              })}
            </select>
          )}
        </Field>
        <Field label={t('valuation.detail.factor-low')} optional error={errors.low}>
          {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={low} disabled={props.readOnly} onChange={(e) => setLow(e.target.value)} />}
        </Field>
        <Field label={t('valuation.detail.factor-high')} optional error={errors.high}>
          {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={high} disabled={props.readOnly} onChange={(e) => setHigh(e.target.value)} />}
        </Field>
        <Field label={t('valuation.detail.converts')} error={errors.label} className="span-all" hint={t('valuation.detail.converts-hint')}>
          {(c) => <input {...c} className="input input-sm" value={label} disabled={props.readOnly} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Field label={t('valuation.common.notes')} optional error={errors.notes} className="span-all">
          {(c) => <input {...c} className="input input-sm" value={notes} disabled={props.readOnly} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
      </div>
      {props.readOnly ? null : (
        <div className="row valuation-actions">
          <button type="submit" className="btn btn-primary btn-sm">
            {t('valuation.detail.save')}
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => props.cv.deleteValuation(record.id, props.writer)}>
            <Icon name="trash" size={14} /> {t('valuation.detail.remove')}
          </button>
          {saved ? (
            <span className="muted small" role="status">
              {t('valuation.detail.saved')}
            </span>
          ) : null}
        </div>
      )}
      {price ? (
        <p className="valuation-source">
          <span className="cell-primary">{unitPriceText(price)}</span> ·{' '}
          {t('valuation.detail.where-when', {
            level: MARKET_LEVEL_LABELS[price.marketLevel],
            place: price.place,
            hasCountry: price.country ? 'yes' : 'no',
            country: price.country ? countryName(price.country) : '',
            date: formatIsoDate(price.date),
          })}
          <span className="cell-secondary">{t('valuation.detail.source', { title: price.citationTitle })}</span>
          {price.citationUrl ? (
            <span className="url-box">
              <span className="url-text">{price.citationUrl}</span>
              <CopyButton text={price.citationUrl} what={t('valuation.detail.copy-source')} />
            </span>
          ) : null}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="alert" role="alert">
          <Icon name="alert" />
          <div className="grow">
            <p className="alert-title">{t('valuation.detail.not-valued')}</p>
            {result.problems.map((p) => (
              <p key={p.code + p.message}>{p.message}</p>
            ))}
          </div>
        </div>
      ) : null}
      {result?.ok ? (
        <dl className="details valuation-figures">
          <dt>{t('valuation.detail.quantity')}</dt>
          <dd>{result.quantityInPriceUnit ? formatQuantity(result.quantityInPriceUnit.value, result.quantityInPriceUnit.unit) : t('valuation.common.none')}</dd>
          {result.factor ? (
            <>
              <dt>{t('valuation.detail.factor')}</dt>
              <dd>{factorText(result.factor)}</dd>
            </>
          ) : null}
          <dt>{t('valuation.detail.value-in', { currency: result.inPriceCurrency?.currency ?? '' })}</dt>
          <dd>
            <strong>{result.inPriceCurrency ? fullRange(result.inPriceCurrency) : t('valuation.common.none')}</strong>
          </dd>
          {result.usd ? <Conversion label={t('valuation.detail.in-usd')} c={result.usd} quotes={props.quotes} /> : null}
          {result.reporting && props.reportingCurrency !== 'USD' ? <Conversion label={t('valuation.detail.in-reporting', { currency: props.reportingCurrency })} c={result.reporting} quotes={props.quotes} /> : null}
        </dl>
      ) : null}
      {result?.ok && result.warnings.length ? (
        <Notice kind="warning" icon="alert">
          {result.warnings.map((w) => (
            <p key={w.message}>{w.message}</p>
          ))}
        </Notice>
      ) : null}
    </form>
  );
}

/** The valuation detail dialog of one seizure. */
export function ValuationDetailDialog(props: ValuationDetailDialogProps): ReactNode {
  const { row, records } = props;
  const mine = records.filter((r) => r.seizureId === row.seizureId);
  const [error, setError] = useState<unknown>(null);
  const addAlternative = (): void => {
    const first = props.prices.find((p) => !incompatibility(row, p));
    if (!first) return setError(new Error(t('valuation.detail.no-compatible', { unit: row.unit })));
    try {
      props.cv.addValuation(crypto.randomUUID(), { seizureId: row.seizureId, priceReferenceId: first.id, factor: null, notes: '' }, props.writer, servedSeizureEnds([row.seizureId]));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog
      title={t('valuation.detail.title', { commodity: row.commodity })}
      description={t('valuation.detail.description', {
        date: formatSeizureDate(row.date, row.datePrecision),
        quantity: formatQuantity(row.quantity, row.unit),
        where: row.place ? t('valuation.detail.where', { place: row.place, country: countryLabel(row.country) }) : countryLabel(row.country),
      })}
      onClose={props.onClose}
      size="wide"
      className="valuation-detail"
      footer={
        <>
          {props.readOnly ? null : (
            <button type="button" className="btn" onClick={addAlternative}>
              <Icon name="plus" /> {mine.length ? t('valuation.detail.add-alternative') : t('valuation.detail.add-price')}
            </button>
          )}
          <span className="grow" />
          <button type="button" className="btn btn-primary" onClick={props.onClose}>
            {t('valuation.detail.done')}
          </button>
        </>
      }
    >
      <div className="dialog-body stack">
        {error ? <ErrorPanel error={error} /> : null}
        <div className="valuation-summary">
          <div>
            <span className="stat-label">{t('valuation.common.estimate-usd')}</span>
            <span className="valuation-summary-value">{row.estimate ? fullRange(row.estimate.usd) : t('valuation.common.none')}</span>
          </div>
          {props.reportingCurrency !== 'USD' ? (
            <div>
              <span className="stat-label">{t('valuation.common.estimate-in', { currency: props.reportingCurrency })}</span>
              <span className="valuation-summary-value">{row.estimate ? fullRange(row.estimate.reporting) : t('valuation.common.none')}</span>
            </div>
          ) : null}
          <div className="valuation-reported">
            <span className="stat-label">{t('valuation.detail.reported')}</span>
            <span className="valuation-summary-value">{row.reported ? formatMoney(row.reported.amount, row.reported.currency) : t('valuation.detail.not-reported')}</span>
            {row.reported?.usd && row.reported.currency !== 'USD' ? (
              <span className="cell-secondary">
                = {fullRange(row.reported.usd.range)} ({rateLine(row.reported.usd, props.quotes)})
              </span>
            ) : null}
          </div>
        </div>
        {mine.length > 1 ? <Notice kind="info">{t('valuation.detail.several', { count: mine.length })}</Notice> : null}
        {mine.length === 0 ? <p className="muted">{t('valuation.detail.none')}</p> : null}
        {mine.map((r, i) => (
          <section key={r.id} className="valuation-section" aria-label={t('valuation.detail.price-n', { n: i + 1 })}>
            {mine.length > 1 ? <h3 className="form-section-title">{t('valuation.detail.price-n', { n: i + 1 })}</h3> : null}
            <ValuationEditor {...props} record={r} result={row.valuations.find((v) => v.valuationId === r.id)} row={row} />
          </section>
        ))}
      </div>
    </Dialog>
  );
}
