/**
 * The workspace's signing key: made on first use and kept only in this machine's workspace
 * database (local setting `workspaceKey`), never synced. It signs members' relay tokens.
 */
import { generateWorkspaceKey, parsePrivateJwk, type PrivateWorkspaceJwk } from '../../shared/auth';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** The workspace's private signing key (generated and stored on first use). */
export async function workspaceKey(ws: WorkspaceRuntime): Promise<PrivateWorkspaceJwk> {
  const stored = ws.store.getSetting<unknown>('workspaceKey', null);
  if (stored) return parsePrivateJwk(stored);
  const pair = await generateWorkspaceKey();
  ws.store.setSetting('workspaceKey', pair.privateJwk);
  return pair.privateJwk;
}

/** The stored key, or null when this machine never made one. */
export function storedWorkspaceKey(ws: WorkspaceRuntime): PrivateWorkspaceJwk | null {
  const stored = ws.store.getSetting<unknown>('workspaceKey', null);
  return stored ? parsePrivateJwk(stored) : null;
}
