/**
 * Add or edit a user exchange rate: a currency the ECB does not quote (VND, NGN, KES, XOF…) or a
 * date after the ECB data, given per EUR or per USD, the date from which it applies, and its source
 * (required). Checked with the shared schema, field by field; written to the workspace doc through
 * `ReferenceLists`.
 */
import { useState, type ReactNode } from 'react';
import type { ReferenceLists } from '../../../shared/docs/reference-lists';
import type { Writer } from '../../../shared/docs/records';
import { exchangeRateFieldsSchema, type ExchangeRate } from '../../../shared/domain/exchange-rate';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { parseDecimal } from '../forms/parse';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { todayIso } from '../format/dates';

/** Props of {@link UserRateDialog}. */
export interface UserRateDialogProps {
  lists: ReferenceLists;
  writer: Writer;
  rate: ExchangeRate | null;
  onClose: () => void;
  onSaved: (currency: string) => void;
}

/** The user-rate dialog. */
export function UserRateDialog(props: UserRateDialogProps): ReactNode {
  const r = props.rate;
  const [currency, setCurrency] = useState(r?.currency ?? '');
  const [basis, setBasis] = useState<'perUsd' | 'perEur'>(r?.perEur ? 'perEur' : 'perUsd');
  const [value, setValue] = useState(r ? String(r.perEur ?? r.perUsd ?? '') : '');
  const [date, setDate] = useState(r?.date ?? todayIso());
  const [source, setSource] = useState(r?.source ?? '');
  const [notes, setNotes] = useState(r?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = (): false | void => {
    const v = parseDecimal(value, '23300');
    if (!v.ok || v.value === null) {
      setErrors({ rate: v.ok ? t('valuation.form.required') : v.message });
      return false;
    }
    const fields = {
      currency: currency.trim().toUpperCase(),
      perEur: basis === 'perEur' ? v.value : null,
      perUsd: basis === 'perUsd' ? v.value : null,
      date,
      source,
      notes,
    };
    const parsed = exchangeRateFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      const e = zodFieldErrors(parsed.error.issues);
      // perEur/perUsd problems belong to the one rate field.
      const rateMessage = e.perEur ?? e.perUsd;
      setErrors({ ...e, ...(rateMessage ? { rate: rateMessage } : {}) });
      return false;
    }
    // A refused write throws (NestError with field issues): FormDialog shows it.
    if (r) props.lists.updateExchangeRate(r.id, parsed.data, props.writer);
    else props.lists.addExchangeRate(crypto.randomUUID(), parsed.data, props.writer);
    props.onSaved(parsed.data.currency);
    props.onClose();
  };

  const code = currency.trim().toUpperCase() || 'XXX';
  return (
    <FormDialog
      title={r ? t('valuation.rate-form.edit-title') : t('valuation.rate-form.add-title')}
      description={t('valuation.rate-form.description')}
      onClose={props.onClose}
      className="rate-form"
      formClassName="dialog-body form-grid"
      submitLabel={r ? t('valuation.form.save-changes') : t('valuation.rate-form.add')}
      onSubmit={save}
      onIssues={(issues) => setErrors(issueFieldErrors(issues))}
    >
        <Field label={t('valuation.rate-form.currency')} error={errors.currency} hint={t('valuation.rate-form.currency-hint')}>
          {(c) => <input {...c} className="input" value={currency} onChange={(e) => setCurrency(e.target.value)} />}
        </Field>
        <Field label={t('valuation.rate-form.applies-from')} error={errors.date}>
          {(c) => <input {...c} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <fieldset className="fieldset span-all">
          <legend className="field-label">{t('valuation.rate-form.basis')}</legend>
          <div className="radio-cards">
            <label className="radio-card">
              <input type="radio" name="rate-basis" checked={basis === 'perUsd'} onChange={() => setBasis('perUsd')} />
              <span>
                <span className="radio-card-title">{t('valuation.rate-form.per-usd')}</span>
                <span className="radio-card-text">{t('valuation.rate-form.per-usd-text', { code })}</span>
              </span>
            </label>
            <label className="radio-card">
              <input type="radio" name="rate-basis" checked={basis === 'perEur'} onChange={() => setBasis('perEur')} />
              <span>
                <span className="radio-card-title">{t('valuation.rate-form.per-eur')}</span>
                <span className="radio-card-text">{t('valuation.rate-form.per-eur-text', { code })}</span>
              </span>
            </label>
          </div>
        </fieldset>
        <Field label={t('valuation.rate-form.rate-label', { code, base: basis === 'perUsd' ? 'USD' : 'EUR' })} error={errors.rate} className="span-all">
          {(c) => <input {...c} className="input num" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field label={t('valuation.common.source')} error={errors.source} className="span-all" hint={t('valuation.rate-form.source-hint')}>
          {(c) => <input {...c} className="input" value={source} onChange={(e) => setSource(e.target.value)} />}
        </Field>
        <Field label={t('valuation.common.notes')} optional error={errors.notes} className="span-all">
          {(c) => <input {...c} className="input" value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
    </FormDialog>
  );
}
