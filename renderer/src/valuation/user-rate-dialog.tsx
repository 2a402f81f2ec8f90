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
      setErrors({ rate: v.ok ? 'Is required' : v.message });
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
      title={r ? 'Edit exchange rate' : 'Add an exchange rate'}
      description="For a currency the ECB does not quote, or a date after the ECB data. Used from its date until a later rate exists."
      onClose={props.onClose}
      className="rate-form"
      formClassName="dialog-body form-grid"
      submitLabel={r ? 'Save changes' : 'Add rate'}
      onSubmit={save}
      onIssues={(issues) => setErrors(issueFieldErrors(issues))}
    >
        <Field label="Currency" error={errors.currency} hint="ISO 4217 code, e.g. VND">
          {(c) => <input {...c} className="input" value={currency} onChange={(e) => setCurrency(e.target.value)} />}
        </Field>
        <Field label="Applies from" error={errors.date}>
          {(c) => <input {...c} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <fieldset className="fieldset span-all">
          <legend className="field-label">The rate is given</legend>
          <div className="radio-cards">
            <label className="radio-card">
              <input type="radio" name="rate-basis" checked={basis === 'perUsd'} onChange={() => setBasis('perUsd')} />
              <span>
                <span className="radio-card-title">Per US dollar</span>
                <span className="radio-card-text">{code} per 1 USD, as most central banks publish it</span>
              </span>
            </label>
            <label className="radio-card">
              <input type="radio" name="rate-basis" checked={basis === 'perEur'} onChange={() => setBasis('perEur')} />
              <span>
                <span className="radio-card-title">Per euro</span>
                <span className="radio-card-text">{code} per 1 EUR, like the ECB rates</span>
              </span>
            </label>
          </div>
        </fieldset>
        <Field label={basis === 'perUsd' ? `${code} per 1 USD` : `${code} per 1 EUR`} error={errors.rate} className="span-all">
          {(c) => <input {...c} className="input num" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field label="Source" error={errors.source} className="span-all" hint="Required: who published the rate, and when (e.g. State Bank of Viet Nam central rate, 3 June 2019)">
          {(c) => <input {...c} className="input" value={source} onChange={(e) => setSource(e.target.value)} />}
        </Field>
        <Field label="Notes" optional error={errors.notes} className="span-all">
          {(c) => <input {...c} className="input" value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
    </FormDialog>
  );
}
