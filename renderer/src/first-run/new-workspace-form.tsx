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
    <form className="stack" onSubmit={submit} noValidate aria-label="Create a workspace">
      {failure ? <ErrorPanel error={failure} /> : null}
      <Field label="Workspace name" error={errors.name || undefined}>
        {(c) => <input className="input" {...c} value={name} onChange={(e) => {
          setName(e.target.value);
          recheck('name', e.target.value);
        }} placeholder="e.g. NEST Singapore 2026" />}
      </Field>
      <div className="form-grid">
        <Field label="Case prefix" error={errors.casePrefix || undefined} hint={`Cases are numbered ${casePrefix || 'NEST'}-2026-0001, …`}>
          {(c) => <input className="input mono" {...c} value={casePrefix} maxLength={12} onChange={(e) => {
                setCasePrefix(e.target.value.toUpperCase());
                recheck('casePrefix', e.target.value.toUpperCase());
              }} />}
        </Field>
        <Field label="Reporting currency" error={errors.reportingCurrency || undefined} hint="ISO 4217, for profit estimates.">
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
          {busy ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
