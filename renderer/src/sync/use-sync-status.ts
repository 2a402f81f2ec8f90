/**
 * The sync status of a workspace, live: a live query of `sync.status` that refetches on the data
 * service's `sync.status` events for this workspace and after the connection comes back (events
 * sent meanwhile were missed). Refetching (rather than taking the event's payload) keeps one
 * source of truth: an answer can never be overtaken by an older one.
 */
import type { SyncStatus } from '../../../shared/rpc/sync';
import { syncStatusOf, useLiveQuery } from '../data/use-live-query';

/** The sync status of `workspaceId`, or null until it is known (or while `workspaceId` is null). */
export function useSyncStatus(workspaceId: string | null): SyncStatus | null {
  const q = useLiveQuery('sync.status', workspaceId ? { workspaceId } : null, { refetchOn: workspaceId ? [syncStatusOf(workspaceId)] : [] });
  return q.data ?? null;
}
