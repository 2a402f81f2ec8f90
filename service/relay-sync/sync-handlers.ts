/**
 * Handlers for syncing through a relay: connecting a workspace (its signing key is made on
 * first use and kept only in this machine's workspace database), invitations, joining, members,
 * status. See docs/relay.md for the operator's side.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { generateWorkspaceKey, keyId, parsePrivateJwk, publicJwkOf, signInvitation, type PrivateWorkspaceJwk } from '../../shared/auth';
import { MEMBER_ROLES, type MemberRole } from '../../shared/domain/codes';
import { NestError } from '../../shared/errors';
import type { RelayRegistration, syncRpc } from '../../shared/rpc/sync';
import { decodeInvitation, encodeInvitation, type InvitationPayload } from './invitation';
import { relayUrls } from './relay-url';
import type { SyncConfig } from './sync-engine';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { HandlerMap } from '../rpc/types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Lifetime of an admin's own token, signed by this machine (renewed at each connect). */
const ADMIN_TOKEN_DAYS = 365;

async function workspaceKey(ws: WorkspaceRuntime): Promise<PrivateWorkspaceJwk> {
  const stored = ws.store.getSetting<unknown>('workspaceKey', null);
  if (stored) return parsePrivateJwk(stored);
  const pair = await generateWorkspaceKey();
  ws.store.setSetting('workspaceKey', pair.privateJwk);
  return pair.privateJwk;
}

/** The public key and the operator's `add-workspace` command for a workspace key. */
async function registration(ws: WorkspaceRuntime, key: PrivateWorkspaceJwk): Promise<RelayRegistration> {
  const publicJwk = publicJwkOf(key);
  const json = JSON.stringify(publicJwk);
  return {
    keyId: await keyId(publicJwk),
    publicKeyJwk: json,
    registerCommand: `npm run relay -- add-workspace --id ${ws.id} --public-key '${json}' --label '${ws.workspaceDoc().readSettings().name.replace(/'/g, '')}'`,
  };
}

/** An invitation's content and the claims of its token (not verified: the relay does that at every connection). */
function readInvitation(text: string): { inv: InvitationPayload; sub: string; role: MemberRole; name: string; agency: string; exp: number | null } {
  const inv = decodeInvitation(text);
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(inv.token) as Record<string, unknown>;
  } catch {
    throw new NestError('invalid-params', 'The invitation is damaged: its token cannot be read. Copy it again in full.');
  }
  const role = MEMBER_ROLES.includes(claims.role as MemberRole) ? (claims.role as MemberRole) : null;
  if (claims.wid !== inv.workspaceId || typeof claims.sub !== 'string' || !role) throw new NestError('invalid-params', 'The invitation is damaged: its token does not match its workspace.');
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  if (exp !== null && exp < Date.now()) throw new NestError('unauthorized', 'This invitation has expired. Ask your workspace admin for a new one.');
  return { inv, sub: claims.sub, role, name: String(claims.name ?? '').slice(0, 120), agency: String(claims.agency ?? '').slice(0, 200), exp };
}

export const syncHandlers: HandlerMap<keyof typeof syncRpc> = {
  'sync.status': (p, { service }) => service.syncStatus(p.workspaceId),

  'sync.connect': async (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const urls = relayUrls(p.relayUrl);
    const key = await workspaceKey(ws);
    const me = service.profile.require();
    const local = ws.local();
    const token = await signInvitation(key, {
      memberId: local.memberId,
      workspaceId: ws.id,
      name: me.name,
      agency: me.agency,
      role: 'admin',
      expiresAt: Date.now() + ADMIN_TOKEN_DAYS * DAY_MS,
    });
    service.startSync(ws, { relayUrl: urls.ws, token });
    return registration(ws, key);
  },

  'sync.registration': async (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const stored = ws.store.getSetting<unknown>('workspaceKey', null);
    return stored ? registration(ws, parsePrivateJwk(stored)) : null;
  },

  'sync.retry': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const config = ws.store.getSetting<SyncConfig | null>('sync', null);
    if (!config) throw new NestError('invalid-params', 'This workspace does not sync through a relay.');
    service.startSync(ws, { relayUrl: config.relayUrl, token: config.token });
    return {};
  },

  'sync.disconnect': async (p, { service }) => {
    await service.stopSync(p.workspaceId, { forget: true });
    return {};
  },

  'invitations.create': async (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const config = ws.store.getSetting<SyncConfig | null>('sync', null);
    if (!config) throw new NestError('invalid-params', 'Connect this workspace to a relay first: the invitation must say where to sync.');
    const key = await workspaceKey(ws);
    const memberId = randomUUID();
    const expiresAt = Date.now() + p.validDays * DAY_MS;
    const doc = ws.workspaceDoc();
    doc.upsertMember({ id: memberId, name: p.name, agency: p.agency, role: p.role, joinedAt: Date.now() }, { memberId: ws.local().memberId });
    const token = await signInvitation(key, { memberId, workspaceId: ws.id, name: p.name, agency: p.agency, role: p.role, expiresAt });
    const settings = doc.readSettings();
    const invitation = encodeInvitation({ relay: config.relayUrl, workspaceId: ws.id, workspaceName: settings.name, token });
    const safe = p.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'member';
    return { invitation, memberId, expiresAt, fileName: `${settings.casePrefix}-${safe}.nestinvite` };
  },

  'invitations.inspect': (p, { service }) => {
    const r = readInvitation(p.invitation);
    return {
      workspaceId: r.inv.workspaceId,
      workspaceName: r.inv.workspaceName,
      relayUrl: r.inv.relay,
      name: r.name,
      agency: r.agency,
      role: r.role,
      expiresAt: r.exp,
      known: service.listWorkspaces().some((w) => w.id === r.inv.workspaceId),
    };
  },

  'workspaces.join': async (p, { service }) => {
    const { inv, sub, role, name, agency } = readInvitation(p.invitation);
    // The relay verifies the signature at every connection; here we only take the member's identity from it.
    if (!service.profile.get()) service.profile.save({ name: name || 'Member', agency: agency || '—', role });
    const ws = service.joinWorkspace({ workspaceId: inv.workspaceId, workspaceName: inv.workspaceName, memberId: sub, role });
    service.startSync(ws, { relayUrl: inv.relay, token: inv.token });
    return service.summarise(ws);
  },

  'members.list': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const self = ws.local().memberId;
    return ws.workspaceDoc().listMembers().map((m) => ({ ...m, self: m.id === self }));
  },

  'members.remove': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    if (p.memberId === ws.local().memberId) throw new NestError('invalid-params', 'You cannot remove yourself; ask another admin.');
    ws.workspaceDoc().removeMember(p.memberId, { memberId: ws.local().memberId });
    return {};
  },
};
