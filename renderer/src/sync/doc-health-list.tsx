/**
 * The sync health of a workspace's documents on the Relay & members page (issue 9 item 6): a
 * warning for every document whose changes the relay has not confirmed for longer than the
 * threshold while it could be reached ("3 changes to case TFA-2026-0001 have not reached the
 * relay for 4 minutes."), then one row per document — its name (a case links to it), its link
 * state, when the relay last confirmed it holds every change, what waits — with "Sync now" per
 * document and for all of them. Rows come from `sync.status` (`health`), which the data service
 * pushes as they change.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { DocHealthRow, SyncStatus } from '../../../shared/rpc/sync';
import { routeHref } from '../app/router';
import { formatDateTime } from '../format/dates';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { confirmedText, docLabel, docSubject, waitingText, warningSentence } from './health-labels';
import { refusedAdvice, SYNC_STATE_LABELS, syncTone, updateRefusalReason } from './sync-labels';
import { useNow } from './use-now';
import { ALL_DOCS, useSyncNow } from './use-sync-now';

/** A button that runs "Sync now" and says "Waiting for the relay…" until the relay confirms. */
function SyncNowButton(props: { busy: boolean; onClick: () => void; label: string; primary?: boolean; testId: string }): ReactNode {
  return (
    <button type="button" className={`btn btn-sm${props.primary ? ' btn-primary' : ''}`} onClick={props.onClick} disabled={props.busy} aria-busy={props.busy} data-testid={props.testId}>
      {props.busy ? <span className="spinner spinner-sm" aria-hidden="true" /> : <Icon name="globe" size={14} />}
      {props.busy ? t('sync.now.busy') : props.label}
    </button>
  );
}

/** The health list of the workspace in `status`. */
export function DocHealthList(props: { status: SyncStatus }): ReactNode {
  const { status } = props;
  const now = useNow(15_000);
  const syncNow = useSyncNow(status.workspaceId);
  const overdue = status.health.filter((r) => r.warning);
  // Docs whose change the relay refused (close 4409): shown first, with what the member can do.
  const refused = status.health.filter((r) => r.refusedUpdate);

  const docCell = (r: DocHealthRow): ReactNode =>
    r.kind === 'case' && r.caseId ? (
      <a href={routeHref({ name: 'case', ws: status.workspaceId, caseId: r.caseId, tab: 'overview' })}>{docLabel(r)}</a>
    ) : (
      <span>{docLabel(r)}</span>
    );
  const columns: Column<DocHealthRow>[] = [
    { id: 'doc', header: t('sync.health.col-doc'), cell: docCell, className: 'health-doc' },
    {
      id: 'state',
      header: t('sync.health.col-state'),
      className: 'col-nowrap',
      cell: (r) => (
        <span className={`doc-sync sync-tone-${r.refusedUpdate ? 'danger' : r.warning ? 'warn' : r.state ? syncTone(r.state) : 'muted'}`} data-state={r.refusedUpdate ? 'update-refused' : (r.state ?? 'idle')}>
          <span className="sync-dot" aria-hidden="true" />
          {r.refusedUpdate ? t('sync.refused.state') : r.warning ? t('sync.badge.unconfirmed') : r.state ? SYNC_STATE_LABELS[r.state] : t('sync.health.between-rounds')}
        </span>
      ),
    },
    {
      id: 'confirmed',
      header: t('sync.health.col-confirmed'),
      className: 'col-nowrap',
      cell: (r) => (
        <span title={r.lastAckAt !== null ? formatDateTime(r.lastAckAt) : undefined} data-testid="health-confirmed">
          {confirmedText(r, now)}
        </span>
      ),
    },
    { id: 'waiting', header: t('sync.health.col-waiting'), cell: (r) => <span className={r.waiting.updates > 0 ? 'health-waiting' : 'muted'}>{waitingText(r, now)}</span> },
    {
      id: 'actions',
      header: t('sync.health.col-actions'),
      hideHeader: true,
      className: 'col-nowrap col-actions',
      cell: (r) => (
        <SyncNowButton
          busy={syncNow.pending.has(r.doc) || syncNow.pending.has(ALL_DOCS)}
          onClick={() => syncNow.run(r.doc, docSubject(r))}
          label={t('sync.now.button')}
          testId="health-sync-now"
        />
      ),
    },
  ];

  return (
    <section className="doc-health" aria-labelledby="doc-health-title" data-testid="doc-health">
      <div className="doc-health-head">
        <div className="grow">
          <h3 id="doc-health-title" className="doc-health-title">
            {t('sync.health.title')}
          </h3>
          <p className="muted doc-health-intro">{t('sync.health.intro')}</p>
        </div>
        <SyncNowButton busy={syncNow.pending.has(ALL_DOCS)} onClick={() => syncNow.run(null)} label={t('sync.now.button')} primary testId="sync-now-all" />
      </div>
      {refused.length > 0 ? (
        <div className="alert alert-warning health-warning" role="alert" data-testid="health-refused">
          <Icon name="shield" />
          <div>
            <p className="alert-title">{t('sync.refused.title', { count: refused.length })}</p>
            <ul className="health-warning-list">
              {refused.map((r) => (
                <li key={r.doc}>{t('sync.refused.doc', { subject: docSubject(r), reason: updateRefusalReason(r.refusedUpdate ?? '') })}</li>
              ))}
            </ul>
            {[...new Set(refused.map((r) => refusedAdvice(r.refusedUpdate ?? '')))].map((advice) => (
              <p key={advice}>{advice}</p>
            ))}
          </div>
        </div>
      ) : null}
      {overdue.length > 0 ? (
        <div className="alert alert-warning health-warning" role="alert" data-testid="health-warning">
          <Icon name="alert" />
          <div>
            <p className="alert-title">{t('sync.warning.title', { count: overdue.length })}</p>
            <ul className="health-warning-list">
              {overdue.map((r) => (
                <li key={r.doc}>{warningSentence(r, now)}</li>
              ))}
            </ul>
            <p>{t('sync.warning.advice')}</p>
          </div>
        </div>
      ) : null}
      <DataTable
        label={t('sync.health.table')}
        columns={columns}
        rows={status.health}
        rowKey={(r) => r.doc}
        rowAttributes={(r) => ({ 'data-doc': r.doc, 'data-warning': String(r.warning) })}
        empty={t('sync.health.empty')}
        scroll={false}
        className="health-table"
      />
    </section>
  );
}
