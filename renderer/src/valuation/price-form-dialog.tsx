/**
 * Add or edit a price reference: commodity and taxon, the low–high unit price with its currency and
 * unit, the market level, where and when it was observed, and its source (required: every price
 * needs one). Each field is checked with the shared schema when it is left and again on save (low
 * must not exceed high); the message appears under the field and nothing is written until all are
 * right. Written to the workspace doc through `ReferenceLists`.
 */
import { useState, type ReactNode } from 'react';
import type { ReferenceLists } from '../../../shared/docs/reference-lists';
import type { Writer } from '../../../shared/docs/records';
import { QUANTITY_UNITS, QUANTITY_UNIT_LABELS } from '../../../shared/domain/codes';
import {
  MARKET_LEVELS,
  MARKET_LEVEL_LABELS,
  newPriceReferenceFields,
  priceReferenceFieldSchemas,
  priceReferenceFieldsSchema,
  type PriceReference,
  type PriceReferenceFields,
} from '../../../shared/domain/price-reference';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { parseDecimal } from '../forms/parse';
import { checkField, issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { todayIso } from '../format/dates';

/** Props of {@link PriceFormDialog}. */
export interface PriceFormDialogProps {
  lists: ReferenceLists;
  writer: Writer;
  /** The price to edit, or null to add one. */
  price: PriceReference | null;
  onClose: () => void;
  onSaved: (commodity: string) => void;
}

type Draft = Record<keyof PriceReferenceFields, string>;

function toDraft(f: PriceReferenceFields): Draft {
  return {
    commodity: f.commodity,
    taxon: f.taxon,
    low: f.low || f.high ? String(f.low) : '',
    high: f.high ? String(f.high) : '',
    currency: f.currency,
    unit: f.unit,
    marketLevel: f.marketLevel,
    place: f.place,
    country: f.country ?? '',
    date: f.date,
    citationTitle: f.citationTitle,
    citationUrl: f.citationUrl,
    notes: f.notes,
  };
}

/** Reads the draft into fields; number fields that do not parse come back in `errors`. */
function fromDraft(d: Draft): { fields: PriceReferenceFields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (key: 'low' | 'high', text: string, fallback: number | null): number => {
    const r = parseDecimal(text, '2100');
    if (!r.ok) errors[key] = r.message;
    else if (r.value === null && fallback === null) errors[key] = t('valuation.form.required');
    return r.ok && r.value !== null ? r.value : (fallback ?? 0);
  };
  const low = num('low', d.low, null);
  const high = num('high', d.high, low);
  return {
    fields: {
      commodity: d.commodity,
      taxon: d.taxon,
      low,
      high,
      currency: d.currency.trim().toUpperCase(),
      unit: d.unit as PriceReferenceFields['unit'],
      marketLevel: d.marketLevel as PriceReferenceFields['marketLevel'],
      place: d.place,
      country: d.country.trim() ? d.country.trim().toUpperCase() : null,
      date: d.date,
      citationTitle: d.citationTitle,
      citationUrl: d.citationUrl.trim(),
      notes: d.notes,
    },
    errors,
  };
}

/** The price form dialog. */
export function PriceFormDialog(props: PriceFormDialogProps): ReactNode {
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.price ?? newPriceReferenceFields(todayIso())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof Draft, value: string): void => setDraft((d) => ({ ...d, [key]: value }));

  /** Checks one field when it is left (numbers by their text, the rest with the field schema). */
  const check = (key: keyof Draft): void => {
    const { fields, errors: numErrors } = fromDraft(draft);
    const message = numErrors[key] ?? checkField(priceReferenceFieldSchemas[key], fields[key]);
    setErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return message ? { ...rest, [key]: message } : rest;
    });
  };

  const save = (): false | void => {
    const { fields, errors: numErrors } = fromDraft(draft);
    const r = priceReferenceFieldsSchema.safeParse(fields);
    const all = { ...(r.success ? {} : zodFieldErrors(r.error.issues)), ...numErrors };
    if (Object.keys(all).length || !r.success) {
      setErrors(all);
      return false;
    }
    // A refused write throws (NestError with field issues): FormDialog shows it.
    if (props.price) props.lists.updatePriceReference(props.price.id, r.data, props.writer);
    else props.lists.addPriceReference(crypto.randomUUID(), r.data, props.writer);
    props.onSaved(r.data.commodity);
    props.onClose();
  };

  const text = (key: keyof Draft, label: string, opts: { hint?: string; optional?: boolean; className?: string; placeholder?: string; type?: string } = {}): ReactNode => (
    <Field label={label} error={errors[key]} hint={opts.hint} optional={opts.optional} className={opts.className}>
      {(c) => (
        <input
          {...c}
          className={`input${key === 'low' || key === 'high' ? ' num' : ''}`}
          type={opts.type ?? 'text'}
          inputMode={key === 'low' || key === 'high' ? 'decimal' : undefined}
          placeholder={opts.placeholder}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
          onBlur={() => check(key)}
        />
      )}
    </Field>
  );

  return (
    <FormDialog
      title={props.price ? t('valuation.price-form.edit-title') : t('valuation.price-form.add-title')}
      description={t('valuation.price-form.description')}
      onClose={props.onClose}
      size="wide"
      className="price-form"
      footerNote={t('valuation.price-form.footer')}
      submitLabel={props.price ? t('valuation.form.save-changes') : t('valuation.price-form.add')}
      onSubmit={save}
      onIssues={(issues) => setErrors(issueFieldErrors(issues))}
    >
        <div className="form-section">
          <h3 className="form-section-title">{t('valuation.common.commodity')}</h3>
          <div className="form-grid">
            {text('commodity', t('valuation.common.commodity'), { placeholder: t('valuation.price-form.commodity-placeholder') })}
            {text('taxon', t('valuation.price-form.taxon'), { optional: true, placeholder: t('valuation.price-form.taxon-placeholder') })}
          </div>
        </div>
        <div className="form-section">
          <h3 className="form-section-title">{t('valuation.price-form.unit-price')}</h3>
          <div className="form-grid form-grid-3">
            {text('low', t('valuation.price-form.low'), { hint: t('valuation.price-form.low-hint') })}
            {text('high', t('valuation.price-form.high'), { optional: true, hint: t('valuation.price-form.high-hint') })}
            {text('currency', t('valuation.price-form.currency'), { hint: t('valuation.price-form.currency-hint'), placeholder: 'USD' })}
            <Field label={t('valuation.price-form.per')} error={errors.unit}>
              {(c) => (
                <select {...c} className="select" value={draft.unit} onChange={(e) => set('unit', e.target.value)}>
                  {QUANTITY_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {QUANTITY_UNIT_LABELS[u]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('valuation.price-form.market-level')} error={errors.marketLevel}>
              {(c) => (
                <select {...c} className="select" value={draft.marketLevel} onChange={(e) => set('marketLevel', e.target.value)}>
                  {MARKET_LEVELS.map((m) => (
                    <option key={m} value={m}>
                      {MARKET_LEVEL_LABELS[m]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('date', t('valuation.price-form.date'), { type: 'date' })}
          </div>
        </div>
        <div className="form-section">
          <h3 className="form-section-title">{t('valuation.price-form.where')}</h3>
          <div className="form-grid">
            {text('place', t('valuation.price-form.place'), { placeholder: t('valuation.price-form.place-placeholder') })}
            {text('country', t('valuation.price-form.country'), { optional: true, hint: t('valuation.price-form.country-hint') })}
          </div>
        </div>
        <div className="form-section">
          <h3 className="form-section-title">{t('valuation.common.source')}</h3>
          <div className="form-grid">
            {text('citationTitle', t('valuation.price-form.citation'), { className: 'span-all', hint: t('valuation.price-form.citation-hint') })}
            {text('citationUrl', t('valuation.price-form.url'), { optional: true, className: 'span-all', placeholder: 'https://…' })}
            <Field label={t('valuation.common.notes')} optional error={errors.notes} className="span-all">
              {(c) => <textarea {...c} className="textarea" rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
            </Field>
          </div>
        </div>
    </FormDialog>
  );
}
