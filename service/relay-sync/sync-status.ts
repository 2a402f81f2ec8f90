/**
 * Sync status, per doc and overall, as shown in the UI. Overall is the worst doc state in this
 * order: access refused > error > offline > syncing > synced; `off` when no relay is configured.
 */

/** The state of one doc's link to the relay. `read-only`: synced, but this member may only read. */
export type DocSyncState = 'syncing' | 'synced' | 'read-only' | 'offline' | 'refused' | 'error';

/** The overall state of a workspace's sync. */
export type SyncState = 'off' | 'synced' | 'syncing' | 'offline' | 'refused' | 'error';

const RANK: Record<DocSyncState, number> = { synced: 0, 'read-only': 0, syncing: 1, offline: 2, error: 3, refused: 4 };

/** The overall state from the doc states (`synced` when there are none). */
export function overallState(states: Iterable<DocSyncState>): Exclude<SyncState, 'off'> {
  let worst: DocSyncState = 'synced';
  for (const s of states) if (RANK[s] > RANK[worst]) worst = s;
  return worst === 'read-only' ? 'synced' : worst;
}
