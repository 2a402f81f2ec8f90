/**
 * "Retry" for a workspace's sync: an admin connects again (`sync.connect` re-signs their own
 * token, which also picks up a key the operator has just registered); any other member
 * reconnects with their stored invitation (`sync.retry`).
 */
import type { DataClient } from '../data/client';
import type { SyncStatus } from '../../../shared/rpc/sync';

/**
 * Retries syncing `status.workspaceId` now.
 * @throws RpcError from the data service (e.g. `forbidden`, `invalid-params` when sync is off).
 */
export async function retrySync(client: DataClient, status: SyncStatus, admin: boolean): Promise<void> {
  if (admin && status.relayUrl) {
    await client.call('sync.connect', { workspaceId: status.workspaceId, relayUrl: status.relayUrl });
    return;
  }
  await client.call('sync.retry', { workspaceId: status.workspaceId });
}
