/**
 * "New case": title, sector, status, TLP marking, jurisdictions, lead agency and opening date,
 * validated with the shared case schema (messages next to the fields), created with
 * `cases.create` which assigns the next case number.
 */
import { useState, type ReactNode } from 'react';
import { caseFieldsSchema, newCaseFields, type CaseFields } from '../../../shared/domain/case';
import { TLP_DESCRIPTIONS, type CaseStatus, type CrimeSector, type Tlp } from '../../../shared/domain/codes';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { CaseSummary } from '../../../shared/rpc/cases';
import { useClient, useIdentity } from '../app/services';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { CountryPicker } from '../ui/country-picker';
import { SectorSelect, StatusSelect, TlpSelect } from '../ui/code-selects';
import { checkField, issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { todayIso } from '../format/dates';
import { t } from '../../../shared/messages';
import { useCaseTemplates } from '../templates/use-templates';
import { TemplateSelect } from '../templates/template-select';

/** The new-case dialog. */
export function NewCaseDialog(props: { ws: WorkspaceSummary; onClose: () => void; onCreated: (c: CaseSummary) => void }): ReactNode {
  const client = useClient();
  const identity = useIdentity();
  const [fields, setFields] = useState<CaseFields>(() => ({ ...newCaseFields(todayIso()), leadAgency: identity.agency }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { templates } = useCaseTemplates(props.ws.id);
  const [templateId, setTemplateId] = useState('');
  const set = <K extends keyof CaseFields>(k: K, v: CaseFields[K]): void => {
    setFields((f) => ({ ...f, [k]: v }));
    // A shown message goes as soon as the field is fixed.
    if (errors[k]) setErrors((e) => ({ ...e, [k]: checkField(caseFieldsSchema.shape[k], v) ?? '' }));
  };

  const submit = (): false | Promise<void> => {
    const r = caseFieldsSchema.safeParse(fields);
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return false;
    }
    setErrors({});
    return client.call('cases.create', { workspaceId: props.ws.id, fields: r.data, ...(templateId ? { templateId } : {}) }).then((c) => {
      props.onClose();
      props.onCreated(c);
    });
  };

  return (
    <FormDialog
      title={t('ui.cases.dialog-title')}
      description={t('ui.cases.dialog-description', { prefix: props.ws.casePrefix, year: fields.openedOn.slice(0, 4), workspace: props.ws.name })}
      onClose={props.onClose}
      size="wide"
      submitLabel={t('ui.cases.create-case')}
      busyLabel={t('ui.cases.creating')}
      onSubmit={submit}
      onIssues={(issues) => setErrors(issueFieldErrors(issues.map((i) => ({ ...i, field: i.field.replace(/^fields\./, '') }))))}
    >
        <div className="form-grid">
          {templates.length ? (
            <Field label={t('ui.templates.template')} optional className="span-all" hint={t('ui.templates.template-hint')}>
              {(c) => <TemplateSelect {...c} templates={templates} value={templateId} onChange={(e) => setTemplateId(e.target.value)} />}
            </Field>
          ) : null}
          <Field label={t('ui.cases.title')} error={errors.title || undefined} className="span-all" hint={t('ui.cases.title-hint')}>
            {(c) => <input className="input" {...c} value={fields.title} onChange={(e) => set('title', e.target.value)} autoFocus />}
          </Field>
          <Field label={t('ui.cases.crime-sector')} error={errors.sector || undefined}>
            {(c) => <SectorSelect {...c} value={fields.sector} onChange={(e) => set('sector', e.target.value as CrimeSector)} />}
          </Field>
          <Field label={t('ui.cases.status')} error={errors.status || undefined}>
            {(c) => <StatusSelect {...c} value={fields.status} onChange={(e) => set('status', e.target.value as CaseStatus)} />}
          </Field>
          <Field label={t('ui.cases.tlp-marking')} error={errors.tlp || undefined} hint={TLP_DESCRIPTIONS[fields.tlp]}>
            {(c) => <TlpSelect {...c} value={fields.tlp} onChange={(e) => set('tlp', e.target.value as Tlp)} />}
          </Field>
          <Field label={t('ui.cases.opened-on')} error={errors.openedOn || undefined}>
            {(c) => <input className="input" type="date" {...c} value={fields.openedOn} onChange={(e) => set('openedOn', e.target.value)} />}
          </Field>
          <Field label={t('ui.cases.lead-agency')} error={errors.leadAgency || undefined} optional className="span-all">
            {(c) => <input className="input" {...c} value={fields.leadAgency} onChange={(e) => set('leadAgency', e.target.value)} />}
          </Field>
          <Field label={t('ui.cases.jurisdictions')} error={errors.jurisdictions || undefined} optional className="span-all" hint={t('ui.cases.jurisdictions-hint')}>
            {(c) => <CountryPicker control={c} value={fields.jurisdictions} onChange={(v) => set('jurisdictions', v)} />}
          </Field>
        </div>
    </FormDialog>
  );
}
