/**
 * The workspace's signing key: made on first use and kept only in this machine's workspace
 * database (local setting `workspaceKey`), never synced. It signs members' relay tokens.
 */
import { generateWorkspaceKey, parsePrivateJwk, type PrivateWorkspaceJwk } from '../../shared/auth';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** The workspace's private signing key (generated and stored on first use). */
export function workspaceKey(ws: WorkspaceRuntime): Promise<PrivateWorkspaceJwk> {
  return keyInSetting(ws, 'workspaceKey');
}

/**
 * The Ed25519 private key kept in local setting `name` of this workspace's (encrypted) database,
 * generated and stored on first use. Local settings never sync.
 */
export async function keyInSetting(ws: WorkspaceRuntime, name: 'workspaceKey' | 'memberSigningKey'): Promise<PrivateWorkspaceJwk> {
  const stored = ws.store.getSetting<unknown>(name, null);
  if (stored) return parsePrivateJwk(stored);
  const pair = await generateWorkspaceKey();
  ws.store.setSetting(name, pair.privateJwk);
  return pair.privateJwk;
}

/** The stored key, or null when this machine never made one. */
export function storedWorkspaceKey(ws: WorkspaceRuntime): PrivateWorkspaceJwk | null {
  const stored = ws.store.getSetting<unknown>('workspaceKey', null);
  return stored ? parsePrivateJwk(stored) : null;
}
