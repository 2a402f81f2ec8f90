/**
 * One document's link to the relay, for the case header: "Synced", "Syncing…", "Offline",
 * "Access refused", "Sync error", read from `status.live[docName]` of the workspace's sync status.
 * When the relay has not confirmed the case's changes for longer than the warning threshold while
 * it can be reached (sync health, `status.health`), the badge says "Not on the relay", its tooltip
 * says how many changes and for how long, and a "Sync now" button sits beside it.
 * Nothing is shown when the workspace does not sync (or the doc has no live link yet).
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { docSubject, warningSentence } from './health-labels';
import { useNow } from './use-now';
import { useSyncStatus } from './use-sync-status';
import { useSyncNow } from './use-sync-now';
import { refusedAdvice, SYNC_STATE_LABELS, syncTone, updateRefusalReason, type DocSyncState } from './sync-labels';
import './sync.css';
import './doc-health.css';

/** The link state of doc `docName` in workspace `workspaceId`. */
export function DocSyncBadge(props: { workspaceId: string; docName: string }): ReactNode {
  const status = useSyncStatus(props.workspaceId);
  const now = useNow(15_000);
  const syncNow = useSyncNow(props.workspaceId);
  if (!status || status.state === 'off') return null;
  const state = status.live[props.docName];
  if (!state) return null;
  const health = status.health.find((r) => r.doc === props.docName);
  if (health?.warning) {
    const busy = syncNow.pending.has(props.docName);
    return (
      <span className="doc-sync-wrap">
        <span className="doc-sync sync-tone-warn" data-testid="doc-sync-state" data-state={state} data-warning="true" title={`${warningSentence(health, now)} ${t('sync.warning.advice')}`}>
          <Icon name="alert" size={12} />
          {t('sync.badge.unconfirmed')}
          <span className="visually-hidden"> {warningSentence(health, now)}</span>
        </span>
        <button type="button" className="btn btn-sm doc-sync-now" onClick={() => syncNow.run(props.docName, docSubject(health))} disabled={busy} aria-busy={busy} data-testid="doc-sync-now">
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? t('sync.now.busy') : t('sync.now.button')}
        </button>
      </span>
    );
  }
  // A change the relay refused is not a permission problem: say so, and why (F-CUST-2).
  if (health?.refusedUpdate) {
    const why = `${t('sync.refused.doc', { subject: docSubject(health), reason: updateRefusalReason(health.refusedUpdate) })} ${refusedAdvice(health.refusedUpdate)}`;
    return (
      <span className="doc-sync sync-tone-danger" data-testid="doc-sync-state" data-state={state} data-refused-update={health.refusedUpdate} title={why}>
        <Icon name="alert" size={12} />
        {t('sync.refused.state')}
        <span className="visually-hidden"> {why}</span>
      </span>
    );
  }
  // A read-only link is shown as synced: the case header has its own "Read-only" badge.
  const shown: DocSyncState = state === 'read-only' ? 'synced' : state;
  return (
    <span className={`doc-sync sync-tone-${syncTone(shown)}`} data-testid="doc-sync-state" data-state={state} title={t(`sync.badge.${state}`)}>
      <span className="sync-dot" aria-hidden="true" />
      {SYNC_STATE_LABELS[shown]}
      <span className="visually-hidden">{t('sync.badge.what')}</span>
    </span>
  );
}
