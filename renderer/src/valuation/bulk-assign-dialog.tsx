/**
 * Assign one price reference to many seizures at once: choose the price, find the seizures by
 * words (commodity, species, place, country, source: the seizure table's filter) and optionally by
 * sector, check the ones to value, and optionally give a conversion factor with its label. The
 * seizures are searched over the WHOLE case on the data service (`seizures.page` through
 * use-seizure-search.ts, the seizure picker's search), so those held in volume docs are found too;
 * the first {@link BULK_LIST_MAX} matches are listed, with a note when more match. Seizures whose
 * unit cannot be converted to the price's unit are shown but cannot be checked; seizures already
 * valued with another price start unchecked. All valuations are written to the case doc in one
 * transaction, each seizure end proven by the service's listing (served-seizure-ends.ts).
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseValuations } from '../../../shared/docs/case-valuations';
import type { WriteOrigin, Writer } from '../../../shared/docs/records';
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector } from '../../../shared/domain/codes';
import type { PriceReference } from '../../../shared/domain/price-reference';
import { factorSchema, type Factor, type ValuationRecord } from '../../../shared/domain/seizure-valuation';
import { SEIZURE_PAGE_MAX, type SeizureRow } from '../../../shared/rpc/cases';
import { countryLabel } from '../format/countries';
import { t } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { ErrorPanel } from '../ui/states';
import { formatCount, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { parseDecimal } from '../forms/parse';
import { zodFieldErrors, type FieldErrors } from '../forms/issues';
import { servedSeizureEnds } from '../case/served-seizure-ends';
import { useSeizureSearch } from '../case/use-seizure-search';
import { priceOptionLabel, unitPriceText } from './format';
import { incompatibility } from './valuation-table';
import './bulk-assign-dialog.css';

/** Most matching seizures listed at once (one `seizures.page`); more words or a sector narrow the rest. */
export const BULK_LIST_MAX = SEIZURE_PAGE_MAX;

/** Props of {@link BulkAssignDialog}. */
export interface BulkAssignDialogProps {
  workspaceId: string;
  caseId: string;
  records: ValuationRecord[];
  prices: PriceReference[];
  cv: CaseValuations;
  writer: Writer;
  onClose: () => void;
  /** Called after writing, with the number of seizures valued. */
  onDone: (count: number, price: PriceReference) => void;
}

/** The bulk-assign dialog. */
export function BulkAssignDialog(props: BulkAssignDialogProps): ReactNode {
  const { records, prices } = props;
  const [priceId, setPriceId] = useState('');
  const [filter, setFilter] = useState('');
  const [sector, setSector] = useState<CrimeSector | ''>('');
  const [overrides, setOverrides] = useState<Map<string, boolean>>(new Map());
  const [factor, setFactor] = useState({ low: '', high: '', label: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const price = prices.find((p) => p.id === priceId) ?? null;
  const byPrice = useMemo(() => new Map(prices.map((p) => [p.id, p])), [prices]);
  const valuationsOf = useMemo(() => {
    const m = new Map<string, ValuationRecord[]>();
    for (const r of records) m.set(r.seizureId, [...(m.get(r.seizureId) ?? []), r]);
    return m;
  }, [records]);

  const searching = filter.trim() !== '' || sector !== '';
  // Grouped by commodity below, so listed in commodity order (ties by date, then id).
  const found = useSeizureSearch({ workspaceId: props.workspaceId, caseId: props.caseId, text: filter, match: 'commodity', sector: sector || undefined, sortBy: 'commodity', sortDir: 'asc', limit: BULK_LIST_MAX, enabled: searching });
  const shown = useMemo(() => (searching && !found.error ? (found.data?.rows ?? []) : []), [searching, found.data, found.error]);
  const why = (s: SeizureRow): string | null => (price ? incompatibility(s, price) : null);
  const defaultChecked = (s: SeizureRow): boolean => {
    if (!price || why(s)) return false;
    const current = valuationsOf.get(s.id)?.[0];
    return !current || current.priceReferenceId === price.id;
  };
  const isChecked = (s: SeizureRow): boolean => !why(s) && Boolean(price) && (overrides.get(s.id) ?? defaultChecked(s));
  const chosen = shown.filter(isChecked);

  const readFactor = (): { ok: true; value: Factor | null } | { ok: false } => {
    if (!factor.low.trim() && !factor.high.trim() && !factor.label.trim()) return { ok: true, value: null };
    const low = parseDecimal(factor.low, '1.2');
    const high = factor.high.trim() ? parseDecimal(factor.high, '1.5') : low;
    const e: FieldErrors = {};
    if (!low.ok) e.low = low.message;
    else if (low.value === null) e.low = t('valuation.form.factor-required');
    if (!high.ok) e.high = high.message;
    if (Object.keys(e).length) {
      setErrors(e);
      return { ok: false };
    }
    const r = factorSchema.safeParse({ low: (low as { value: number }).value, high: (high as { value: number | null }).value ?? (low as { value: number }).value, label: factor.label.trim() });
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return { ok: false };
    }
    return { ok: true, value: r.data };
  };

  /** Writes the valuations; false when a field is wrong (its message is set). A refused write throws: FormDialog shows it. */
  const apply = (): false | void => {
    if (!price) {
      setErrors({ price: t('valuation.bulk.choose-price-error') });
      return false;
    }
    const f = readFactor();
    if (!f.ok) return false;
    setErrors({});
    const origin: WriteOrigin = { memberId: props.writer.memberId, kind: 'local-write' };
    // Every seizure listed came from the service's projection as a live seizure of this case.
    const ends = servedSeizureEnds(shown.map((s) => s.id));
    props.cv.doc.transact(() => {
      for (const s of chosen) {
        const current = valuationsOf.get(s.id)?.[0];
        if (current) {
          // A blank factor keeps the factor of a seizure already valued with this price.
          const keep = f.value === null && current.priceReferenceId === price.id ? current.factor : f.value;
          props.cv.updateValuation(current.id, { priceReferenceId: price.id, factor: keep }, props.writer);
        } else {
          props.cv.addValuation(crypto.randomUUID(), { seizureId: s.id, priceReferenceId: price.id, factor: f.value, notes: '' }, props.writer, ends);
        }
      }
    }, origin);
    props.onDone(chosen.length, price);
  };

  const toggle = (id: string, value: boolean): void => setOverrides((m) => new Map(m).set(id, value));
  const allChecked = shown.length > 0 && shown.every((s) => why(s) || isChecked(s));
  const counts = useMemo(() => shown.reduce((m, s) => m.set(s.commodity, (m.get(s.commodity) ?? 0) + 1), new Map<string, number>()), [shown]);

  const columns: Column<SeizureRow>[] = [
    {
      id: 'check',
      header: t('valuation.bulk.select-all'),
      className: 'col-check',
      headerClassName: 'col-check',
      headerContent: (
        <input
          type="checkbox"
          aria-label={t('valuation.bulk.select-all')}
          checked={allChecked}
          disabled={!price}
          onChange={(e) => setOverrides(new Map(shown.filter((s) => !why(s)).map((s) => [s.id, e.target.checked])))}
        />
      ),
      cell: (s) => (
        <input
          type="checkbox"
          aria-label={t('valuation.bulk.seizure-label', { commodity: s.commodity, date: formatSeizureDate(s.seizureDate, s.datePrecision) })}
          checked={isChecked(s)}
          disabled={!price || Boolean(why(s))}
          onChange={(e) => toggle(s.id, e.target.checked)}
        />
      ),
    },
    {
      id: 'seizure',
      header: t('valuation.table.col-seizure'),
      cell: (s) => (
        <>
          <span className="cell-primary">{formatSeizureDate(s.seizureDate, s.datePrecision)}</span>
          <span className="cell-secondary">{s.place || countryLabel(s.country)}</span>
        </>
      ),
    },
    {
      id: 'quantity',
      header: t('valuation.bulk.col-quantity'),
      numeric: true,
      className: 'col-nowrap',
      cell: (s) => {
        const reason = why(s);
        return (
          <>
            {formatQuantity(s.quantity, s.unit)}
            {reason ? <span className="cell-secondary bulk-reason">{t('valuation.bulk.cannot', { reason })}</span> : null}
          </>
        );
      },
    },
    {
      id: 'current',
      header: t('valuation.bulk.col-current'),
      cell: (s) => {
        const current = valuationsOf.get(s.id)?.[0];
        return current ? <span className="cell-secondary">{byPrice.get(current.priceReferenceId)?.commodity ?? t('valuation.bulk.removed-price')}</span> : <span className="muted">{t('valuation.common.none')}</span>;
      },
    },
  ];

  return (
    <FormDialog
      title={t('valuation.bulk.title')}
      description={t('valuation.bulk.description')}
      onClose={props.onClose}
      size="wide"
      className="bulk-assign"
      formClassName="dialog-body stack"
      footerNote={price ? `${unitPriceText(price)} · ${price.citationTitle}` : t('valuation.bulk.nothing-yet')}
      submitIcon="check"
      submitLabel={t('valuation.bulk.submit', { count: chosen.length })}
      // Rows still answering an earlier filter are never assigned: wait for the current answer.
      submitDisabled={!price || chosen.length === 0 || !found.current}
      onSubmit={apply}
    >
        <Field label={t('valuation.bulk.price')} error={errors.price}>
          {(c) => (
            <select
              {...c}
              className="select"
              value={priceId}
              onChange={(e) => {
                setPriceId(e.target.value);
                setOverrides(new Map());
              }}
            >
              <option value="">{t('valuation.bulk.choose-price')}</option>
              {prices.map((p) => (
                <option key={p.id} value={p.id}>
                  {priceOptionLabel(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="bulk-filters">
          <Field label={t('valuation.bulk.filter')} hint={t('valuation.bulk.filter-hint')}>
            {(c) => (
              <div className="input-with-icon">
                <Icon name="search" />
                {/* The list filters as you type: Enter here must not assign (it would submit the form). */}
                <input {...c} className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} placeholder={t('valuation.bulk.filter-placeholder')} />
              </div>
            )}
          </Field>
          <Field label={t('valuation.bulk.sector')} optional>
            {(c) => (
              <select {...c} className="select" value={sector} onChange={(e) => setSector(e.target.value as CrimeSector | '')}>
                <option value="">{t('valuation.bulk.all-sectors')}</option>
                {CRIME_SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {CRIME_SECTOR_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {searching && found.error ? <ErrorPanel error={found.error} onRetry={found.reload} /> : null}
        {searching && !found.error && !found.data ? <p className="muted">{t('ui.seizure-picker.searching')}</p> : null}
        {searching && found.data && found.data.total > shown.length ? <p className="muted small">{t('ui.seizure-picker.bulk-more', { shown: shown.length, total: formatCount(found.data.total) })}</p> : null}
        {searching ? (
          !found.data || found.error ? null : shown.length ? (
            <div className="table-card bulk-list">
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('valuation.bulk.list-region')}>
                <DataTable
                  label={t('valuation.bulk.list')}
                  scroll={false}
                  rows={shown}
                  rowKey={(s) => s.id}
                  rowClassName={(s) => (why(s) ? 'row-disabled' : undefined)}
                  group={(s) => ({
                    key: s.commodity,
                    header: (
                      <>
                        {s.commodity} <span className="muted">· {formatCount(counts.get(s.commodity) ?? 0)}</span>
                      </>
                    ),
                  })}
                  columns={columns}
                />
              </div>
            </div>
          ) : (
            <p className="muted">{t('valuation.bulk.no-match')}</p>
          )
        ) : (
          <p className="muted">{t('valuation.bulk.type-to-list')}</p>
        )}
        <fieldset className="fieldset bulk-factor">
          <legend>{t('valuation.bulk.factor')}</legend>
          <p className="field-hint">{t('valuation.bulk.factor-hint')}</p>
          <div className="form-grid form-grid-3">
            <Field label={t('valuation.bulk.low')} error={errors.low}>
              {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={factor.low} onChange={(e) => setFactor({ ...factor, low: e.target.value })} />}
            </Field>
            <Field label={t('valuation.bulk.high')} optional error={errors.high}>
              {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={factor.high} onChange={(e) => setFactor({ ...factor, high: e.target.value })} />}
            </Field>
            <Field label={t('valuation.bulk.converts')} error={errors.label}>
              {(c) => <input {...c} className="input input-sm" value={factor.label} onChange={(e) => setFactor({ ...factor, label: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
    </FormDialog>
  );
}
