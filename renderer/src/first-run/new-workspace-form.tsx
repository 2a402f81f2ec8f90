/**
 * The "create a workspace" form: name, case-number prefix and reporting currency, validated
 * with the shared workspace settings schema and saved with `workspaces.create`.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { workspaceSettingsSchema } from '../../../shared/docs/workspace-doc';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { useClient } from '../app/services';
import { RpcError } from '../data/rpc-error';
import { Field } from '../ui/field';
import { ErrorPanel } from '../ui/states';
import { checkField, issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { COMMON_CURRENCIES } from '../domain/labels';
import { t } from '../../../shared/messages';

const schema = workspaceSettingsSchema.omit({ id: true });

/** The new-workspace form; calls `onCreated` with the new workspace. */
export function NewWorkspaceForm(props: { onCreated: (w: WorkspaceSummary) => void }): ReactNode {
  const client = useClient();
  const [name, setName] = useState('');
  const [casePrefix, setCasePrefix] = useState('NEST');
  const [currency, setCurrency] = useState('USD');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Re-checks a field that shows a message, so the message goes as soon as it is fixed. */
  const recheck = (field: 'name' | 'casePrefix' | 'reportingCurrency', value: string): void => {
    if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(schema.shape[field], value) ?? '' }));
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const r = schema.safeParse({ name, casePrefix, reportingCurrency: currency });
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    client.call('workspaces.create', r.data).then(props.onCreated, (err: unknown) => {
      setBusy(false);
      if (err instanceof RpcError && err.issues.length) setErrors(issueFieldErrors(err.issues));
      else setFailure(err);
    });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('ui.first-run.create-workspace-form')}>
      {failure ? <ErrorPanel error={failure} /> : null}
      <Field label={t('ui.first-run.workspace-name')} error={errors.name || undefined}>
        {(c) => <input className="input" {...c} value={name} onChange={(e) => {
          setName(e.target.value);
          recheck('name', e.target.value);
        }} placeholder={t('ui.first-run.workspace-name-placeholder')} />}
      </Field>
      <div className="form-grid">
        <Field label={t('ui.first-run.case-prefix')} error={errors.casePrefix || undefined} hint={t('ui.first-run.case-prefix-hint', { prefix: casePrefix || 'NEST' })}>
          {(c) => <input className="input mono" {...c} value={casePrefix} maxLength={12} onChange={(e) => {
                setCasePrefix(e.target.value.toUpperCase());
                recheck('casePrefix', e.target.value.toUpperCase());
              }} />}
        </Field>
        <Field label={t('ui.first-run.reporting-currency')} error={errors.reportingCurrency || undefined} hint={t('ui.first-run.reporting-currency-hint')}>
          {(c) => (
            <>
              <input className="input mono" {...c} list="ws-currencies" value={currency} maxLength={3} onChange={(e) => {
                  setCurrency(e.target.value.toUpperCase());
                  recheck('reportingCurrency', e.target.value.toUpperCase());
                }} />
              <datalist id="ws-currencies">
                {COMMON_CURRENCIES.map((code) => (
                  <option key={code} value={code} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('ui.first-run.creating') : t('ui.first-run.create-workspace')}
        </button>
      </div>
    </form>
  );
}
