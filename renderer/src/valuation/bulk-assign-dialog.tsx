/**
 * Assign one price reference to many seizures at once: choose the price, find the seizures by
 * commodity or species (every word must match) and optionally by sector, check the ones to value,
 * and optionally give a conversion factor with its label. Seizures whose unit cannot be converted
 * to the price's unit are shown but cannot be checked; seizures already valued with another price
 * start unchecked. All valuations are written to the case doc in one transaction.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseValuations } from '../../../shared/docs/case-valuations';
import type { WriteOrigin, Writer } from '../../../shared/docs/records';
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector } from '../../../shared/domain/codes';
import type { PriceReference } from '../../../shared/domain/price-reference';
import type { Seizure } from '../../../shared/domain/seizure';
import { factorSchema, type Factor, type ValuationRecord } from '../../../shared/domain/seizure-valuation';
import { countryLabel } from '../format/countries';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { ErrorPanel } from '../ui/states';
import { formatCount, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { parseDecimal } from '../forms/parse';
import { zodFieldErrors, type FieldErrors } from '../forms/issues';
import { priceOptionLabel, unitPriceText } from './format';
import { incompatibility } from './valuation-table';

/** Props of {@link BulkAssignDialog}. */
export interface BulkAssignDialogProps {
  seizures: Seizure[];
  records: ValuationRecord[];
  prices: PriceReference[];
  cv: CaseValuations;
  writer: Writer;
  onClose: () => void;
  /** Called after writing, with the number of seizures valued. */
  onDone: (count: number, price: PriceReference) => void;
}

/** True when every word of `filter` occurs in the seizure's commodity or taxon. */
export function matchesFilter(s: { commodity: string; taxon: string }, filter: string): boolean {
  const hay = `${s.commodity} ${s.taxon}`.toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The bulk-assign dialog. */
export function BulkAssignDialog(props: BulkAssignDialogProps): ReactNode {
  const { seizures, records, prices } = props;
  const [priceId, setPriceId] = useState('');
  const [filter, setFilter] = useState('');
  const [sector, setSector] = useState<CrimeSector | ''>('');
  const [overrides, setOverrides] = useState<Map<string, boolean>>(new Map());
  const [factor, setFactor] = useState({ low: '', high: '', label: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const price = prices.find((p) => p.id === priceId) ?? null;
  const byPrice = useMemo(() => new Map(prices.map((p) => [p.id, p])), [prices]);
  const valuationsOf = useMemo(() => {
    const m = new Map<string, ValuationRecord[]>();
    for (const r of records) m.set(r.seizureId, [...(m.get(r.seizureId) ?? []), r]);
    return m;
  }, [records]);

  const searching = filter.trim() !== '' || sector !== '';
  const shown = useMemo(
    () =>
      searching
        ? seizures
            .filter((s) => (sector === '' || s.sector === sector) && matchesFilter(s, filter))
            .sort((a, b) => a.commodity.localeCompare(b.commodity) || a.seizureDate.localeCompare(b.seizureDate))
        : [],
    [seizures, filter, sector, searching],
  );
  const why = (s: Seizure): string | null => (price ? incompatibility(s, price) : null);
  const defaultChecked = (s: Seizure): boolean => {
    if (!price || why(s)) return false;
    const current = valuationsOf.get(s.id)?.[0];
    return !current || current.priceReferenceId === price.id;
  };
  const isChecked = (s: Seizure): boolean => !why(s) && Boolean(price) && (overrides.get(s.id) ?? defaultChecked(s));
  const chosen = shown.filter(isChecked);
  const groups = useMemo(() => {
    const out: { commodity: string; items: Seizure[] }[] = [];
    for (const s of shown) {
      const last = out[out.length - 1];
      if (last && last.commodity === s.commodity) last.items.push(s);
      else out.push({ commodity: s.commodity, items: [s] });
    }
    return out;
  }, [shown]);

  const readFactor = (): { ok: true; value: Factor | null } | { ok: false } => {
    if (!factor.low.trim() && !factor.high.trim() && !factor.label.trim()) return { ok: true, value: null };
    const low = parseDecimal(factor.low, '1.2');
    const high = factor.high.trim() ? parseDecimal(factor.high, '1.5') : low;
    const e: FieldErrors = {};
    if (!low.ok) e.low = low.message;
    else if (low.value === null) e.low = 'Is required when a factor is given';
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

  const apply = (): void => {
    if (!price) {
      setErrors({ price: 'Choose the price to assign' });
      return;
    }
    const f = readFactor();
    if (!f.ok) return;
    setErrors({});
    try {
      const origin: WriteOrigin = { memberId: props.writer.memberId, kind: 'local-write' };
      props.cv.doc.transact(() => {
        for (const s of chosen) {
          const current = valuationsOf.get(s.id)?.[0];
          if (current) {
            // A blank factor keeps the factor of a seizure already valued with this price.
            const keep = f.value === null && current.priceReferenceId === price.id ? current.factor : f.value;
            props.cv.updateValuation(current.id, { priceReferenceId: price.id, factor: keep }, props.writer);
          } else {
            props.cv.addValuation(crypto.randomUUID(), { seizureId: s.id, priceReferenceId: price.id, factor: f.value, notes: '' }, props.writer);
          }
        }
      }, origin);
      props.onDone(chosen.length, price);
    } catch (err) {
      setError(err);
    }
  };

  const toggle = (id: string, value: boolean): void => setOverrides((m) => new Map(m).set(id, value));
  const allChecked = shown.length > 0 && shown.every((s) => why(s) || isChecked(s));

  return (
    <Dialog
      title="Assign a price to seizures"
      description="Value many seizures at once: pick a price, find the seizures by commodity, check the ones it applies to."
      onClose={props.onClose}
      size="wide"
      className="bulk-assign"
      footer={
        <>
          <span className="footer-note">{price ? `${unitPriceText(price)} · ${price.citationTitle}` : 'Nothing is written until you assign.'}</span>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!price || chosen.length === 0} onClick={apply}>
            <Icon name="check" /> Assign to {formatCount(chosen.length)} seizure{chosen.length === 1 ? '' : 's'}
          </button>
        </>
      }
    >
      <div className="dialog-body stack">
        {error ? <ErrorPanel error={error} /> : null}
        <Field label="Price reference" error={errors.price}>
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
              <option value="">Choose a price…</option>
              {prices.map((p) => (
                <option key={p.id} value={p.id}>
                  {priceOptionLabel(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="bulk-filters">
          <Field label="Commodity or species contains" hint="Every word must match, e.g. “ivory”, “pangolin”, “shark fin”">
            {(c) => (
              <div className="input-with-icon">
                <Icon name="search" />
                <input {...c} className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. ivory" />
              </div>
            )}
          </Field>
          <Field label="Sector" optional>
            {(c) => (
              <select {...c} className="select" value={sector} onChange={(e) => setSector(e.target.value as CrimeSector | '')}>
                <option value="">All sectors</option>
                {CRIME_SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {CRIME_SECTOR_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {searching ? (
          shown.length ? (
            <div className="table-card bulk-list">
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Matching seizures (scrollable)">
                <table className="data-table" aria-label="Matching seizures">
                  <thead>
                    <tr>
                      <th scope="col" className="col-check">
                        <input
                          type="checkbox"
                          aria-label="Select every seizure that can take this price"
                          checked={allChecked}
                          disabled={!price}
                          onChange={(e) => setOverrides(new Map(shown.filter((s) => !why(s)).map((s) => [s.id, e.target.checked])))}
                        />
                      </th>
                      <th scope="col">
                        <span className="th-label">Seizure</span>
                      </th>
                      <th scope="col" className="col-num">
                        <span className="th-label">Quantity</span>
                      </th>
                      <th scope="col">
                        <span className="th-label">Current price</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups.map((g) => [
                      <tr key={`g-${g.commodity}`} className="group-row">
                        <th scope="rowgroup" colSpan={4}>
                          {g.commodity} <span className="muted">· {formatCount(g.items.length)}</span>
                        </th>
                      </tr>,
                      ...g.items.map((s) => {
                        const reason = why(s);
                        const current = valuationsOf.get(s.id)?.[0];
                        const label = `${s.commodity}, ${formatSeizureDate(s.seizureDate, s.datePrecision)}`;
                        return (
                          <tr key={s.id} className={reason ? 'row-disabled' : undefined}>
                            <td className="col-check">
                              <input type="checkbox" aria-label={label} checked={isChecked(s)} disabled={!price || Boolean(reason)} onChange={(e) => toggle(s.id, e.target.checked)} />
                            </td>
                            <td>
                              <span className="cell-primary">{formatSeizureDate(s.seizureDate, s.datePrecision)}</span>
                              <span className="cell-secondary">{s.place || countryLabel(s.country)}</span>
                            </td>
                            <td className="col-num col-nowrap">
                              {formatQuantity(s.quantity, s.unit)}
                              {reason ? <span className="cell-secondary bulk-reason">Cannot be valued: {reason}</span> : null}
                            </td>
                            <td>{current ? <span className="cell-secondary">{byPrice.get(current.priceReferenceId)?.commodity ?? 'a removed price'}</span> : <span className="muted">—</span>}</td>
                          </tr>
                        );
                      }),
                    ])}
                  </tbody>
                </table>
              </div>
            </div>
          ) : (
            <p className="muted">No seizure of this case matches.</p>
          )
        ) : (
          <p className="muted">Type part of a commodity or species name, or pick a sector, to list the seizures.</p>
        )}
        <fieldset className="fieldset bulk-factor">
          <legend>Conversion factor (optional)</legend>
          <p className="field-hint">Multiplies the quantity before pricing, e.g. 1–1.43 “worked to raw ivory equivalent”. Leave blank for none.</p>
          <div className="form-grid form-grid-3">
            <Field label="Low" error={errors.low}>
              {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={factor.low} onChange={(e) => setFactor({ ...factor, low: e.target.value })} />}
            </Field>
            <Field label="High" optional error={errors.high}>
              {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={factor.high} onChange={(e) => setFactor({ ...factor, high: e.target.value })} />}
            </Field>
            <Field label="What it converts" error={errors.label}>
              {(c) => <input {...c} className="input input-sm" value={factor.label} onChange={(e) => setFactor({ ...factor, label: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}
