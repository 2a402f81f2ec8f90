/**
 * The header's sync pill for the open workspace: "Synced · just now", "Syncing…", "Offline —
 * changes saved on this computer", "Access refused", "Sync error", or a quiet "Local only" when
 * the workspace does not sync. Clicking it opens a small panel with what the state means, the
 * relay, the last complete sync, the documents being synced, the technical detail, Retry, and a
 * link to the Relay & members page. Driven by `sync.status` (use-sync-status.ts).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { useLiveQuery } from '../data/use-live-query';
import { formatDateTime, formatRelative } from '../format/dates';
import { Icon } from '../ui/icons';
import { describeError } from '../ui/states';
import { useSyncStatus } from './use-sync-status';
import { useNow } from './use-now';
import { retrySync } from './retry';
import { docCountsText, syncExplanation, syncPillLabel, syncTone, SYNC_STATE_LABELS } from './sync-labels';
import { canIn } from '../members/use-can';
import { warningSentence } from './health-labels';
import './sync.css';
import './doc-health.css';

/** The sync pill of `workspaceId`, with its detail panel. */
export function SyncStatusPill(props: { workspaceId: string }): ReactNode {
  const client = useClient();
  const status = useSyncStatus(props.workspaceId);
  const list = useLiveQuery('workspaces.list', {}, { refetchOn: ['workspaces.changed'] });
  const summary = list.data?.find((w) => w.id === props.workspaceId);
  const admin = summary !== undefined && canIn(summary, 'sync.configure');
  const now = useNow(15_000);
  const [open, setOpen] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!status) return null;
  // Changes the relay has not confirmed past the threshold while reachable outrank "Syncing…".
  const overdue = status.health.filter((r) => r.warning);
  const tone = overdue.length > 0 && syncTone(status.state) !== 'danger' ? 'warn' : syncTone(status.state);
  const label = overdue.length > 0 && tone === 'warn' ? t('sync.pill.unconfirmed', { count: overdue.length }) : syncPillLabel(status, now);
  const canRetry = status.state === 'offline' || status.state === 'refused' || status.state === 'error';

  const retry = (): void => {
    setRetrying(true);
    setRetryError(null);
    retrySync(client, status, admin)
      .catch((err: unknown) => {
        const d = describeError(err);
        setRetryError(`${d.title} ${d.detail}`.trim());
      })
      .finally(() => setRetrying(false));
  };

  return (
    <div className="sync-pill-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className={`sync-pill sync-tone-${tone}`}
        data-testid="sync-pill"
        data-state={status.state}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={t('sync.pill.aria', { label })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-pill-text">{label}</span>
        <Icon name="chevron-down" size={12} />
      </button>
      {open ? (
        <div className="sync-popover" id={panelId} role="dialog" aria-label={t('sync.pill.panel')}>
          <div className="sync-popover-head">
            <span className={`sync-state sync-tone-${tone}`}>
              <span className="sync-dot" aria-hidden="true" />
              {SYNC_STATE_LABELS[status.state]}
            </span>
          </div>
          <p className="sync-popover-text">{syncExplanation(status.state, { admin, detail: status.detail })}</p>
          {overdue.length > 0 ? (
            <ul className="sync-popover-warnings" data-testid="pill-warnings">
              {overdue.map((r) => (
                <li key={r.doc}>{warningSentence(r, now)}</li>
              ))}
            </ul>
          ) : null}
          {status.state !== 'off' ? (
            <dl className="sync-facts">
              <dt>{t('sync.fact.relay')}</dt>
              <dd className="mono">{status.relayUrl ?? '—'}</dd>
              <dt>{t('sync.fact.last-synced')}</dt>
              <dd>{status.lastSyncedAt ? t('sync.fact.when', { main: formatRelative(status.lastSyncedAt, now), aside: formatDateTime(status.lastSyncedAt) }) : t('sync.fact.not-yet')}</dd>
              <dt>{t('sync.fact.documents')}</dt>
              <dd>{docCountsText(status.docs)}</dd>
              {status.detail ? (
                <>
                  <dt>{t('sync.fact.detail')}</dt>
                  <dd className="sync-detail">{status.detail}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {retryError ? (
            <p className="field-error" role="alert">
              <Icon name="alert" size={13} />
              <span>{retryError}</span>
            </p>
          ) : null}
          <div className="sync-popover-actions">
            {canRetry ? (
              <button type="button" className="btn btn-sm btn-primary" onClick={retry} disabled={retrying}>
                {retrying ? t('sync.action.retrying') : t('sync.action.retry-now')}
              </button>
            ) : null}
            <a className="btn btn-sm" href={`#/w/${props.workspaceId}/relay`} onClick={() => setOpen(false)}>
              <Icon name="users" size={14} /> {t('ui.shell.relay-members')}
            </a>
          </div>
        </div>
      ) : null}
    </div>
  );
}
