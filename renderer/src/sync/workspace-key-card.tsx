/**
 * Relay & members → "Workspace key", for every member of every workspace, local-only included:
 * what the key is for, its fingerprint (the id `npm run verify` prints), when it was made, where
 * this computer got it, what is known of the relay's copy, and "Save public key…" (the native
 * Save dialog in Electron, a download in browser mode) writing `<workspace name>.pub.jwk`, the
 * file `npm run verify -- pack.zip --workspace-key <file>` reads. Only the public key reaches
 * this page (`workspaceKey.get`).
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { WorkspacePublicKey } from '../../../shared/rpc/workspace-key';
import { syncStatusOf, useLiveQuery } from '../data/use-live-query';
import { formatDateTime } from '../format/dates';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { KeyFingerprint } from '../ui/key-fingerprint';
import { ErrorPanel, Loading, Notice } from '../ui/states';
import { useSaveFile } from '../ui/use-save-file';

/** The Workspace key card of workspace `workspaceId`. */
export function WorkspaceKeyCard(props: { workspaceId: string }): ReactNode {
  // A round with the relay may bring the certificate (joined desktops) or prove the relay's copy.
  const q = useLiveQuery('workspaceKey.get', { workspaceId: props.workspaceId }, { refetchOn: [syncStatusOf(props.workspaceId), 'workspaces.changed'] });
  return (
    <section className="card settings-card" aria-labelledby="wskey-title" data-testid="workspace-key-card">
      <div className="card-header">
        <h2 id="wskey-title" className="grow">
          {t('ui.wskey.heading')}
        </h2>
      </div>
      <div className="card-body wskey-body">
        <p className="wskey-purpose">{t('ui.wskey.purpose')}</p>
        {q.data === undefined ? (
          q.error ? <ErrorPanel error={q.error} onRetry={q.reload} /> : <Loading>{t('ui.wskey.loading')}</Loading>
        ) : q.data === null ? (
          <Notice kind="info">{t('ui.wskey.none')}</Notice>
        ) : (
          <KeyFacts k={q.data} />
        )}
      </div>
    </section>
  );
}

function KeyFacts(props: { k: WorkspacePublicKey }): ReactNode {
  const { k } = props;
  const { busy, save } = useSaveFile();
  const created = k.createdAt !== null ? formatDateTime(k.createdAt) : k.source === 'this-desktop' ? t('ui.wskey.created-unknown') : t('ui.wskey.created-elsewhere');
  return (
    <>
      <div className="wskey-fingerprint">
        <KeyFingerprint kid={k.kid}>
          <CopyButton text={k.kid} what={t('ui.wskey.the-fingerprint')} />
        </KeyFingerprint>
      </div>
      <dl className="wskey-facts">
        <dt>{t('ui.wskey.created')}</dt>
        <dd data-testid="wskey-created">{created}</dd>
        <dt>{t('ui.wskey.relay')}</dt>
        <dd data-testid="wskey-relay">{k.relay ? relaySentence(k.relay) : t('sync.explain.off')}</dd>
      </dl>
      <p className="wskey-source">
        <Icon name="shield" size={14} /> {k.source === 'this-desktop' ? t('ui.wskey.held') : t('ui.wskey.certified', { at: k.certifiedAt !== null ? formatDateTime(k.certifiedAt) : '—' })}
      </p>
      <div className="wskey-actions">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={busy}
          onClick={() => save({ fetch: () => Promise.resolve({ fileName: k.fileName, content: k.fileContent }), mediaType: 'application/jwk+json', done: (file) => t('ui.wskey.saved', { file }) })}
        >
          <Icon name="download" size={14} /> {t('ui.wskey.save')}
        </button>
      </div>
    </>
  );
}

function relaySentence(r: NonNullable<WorkspacePublicKey['relay']>): string {
  if (r.state === 'accepted') return t('ui.wskey.relay-accepted', { at: formatDateTime(r.at) });
  if (r.state === 'other-key') return t('ui.wskey.relay-other-key', { kid: r.kid });
  return t('ui.wskey.relay-unconfirmed');
}
