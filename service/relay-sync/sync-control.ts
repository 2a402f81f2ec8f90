/**
 * Runs one relay sync engine per workspace that has a relay: resumes it when the workspace opens,
 * starts, re-points and stops it on request, and reports its status. Implements the handlers'
 * `SyncControl`.
 */
import type { Logger } from '../../node/log';
import type { SyncStatus } from '../../shared/rpc/sync';
import type { EventBroadcaster, SyncControl } from '../rpc/context';
import type { SyncHub } from '../renderer-sync/sync-hub';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { BlobSyncHooks } from '../blob-sync/blob-sync-control';
import { NestError } from '../../shared/errors';
import { UNACKED_WARNING_MS } from './doc-health';
import { relayUrls } from './relay-url';
import { SyncEngine, type SyncConfig } from './sync-engine';

/** What the sync control needs. */
export interface SyncControlOptions {
  hub: SyncHub;
  logger: Logger;
  events: EventBroadcaster;
  /** The workspace of an id (opened on first use; throws NestError('not-found')). */
  workspace: (id: string) => WorkspaceRuntime;
  /** Sync engine timings (tests shorten them). */
  timings?: { roundIntervalMs?: number; docTimeoutMs?: number; syncNowTimeoutMs?: number; warnAfterMs?: number } | undefined;
  /** The clock of sync health (default Date.now). */
  now?: () => number;
  /** Blob sync, started and stopped with each engine and told when a doc synced. */
  blobs?: BlobSyncHooks;
}

/** The sync engines of one data service. */
export class RelaySyncControl implements SyncControl {
  private readonly opts: SyncControlOptions;
  private readonly engines = new Map<string, SyncEngine>();

  constructor(opts: SyncControlOptions) {
    this.opts = opts;
  }

  /** Starts the engine of a workspace that was syncing when last open (no-op without a relay). */
  resume(ws: WorkspaceRuntime): void {
    const config = ws.store.getSetting<SyncConfig | null>('sync', null);
    if (config) this.run(ws, config);
  }

  private run(ws: WorkspaceRuntime, config: SyncConfig): void {
    const engine = new SyncEngine(config, {
      workspace: ws,
      hub: this.opts.hub,
      logger: this.opts.logger.child({ workspace: ws.id, part: 'sync' }),
      onStatus: (status) => this.opts.events.broadcast('sync.status', status),
      ...(this.opts.timings?.roundIntervalMs !== undefined ? { roundIntervalMs: this.opts.timings.roundIntervalMs } : {}),
      ...(this.opts.timings?.docTimeoutMs !== undefined ? { docTimeoutMs: this.opts.timings.docTimeoutMs } : {}),
      ...(this.opts.timings?.warnAfterMs !== undefined ? { warnAfterMs: this.opts.timings.warnAfterMs } : {}),
      ...(this.opts.now ? { now: this.opts.now } : {}),
      ...(this.opts.blobs ? { onDocState: (name: string, s: string) => void (s === 'synced' && this.opts.blobs?.docSynced(ws.id, name)) } : {}),
    });
    this.engines.set(ws.id, engine);
    this.opts.blobs?.started(ws);
  }

  /** @inheritdoc */
  start(ws: WorkspaceRuntime, next: { relayUrl: string; token: string }): void {
    const relayUrl = relayUrls(next.relayUrl).ws;
    const engine = this.engines.get(ws.id);
    if (engine) {
      engine.reconfigure({ relayUrl, token: next.token });
      this.opts.blobs?.started(ws);
      return;
    }
    const config: SyncConfig = { relayUrl, token: next.token, clock: 0, localClock: 0 };
    ws.store.setSetting('sync', config);
    this.run(ws, config);
  }

  /** @inheritdoc */
  async stop(workspaceId: string, opts: { forget?: boolean } = {}): Promise<void> {
    const engine = this.engines.get(workspaceId);
    this.engines.delete(workspaceId);
    await Promise.all([engine?.stop(), this.opts.blobs?.stopped(workspaceId)]);
    if (opts.forget) this.opts.workspace(workspaceId).store.setSetting('sync', null);
    this.opts.events.broadcast('sync.status', this.status(workspaceId));
  }

  /** @inheritdoc */
  status(workspaceId: string): SyncStatus {
    const engine = this.engines.get(workspaceId);
    if (engine) return engine.status();
    this.opts.workspace(workspaceId);
    return { workspaceId, state: 'off', detail: null, relayUrl: null, lastSyncedAt: null, docs: {}, live: {}, health: [], warnAfterMs: UNACKED_WARNING_MS };
  }

  /** @inheritdoc */
  async syncNow(workspaceId: string, docName: string | null): Promise<{ docs: number; acked: number; lastAckAt: number | null }> {
    const engine = this.engines.get(workspaceId);
    if (!engine) throw new NestError('invalid-params', { id: 'service.sync.no-relay' });
    return engine.syncNowAndConfirm(docName, this.opts.timings?.syncNowTimeoutMs);
  }

  /** The running engine of a workspace, if any (tests). */
  engine(workspaceId: string): SyncEngine | undefined {
    return this.engines.get(workspaceId);
  }

  /** Stops every engine without waiting (the service is closing). */
  stopAll(): void {
    for (const [id, e] of this.engines) {
      void e.stop();
      void this.opts.blobs?.stopped(id);
    }
    this.engines.clear();
  }
}
