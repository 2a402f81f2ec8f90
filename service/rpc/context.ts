/**
 * What an RPC handler may use: narrow interfaces, built once by the data service (its composition
 * root) and handed to every call. No handler sees the whole service, so none can reach sessions,
 * other engines or the database behind these interfaces, and `data-service.ts` imports the
 * handlers, never the other way round.
 */
import type { Logger } from '../../node/log';
import type { MemberRole } from '../../shared/domain/codes';
import type { IdentityInput } from '../../shared/domain/member';
import type { WorkspaceSettings } from '../../shared/docs/workspace-doc';
import type { Identity, WorkspaceSummary } from '../../shared/rpc/app';
import type { RpcEventName, RpcEvents } from '../../shared/rpc/contract';
import type { SyncStatus } from '../../shared/rpc/sync';
import type { FileSyncStatus } from '../../shared/rpc/files';
import type { ProjectionQueries } from '../projections/queries';
import type { Session } from '../renderer-sync/session';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { BasemapRegistry } from '../tiles/basemap-registry';

/** The workspaces on this machine. */
export interface Workspaces {
  /**
   * An open workspace (opened on first use).
   * @throws NestError('not-found') for an unknown id; the store's errors (e.g. 'database-too-new').
   */
  get(id: string): WorkspaceRuntime;
  /** Summaries of every workspace; one that cannot be opened is listed with its problem. */
  list(): WorkspaceSummary[];
  /** The summary of one open workspace. */
  summarise(ws: WorkspaceRuntime): WorkspaceSummary;
  /**
   * Creates a workspace whose admin is the local identity.
   * @throws NestError('no-identity'); NestError('validation') for bad settings.
   */
  create(settings: Omit<WorkspaceSettings, 'id'>, opts?: { demo?: boolean; id?: string }): WorkspaceRuntime;
  /** Opens, or creates empty, the local copy of a workspace joined from an invitation. */
  join(j: { workspaceId: string; workspaceName: string; memberId: string; role: MemberRole }): WorkspaceRuntime;
}

/** The local identity (profile.json). */
export interface IdentityStore {
  /** The identity, or null before first run. */
  get(): Identity | null;
  /** The identity; throws NestError('no-identity') before first run. */
  require(): Identity;
  /** Creates or updates the identity. */
  save(input: IdentityInput): Identity;
}

/** Sends events to every connected renderer. */
export interface EventBroadcaster {
  broadcast<E extends RpcEventName>(name: E, payload: RpcEvents[E]): void;
}

/** Starts, stops and reports the relay sync of workspaces. */
export interface SyncControl {
  /** The sync status of a workspace (`off` when it has no relay). */
  status(workspaceId: string): SyncStatus;
  /**
   * Starts (or re-points) syncing a workspace through `relayUrl` with `token`.
   * @throws NestError('validation') for a malformed relay address.
   */
  start(ws: WorkspaceRuntime, next: { relayUrl: string; token: string }): void;
  /** Stops syncing; `forget` also deletes the workspace's relay settings (local data is kept). */
  stop(workspaceId: string, opts?: { forget?: boolean }): Promise<void>;
  /**
   * "Sync now": re-exchanges state with the relay for one doc (or every open and waiting doc) and
   * resolves once the relay is proven to hold them, or after a timeout (`acked` < `docs`).
   * @throws NestError('invalid-params') when the workspace does not sync through a relay.
   */
  syncNow(workspaceId: string, docName: string | null): Promise<{ docs: number; acked: number; lastAckAt: number | null }>;
}

/** Blob sync of one workspace's case files with its relay (service/blob-sync/). */
export interface FileSync {
  /** Every live file's sync status in a case. */
  statuses(caseId: string): FileSyncStatus[];
  /**
   * Downloads one file now unless it is here; resolves with its final status (`failed` with the reason).
   * @throws NestError('not-found') for a file the case does not list.
   */
  fetch(caseId: string, fileId: string): Promise<FileSyncStatus>;
  /** Whether this desktop keeps the case's files offline (a local setting). */
  keepOffline(caseId: string): boolean;
  /** Marks a case "keep files offline" on this desktop, or not. */
  setKeepOffline(caseId: string, keep: boolean): void;
}

/** The blob sync of each workspace. */
export interface FileSyncControl {
  /** @throws NestError('not-found') for an unknown workspace. */
  of(workspaceId: string): FileSync;
}

/** The projection queries of each workspace (lists, counts, map points, search). */
export interface Projections {
  /**
   * The queries over one workspace's projection tables.
   * @throws NestError('not-found') for an unknown workspace.
   */
  of(workspaceId: string): ProjectionQueries;
}

/** The time, so handlers never read the system clock themselves (tests can fix it). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Today's local date, YYYY-MM-DD. */
  today(): string;
}

/** Facts about the running app. */
export interface AppInfo {
  readonly version: string;
  readonly mode: 'electron' | 'browser';
  readonly dataDir: string;
}

/** The services every handler receives, built once per data service. */
export interface ServiceContext {
  readonly app: AppInfo;
  readonly workspaces: Workspaces;
  readonly identity: IdentityStore;
  readonly events: EventBroadcaster;
  readonly sync: SyncControl;
  readonly fileSync: FileSyncControl;
  readonly projections: Projections;
  /** The offline basemaps of this data service (service/tiles/basemap-registry.ts). */
  readonly basemaps: Pick<BasemapRegistry, 'addFiles' | 'answer'>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What a handler receives besides its params: the services and the calling session. */
export interface RpcContext extends ServiceContext {
  /** The calling renderer's session; null for in-process callers (CLIs). */
  readonly session: Session | null;
}

/** The system clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  today: () => {
    const d = new Date();
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  },
};
