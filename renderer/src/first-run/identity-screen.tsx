/**
 * First run, step 1: who is using this computer. Name, agency and role are validated with the
 * shared identity schema (messages next to the fields) and saved with `identity.create`. A new
 * member with an invitation joins instead: the identity then comes from the invitation.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { identityInputSchema } from '../../../shared/domain/member';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/domain/codes';
import type { Identity } from '../../../shared/rpc/app';
import { t, type MessageId } from '../../../shared/messages';
import { useClient } from '../app/services';
import { RpcError } from '../data/rpc-error';
import { Field } from '../ui/field';
import { ErrorPanel } from '../ui/states';
import { checkField, issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { OnboardingLayout } from './onboarding-layout';
import { useDocumentTitle } from '../hooks/use-document-title';
import { JoinInstead } from '../members/join-launchers';

const ROLE_HELP: Record<MemberRole, MessageId> = {
  admin: 'ui.first-run.role-help-admin',
  investigator: 'ui.first-run.role-help-investigator',
  prosecutor: 'ui.first-run.role-help-prosecutor',
  observer: 'ui.first-run.role-help-observer',
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
  useDocumentTitle(t('ui.first-run.welcome-title'));

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
        <h2 id="identity-title">{t('ui.first-run.identity-heading')}</h2>
        <p className="onboarding-lead">{t('ui.first-run.identity-lead')}</p>
        {failure ? <ErrorPanel error={failure} /> : null}
        <Field label={t('ui.first-run.full-name')} error={errors.name || undefined}>
          {(c) => <input className="input" {...c} value={name} onChange={(e) => {
                setName(e.target.value);
                recheck('name', e.target.value);
              }} autoComplete="name" placeholder={t('ui.first-run.full-name-placeholder')} autoFocus />}
        </Field>
        <Field label={t('ui.first-run.agency')} error={errors.agency || undefined} hint={t('ui.first-run.agency-hint')}>
          {(c) => <input className="input" {...c} value={agency} onChange={(e) => {
                setAgency(e.target.value);
                recheck('agency', e.target.value);
              }} autoComplete="organization" placeholder={t('ui.first-run.agency-placeholder')} />}
        </Field>
        <fieldset className="fieldset">
          <legend className="field-label">{t('ui.first-run.role-legend')}</legend>
          <div className="radio-cards">
            {MEMBER_ROLES.map((r) => (
              <label className="radio-card" key={r}>
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  <span className="radio-card-title">{MEMBER_ROLE_LABELS[r]}</span>
                  <span className="radio-card-text">{t(ROLE_HELP[r])}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.role ? <p className="field-error">{errors.role}</p> : null}
        </fieldset>
        <div className="onboarding-actions">
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
            {busy ? t('ui.first-run.saving') : t('ui.first-run.continue')}
          </button>
        </div>
      </form>
      <JoinInstead disabled={busy} onJoined={() => void client.call('identity.get', {}).then((id) => id && props.onCreated(id), setFailure)} />
    </OnboardingLayout>
  );
}
