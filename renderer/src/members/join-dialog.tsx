/**
 * "Join a workspace": paste the invitation string or open the `.nestinvite` file an admin gave
 * you (read as text in the page; nothing is uploaded anywhere). The data service reads it
 * (`invitations.inspect`) so you can check the workspace, the relay it points to, who it is for
 * and until when, before `workspaces.join` adds the workspace to this computer and starts syncing.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MEMBER_ROLE_LABELS } from '../../../shared/domain/codes';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { InvitationPreview } from '../../../shared/rpc/sync';
import { useClient } from '../app/services';
import { formatDateTime } from '../format/dates';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { describeError } from '../ui/states';
import { ROLE_EXPLANATIONS, RoleBadge } from './roles';
import './members.css';
import { t } from '../../../shared/messages';

/** Largest invitation file read, in bytes (an invitation is about 1 KB). */
const MAX_FILE_BYTES = 64 * 1024;

/** The join dialog; `onJoined` gets the joined workspace. */
export function JoinDialog(props: { onClose: () => void; onJoined: (w: WorkspaceSummary) => void }): ReactNode {
  const client = useClient();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // Read the invitation as it is typed or pasted (debounced), to show what it points to.
  useEffect(() => {
    const value = text.trim();
    setPreview(null);
    setProblem(null);
    if (!value) return;
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      client.call('invitations.inspect', { invitation: value.slice(0, 20_000) }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setProblem(null);
          setChecking(false);
        },
        (err: unknown) => {
          if (!live) return;
          const d = describeError(err);
          setProblem(d.detail || d.title);
          setChecking(false);
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text]);

  const openFile = (file: File | undefined): void => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(t('ui.members.file-not-invitation', { fileName: file.name, size: Math.round(file.size / 1024) }));
      return;
    }
    file.text().then(
      (content) => {
        setFileName(file.name);
        setText(content.trim());
      },
      () => setProblem(t('ui.members.file-unreadable', { fileName: file.name })),
    );
  };

  // Joining needs an invitation that was read: until then the field says what is missing (and gets the focus).
  const join = (): false | Promise<void> => {
    if (!preview) {
      if (!problem) setProblem(t(text.trim() ? 'ui.members.still-reading' : 'ui.members.no-invitation'));
      return false;
    }
    return client.call('workspaces.join', { invitation: text.trim() }).then(props.onJoined);
  };

  return (
    <FormDialog
      title={t('ui.members.join-title')}
      description={t('ui.members.join-description')}
      onClose={props.onClose}
      size="wide"
      className="join-dialog"
      formClassName="dialog-body stack"
      submitLabel={preview ? t('ui.members.join-named', { workspace: preview.workspaceName }) : t('ui.members.join-workspace')}
      busyLabel={t('ui.members.joining')}
      onSubmit={join}
    >
      <Field label={t('ui.members.invitation')} error={problem ?? undefined} hint={fileName ? t('ui.members.read-from', { fileName }) : t('ui.members.invitation-hint')}>
        {(c) => (
          <textarea
            className="textarea join-input"
            {...c}
            value={text}
            placeholder={t('ui.members.invitation-placeholder')}
            spellCheck={false}
            autoFocus
            onChange={(e) => {
              setFileName(null);
              setText(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="join-or">
        <span>{t('ui.members.or')}</span>
        <button type="button" className="btn btn-sm" onClick={() => fileInput.current?.click()}>
          <Icon name="file" size={14} /> {t('ui.members.open-file')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".nestinvite,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="invitation-file"
          onChange={(e) => {
            openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {checking && !preview ? <p className="muted small" role="status">{t('ui.members.reading')}</p> : null}
      {preview ? <InvitationPreviewCard preview={preview} /> : null}
    </FormDialog>
  );
}

function InvitationPreviewCard(props: { preview: InvitationPreview }): ReactNode {
  const p = props.preview;
  return (
    <section className="join-preview" aria-label={t('ui.members.preview-label')} data-testid="join-preview">
      <p className="join-preview-title">
        <Icon name="folder" /> {p.workspaceName || t('ui.members.unnamed-workspace')}
      </p>
      <dl>
        <dt>{t('ui.members.relay')}</dt>
        <dd className="mono" data-testid="join-relay">
          {p.relayUrl}
        </dd>
        <dt>{t('ui.members.join-as')}</dt>
        <dd>
          {p.name || '—'}
          {p.agency ? t('ui.members.agency-suffix', { agency: p.agency }) : ''}
        </dd>
        <dt>{t('ui.members.role')}</dt>
        <dd>
          <RoleBadge role={p.role} /> <span className="muted small">{t(ROLE_EXPLANATIONS[p.role])}</span>
        </dd>
        <dt>{t('ui.members.valid-until')}</dt>
        <dd>{p.expiresAt ? formatDateTime(p.expiresAt) : t('ui.members.no-expiry')}</dd>
      </dl>
      {p.known ? (
        <p className="small join-known">
          <Icon name="info" size={13} /> {t('ui.members.already-here', { role: MEMBER_ROLE_LABELS[p.role] })}
        </p>
      ) : null}
    </section>
  );
}
