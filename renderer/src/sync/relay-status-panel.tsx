/**
 * The live sync status on the Relay & members page: the state with what it means (and, when the
 * relay refuses, who can fix it), the relay, the last complete sync, the documents being synced
 * and the technical detail; Retry (any member, when something is wrong) and Disconnect (admins,
 * after a confirmation; the cases stay on this computer).
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { SyncStatus } from '../../../shared/rpc/sync';
import { useClient } from '../app/services';
import { formatDateTime, formatRelative } from '../format/dates';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Icon, type IconName } from '../ui/icons';
import { describeError } from '../ui/states';
import { useToast } from '../ui/toast';
import { retrySync } from './retry';
import { useNow } from './use-now';
import { docCountsText, syncExplanation, syncTone, SYNC_STATE_LABELS } from './sync-labels';

const ICONS: Record<SyncStatus['state'], IconName> = { off: 'database', synced: 'check', syncing: 'globe', offline: 'alert', refused: 'shield', error: 'alert' };

/** The status panel of a syncing workspace. */
export function RelayStatusPanel(props: { status: SyncStatus; admin: boolean; commandShownAbove: boolean }): ReactNode {
  const { status, admin } = props;
  const client = useClient();
  const toast = useToast();
  const now = useNow(15_000);
  const [busy, setBusy] = useState<'retry' | 'disconnect' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const tone = syncTone(status.state);
  const problem = status.state === 'offline' || status.state === 'refused' || status.state === 'error';

  const fail = (err: unknown): void => {
    const d = describeError(err);
    toast(`${d.title} ${d.detail}`.trim(), 'error');
  };
  const retry = (): void => {
    setBusy('retry');
    retrySync(client, status, admin)
      .catch(fail)
      .finally(() => setBusy(null));
  };
  const disconnect = (): void => {
    setConfirming(false);
    setBusy('disconnect');
    client
      .call('sync.disconnect', { workspaceId: status.workspaceId })
      .then(() => toast(t('sync.disconnect.done')), fail)
      .finally(() => setBusy(null));
  };

  return (
    <section className={`relay-status sync-tone-${tone}`} aria-labelledby="relay-status-title" data-testid="relay-status" data-state={status.state}>
      <span className="relay-status-icon" aria-hidden="true">
        <Icon name={ICONS[status.state]} size={18} />
      </span>
      <div className="grow">
        <h3 className="relay-status-title" id="relay-status-title" role="status">
          {SYNC_STATE_LABELS[status.state]}
          {status.state === 'synced' && status.lastSyncedAt ? <span className="muted"> · {formatRelative(status.lastSyncedAt, now)}</span> : null}
        </h3>
        <p className="relay-status-text" data-testid="relay-status-text">
          {syncExplanation(status.state, { admin, detail: status.detail, commandShownAbove: props.commandShownAbove })}
        </p>
        <dl className="sync-facts">
          <dt>{t('sync.fact.relay')}</dt>
          <dd>
            <span className="mono" data-testid="relay-url">
              {status.relayUrl}
            </span>
          </dd>
          <dt>{t('sync.fact.last-synced')}</dt>
          <dd>{status.lastSyncedAt ? t('sync.fact.when', { main: formatDateTime(status.lastSyncedAt), aside: formatRelative(status.lastSyncedAt, now) }) : t('sync.fact.not-yet')}</dd>
          <dt>{t('sync.fact.documents')}</dt>
          <dd>{docCountsText(status.docs)}</dd>
          {status.detail ? (
            <>
              <dt>{t('sync.fact.detail')}</dt>
              <dd className="sync-detail">{status.detail}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="relay-status-actions">
        {problem ? (
          <button type="button" className="btn btn-sm btn-primary" onClick={retry} disabled={busy !== null}>
            {busy === 'retry' ? t('sync.action.retrying') : t('sync.action.retry')}
          </button>
        ) : null}
        {admin ? (
          <button type="button" className="btn btn-sm" onClick={() => setConfirming(true)} disabled={busy !== null}>
            {busy === 'disconnect' ? t('sync.action.disconnecting') : t('sync.action.disconnect')}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog title={t('sync.disconnect.title')} confirmLabel={t('sync.action.disconnect')} onConfirm={disconnect} onCancel={() => setConfirming(false)}>
          <p>
            {t('sync.disconnect.text-before')} <span className="mono">{status.relayUrl}</span>
            {t('sync.disconnect.text-after')}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
