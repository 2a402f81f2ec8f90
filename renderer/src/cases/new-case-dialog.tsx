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

/** The new-case dialog. */
export function NewCaseDialog(props: { ws: WorkspaceSummary; onClose: () => void; onCreated: (c: CaseSummary) => void }): ReactNode {
  const client = useClient();
  const identity = useIdentity();
  const [fields, setFields] = useState<CaseFields>(() => ({ ...newCaseFields(todayIso()), leadAgency: identity.agency }));
  const [errors, setErrors] = useState<FieldErrors>({});
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
    return client.call('cases.create', { workspaceId: props.ws.id, fields: r.data }).then((c) => {
      props.onClose();
      props.onCreated(c);
    });
  };

  return (
    <FormDialog
      title="New case"
      description={`It gets the next number (${props.ws.casePrefix}-${fields.openedOn.slice(0, 4)}-…) and is shared with every member of ${props.ws.name}.`}
      onClose={props.onClose}
      size="wide"
      submitLabel="Create case"
      busyLabel="Creating…"
      onSubmit={submit}
      onIssues={(issues) => setErrors(issueFieldErrors(issues.map((i) => ({ ...i, field: i.field.replace(/^fields\./, '') }))))}
    >
        <div className="form-grid">
          <Field label="Title" error={errors.title || undefined} className="span-all" hint="What the case is about, e.g. “Pangolin scales via Pasir Panjang, 2019”.">
            {(c) => <input className="input" {...c} value={fields.title} onChange={(e) => set('title', e.target.value)} autoFocus />}
          </Field>
          <Field label="Crime sector" error={errors.sector || undefined}>
            {(c) => <SectorSelect {...c} value={fields.sector} onChange={(e) => set('sector', e.target.value as CrimeSector)} />}
          </Field>
          <Field label="Status" error={errors.status || undefined}>
            {(c) => <StatusSelect {...c} value={fields.status} onChange={(e) => set('status', e.target.value as CaseStatus)} />}
          </Field>
          <Field label="TLP marking" error={errors.tlp || undefined} hint={TLP_DESCRIPTIONS[fields.tlp]}>
            {(c) => <TlpSelect {...c} value={fields.tlp} onChange={(e) => set('tlp', e.target.value as Tlp)} />}
          </Field>
          <Field label="Opened on" error={errors.openedOn || undefined}>
            {(c) => <input className="input" type="date" {...c} value={fields.openedOn} onChange={(e) => set('openedOn', e.target.value)} />}
          </Field>
          <Field label="Lead agency" error={errors.leadAgency || undefined} optional className="span-all">
            {(c) => <input className="input" {...c} value={fields.leadAgency} onChange={(e) => set('leadAgency', e.target.value)} />}
          </Field>
          <Field label="Jurisdictions" error={errors.jurisdictions || undefined} optional className="span-all" hint="Countries whose authorities are involved (ISO 3166-1).">
            {(c) => <CountryPicker control={c} value={fields.jurisdictions} onChange={(v) => set('jurisdictions', v)} />}
          </Field>
        </div>
    </FormDialog>
  );
}
