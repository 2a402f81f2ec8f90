/**
 * A case's history for admins (issue 10): the relay's provenance log of the case doc (every
 * accepted change: when, which member, size, hash), the relay's alerts for the workspace (e.g. a
 * refused mass deletion), and "Restore to here", which writes the case as it was after that change
 * as a new change by this admin (`history.restore`). Collapsed by default; nothing is asked of
 * the relay until it is opened.
 */
import { useState, type ReactNode } from 'react';
import type { ProvenanceEntry, RelayAlert } from '../../../shared/protocol/relay/history';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { useLiveQuery } from '../data/use-live-query';
import { formatDateTime } from '../format/dates';
import { useMembers } from '../hooks/use-members';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { DataTable, type Column } from '../ui/data-table';
import { ErrorPanel } from '../ui/states';

/** The history section of a case (render it for members who may `history.view`). */
export function HistorySection(props: { workspaceId: string; caseId: string }): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <details className="card history-section" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="card-header">
        <h2>{t('ui.history.title')}</h2>
      </summary>
      {open ? <HistoryBody {...props} /> : null}
    </details>
  );
}

function HistoryBody(props: { workspaceId: string; caseId: string }): ReactNode {
  const { workspaceId, caseId } = props;
  const client = useClient();
  const members = useMembers(workspaceId);
  const [after, setAfter] = useState(0);
  const [entries, setEntries] = useState<ProvenanceEntry[]>([]);
  const [confirm, setConfirm] = useState<ProvenanceEntry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const page = useLiveQuery('history.list', { workspaceId, caseId, after });
  const alerts = useLiveQuery('history.alerts', { workspaceId });
  const shown = after === 0 ? (page.data?.entries ?? []) : entries;
  const who = (id: string): string => members.get(id)?.name ?? t('ui.history.unknown-member', { id: id.slice(0, 8) });

  const more = (): void => {
    if (!page.data?.next) return;
    setEntries([...shown]);
    setAfter(page.data.next);
  };
  const restore = async (e: ProvenanceEntry): Promise<void> => {
    setConfirm(null);
    try {
      const r = await client.call('history.restore', { workspaceId, caseId, seq: e.seq });
      setStatus(t('ui.history.restored', { count: r.changed + r.records }));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const columns: Column<ProvenanceEntry>[] = [
    { id: 'when', header: t('ui.history.col-when'), cell: (e) => formatDateTime(e.at), className: 'col-nowrap' },
    { id: 'who', header: t('ui.history.col-who'), cell: (e) => who(e.memberId) },
    { id: 'size', header: t('ui.history.col-size'), cell: (e) => t('ui.history.size', { bytes: e.size }), numeric: true },
    { id: 'hash', header: t('ui.history.col-hash'), cell: (e) => <span title={e.sha256}>{e.sha256.slice(0, 12)}</span>, className: 'mono' },
    {
      id: 'actions',
      header: t('ui.history.col-actions'),
      hideHeader: true,
      cell: (e) => (
        <button type="button" className="btn btn-small" onClick={() => setConfirm(e)}>
          {t('ui.history.restore')}
        </button>
      ),
    },
  ];
  const rows = after === 0 ? shown : [...shown, ...(page.data?.entries ?? [])];

  return (
    <div className="card-body">
      <p className="muted">{t('ui.history.description')}</p>
      {alerts.data?.alerts.length ? <AlertList alerts={alerts.data.alerts} who={who} /> : null}
      {page.error ? <ErrorPanel error={page.error} /> : null}
      {error ? <ErrorPanel error={error} /> : null}
      {status ? <p role="status">{status}</p> : null}
      <DataTable label={t('ui.history.table')} columns={columns} rows={rows} rowKey={(e) => String(e.seq)} empty={page.loading ? t('ui.history.loading') : t('ui.history.empty')} />
      {page.data?.next ? (
        <button type="button" className="btn" onClick={more}>
          {t('ui.history.more')}
        </button>
      ) : null}
      {confirm ? (
        <ConfirmDialog title={t('ui.history.confirm-title')} confirmLabel={t('ui.history.confirm')} onConfirm={() => void restore(confirm)} onCancel={() => setConfirm(null)}>
          <p>{t('ui.history.confirm-body', { when: formatDateTime(confirm.at), who: who(confirm.memberId) })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function AlertList(props: { alerts: RelayAlert[]; who: (id: string) => string }): ReactNode {
  return (
    <section aria-label={t('ui.history.alerts-title')} className="history-alerts">
      <h3>{t('ui.history.alerts-title')}</h3>
      <ul>
        {props.alerts.map((a) => {
          const values = { who: props.who(a.memberId), records: a.records, doc: a.doc, kind: a.kind };
          // A decision's `records` is the id of the held request it decided (relay/held-deletions.ts).
          const decision = { who: values.who, request: a.records, doc: a.doc };
          const text =
            a.kind === 'mass-deletion'
              ? t('ui.history.alert-mass-deletion', values)
              : a.kind === 'mass-deletion-stored'
                ? t('ui.history.alert-mass-deletion-stored', values)
                : a.kind === 'mass-deletion-approved'
                  ? t('ui.history.alert-mass-deletion-approved', decision)
                  : a.kind === 'mass-deletion-rejected'
                    ? t('ui.history.alert-mass-deletion-rejected', decision)
                    : t('ui.history.alert-other', values);
          return (
            <li key={a.id} role="alert">
              {formatDateTime(a.at)} — {text}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
