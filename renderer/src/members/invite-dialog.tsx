/**
 * "Invite a member" (admins): name, agency, role (each with what it may do) and how many days
 * the invitation is valid; `invitations.create` adds the member to the workspace and signs their
 * token. The result is one string (`NEST1.…`) to copy or save as a `.nestinvite` file, handed
 * over out of band — like a password, since whoever holds it can act as that member.
 */
import { useState, type ReactNode } from 'react';
import { z } from 'zod';
import { identityInputSchema } from '../../../shared/domain/member';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/domain/codes';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { RpcResult } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';
import { checkField, issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { formatDateTime } from '../format/dates';
import { Dialog } from '../ui/dialog';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { describeError } from '../ui/states';
import { useToast } from '../ui/toast';
import { ROLE_EXPLANATIONS, RoleBadge } from './roles';
import { saveInvitationFile } from './save-invitation';
import './members.css';
import { t } from '../../../shared/messages';

/** Longest validity of an invitation, in days (two years). */
const MAX_DAYS = 730;

/** The invitation form's schema; its messages come from the catalogue when it is built (so they follow the locale). */
function inviteSchema() {
  const validDays = z.coerce
    .number({ error: t('ui.members.days-not-number') })
    .int(t('ui.members.days-not-whole'))
    .min(1, t('ui.members.days-too-few'))
    .max(MAX_DAYS, t('ui.members.days-too-many'));
  return z.object({ name: identityInputSchema.shape.name, agency: identityInputSchema.shape.agency, role: z.enum(MEMBER_ROLES), validDays });
}

type Invitation = RpcResult<'invitations.create'>;

/** The invitation dialog of workspace `ws`. */
export function InviteDialog(props: { ws: WorkspaceSummary; onClose: () => void }): ReactNode {
  const [done, setDone] = useState<{ invitation: Invitation; name: string; agency: string; role: MemberRole } | null>(null);
  return done ? <InvitationResult {...done} ws={props.ws} onClose={props.onClose} /> : <InviteForm ws={props.ws} onClose={props.onClose} onCreated={setDone} />;
}

function InviteForm(props: { ws: WorkspaceSummary; onClose: () => void; onCreated: (r: { invitation: Invitation; name: string; agency: string; role: MemberRole }) => void }): ReactNode {
  const client = useClient();
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [role, setRole] = useState<MemberRole>('investigator');
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<FieldErrors>({});

  const recheck = (field: 'name' | 'agency' | 'validDays', value: string): void => {
    if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(inviteSchema().shape[field], value) ?? '' }));
  };

  const submit = (): false | Promise<void> => {
    const r = inviteSchema().safeParse({ name, agency, role, validDays: days.trim() });
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return false;
    }
    setErrors({});
    return client
      .call('invitations.create', { workspaceId: props.ws.id, ...r.data })
      .then((invitation) => props.onCreated({ invitation, name: r.data.name, agency: r.data.agency, role: r.data.role }));
  };

  return (
    <FormDialog
      title={t('ui.members.invite-title')}
      description={t('ui.members.invite-description', { workspace: props.ws.name })}
      onClose={props.onClose}
      size="wide"
      formClassName="dialog-body stack"
      submitLabel={t('ui.members.create-invitation')}
      busyLabel={t('ui.members.creating')}
      onSubmit={submit}
      onIssues={(issues) => setErrors(issueFieldErrors(issues))}
    >
      <div className="form-grid">
        <Field label={t('ui.members.full-name')} error={errors.name || undefined}>
          {(c) => (
            <input
              className="input"
              {...c}
              value={name}
              autoFocus
              placeholder={t('ui.members.full-name-placeholder')}
              onChange={(e) => {
                setName(e.target.value);
                recheck('name', e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('ui.members.agency')} error={errors.agency || undefined}>
          {(c) => (
            <input
              className="input"
              {...c}
              value={agency}
              placeholder={t('ui.members.agency-placeholder')}
              onChange={(e) => {
                setAgency(e.target.value);
                recheck('agency', e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('ui.members.role')}</legend>
        <div className="role-choices">
          {MEMBER_ROLES.map((r) => (
            <label className="radio-card" key={r}>
              <input type="radio" name="invite-role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span>
                <span className="radio-card-title">{MEMBER_ROLE_LABELS[r]}</span>
                <span className="radio-card-text">{t(ROLE_EXPLANATIONS[r])}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('ui.members.valid-days')} error={errors.validDays || undefined} hint={t('ui.members.valid-days-hint')} className="invite-days-field">
        {(c) => (
          <input
            className="input invite-days"
            {...c}
            inputMode="numeric"
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
              recheck('validDays', e.target.value);
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}

function InvitationResult(props: { invitation: Invitation; name: string; agency: string; role: MemberRole; ws: WorkspaceSummary; onClose: () => void }): ReactNode {
  const { invitation } = props;
  const toast = useToast();
  const save = (): void => {
    saveInvitationFile(invitation.fileName, invitation.invitation).then(
      (saved) => saved && toast(t('ui.members.saved-file', { fileName: invitation.fileName })),
      (err: unknown) => {
        const d = describeError(err);
        toast(`${d.title} ${d.detail}`.trim(), 'error');
      },
    );
  };
  return (
    <Dialog
      title={t('ui.members.ready-title')}
      description={t('ui.members.ready-description', { name: props.name })}
      onClose={props.onClose}
      size="wide"
      className="invitation-dialog"
      footer={
        <button type="button" className="btn btn-primary" onClick={props.onClose}>
          {t('ui.members.done')}
        </button>
      }
    >
      <div className="dialog-body stack">
        <div className="invitation-summary">
          <span className="grow">
            <span className="invitation-summary-name">{props.name}</span>
            <span className="invitation-summary-meta">{t('ui.members.agency-suffix', { agency: props.agency })}</span>
            <span className="invitation-summary-meta" role="note">
              {' '}
              {t('ui.members.valid-until-meta', { when: formatDateTime(invitation.expiresAt) })}
            </span>
          </span>
          <RoleBadge role={props.role} />
        </div>
        <div className="alert alert-warning" role="note">
          <Icon name="shield" />
          <div>
            <p className="alert-title">{t('ui.members.like-password')}</p>
            <p>
              {t('ui.members.like-password-text', { workspace: props.ws.name, name: props.name })}
            </p>
          </div>
        </div>
        <Field label={t('ui.members.invitation')}>
          {(c) => <textarea className="textarea invitation-box" {...c} readOnly value={invitation.invitation} data-testid="invitation-string" onFocus={(e) => e.currentTarget.select()} />}
        </Field>
        <div className="invitation-actions">
          <CopyButton text={invitation.invitation} what={t('ui.members.the-invitation')} />
          <button type="button" className="btn btn-sm" onClick={save}>
            <Icon name="download" size={14} /> {t('ui.members.save-file')}
          </button>
          <span className="muted small grow">{invitation.fileName}</span>
        </div>
      </div>
    </Dialog>
  );
}
