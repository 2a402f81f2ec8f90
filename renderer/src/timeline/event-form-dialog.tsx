/**
 * Adding a timeline event: date with its precision (day, month or year), what happened and where
 * the fact comes from, checked with the shared event schema before anything is written.
 */
import { useState, type ReactNode } from 'react';
import type { CaseEvents } from '../../../shared/docs/case-events';
import type { Writer } from '../../../shared/docs/records';
import { caseEventFieldsSchema, type CaseEventFields } from '../../../shared/domain/case-event';
import { DATE_PRECISIONS, type DatePrecision } from '../../../shared/domain/codes';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { t, type MessageId } from '../../../shared/messages';

/** The event form. */
export function EventFormDialog(props: { events: CaseEvents; writer: Writer; onClose: () => void }): ReactNode {
  const [f, setF] = useState<CaseEventFields>({ date: '', precision: 'day', text: '', source: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof CaseEventFields>(k: K, v: CaseEventFields[K]): void => setF((x) => ({ ...x, [k]: v }));
  const submit = (): boolean => {
    const r = caseEventFieldsSchema.safeParse(f);
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return false;
    }
    props.events.add(crypto.randomUUID(), r.data, props.writer);
    props.onClose();
    return true;
  };
  return (
    <FormDialog title={t('ui.timeline.add')} submitLabel={t('ui.timeline.add')} submitIcon="plus" onClose={props.onClose} onSubmit={submit} onIssues={(i) => setErrors(issueFieldErrors(i))} formClassName="dialog-body form-grid">
      <Field label={t('ui.timeline.field.precision')} error={errors.precision}>
        {(c) => (
          <select {...c} className="select" value={f.precision} onChange={(e) => set('precision', e.target.value as DatePrecision)}>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {t('ui.timeline.precision', { value: p })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ui.timeline.field.date')} error={errors.date} hint={t(`ui.timeline.date-hint.${f.precision}` as MessageId)}>
        {(c) => <input {...c} className="input mono" value={f.date} placeholder={f.precision === 'day' ? '2024-05-17' : f.precision === 'month' ? '2024-05' : '2023'} onChange={(e) => set('date', e.target.value.trim())} />}
      </Field>
      <Field label={t('ui.timeline.field.text')} error={errors.text} className="span-all">
        {(c) => <input {...c} className="input" value={f.text} onChange={(e) => set('text', e.target.value)} />}
      </Field>
      <Field label={t('ui.timeline.field.source')} error={errors.source} optional className="span-all">
        {(c) => <input {...c} className="input" value={f.source} onChange={(e) => set('source', e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
