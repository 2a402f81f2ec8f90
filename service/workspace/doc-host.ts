/**
 * Keeps the Y.Docs of one workspace in memory while they are used, and persists every update.
 *
 * - `retain(name)` loads a doc (snapshot + later updates) and counts a user; `release(name)`
 *   uncounts it. A doc with no users is compacted and unloaded after `unloadAfterMs`, because a
 *   loaded doc costs ~16× its encoded size in memory (docs/architecture.md).
 * - Every update of a loaded doc is appended to the doc store synchronously, inside Yjs's
 *   'update' event, before anything else sees it: an update the UI was told about is on disk.
 * - Compaction runs when a doc has more than `compactThreshold` pending updates (on the next
 *   turn of the event loop) or has been idle for `idleCompactMs`.
 * - Listeners hear every update (for fan-out to renderers and the relay) and every load/unload.
 */
import * as Y from 'yjs';
import type { DocStore } from '../../node/store/doc-store';
import type { Logger } from '../../node/log';

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
  /** The member id an update is attributed to, from its transaction origin. */
  memberOf: (origin: unknown) => string;
}

/** Hears what happens to docs. */
export interface DocHostListener {
  /** After a doc is loaded into memory; return a disposer called at unload. */
  loaded?(name: string, doc: Y.Doc): (() => void) | void;
  /** After an update was persisted. */
  update?(name: string, update: Uint8Array, origin: unknown): void;
}

interface Entry {
  doc: Y.Doc;
  users: number;
  pending: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
  unloadTimer: ReturnType<typeof setTimeout> | null;
  compactQueued: boolean;
  disposers: (() => void)[];
}

/** The loaded docs of one workspace. */
export class DocHost {
  private readonly store: DocStore;
  private readonly opts: Required<Omit<DocHostOptions, 'logger' | 'memberOf'>> & Pick<DocHostOptions, 'logger' | 'memberOf'>;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<DocHostListener>();
  private closed = false;

  constructor(store: DocStore, opts: DocHostOptions) {
    this.store = store;
    this.opts = { compactThreshold: 500, idleCompactMs: 30_000, unloadAfterMs: 60_000, ...opts };
  }

  /** Adds a listener; returns its remover. Listeners added later are told about docs already loaded. */
  listen(l: DocHostListener): () => void {
    this.listeners.add(l);
    if (l.loaded) for (const [name, e] of this.entries) {
      const d = l.loaded(name, e.doc);
      if (d) e.disposers.push(d);
    }
    return () => this.listeners.delete(l);
  }

  /** True when the doc has stored state (it may not be loaded). */
  exists(name: string): boolean {
    return this.entries.has(name) || this.store.head(name) !== null;
  }

  /** Names of loaded docs. */
  loadedNames(): string[] {
    return [...this.entries.keys()];
  }

  /** Loads (if needed) and counts one user of a doc; pair with {@link release}. */
  retain(name: string): Y.Doc {
    const e = this.load(name);
    e.users++;
    if (e.unloadTimer) {
      clearTimeout(e.unloadTimer);
      e.unloadTimer = null;
    }
    return e.doc;
  }

  /** Uncounts a user; at zero users the doc is unloaded after `unloadAfterMs`. */
  release(name: string): void {
    const e = this.entries.get(name);
    if (!e) return;
    e.users = Math.max(0, e.users - 1);
    if (e.users === 0 && !e.unloadTimer && !this.closed) {
      e.unloadTimer = setTimeout(() => this.unload(name), this.opts.unloadAfterMs);
      e.unloadTimer.unref?.();
    }
  }

  /**
   * The doc of a name that is currently retained by someone.
   * @throws Error when it is not loaded (a programming error: retain it first).
   */
  retainedDoc(name: string): Y.Doc {
    const e = this.entries.get(name);
    if (!e || e.users === 0) throw new Error(`doc ${name} is not retained`);
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

  private load(name: string): Entry {
    if (this.closed) throw new Error('DocHost is closed');
    const existing = this.entries.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    this.store.loadInto(name, doc, LOAD_ORIGIN);
    const entry: Entry = { doc, users: 0, pending: this.store.head(name)?.pending ?? 0, idleTimer: null, unloadTimer: null, compactQueued: false, disposers: [] };
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(name, entry, update, origin));
    this.entries.set(name, entry);
    for (const l of this.listeners) {
      const d = l.loaded?.(name, doc);
      if (d) entry.disposers.push(d);
    }
    return entry;
  }

  private onUpdate(name: string, e: Entry, update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    this.store.appendUpdate(name, update, this.opts.memberOf(origin), e.doc);
    e.pending++;
    for (const l of this.listeners) l.update?.(name, update, origin);
    if (e.pending > this.opts.compactThreshold && !e.compactQueued) {
      e.compactQueued = true;
      setImmediate(() => {
        e.compactQueued = false;
        if (this.entries.get(name) === e) this.compact(name);
      });
    }
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = setTimeout(() => {
      e.idleTimer = null;
      if (this.entries.get(name) === e && e.pending > 0) this.compact(name);
    }, this.opts.idleCompactMs);
    e.idleTimer.unref?.();
  }

  /** Compacts one doc now (loaded or not). */
  compact(name: string): void {
    const e = this.entries.get(name);
    try {
      const r = this.store.compact(name, e?.doc);
      if (e && r.outcome === 'compacted') e.pending = this.store.head(name)?.pending ?? 0;
      if (r.outcome === 'compacted') this.opts.logger.debug({ doc: name, merged: r.merged, bytes: r.snapshotBytes }, 'compacted');
    } catch (err) {
      this.opts.logger.error({ doc: name, err: err instanceof Error ? err.message : String(err) }, 'compaction failed');
    }
  }

  private unload(name: string): void {
    const e = this.entries.get(name);
    if (!e || e.users > 0) return;
    if (e.pending > 0) this.compact(name);
    if (e.idleTimer) clearTimeout(e.idleTimer);
    this.entries.delete(name);
    for (const d of e.disposers) d();
    e.doc.destroy();
  }

  /** Compacts and unloads everything; the host cannot be used afterwards. */
  close(): void {
    this.closed = true;
    for (const [name, e] of this.entries) {
      if (e.unloadTimer) clearTimeout(e.unloadTimer);
      e.users = 0;
      this.unload(name);
    }
  }
}
