/**
 * The shapes around the sync engine (sync-engine.ts): what a workspace stores to sync, the status
 * it pushes to the UI, and the engine's options.
 */
import type { Logger } from '../../node/log';
import type { SyncHub } from '../renderer-sync/sync-hub';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { DocHealthRow } from '../../shared/rpc/sync';
import type { DocSyncState, SyncState } from './sync-status';

/** What is stored (local settings key `sync`) for a workspace that syncs through a relay. */
export interface SyncConfig {
  relayUrl: string;
  /** The member token (EdDSA JWT) sent as a bearer header. */
  token: string;
  /** The relay's clock after the last complete round (`since` for the next). */
  clock: number;
  /** The local store's clock at the start of the last complete round. */
  localClock: number;
}

/** The sync status of a workspace, as pushed to the UI (`sync.status` event). */
export interface WorkspaceSyncStatus {
  workspaceId: string;
  state: SyncState;
  /** Why, for offline / refused / error. */
  detail: string | null;
  relayUrl: string | null;
  /** ms since epoch of the last complete round. */
  lastSyncedAt: number | null;
  /** Docs with a link right now, by state. */
  docs: Partial<Record<DocSyncState, number>>;
  /** Per open (live) doc: its state, for the case header. */
  live: Record<string, DocSyncState>;
  /** Per doc known to the engine: last acknowledgement, what waits, the warning (doc-health.ts). */
  health: DocHealthRow[];
  /** The warning threshold in ms. */
  warnAfterMs: number;
}

/** Options of a {@link SyncEngine}. */
export interface SyncEngineOptions {
  workspace: WorkspaceRuntime;
  hub: SyncHub;
  logger: Logger;
  onStatus: (s: WorkspaceSyncStatus) => void;
  /** Transient links at once (default 4). */
  concurrency?: number;
  /** ms between rounds (default 30,000). */
  roundIntervalMs?: number;
  /** ms a doc may take to sync in a round (default 60,000). */
  docTimeoutMs?: number;
  /** ms between state re-exchanges on an open link (default DEFAULT_RESYNC_MS of relay-doc-link.ts). */
  resyncMs?: number;
  /** ms of silence from the relay after which a link reconnects (default: the link's). */
  stallMs?: number;
  /** Called synchronously on every state change of any link, live or transient (doc name, state). */
  onDocState?: (name: string, state: DocSyncState) => void;
  /** The clock of sync health (ms since epoch; default Date.now; tests move it past the warning threshold). */
  now?: () => number;
  /** Sync health's warning threshold in ms (default UNACKED_WARNING_MS of doc-health.ts). */
  warnAfterMs?: number;
}

