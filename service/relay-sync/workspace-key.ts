/**
 * The workspace's signing key: made on first use and kept only in this machine's workspace
 * database (local setting `workspaceKey`), never synced. It signs members' relay tokens and the
 * certificates that vouch for members' pack-signing keys. When a key is made, the time is kept
 * beside it (setting `<name>CreatedAt`, ms since epoch): keys made before that record have none.
 */
import { generateWorkspaceKey, parsePrivateJwk, type PrivateWorkspaceJwk } from '../../shared/auth';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** The local settings that hold a private key. */
type KeySetting = 'workspaceKey' | 'memberSigningKey';

/** The workspace's private signing key (generated and stored on first use). */
export function workspaceKey(ws: WorkspaceRuntime): Promise<PrivateWorkspaceJwk> {
  return keyInSetting(ws, 'workspaceKey');
}

/**
 * True when this desktop is the workspace key's holder: the demo, or a workspace created here
 * (never joined: no `joinedName`), relay or not. It makes the key on first use (a pack export,
 * "Connect to relay", the Workspace key card); a joined desktop gets the key's public half with
 * its member certificate instead.
 */
export function holdsWorkspaceKey(ws: WorkspaceRuntime): boolean {
  return ws.local().demo || ws.store.getSetting<string | null>('joinedName', null) === null;
}

/**
 * The Ed25519 private key kept in local setting `name` of this workspace's (encrypted) database,
 * generated and stored on first use, with the time it was made. Local settings never sync.
 */
export async function keyInSetting(ws: WorkspaceRuntime, name: KeySetting): Promise<PrivateWorkspaceJwk> {
  const stored = ws.store.getSetting<unknown>(name, null);
  if (stored) return parsePrivateJwk(stored);
  const pair = await generateWorkspaceKey();
  ws.store.setSetting(name, pair.privateJwk);
  ws.store.setSetting(`${name}CreatedAt`, Date.now());
  return pair.privateJwk;
}

/** When the key in setting `name` was made (ms since epoch), or null when that was not recorded. */
export function keyCreatedAt(ws: WorkspaceRuntime, name: KeySetting): number | null {
  const at = ws.store.getSetting<unknown>(`${name}CreatedAt`, null);
  return typeof at === 'number' && Number.isInteger(at) ? at : null;
}

/** The stored key, or null when this machine never made one. */
export function storedWorkspaceKey(ws: WorkspaceRuntime): PrivateWorkspaceJwk | null {
  const stored = ws.store.getSetting<unknown>('workspaceKey', null);
  return stored ? parsePrivateJwk(stored) : null;
}
