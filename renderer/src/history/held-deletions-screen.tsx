/**
 * Workspace → "Held deletions", for admins (issue 10 item 2): the mass deletions the relay held
 * until an admin decides (relay/held-deletions.ts), each with its case, member, how many records,
 * when it was held and how long an approval given now would last, and Approve / Reject behind a
 * confirmation that names the consequences. After a decision the list is asked again; the
 * decision is recorded by the relay and shows in the case's history (history-section.tsx).
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { HeldDecision } from '../../../shared/protocol/relay/held-deletions';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { HeldDeletionRow } from '../../../shared/rpc/held-deletions';
import { useClient } from '../app/services';
import { useLiveQuery } from '../data/use-live-query';
import { formatDateTime } from '../format/dates';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useMembers } from '../hooks/use-members';
import { DataTable, type Column } from '../ui/data-table';
import { FormDialog } from '../ui/form-dialog';
import { ErrorPanel, Notice } from '../ui/states';
import { heldCaseLabel, heldQueryOptions } from './held-deletions-labels';
import './held-deletions.css';

/** The held deletions page of workspace `ws` (routed for members who may `deletions.decide`). */
export function HeldDeletionsScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle(t('ui.held.doc-title', { workspace: ws.name }));
  const list = useLiveQuery('deletions.held', { workspaceId: ws.id }, heldQueryOptions(ws.id));
  const members = useMembers(ws.id);
  const [asking, setAsking] = useState<{ row: HeldDeletionRow; decision: HeldDecision } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const who = (id: string): string => members.get(id)?.name ?? t('ui.history.unknown-member', { id: id.slice(0, 8) });
  const held = list.data?.held ?? [];

  const columns: Column<HeldDeletionRow>[] = [
    {
      id: 'case',
      header: t('ui.held.col-case'),
      cell: (r) => (r.caseId ? <a href={`#/w/${ws.id}/c/${r.caseId}`}>{heldCaseLabel(r)}</a> : heldCaseLabel(r)),
    },
    { id: 'member', header: t('ui.held.col-member'), cell: (r) => who(r.memberId) },
    { id: 'records', header: t('ui.held.col-records'), cell: (r) => t('ui.held.records', { count: r.records }), numeric: true },
    { id: 'held', header: t('ui.held.col-held'), cell: (r) => formatDateTime(r.at), className: 'col-nowrap' },
    { id: 'expiry', header: t('ui.held.col-expiry'), cell: (r) => t('ui.held.expiry', { time: formatDateTime(r.approvalExpiresAt) }), className: 'muted' },
    {
      id: 'actions',
      header: t('ui.held.col-actions'),
      hideHeader: true,
      className: 'held-actions',
      cell: (r) => (
        <>
          <button type="button" className="btn btn-danger btn-sm" onClick={() => setAsking({ row: r, decision: 'approve' })}>
            {t('ui.held.approve')}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setAsking({ row: r, decision: 'reject' })}>
            {t('ui.held.reject')}
          </button>
        </>
      ),
    },
  ];

  return (
    <div className="page held-deletions-page">
      <div className="page-header">
        <div className="page-header-text">
          <p className="page-eyebrow">{t('ui.held.eyebrow')}</p>
          <h1>{t('ui.held.heading')}</h1>
          <p className="page-subtitle">{t('ui.held.subtitle')}</p>
        </div>
      </div>
      {done ? (
        <Notice kind="success" icon="check">
          {done}
        </Notice>
      ) : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.data.relay ? (
        <Notice kind="info">{t('ui.held.no-relay')}</Notice>
      ) : (
        <section className="card" aria-labelledby="held-title">
          <div className="card-header">
            <h2 id="held-title" className="grow">
              {list.data ? t('ui.held.pending', { count: held.length }) : t('ui.held.loading')}
            </h2>
          </div>
          <DataTable label={t('ui.held.table')} columns={columns} rows={held} rowKey={(r) => String(r.id)} empty={list.loading && !list.data ? t('ui.held.loading') : t('ui.held.empty')} />
        </section>
      )}
      {asking ? (
        <DecisionDialog
          workspaceId={ws.id}
          row={asking.row}
          decision={asking.decision}
          member={who(asking.row.memberId)}
          onClose={() => setAsking(null)}
          onDecided={(text) => {
            setAsking(null);
            setDone(text);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** The confirmation of one decision, naming what it does; decides on submit. */
function DecisionDialog(props: { workspaceId: string; row: HeldDeletionRow; decision: HeldDecision; member: string; onClose: () => void; onDecided: (text: string) => void }): ReactNode {
  const { workspaceId, row, decision, member } = props;
  const client = useClient();
  const values = { member, count: row.records, case: heldCaseLabel(row), time: formatDateTime(row.approvalExpiresAt) };
  const approve = decision === 'approve';
  const submit = async (): Promise<void> => {
    await client.call('deletions.decide', { workspaceId, id: row.id, decision });
    props.onDecided(approve ? t('ui.held.approved', values) : t('ui.held.rejected', values));
  };
  return (
    <FormDialog
      title={approve ? t('ui.held.approve-title') : t('ui.held.reject-title')}
      submitLabel={approve ? t('ui.held.approve-confirm') : t('ui.held.reject-confirm')}
      submitIcon={approve ? 'trash' : 'shield'}
      onSubmit={submit}
      onClose={props.onClose}
      className="held-decision-dialog"
    >
      <p>{approve ? t('ui.held.approve-body', values) : t('ui.held.reject-body', values)}</p>
    </FormDialog>
  );
}
