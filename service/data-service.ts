/**
 * The data service: the heart of the desktop app, and its composition root. Plain Node (no
 * `electron` import), so the same module runs in an Electron utilityProcess and in browser mode
 * (`npm run serve`). It owns the local identity, the workspace registry, the relay sync engines and
 * the renderer sessions, builds the handlers' context from them once, and serves renderers over any
 * {@link Transport}: y-protocols sync per open doc plus typed RPC (rpc/dispatch.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../node/log';
import { loadMigrations, type Migration } from '../node/store/migrations';
import { lockDataDir } from '../node/fs/data-dir-lock';
import { NestError } from '../shared/errors';
import { parseDocName } from '../shared/docs/names';
import { FRAME, type Frame } from '../shared/protocol/frames';
import type { Transport } from '../shared/protocol/transport';
import type { RpcEventName, RpcEvents, RpcMethod, RpcParams, RpcResult } from '../shared/rpc/contract';
import type { WorkspaceSummary } from '../shared/rpc/app';
import { ProfileStore } from './workspace/profile';
import { Session, type SessionHost } from './renderer-sync/session';
import { SyncHub } from './renderer-sync/sync-hub';
import type { WorkspaceRuntime } from './workspace/workspace-runtime';
import { WorkspaceRegistry } from './workspace/workspace-registry';
import { RelaySyncControl } from './relay-sync/sync-control';
import { BlobSyncControl } from './blob-sync/blob-sync-control';
import { BasemapRegistry } from './tiles/basemap-registry';
import { onlineTileOrigin } from '../shared/domain/online-tiles';
import { systemClock, type Clock, type ServiceContext } from './rpc/context';
import { dispatch } from './rpc/dispatch';
import { permissionContext } from './workspace/permission-context';
import { docAccess } from '../shared/permissions';

/** Options of {@link DataService}. */
export interface DataServiceOptions {
  /** The data folder (see data-dir.ts). */
  dataDir: string;
  /** How the app runs, reported to the UI. */
  mode: 'electron' | 'browser';
  /** App version shown in the UI. */
  version?: string;
  logger?: Logger;
  /** Migrations to apply (default: the app's migrations/ folder). */
  migrations?: Migration[];
  /** DocHost timings (tests shorten them). */
  docTimings?: { unloadAfterMs?: number; idleCompactMs?: number };
  /** Sync engine timings (tests shorten them). */
  syncTimings?: { roundIntervalMs?: number; docTimeoutMs?: number; syncNowTimeoutMs?: number; warnAfterMs?: number };
  /** Blob transfer queue settings (tests shorten the retry backoff). */
  blobQueue?: { concurrency?: number; attempts?: number; backoffMs?: number };
  /** The clock handlers read (default: the system clock; tests fix it). */
  clock?: Clock;
  /**
   * The data folder's 32-byte data key (from a service/keys KeyStore): every workspace database is
   * encrypted with it, and a clear one is encrypted at open. The entry points always pass one;
   * without it databases stay clear (tests of other parts only).
   */
  dataKey?: Uint8Array;
}

/** The data service. Create with {@link DataService.open}; connect renderers with {@link connect}. */
export class DataService implements SessionHost {
  readonly logger: Logger;
  readonly dataDir: string;
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  readonly profile: ProfileStore;
  /** Offline basemaps: the browser host's folder, or the files chosen in Electron main's dialog (remembered in basemaps.json). */
  readonly basemaps: BasemapRegistry;
  private readonly registry: WorkspaceRegistry;
  private readonly syncControl: RelaySyncControl;
  private readonly sessions = new Set<Session>();
  private readonly eventListeners = new Set<{ name: RpcEventName; fn: (payload: unknown) => void }>();
  private readonly hub = new SyncHub();
  /** What every handler receives (built once; the session is added per call). */
  private readonly context: ServiceContext;
  private readonly unlock: () => void;
  private closed = false;

  private constructor(opts: DataServiceOptions) {
    this.dataDir = opts.dataDir;
    this.mode = opts.mode;
    this.version = opts.version ?? '0.1.0';
    this.logger = opts.logger ?? createLogger('data-service');
    this.profile = new ProfileStore(this.dataDir);
    this.unlock = lockDataDir(this.dataDir);
    this.basemaps = new BasemapRegistry(path.join(this.dataDir, 'basemaps.json'), this.logger);
    const events = { broadcast: <E extends RpcEventName>(name: E, payload: RpcEvents[E]) => this.broadcast(name, payload) };
    const blobSync = new BlobSyncControl({ logger: this.logger, events, workspace: (id) => this.registry.get(id), queue: opts.blobQueue });
    this.syncControl = new RelaySyncControl({ hub: this.hub, logger: this.logger, events, workspace: (id) => this.registry.get(id), timings: opts.syncTimings, blobs: blobSync });
    this.registry = new WorkspaceRegistry({
      dataDir: this.dataDir,
      migrations: opts.migrations ?? loadMigrations(),
      dataKey: opts.dataKey,
      logger: this.logger,
      identity: this.profile,
      events,
      docTimings: opts.docTimings,
      onOpen: (ws) => {
        this.syncControl.resume(ws);
        // A window may be waiting for a doc that arrives now (from the relay, or another window's new case).
        ws.host.listen({ update: (name) => this.docArrived(name) });
      },
    });
    this.context = {
      app: { version: this.version, mode: this.mode, dataDir: this.dataDir },
      workspaces: this.registry,
      identity: this.profile,
      events,
      sync: this.syncControl,
      fileSync: blobSync,
      projections: { of: (id) => this.registry.get(id).store.projections },
      basemaps: this.basemaps,
      clock: opts.clock ?? systemClock,
      logger: this.logger,
    };
  }

  /**
   * Opens the data service on a data folder (created if missing).
   * @throws NestError('forbidden') when another running process uses the folder.
   */
  static open(opts: DataServiceOptions): DataService {
    // The folder holds every case (TLP:RED included), the workspace signing keys and relay tokens:
    // readable by this user only, whatever the umask (no effect on Windows, where ACLs apply).
    fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(opts.dataDir, 0o700);
    const s = new DataService(opts);
    s.logger.info({ dataDir: opts.dataDir, mode: opts.mode, encrypted: opts.dataKey !== undefined }, 'data service started');
    return s;
  }

  /** Serves one renderer (or, with `trusted`, Electron main itself) over `transport`; returns its session. */
  connect(transport: Transport, opts: { trusted?: boolean } = {}): Session {
    if (this.closed) throw new Error('data service is closed');
    const s = new Session(transport, this, opts);
    this.sessions.add(s);
    return s;
  }

  /** Number of connected renderers. */
  sessionCount(): number {
    return this.sessions.size;
  }

  /** @inheritdoc */
  detach(session: Session): void {
    this.sessions.delete(session);
    for (const p of session.allPeers()) this.hub.closeAll(p);
  }

  /** Sends an event to every connected renderer and to in-process listeners ({@link onEvent}). */
  broadcast<E extends RpcEventName>(name: E, payload: RpcEvents[E]): void {
    for (const s of this.sessions) s.emit(name, payload);
    for (const l of this.eventListeners) if (l.name === name) l.fn(payload);
  }

  /**
   * Listens in-process to the events renderers get (CLIs: an import's progress); returns the
   * remover. A listener that throws breaks the handler that broadcast the event: keep it small.
   */
  onEvent<E extends RpcEventName>(name: E, fn: (payload: RpcEvents[E]) => void): () => void {
    const l = { name, fn: fn as (payload: unknown) => void };
    this.eventListeners.add(l);
    return () => this.eventListeners.delete(l);
  }

  /**
   * Calls an RPC method in-process (CLIs), validated like a renderer's call.
   * @throws NestError as the handler does.
   */
  async invoke<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> {
    return (await this.call(method, params, null)) as RpcResult<M>;
  }

  /** @inheritdoc */
  async call(method: string, params: unknown, session: Session | null): Promise<unknown> {
    return await dispatch(method, params, { ...this.context, session });
  }

  /**
   * @inheritdoc
   * A doc of an open workspace that is not on this computer yet is waited for (a case created on
   * another desktop and followed by link before the relay delivered it): its first stored update
   * opens it for every session waiting ({@link docArrived}), with the access checked then.
   */
  openDoc(session: Session, name: string): 'write' | 'read' | 'waiting' {
    const ref = parseDocName(name);
    if (!ref) throw new NestError('invalid-params', { id: 'service.doc.bad-name', values: { name: name.slice(0, 100) } });
    const ws = this.workspace(ref.workspaceId);
    if (!ws.host.exists(name)) return 'waiting';
    const { subject, target } = permissionContext(ws);
    const access = docAccess(subject, name, target.workspace, target.local);
    if (access !== 'read' && access !== 'write') throw new NestError('forbidden', { id: 'service.doc.forbidden', values: { name, access } });
    this.hub.open(session.peerFor(ws.id, subject.memberId), name, ws.host, access === 'read');
    return access;
  }

  /** Opens `name` for the sessions waiting for it (called on every stored update; a Set lookup per session when nobody waits). */
  private docArrived(name: string): void {
    for (const s of this.sessions) s.docArrived(name);
  }

  /** @inheritdoc */
  docFrame(session: Session, frame: Extract<Frame, { doc: string }>): void {
    const ref = parseDocName(frame.doc);
    if (!ref) throw new NestError('bad-frame', { id: 'service.doc.not-a-name' });
    const ws = this.workspace(ref.workspaceId);
    const local = ws.local();
    const peer = session.peerFor(ws.id, local.memberId);
    if (frame.type === FRAME.DOC_SYNC) this.hub.sync(peer, frame.doc, frame.payload, local.role);
    else if (frame.type === FRAME.DOC_AWARENESS) this.hub.awareness(peer, frame.doc, frame.payload);
    else if (frame.type === FRAME.DOC_CLOSE) this.hub.close(peer, frame.doc);
  }

  /**
   * An open workspace (opened on first use); see {@link WorkspaceRegistry.get}.
   * @throws NestError('not-found') for an unknown id.
   */
  workspace(id: string): WorkspaceRuntime {
    return this.registry.get(id);
  }

  /** Summaries of every workspace on this machine (see {@link WorkspaceRegistry.list}). */
  listWorkspaces(): WorkspaceSummary[] {
    return this.registry.list();
  }

  /** The running sync engine of a workspace, if any (tests). */
  syncEngine(workspaceId: string): ReturnType<RelaySyncControl['engine']> {
    return this.syncControl.engine(workspaceId);
  }

  /**
   * The origins of the online tile layers enabled in this machine's workspaces (docs/map.md): what
   * the pages' CSP `img-src` is widened by, and nothing else. A workspace that cannot be opened adds none.
   */
  onlineTileOrigins(): string[] {
    const out = new Set<string>();
    for (const w of this.registry.list()) {
      try {
        const tiles = this.registry.get(w.id).workspaceDoc().readOnlineTiles();
        if (tiles) out.add(onlineTileOrigin(tiles.urlTemplate));
      } catch {
        /* listed with its problem elsewhere; it enables nothing */
      }
    }
    return [...out].sort();
  }

  /** Closes every workspace (compacting docs) and disconnects renderers. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.syncControl.stopAll();
    for (const s of [...this.sessions]) s.close();
    this.registry.closeAll();
    this.basemaps.close();
    this.unlock();
    this.logger.info('data service stopped');
  }
}
