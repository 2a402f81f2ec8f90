/**
 * The data service: the heart of the desktop app. Plain Node (no `electron` import), so the same
 * module runs in an Electron utilityProcess and in browser mode (`npm run serve`). It owns the
 * local identity, the workspaces (one SQLite database each), their Y.Docs and projections, and
 * serves renderers over any {@link Transport}: y-protocols sync per open doc plus typed RPC.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createLogger, type Logger } from '../node/log';
import { loadMigrations, type Migration } from '../node/store/migrations';
import { NestError, describeIssues, fieldIssues } from '../shared/errors';
import { parseDocName, workspaceDocName } from '../shared/docs/names';
import { WorkspaceDoc } from '../shared/docs/workspace-doc';
import { FRAME, type Frame } from '../shared/protocol/frames';
import type { Transport } from '../shared/protocol/transport';
import { isRpcMethod, rpcContract, type RpcEventName, type RpcEvents } from '../shared/rpc/contract';
import type { WorkspaceSummary } from '../shared/rpc/app';
import type { WorkspaceSettings } from '../shared/docs/workspace-doc';
import { ProfileStore } from './workspace/profile';
import { Session, type SessionHost } from './renderer-sync/session';
import { SyncHub } from './renderer-sync/sync-hub';
import { WorkspaceRuntime } from './workspace/workspace-runtime';
import { WorkspaceStore, listWorkspaceIds } from './workspace/workspace-store';
import { handlers } from './rpc/handlers';
import { authorize } from './rpc/authorize';
import { permissionContext } from './workspace/permission-context';
import { docAccess } from '../shared/permissions';
import { lockDataDir } from '../node/fs/data-dir-lock';
import { SyncEngine, type SyncConfig } from './relay-sync/sync-engine';
import { relayUrls } from './relay-sync/relay-url';
import type { SyncStatus } from '../shared/rpc/sync';
import type { MemberRole } from '../shared/domain/codes';
import type { RpcMethod, RpcParams, RpcResult } from '../shared/rpc/contract';

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
  syncTimings?: { roundIntervalMs?: number; docTimeoutMs?: number };
}

/** The data service. Create with {@link DataService.open}; connect renderers with {@link connect}. */
export class DataService implements SessionHost {
  readonly logger: Logger;
  readonly dataDir: string;
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  readonly profile: ProfileStore;
  private readonly migrations: Migration[];
  private readonly docTimings: DataServiceOptions['docTimings'];
  private readonly syncTimings: DataServiceOptions['syncTimings'];
  private readonly engines = new Map<string, SyncEngine>();
  private readonly workspaces = new Map<string, WorkspaceRuntime>();
  private readonly broken = new Map<string, string>();
  private readonly sessions = new Set<Session>();
  private readonly hub = new SyncHub();
  private readonly unlock: () => void;
  private closed = false;

  private constructor(opts: DataServiceOptions) {
    this.dataDir = opts.dataDir;
    this.mode = opts.mode;
    this.version = opts.version ?? '0.1.0';
    this.logger = opts.logger ?? createLogger('data-service');
    this.migrations = opts.migrations ?? loadMigrations();
    this.docTimings = opts.docTimings;
    this.syncTimings = opts.syncTimings;
    this.profile = new ProfileStore(this.dataDir);
    this.unlock = lockDataDir(this.dataDir);
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
    s.logger.info({ dataDir: opts.dataDir, mode: opts.mode }, 'data service started');
    return s;
  }

  /** Serves one renderer over `transport`; returns its session. */
  connect(transport: Transport): Session {
    if (this.closed) throw new Error('data service is closed');
    const s = new Session(transport, this);
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

  /** Sends an event to every connected renderer. */
  broadcast<E extends RpcEventName>(name: E, payload: RpcEvents[E]): void {
    for (const s of this.sessions) s.emit(name, payload);
  }

  /**
   * Calls an RPC method in-process (CLIs, the demo builder), validated like a renderer's call.
   * @throws NestError as the handler does.
   */
  async invoke<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> {
    return (await this.call(method, params, null)) as RpcResult<M>;
  }

  /** @inheritdoc */
  async call(method: string, params: unknown, session: Session | null): Promise<unknown> {
    if (!isRpcMethod(method)) throw new NestError('unknown-method', `unknown method "${method.slice(0, 80)}"`);
    const spec = rpcContract[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      throw new NestError('invalid-params', `${method}: ${describeIssues(parsed.error.issues)}`, fieldIssues(parsed.error.issues));
    }
    authorize(spec, parsed.data, (id) => this.workspace(id));
    const handler = handlers[method] as (p: unknown, ctx: { service: DataService; session: Session | null }) => unknown;
    return await handler(parsed.data, { service: this, session });
  }

  /** @inheritdoc */
  openDoc(session: Session, name: string): void {
    const ref = parseDocName(name);
    if (!ref) throw new NestError('invalid-params', `"${name.slice(0, 100)}" is not a document name`);
    const ws = this.workspace(ref.workspaceId);
    if (!ws.host.exists(name)) throw new NestError('not-found', `document ${name} does not exist`);
    const { subject, target } = permissionContext(ws);
    const access = docAccess(subject, name, target.workspace, target.local);
    if (access !== 'read' && access !== 'write') throw new NestError('forbidden', `you may not open ${name} (${access})`);
    this.hub.open(session.peerFor(ws.id, subject.memberId), name, ws.host, access === 'read');
  }

  /** @inheritdoc */
  docFrame(session: Session, frame: Extract<Frame, { doc: string }>): void {
    const ref = parseDocName(frame.doc);
    if (!ref) throw new NestError('bad-frame', 'not a document name');
    const ws = this.workspace(ref.workspaceId);
    const peer = session.peerFor(ws.id, ws.local().memberId);
    if (frame.type === FRAME.DOC_SYNC) this.hub.sync(peer, frame.doc, frame.payload);
    else if (frame.type === FRAME.DOC_AWARENESS) this.hub.awareness(peer, frame.doc, frame.payload);
    else if (frame.type === FRAME.DOC_CLOSE) this.hub.close(peer, frame.doc);
  }

  // ---- workspaces -------------------------------------------------------------------------

  /**
   * An open workspace (opened on first use).
   * @throws NestError('not-found') for an unknown id; the store's errors (e.g. 'database-too-new').
   */
  workspace(id: string): WorkspaceRuntime {
    const open = this.workspaces.get(id);
    if (open) return open;
    if (!listWorkspaceIds(this.dataDir).includes(id)) throw new NestError('not-found', `workspace ${id} does not exist on this machine`);
    return this.openWorkspace(WorkspaceStore.open(this.dataDir, id, { migrations: this.migrations }));
  }

  private openWorkspace(store: WorkspaceStore): WorkspaceRuntime {
    const rt = new WorkspaceRuntime(store, this.logger.child({ workspace: store.workspaceId }), (workspaceId, caseIds, parts) => this.broadcast('projection.changed', { workspaceId, caseIds, parts }), this.docTimings);
    this.workspaces.set(store.workspaceId, rt);
    const sync = store.getSetting<SyncConfig | null>('sync', null);
    if (sync) this.runEngine(rt, sync);
    return rt;
  }

  // ---- sync ---------------------------------------------------------------------------------

  private runEngine(ws: WorkspaceRuntime, config: SyncConfig): void {
    const engine = new SyncEngine(config, {
      workspace: ws,
      hub: this.hub,
      logger: this.logger.child({ workspace: ws.id, part: 'sync' }),
      onStatus: (status) => this.broadcast('sync.status', status),
      ...this.syncTimings,
    });
    this.engines.set(ws.id, engine);
  }

  /**
   * Starts (or re-points) syncing a workspace through `relayUrl` with `token`.
   * @throws NestError('validation') for a malformed relay address.
   */
  startSync(ws: WorkspaceRuntime, next: { relayUrl: string; token: string }): void {
    const relayUrl = relayUrls(next.relayUrl).ws;
    const engine = this.engines.get(ws.id);
    if (engine) {
      engine.reconfigure({ relayUrl, token: next.token });
      return;
    }
    const config: SyncConfig = { relayUrl, token: next.token, clock: 0, localClock: 0 };
    ws.store.setSetting('sync', config);
    this.runEngine(ws, config);
  }

  /** Stops syncing a workspace; `forget` also deletes its relay settings (local data is kept). */
  async stopSync(workspaceId: string, opts: { forget?: boolean } = {}): Promise<void> {
    const engine = this.engines.get(workspaceId);
    this.engines.delete(workspaceId);
    await engine?.stop();
    if (opts.forget) this.workspace(workspaceId).store.setSetting('sync', null);
    this.broadcast('sync.status', this.syncStatus(workspaceId));
  }

  /** The sync status of a workspace (`off` when it has no relay). */
  syncStatus(workspaceId: string): SyncStatus {
    const engine = this.engines.get(workspaceId);
    if (engine) return engine.status();
    this.workspace(workspaceId);
    return { workspaceId, state: 'off', detail: null, relayUrl: null, lastSyncedAt: null, docs: {}, live: {} };
  }

  /** The running sync engine of a workspace, if any (tests). */
  syncEngine(workspaceId: string): SyncEngine | undefined {
    return this.engines.get(workspaceId);
  }

  /**
   * Opens, or creates empty, the local copy of a workspace this machine joins as `memberId`
   * with `role` (from an invitation); its content arrives through sync.
   */
  joinWorkspace(j: { workspaceId: string; workspaceName: string; memberId: string; role: MemberRole }): WorkspaceRuntime {
    const known = listWorkspaceIds(this.dataDir).includes(j.workspaceId);
    const ws = known ? this.workspace(j.workspaceId) : this.openWorkspace(this.prepareJoin(j));
    ws.store.setLocalSettings({ memberId: j.memberId, role: j.role, demo: false });
    ws.store.setSetting('joinedName', j.workspaceName);
    this.broadcast('workspaces.changed', {});
    return ws;
  }

  private prepareJoin(j: { workspaceId: string; memberId: string; role: MemberRole }): WorkspaceStore {
    const store = WorkspaceStore.open(this.dataDir, j.workspaceId, { create: true, migrations: this.migrations });
    store.setLocalSettings({ memberId: j.memberId, role: j.role, demo: false });
    return store;
  }

  /** Summaries of every workspace on this machine; one that cannot be opened is listed with its problem. */
  listWorkspaces(): WorkspaceSummary[] {
    const out: WorkspaceSummary[] = [];
    for (const id of listWorkspaceIds(this.dataDir)) {
      try {
        out.push(this.summarise(this.workspace(id)));
        this.broken.delete(id);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (this.broken.get(id) !== message) this.logger.error({ workspace: id, err: message }, 'workspace cannot be opened');
        this.broken.set(id, message);
        out.push({ id, name: `Workspace ${id.slice(0, 8)}`, casePrefix: '', reportingCurrency: '', demo: false, caseCount: 0, role: 'observer', memberId: '', problem: message });
      }
    }
    return out.sort((a, b) => Number(a.demo) - Number(b.demo) || a.name.localeCompare(b.name));
  }

  /** The summary of one open workspace. */
  summarise(ws: WorkspaceRuntime): WorkspaceSummary {
    const doc = ws.workspaceDoc();
    const settings = doc.readSettings();
    const local = ws.local();
    const caseCount = ws.store.db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;
    const name = doc.isInitialised() ? settings.name : ws.store.getSetting<string>('joinedName', settings.name);
    return { id: ws.id, name, casePrefix: settings.casePrefix, reportingCurrency: settings.reportingCurrency, demo: local.demo, caseCount, role: local.role, memberId: local.memberId };
  }

  /**
   * Creates a workspace whose admin is the local identity.
   * @throws NestError('no-identity'); NestError('validation') for bad settings.
   */
  createWorkspace(settings: Omit<WorkspaceSettings, 'id'>, opts: { demo?: boolean; id?: string } = {}): WorkspaceRuntime {
    const me = this.profile.require();
    const id = opts.id ?? randomUUID();
    const store = WorkspaceStore.open(this.dataDir, id, { create: true, migrations: this.migrations });
    store.setLocalSettings({ memberId: me.memberId, role: 'admin', demo: opts.demo ?? false });
    const rt = this.openWorkspace(store);
    const ws = new WorkspaceDoc(rt.host.retainedDoc(workspaceDocName(id)));
    ws.init({ ...settings, id }, { id: me.memberId, name: me.name, agency: me.agency, role: 'admin', joinedAt: Date.now() }, { memberId: me.memberId });
    this.broadcast('workspaces.changed', {});
    return rt;
  }

  /** Closes every workspace (compacting docs) and disconnects renderers. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const e of this.engines.values()) void e.stop();
    this.engines.clear();
    for (const s of [...this.sessions]) s.close();
    for (const ws of this.workspaces.values()) {
      try {
        ws.close();
      } catch (err) {
        this.logger.error({ workspace: ws.id, err: err instanceof Error ? err.message : String(err) }, 'close failed');
      }
    }
    this.workspaces.clear();
    this.unlock();
    this.logger.info('data service stopped');
  }
}
