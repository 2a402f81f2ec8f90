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
      () => toast(`${m.name} was removed from the workspace.`),
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
        <h2 id="members-title">Members</h2>
        {members.synced ? <span className="tag">{rows.length}</span> : null}
        <span className="grow" />
        {admin ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => setInviting(true)}
            disabled={!connected}
            title={connected ? undefined : 'Connect the workspace to a relay first: an invitation says where to sync.'}
          >
            <Icon name="plus" /> Invite a member
          </button>
        ) : null}
      </div>
      {!members.synced && rows.length === 0 ? (
        <div className="card-body">
          <Loading>Reading the members…</Loading>
        </div>
      ) : (
        <DataTable
          label="Members"
          className="members-table"
          rows={rows}
          rowKey={(m) => m.id}
          columns={[
            {
              id: 'member',
              header: 'Member',
              cell: (m) => (
                <span className="member-cell">
                  <Avatar name={m.name} color={memberColor(m.id)} small />
                  <span>
                    <span className="member-name">{m.name}</span>
                    {m.self ? <span className="tag tag-accent member-you">You</span> : null}
                  </span>
                </span>
              ),
            },
            { id: 'agency', header: 'Agency', cell: (m) => m.agency },
            { id: 'role', header: 'Role', cell: (m) => <RoleBadge role={m.role} /> },
            { id: 'added', header: 'Added', className: 'col-nowrap muted', cell: (m) => (m.joinedAt ? formatDateTime(m.joinedAt) : '—') },
            admin
              ? {
                  id: 'actions',
                  header: 'Actions',
                  hideHeader: true,
                  className: 'col-actions',
                  headerClassName: 'col-actions',
                  cell: (m) =>
                    m.self ? null : (
                      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRemoving(m)} aria-label={`Remove ${m.name}`}>
                        <Icon name="trash" size={14} /> Remove
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
            ? 'A new member joins with the invitation you give them. Removing a member disconnects them from the relay at once; what they already have stays on their computer.'
            : 'Connect the workspace to a relay to invite members.'
          : 'Members are managed by the workspace admins.'}
      </p>
      {inviting ? <InviteDialog ws={ws} onClose={() => setInviting(false)} /> : null}
      {removing ? (
        <ConfirmDialog title={`Remove ${removing.name}?`} confirmLabel="Remove member" onConfirm={() => remove(removing)} onCancel={() => setRemoving(null)}>
          <p>
            {removing.name} ({removing.agency}) loses access to this workspace at once: the relay disconnects them and refuses them from then on. What is already on their computer stays there, and their past changes stay attributed to them.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
