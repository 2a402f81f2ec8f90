/**
 * First run, step 1: who is using this computer. Name, agency and role are validated with the
 * shared identity schema (messages next to the fields) and saved with `identity.create`. A new
 * member with an invitation joins instead: the identity then comes from the invitation.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { identityInputSchema } from '../../../shared/domain/member';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/domain/codes';
import type { Identity } from '../../../shared/rpc/app';
import { useClient } from '../app/services';
import { RpcError } from '../data/rpc-error';
import { Field } from '../ui/field';
import { ErrorPanel } from '../ui/states';
import { checkField, issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { OnboardingLayout } from './onboarding-layout';
import { useDocumentTitle } from '../hooks/use-document-title';
import { JoinInstead } from '../members/join-launchers';

const ROLE_HELP: Record<MemberRole, string> = {
  admin: 'Sets up workspaces and manages members.',
  investigator: 'Reads and edits case files.',
  prosecutor: 'Edits cases and exports case packs.',
  observer: 'Reads only (e.g. a partner NGO).',
};

/** The identity form. */
export function IdentityScreen(props: { onCreated: (identity: Identity) => void }): ReactNode {
  const client = useClient();
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [role, setRole] = useState<MemberRole>('investigator');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle('Welcome');

  /** Re-checks a field that shows a message, so the message goes as soon as it is fixed. */
  const recheck = (field: 'name' | 'agency', value: string): void => {
    if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(identityInputSchema.shape[field], value) ?? '' }));
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const r = identityInputSchema.safeParse({ name, agency, role });
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    client.call('identity.create', r.data).then(props.onCreated, (err: unknown) => {
      setBusy(false);
      if (err instanceof RpcError && err.issues.length) setErrors(issueFieldErrors(err.issues));
      else setFailure(err);
    });
  };

  return (
    <OnboardingLayout step={1}>
      <form className="onboarding-form" onSubmit={submit} noValidate aria-labelledby="identity-title">
        <h2 id="identity-title">Set up your identity</h2>
        <p className="onboarding-lead">Your name and agency are shown to colleagues next to every change you make. They stay on this computer.</p>
        {failure ? <ErrorPanel error={failure} /> : null}
        <Field label="Full name" error={errors.name || undefined}>
          {(c) => <input className="input" {...c} value={name} onChange={(e) => {
                setName(e.target.value);
                recheck('name', e.target.value);
              }} autoComplete="name" placeholder="e.g. Siti Rahman" autoFocus />}
        </Field>
        <Field label="Agency" error={errors.agency || undefined} hint="Your organisation as colleagues know it, e.g. “Singapore Customs”.">
          {(c) => <input className="input" {...c} value={agency} onChange={(e) => {
                setAgency(e.target.value);
                recheck('agency', e.target.value);
              }} autoComplete="organization" placeholder="e.g. National Parks Board" />}
        </Field>
        <fieldset className="fieldset">
          <legend className="field-label">Role in the task force</legend>
          <div className="radio-cards">
            {MEMBER_ROLES.map((r) => (
              <label className="radio-card" key={r}>
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  <span className="radio-card-title">{MEMBER_ROLE_LABELS[r]}</span>
                  <span className="radio-card-text">{ROLE_HELP[r]}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.role ? <p className="field-error">{errors.role}</p> : null}
        </fieldset>
        <div className="onboarding-actions">
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
            {busy ? 'Saving…' : 'Continue'}
          </button>
        </div>
      </form>
      <JoinInstead onJoined={() => void client.call('identity.get', {}).then((id) => id && props.onCreated(id), setFailure)} />
    </OnboardingLayout>
  );
}
