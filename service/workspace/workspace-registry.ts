/**
 * The workspaces of a data folder: opens each on first use (one SQLite database each), creates
 * and joins workspaces, and summarises them for the UI. Implements the handlers' `Workspaces`.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../node/log';
import type { Migration } from '../../node/store/migrations';
import type { MemberRole } from '../../shared/domain/codes';
import { workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc, type WorkspaceSettings } from '../../shared/docs/workspace-doc';
import { NestError } from '../../shared/errors';
import type { WorkspaceSummary } from '../../shared/rpc/app';
import type { EventBroadcaster, IdentityStore, Workspaces } from '../rpc/context';
import { WorkspaceRuntime } from './workspace-runtime';
import { WorkspaceStore, listWorkspaceIds } from './workspace-store';

/** What the registry needs. */
export interface WorkspaceRegistryOptions {
  dataDir: string;
  migrations: Migration[];
  /** The data folder's 32-byte data key: every workspace database is encrypted with it (absent: clear databases, tests only). */
  dataKey?: Uint8Array | undefined;
  logger: Logger;
  identity: IdentityStore;
  events: EventBroadcaster;
  /** DocHost timings (tests shorten them). */
  docTimings?: { unloadAfterMs?: number; idleCompactMs?: number } | undefined;
  /** Called once for each workspace when it opens (the sync control resumes its relay sync). */
  onOpen: (ws: WorkspaceRuntime) => void;
}

/** The open workspaces of one data folder. */
export class WorkspaceRegistry implements Workspaces {
  private readonly opts: WorkspaceRegistryOptions;
  private readonly open = new Map<string, WorkspaceRuntime>();
  /** Last problem logged per workspace that cannot be opened (logged once, not at every list). */
  private readonly broken = new Map<string, string>();

  constructor(opts: WorkspaceRegistryOptions) {
    this.opts = opts;
  }

  /** @inheritdoc */
  get(id: string): WorkspaceRuntime {
    const open = this.open.get(id);
    if (open) return open;
    if (!listWorkspaceIds(this.opts.dataDir).includes(id)) throw new NestError('not-found', { id: 'service.workspace.not-found', values: { id } });
    return this.openStore(WorkspaceStore.open(this.opts.dataDir, id, { migrations: this.opts.migrations, key: this.opts.dataKey }));
  }

  private openStore(store: WorkspaceStore): WorkspaceRuntime {
    const { logger, events, docTimings } = this.opts;
    const rt = new WorkspaceRuntime(store, logger.child({ workspace: store.workspaceId }), (workspaceId, caseIds, parts) => events.broadcast('projection.changed', { workspaceId, caseIds, parts }), docTimings);
    rt.host.listen({ storage: (state) => events.broadcast('storage.status', { workspaceId: rt.id, ...state }) });
    this.open.set(store.workspaceId, rt);
    this.opts.onOpen(rt);
    return rt;
  }

  /** @inheritdoc */
  list(): WorkspaceSummary[] {
    const out: WorkspaceSummary[] = [];
    for (const id of listWorkspaceIds(this.opts.dataDir)) {
      try {
        out.push(this.summarise(this.get(id)));
        this.broken.delete(id);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (this.broken.get(id) !== message) this.opts.logger.error({ workspace: id, err: message }, 'workspace cannot be opened');
        this.broken.set(id, message);
        out.push({ id, name: `Workspace ${id.slice(0, 8)}`, casePrefix: '', reportingCurrency: '', demo: false, caseCount: 0, role: 'observer', memberId: '', problem: message });
      }
    }
    return out.sort((a, b) => Number(a.demo) - Number(b.demo) || a.name.localeCompare(b.name));
  }

  /** @inheritdoc */
  summarise(ws: WorkspaceRuntime): WorkspaceSummary {
    const doc = ws.workspaceDoc();
    const settings = doc.readSettings();
    const local = ws.local();
    const caseCount = ws.store.projections.caseCount();
    const name = doc.isInitialised() ? settings.name : ws.store.getSetting<string>('joinedName', settings.name);
    return { id: ws.id, name, casePrefix: settings.casePrefix, reportingCurrency: settings.reportingCurrency, demo: local.demo, caseCount, role: local.role, memberId: local.memberId };
  }

  /** @inheritdoc */
  create(settings: Omit<WorkspaceSettings, 'id'>, opts: { demo?: boolean; id?: string } = {}): WorkspaceRuntime {
    const me = this.opts.identity.require();
    const id = opts.id ?? randomUUID();
    const store = WorkspaceStore.open(this.opts.dataDir, id, { create: true, migrations: this.opts.migrations, key: this.opts.dataKey });
    store.setLocalSettings({ memberId: me.memberId, role: 'admin', demo: opts.demo ?? false });
    const rt = this.openStore(store);
    const ws = new WorkspaceDoc(rt.host.retainedDoc(workspaceDocName(id)));
    ws.init({ ...settings, id }, { id: me.memberId, name: me.name, agency: me.agency, role: 'admin', joinedAt: Date.now() }, { memberId: me.memberId });
    this.opts.events.broadcast('workspaces.changed', {});
    return rt;
  }

  /** @inheritdoc */
  join(j: { workspaceId: string; workspaceName: string; memberId: string; role: MemberRole }): WorkspaceRuntime {
    const local = { memberId: j.memberId, role: j.role, demo: false };
    const known = listWorkspaceIds(this.opts.dataDir).includes(j.workspaceId);
    let ws: WorkspaceRuntime;
    if (known) ws = this.get(j.workspaceId);
    else {
      const store = WorkspaceStore.open(this.opts.dataDir, j.workspaceId, { create: true, migrations: this.opts.migrations, key: this.opts.dataKey });
      store.setLocalSettings(local);
      ws = this.openStore(store);
    }
    ws.store.setLocalSettings(local);
    ws.store.setSetting('joinedName', j.workspaceName);
    this.opts.events.broadcast('workspaces.changed', {});
    return ws;
  }

  /** Closes every open workspace (compacting docs); a failure is logged and the others still close. */
  closeAll(): void {
    for (const ws of this.open.values()) {
      try {
        ws.close();
      } catch (err) {
        this.opts.logger.error({ workspace: ws.id, err: err instanceof Error ? err.message : String(err) }, 'close failed');
      }
    }
    this.open.clear();
  }
}
