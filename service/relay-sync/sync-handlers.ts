/**
 * Handlers for syncing a workspace through a relay: connecting (the workspace's signing key is
 * made on first use, workspace-key.ts), the operator's registration, retry, disconnect, status.
 * Members and invitations are in ../members/. See docs/relay.md for the operator's side.
 */
import { keyId, publicJwkOf, signInvitation, type PrivateWorkspaceJwk } from '../../shared/auth';
import { NestError } from '../../shared/errors';
import type { RelayRegistration, syncRpc } from '../../shared/rpc/sync';
import type { RpcMethod } from '../../shared/rpc/contract';
import type { HandlerMap } from '../rpc/types';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { relayUrls } from './relay-url';
import type { SyncConfig } from './sync-engine';
import { storedWorkspaceKey, workspaceKey } from './workspace-key';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Lifetime of an admin's own token, signed by this machine (renewed at each connect). */
const ADMIN_TOKEN_DAYS = 365;

/** The sync methods (the rest of shared/rpc/sync.ts is members and invitations). */
export type SyncMethod = Extract<keyof typeof syncRpc & RpcMethod, `sync.${string}`>;

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

export const syncHandlers: HandlerMap<SyncMethod> = {
  'sync.status': (p, { sync }) => sync.status(p.workspaceId),

  'sync.connect': async (p, { workspaces, identity, sync, clock }) => {
    const ws = workspaces.get(p.workspaceId);
    const urls = relayUrls(p.relayUrl);
    const key = await workspaceKey(ws);
    const me = identity.require();
    const local = ws.local();
    const token = await signInvitation(key, {
      memberId: local.memberId,
      workspaceId: ws.id,
      name: me.name,
      agency: me.agency,
      role: 'admin',
      expiresAt: clock.now() + ADMIN_TOKEN_DAYS * DAY_MS,
    });
    sync.start(ws, { relayUrl: urls.ws, token });
    return registration(ws, key);
  },

  'sync.registration': async (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const stored = storedWorkspaceKey(ws);
    return stored ? registration(ws, stored) : null;
  },

  'sync.retry': (p, { workspaces, sync }) => {
    const ws = workspaces.get(p.workspaceId);
    const config = ws.store.getSetting<SyncConfig | null>('sync', null);
    if (!config) throw new NestError('invalid-params', { id: 'service.sync.no-relay' });
    sync.start(ws, { relayUrl: config.relayUrl, token: config.token });
    return {};
  },

  'sync.now': (p, { sync }) => sync.syncNow(p.workspaceId, p.docName),

  'sync.disconnect': async (p, { sync }) => {
    await sync.stop(p.workspaceId, { forget: true });
    return {};
  },
};
