/**
 * The members of a workspace (Relay & members page): name, agency, role badge, when they were
 * added, "You"; admins invite members and remove them (after a confirmation; the relay then
 * disconnects the removed member at once). The list follows the workspace doc live, so a member
 * added or removed on another desktop appears here too.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { SyncStatus } from '../../../shared/rpc/sync';
import type { Member } from '../../../shared/domain/member';
import { useClient, useIdentity } from '../app/services';
import { useWorkspaceMembers } from '../hooks/use-members';
import { memberColor } from '../domain/member-color';
import { formatDateTime } from '../format/dates';
import { Avatar } from '../ui/avatar';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Icon } from '../ui/icons';
import { Loading, describeError } from '../ui/states';
import { DataTable } from '../ui/data-table';
import { useToast } from '../ui/toast';
import { RoleBadge } from './roles';
import { InviteDialog } from './invite-dialog';
import { canIn } from './use-can';
import './members.css';
import { t } from '../../../shared/messages';

/** A member as listed: `self` marks this desktop's own member. */
type MemberRow = Member & { self: boolean };

/** The members card of `ws`; `status` decides whether invitations can be made (a relay is needed). */
export function MembersCard(props: { ws: WorkspaceSummary; status: SyncStatus | null }): ReactNode {
  const { ws, status } = props;
  const client = useClient();
  const toast = useToast();
  // Inviting and removing go together (both admins'); the model answers for both.
  const admin = canIn(ws, 'members.invite') && canIn(ws, 'members.remove');
  const me = useIdentity().memberId;
  const members = useWorkspaceMembers(ws.id);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const connected = status !== null && status.state !== 'off';

  const remove = (m: MemberRow): void => {
    setRemoving(null);
    client.call('members.remove', { workspaceId: ws.id, memberId: m.id }).then(
      () => toast(t('ui.members.removed', { name: m.name })),
      (err: unknown) => {
        const d = describeError(err);
        toast(`${d.title} ${d.detail}`.trim(), 'error');
      },
    );
  };

  const rows = useMemo(
    () => [...members.byId.values()].map((m) => ({ ...m, self: m.id === me })).sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name)),
    [members.byId, me],
  );

  return (
    <section className="card settings-card" aria-labelledby="members-title">
      <div className="card-header">
        <h2 id="members-title">{t('ui.members.heading')}</h2>
        {members.synced ? <span className="tag">{rows.length}</span> : null}
        <span className="grow" />
        {admin ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => setInviting(true)}
            disabled={!connected}
            title={connected ? undefined : t('ui.members.connect-first')}
          >
            <Icon name="plus" /> {t('ui.members.invite')}
          </button>
        ) : null}
      </div>
      {!members.synced && rows.length === 0 ? (
        <div className="card-body">
          <Loading>{t('ui.members.reading-members')}</Loading>
        </div>
      ) : (
        <DataTable
          label={t('ui.members.table-label')}
          className="members-table"
          rows={rows}
          rowKey={(m) => m.id}
          columns={[
            {
              id: 'member',
              header: t('ui.members.col-member'),
              cell: (m) => (
                <span className="member-cell">
                  <Avatar name={m.name} color={memberColor(m.id)} small />
                  <span>
                    <span className="member-name">{m.name}</span>
                    {m.self ? <span className="tag tag-accent member-you">{t('ui.members.you')}</span> : null}
                  </span>
                </span>
              ),
            },
            { id: 'agency', header: t('ui.members.col-agency'), cell: (m) => m.agency },
            { id: 'role', header: t('ui.members.col-role'), cell: (m) => <RoleBadge role={m.role} /> },
            { id: 'added', header: t('ui.members.col-added'), className: 'col-nowrap muted', cell: (m) => (m.joinedAt ? formatDateTime(m.joinedAt) : '—') },
            admin
              ? {
                  id: 'actions',
                  header: t('ui.members.col-actions'),
                  hideHeader: true,
                  className: 'col-actions',
                  headerClassName: 'col-actions',
                  cell: (m) =>
                    m.self ? null : (
                      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRemoving(m)} aria-label={t('ui.members.remove-label', { name: m.name })}>
                        <Icon name="trash" size={14} /> {t('ui.members.remove')}
                      </button>
                    ),
                }
              : null,
          ]}
        />
      )}
      <p className="members-foot">
        {admin
          ? connected
            ? t('ui.members.foot-admin')
            : t('ui.members.foot-unconnected')
          : t('ui.members.foot-member')}
      </p>
      {inviting ? <InviteDialog ws={ws} onClose={() => setInviting(false)} /> : null}
      {removing ? (
        <ConfirmDialog title={t('ui.members.remove-title', { name: removing.name })} confirmLabel={t('ui.members.remove-member')} onConfirm={() => remove(removing)} onCancel={() => setRemoving(null)}>
          <p>
            {t('ui.members.remove-text', { name: removing.name, agency: removing.agency })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
