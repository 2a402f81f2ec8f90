/**
 * Keeps the Y.Docs of one workspace in memory while they are used, and persists every update:
 * the desktop's side of the shared doc registry (node/store/doc-registry.ts). What is the
 * desktop's own: listeners (projections, fan-out to renderers and the relay) and attributing
 * each update to a member.
 *
 * - `retain(name)` loads a doc (snapshot + later updates) and counts a user; `release(name)`
 *   uncounts it. A doc with no users is compacted and unloaded after `unloadAfterMs`, because a
 *   loaded doc costs ~16× its encoded size in memory (docs/architecture.md).
 * - Every update of a loaded doc is appended to the doc log synchronously, inside Yjs's
 *   'update' event, before anything else sees it: an update the UI was told about is on disk.
 *   This, and `retain` loading without waiting, go through the SQLite log directly (the
 *   desktop's synchronous path, docs/architecture.md "Storage"); `open` loads asynchronously.
 *   An update the database refuses (disk full, I/O error) is kept in memory and retried
 *   ({@link UnsavedUpdates}); the doc stays loaded until it is written and listeners hear the
 *   workspace's {@link StorageState}.
 * - Compaction runs when a doc has `compactThreshold` pending updates (on the next turn of the
 *   event loop) or has been idle for `idleCompactMs`.
 */
import type * as Y from 'yjs';
import type { Logger } from '../../node/log';
import { DocRegistry, LoadedDoc } from '../../node/store/doc-registry';
import type { StoredDoc } from '../../node/store/doc-store';
import type { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import { SqliteDocStore } from '../../node/store/sqlite-doc-store';
import { UnsavedUpdates, type StorageState } from './unsaved-updates';

/** Transaction origin used when a doc is loaded from storage (never re-persisted). */
export const LOAD_ORIGIN = Symbol('nest-load');

/** Options of a {@link DocHost}. */
export interface DocHostOptions {
  logger: Logger;
  /** Pending updates that trigger a compaction (default 500, per docs/architecture.md). */
  compactThreshold?: number;
  /** Compact a doc after this many ms without updates (default 30,000). */
  idleCompactMs?: number;
  /** Unload a doc after this many ms without users (default 60,000). */
  unloadAfterMs?: number;
  /** ms between retries of updates the database refused (default 2,000). */
  retryUnsavedMs?: number;
  /** The member id an update is attributed to, from its transaction origin. */
  memberOf: (origin: unknown) => string;
}

/** Hears what happens to docs. */
export interface DocHostListener {
  /** After a doc is loaded into memory; return a disposer called at unload. */
  loaded?(name: string, doc: Y.Doc): (() => void) | void;
  /** After an update was applied (persisted, or queued when the database refused it: see `storage`). */
  update?(name: string, update: Uint8Array, origin: unknown): void;
  /** When the workspace's storage state changes (an update could not be written, or all are written again). */
  storage?(state: StorageState): void;
}

/** A loaded doc of the host, with the disposers its listeners returned. */
class HostedDoc extends LoadedDoc {
  readonly disposers: (() => void)[] = [];
}

/** The loaded docs of one workspace. */
export class DocHost {
  private readonly log: SqliteDocLog;
  private readonly registry: DocRegistry<HostedDoc>;
  private readonly listeners = new Set<DocHostListener>();
  private readonly unsaved: UnsavedUpdates;
  private readonly logger: Logger;

  /** `log` is the workspace's doc log (WorkspaceStore.docs); the host closes nothing of it. */
  constructor(log: SqliteDocLog, opts: DocHostOptions) {
    this.log = log;
    this.logger = opts.logger;
    const memberOf = opts.memberOf;
    this.unsaved = new UnsavedUpdates({
      write: (p) => {
        const e = this.registry.get(p.name);
        log.appendUpdate(p.name, p.update, p.memberId, e?.doc);
        if (e) this.registry.noteAppended(e);
      },
      // A doc with unwritten updates must not unload: its memory holds the only copy.
      hold: (name) => void this.registry.retainNow(name),
      unhold: (name) => this.release(name),
      changed: (state) => {
        if (!state.saved) opts.logger.error({ unsaved: state.unsaved, err: state.error }, 'updates could not be written; kept in memory and retried');
        else opts.logger.info('every update is written again');
        for (const l of this.listeners) l.storage?.(state);
      },
      ...(opts.retryUnsavedMs !== undefined ? { retryMs: opts.retryUnsavedMs } : {}),
    });
    this.registry = new DocRegistry<HostedDoc>(new SqliteDocStore(log), {
      create: (name, stored) => this.create(name, stored),
      readNow: (name) => log.read(name),
      onLoad: (e) => {
        for (const l of this.listeners) this.tellLoaded(l, e);
      },
      onUpdate: (e, update, origin) => {
        if (origin === LOAD_ORIGIN) return;
        this.unsaved.write({ name: e.name, update, memberId: memberOf(origin) });
        for (const l of this.listeners) l.update?.(e.name, update, origin);
      },
      onUnload: (e) => {
        for (const d of e.disposers) d();
        log.forget(e.name, e.doc);
      },
      idleUnloadMs: opts.unloadAfterMs ?? 60_000,
      idleCompactMs: opts.idleCompactMs ?? 30_000,
      compactThreshold: opts.compactThreshold ?? 500,
      logger: opts.logger,
    });
  }

  /** Adds a listener; returns its remover. Listeners added later are told about docs already loaded. */
  listen(l: DocHostListener): () => void {
    this.listeners.add(l);
    for (const e of this.registry.all()) this.tellLoaded(l, e);
    return () => this.listeners.delete(l);
  }

  /** Whether every update is written (what "Saved locally" may claim). */
  storageState(): StorageState {
    return this.unsaved.state();
  }

  /**
   * Writes the updates the database refused before, now (the timer also retries).
   * @returns true when nothing is left unwritten.
   */
  retryUnsaved(): boolean {
    return this.unsaved.flush();
  }

  /** True when the doc has stored state (it may not be loaded). */
  exists(name: string): boolean {
    return this.isLoaded(name) || this.log.head(name) !== null;
  }

  /** True when the doc is loaded in memory now (held or waiting to be unloaded). */
  isLoaded(name: string): boolean {
    return this.registry.get(name) !== undefined;
  }

  /** Names of loaded docs. */
  loadedNames(): string[] {
    return [...this.registry.all()].map((e) => e.name);
  }

  /**
   * Loads (if needed, without waiting) and counts one user of a doc; pair with {@link release}.
   * @throws Error when the host is closed; the SQLite error when the doc cannot be read.
   */
  retain(name: string): Y.Doc {
    return this.registry.retainNow(name).doc;
  }

  /** Like {@link retain}, loading through the async doc store (concurrent opens share one load). */
  async open(name: string): Promise<Y.Doc> {
    return (await this.registry.retain(name)).doc;
  }

  /** Uncounts a user; at zero users the doc is unloaded after `unloadAfterMs`. */
  release(name: string): void {
    const e = this.registry.get(name);
    if (e) this.registry.release(e);
  }

  /**
   * The doc of a name that is currently retained by someone.
   * @throws Error when it is not loaded (a programming error: retain it first).
   */
  retainedDoc(name: string): Y.Doc {
    const e = this.registry.get(name);
    if (!e || e.holds === 0) throw new Error(`doc ${name} is not retained`);
    return e.doc;
  }

  /**
   * Runs `fn` with the doc loaded, without keeping it: a doc that had no users is unloaded
   * after `unloadAfterMs` as usual.
   */
  with<T>(name: string, fn: (doc: Y.Doc) => T): T {
    const doc = this.retain(name);
    try {
      return fn(doc);
    } finally {
      this.release(name);
    }
  }

  /**
   * Unloads a doc nobody holds now instead of after `unloadAfterMs` (compacted first unless
   * `compact` is false; with the SQLite store it is gone when this returns); a held doc stays.
   * Failures are logged.
   */
  unloadIdle(name: string, opts: { compact?: boolean } = {}): void {
    this.registry.unloadIdle(name, opts).catch((err: unknown) => this.logger.error({ doc: name, err: err instanceof Error ? err.message : String(err) }, 'unloading failed'));
  }

  /** Compacts one doc now (loaded or not); done when this returns (the SQLite store works synchronously), failures are logged. */
  compact(name: string): void {
    void this.registry.compact(name);
  }

  /** Compacts and unloads everything (the compactions are done when this returns); the host cannot be used afterwards. */
  close(): void {
    this.unsaved.stop();
    // Last chance for refused updates; compaction below also snapshots the docs that hold them.
    if (!this.unsaved.flush()) this.logger.error({ unsaved: this.unsaved.state().unsaved }, 'closing with updates that could not be written');
    void this.registry.close();
  }

  private create(name: string, stored: StoredDoc): HostedDoc {
    const e = new HostedDoc(name, stored, LOAD_ORIGIN);
    // The doc holds exactly what was read: let compaction encode it instead of replaying.
    this.log.adopt(name, e.doc, stored.lastSeq);
    return e;
  }

  private tellLoaded(l: DocHostListener, e: HostedDoc): void {
    const d = l.loaded?.(e.name, e.doc);
    if (d) e.disposers.push(d);
  }
}
