/**
 * Handlers for a workspace's members: invitations (signed with the workspace key, carrying the
 * relay address), joining from an invitation, listing and removing members.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { signInvitation } from '../../shared/auth';
import { MEMBER_ROLES, type MemberRole } from '../../shared/domain/codes';
import { fileNamePart } from '../../shared/domain/file-names';
import { NestError } from '../../shared/errors';
import type { syncRpc } from '../../shared/rpc/sync';
import { decodeInvitation, encodeInvitation, type InvitationPayload } from '../relay-sync/invitation';
import type { SyncConfig } from '../relay-sync/sync-engine';
import type { SyncMethod } from '../relay-sync/sync-handlers';
import { workspaceKey } from '../relay-sync/workspace-key';
import type { HandlerMap } from '../rpc/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The member and invitation methods of shared/rpc/sync.ts. */
export type MemberMethod = Exclude<keyof typeof syncRpc, SyncMethod>;

/** An invitation's content and the claims of its token (not verified: the relay does that at every connection). */
function readInvitation(text: string, now: number): { inv: InvitationPayload; sub: string; role: MemberRole; name: string; agency: string; exp: number | null } {
  const inv = decodeInvitation(text);
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(inv.token) as Record<string, unknown>;
  } catch {
    throw new NestError('invalid-params', { id: 'service.invitation.token-unreadable' });
  }
  const role = MEMBER_ROLES.includes(claims.role as MemberRole) ? (claims.role as MemberRole) : null;
  if (claims.wid !== inv.workspaceId || typeof claims.sub !== 'string' || !role) throw new NestError('invalid-params', { id: 'service.invitation.token-mismatch' });
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  if (exp !== null && exp < now) throw new NestError('unauthorized', { id: 'service.invitation.expired' });
  return { inv, sub: claims.sub, role, name: String(claims.name ?? '').slice(0, 120), agency: String(claims.agency ?? '').slice(0, 200), exp };
}

export const memberHandlers: HandlerMap<MemberMethod> = {
  'invitations.create': async (p, { workspaces, clock }) => {
    const ws = workspaces.get(p.workspaceId);
    const config = ws.store.getSetting<SyncConfig | null>('sync', null);
    if (!config) throw new NestError('invalid-params', { id: 'service.invitation.no-relay' });
    const key = await workspaceKey(ws);
    const memberId = randomUUID();
    const now = clock.now();
    const expiresAt = now + p.validDays * DAY_MS;
    const doc = ws.workspaceDoc();
    doc.upsertMember({ id: memberId, name: p.name, agency: p.agency, role: p.role, joinedAt: now }, { memberId: ws.local().memberId });
    const token = await signInvitation(key, { memberId, workspaceId: ws.id, name: p.name, agency: p.agency, role: p.role, expiresAt });
    const settings = doc.readSettings();
    const invitation = encodeInvitation({ relay: config.relayUrl, workspaceId: ws.id, workspaceName: settings.name, token });
    return { invitation, memberId, expiresAt, fileName: `${settings.casePrefix}-${fileNamePart(p.name, 'member')}.nestinvite` };
  },

  'invitations.inspect': (p, { workspaces, clock }) => {
    const r = readInvitation(p.invitation, clock.now());
    return {
      workspaceId: r.inv.workspaceId,
      workspaceName: r.inv.workspaceName,
      relayUrl: r.inv.relay,
      name: r.name,
      agency: r.agency,
      role: r.role,
      expiresAt: r.exp,
      known: workspaces.list().some((w) => w.id === r.inv.workspaceId),
    };
  },

  'workspaces.join': async (p, { workspaces, identity, sync, clock }) => {
    const { inv, sub, role, name, agency } = readInvitation(p.invitation, clock.now());
    // Joining replaces the local member and token: taking another member's invitation for a
    // workspace already here would silently turn this desktop (e.g. its admin) into that member.
    // The same member's new invitation (an expired token replaced) is fine.
    if (workspaces.list().some((w) => w.id === inv.workspaceId)) {
      const here = workspaces.get(inv.workspaceId).local().memberId;
      if (here !== sub) throw new NestError('invalid-params', { id: 'service.join.other-member', values: { workspace: inv.workspaceName, member: name, named: name ? 'yes' : 'no' } });
    }
    // The relay verifies the signature at every connection; here we only take the member's identity from it.
    if (!identity.get()) identity.save({ name: name || 'Member', agency: agency || '—', role });
    const ws = workspaces.join({ workspaceId: inv.workspaceId, workspaceName: inv.workspaceName, memberId: sub, role });
    sync.start(ws, { relayUrl: inv.relay, token: inv.token });
    return workspaces.summarise(ws);
  },

  'members.list': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const self = ws.local().memberId;
    return ws.workspaceDoc().listMembers().map((m) => ({ ...m, self: m.id === self }));
  },

  'members.remove': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    if (p.memberId === ws.local().memberId) throw new NestError('invalid-params', { id: 'service.members.remove-self' });
    ws.workspaceDoc().removeMember(p.memberId, { memberId: ws.local().memberId });
    return {};
  },
};
