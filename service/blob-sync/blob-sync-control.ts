/**
 * The blob sync of every workspace of one data service: a {@link WorkspaceBlobSync} per
 * workspace (made on first use, also for a workspace without a relay, whose files then wait
 * with "no relay"), started and stopped with the workspace's relay sync engine
 * (relay-sync/sync-control.ts calls the {@link BlobSyncHooks}), a case scanned when its doc has
 * synced and shortly after it changed here. Implements the handlers' `FileSyncControl`.
 */
import type { Logger } from '../../node/log';
import { CaseFiles } from '../../shared/docs/case-files';
import { parseDocName } from '../../shared/docs/names';
import type { AttachedFile } from '../../shared/domain/attached-file';
import type { EventBroadcaster, FileSyncControl } from '../rpc/context';
import { workspaceBlobStore } from '../blobs/case-files-service';
import { relayUrls } from '../relay-sync/relay-url';
import type { SyncConfig } from '../relay-sync/sync-engine-types';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { TransferQueueOptions } from './transfer-queue';
import { WorkspaceBlobSync } from './workspace-blob-sync';

/** What the relay sync control tells blob sync. */
export interface BlobSyncHooks {
  /** A workspace's relay sync engine started (or was re-pointed). */
  started(ws: WorkspaceRuntime): void;
  /** A doc of a workspace synced with the relay (its link reached `synced`). */
  docSynced(workspaceId: string, docName: string): void;
  /** A workspace's relay sync stopped: transfers are aborted (parts are kept to resume). */
  stopped(workspaceId: string): Promise<void>;
}

/** Options of a {@link BlobSyncControl}. */
export interface BlobSyncControlOptions {
  logger: Logger;
  events: EventBroadcaster;
  /** The workspace of an id (opened on first use; throws NestError('not-found')). */
  workspace: (id: string) => WorkspaceRuntime;
  /** Transfer queue settings (tests shorten the backoff). */
  queue?: TransferQueueOptions | undefined;
}

interface Entry {
  ws: WorkspaceRuntime;
  sync: WorkspaceBlobSync;
  dispose: () => void;
}

/** The blob sync of one data service's workspaces. */
export class BlobSyncControl implements FileSyncControl, BlobSyncHooks {
  private readonly o: BlobSyncControlOptions;
  private readonly entries = new Map<string, Entry>();
  /** Workspaces whose relay sync runs. */
  private readonly running = new Set<string>();

  constructor(o: BlobSyncControlOptions) {
    this.o = o;
  }

  /** The blob sync of a workspace (made on first use). @throws NestError('not-found') for an unknown workspace. */
  of(workspaceId: string): WorkspaceBlobSync {
    return this.entry(this.o.workspace(workspaceId)).sync;
  }

  /** @inheritdoc */
  started(ws: WorkspaceRuntime): void {
    this.running.add(ws.id);
    const e = this.entry(ws);
    // Files added or fetched while the app was closed or offline: every case this desktop holds.
    for (const c of ws.workspaceDoc().listCases()) if (ws.host.exists(ws.caseDocName(c.id))) e.sync.schedule(c.id, 1000);
  }

  /** @inheritdoc */
  docSynced(workspaceId: string, docName: string): void {
    const ref = parseDocName(docName);
    if (ref?.kind !== 'case' || !this.running.has(workspaceId)) return;
    this.entries.get(workspaceId)?.sync.schedule(ref.caseId, 100);
  }

  /** @inheritdoc */
  async stopped(workspaceId: string): Promise<void> {
    this.running.delete(workspaceId);
    const e = this.entries.get(workspaceId);
    this.entries.delete(workspaceId);
    e?.dispose();
    await e?.sync.stop();
  }

  /** Stops every workspace's blob sync without waiting (the service is closing). */
  stopAll(): void {
    for (const id of [...this.entries.keys()]) void this.stopped(id);
  }

  private entry(ws: WorkspaceRuntime): Entry {
    const existing = this.entries.get(ws.id);
    if (existing) return existing;
    const sync = new WorkspaceBlobSync({
      workspaceId: ws.id,
      store: workspaceBlobStore(ws.store.file),
      caseFiles: (caseId) => caseFilesOf(ws, caseId),
      docName: (caseId) => ws.caseDocName(caseId),
      settings: ws.store,
      relay: () => {
        const config = ws.store.getSetting<SyncConfig | null>('sync', null);
        if (!config || !this.running.has(ws.id)) return null;
        return { httpBase: relayUrls(config.relayUrl).http, token: config.token };
      },
      emit: (e) => this.o.events.broadcast('files.status', e),
      logger: this.o.logger.child({ workspace: ws.id, part: 'blob-sync' }),
      queue: this.o.queue,
    });
    // A case doc changed here (a file added, or one arriving from another desktop): scan it soon.
    const dispose = ws.host.listen({
      update: (name) => {
        const ref = parseDocName(name);
        if (ref?.kind === 'case' && ref.workspaceId === ws.id && this.running.has(ws.id)) sync.schedule(ref.caseId, undefined, true);
      },
    });
    const e = { ws, sync, dispose };
    this.entries.set(ws.id, e);
    return e;
  }
}

/** The file records of a case this desktop holds ([] when its doc is not here). */
function caseFilesOf(ws: WorkspaceRuntime, caseId: string): AttachedFile[] {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) return [];
  return ws.host.with(name, (doc) => new CaseFiles(doc).all());
}
