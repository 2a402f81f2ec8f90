/**
 * One doc registry for the desktop (service/workspace/doc-host.ts) and the relay
 * (relay/rooms.ts): loads a doc from a {@link DocStore} when first opened (concurrent opens share
 * one load), keeps it while it has holders, unloads it after it has been idle (no holder) for
 * `idleUnloadMs`, compacting its update log first, and compacts it when `compactThreshold`
 * updates are pending (default 500) or, with `idleCompactMs`, after that long without appends.
 *
 * The registry does not persist updates: its owner appends them (the desktop synchronously in
 * Yjs's 'update' event, the relay in batches per event-loop turn) and then reports them with
 * {@link DocRegistry.noteAppended}. Compaction works on the stored log only (the live doc is a
 * hint), so it may run at any time, also while appends are in flight.
 */
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { CompactResult, DocStore, StoredDoc } from './doc-store';

/** A loaded doc and its bookkeeping. Owners extend it with what they keep per doc (e.g. the relay's connections). */
export class LoadedDoc {
  /** The doc name. */
  readonly name: string;
  /** The doc: the stored state plus every update applied since. */
  readonly doc: Y.Doc;
  /** How many holders keep it loaded. */
  holds = 0;
  /** Stored updates not yet merged into the snapshot (as far as this process knows). */
  pending: number;
  /** Set while a scheduled compaction is queued or running. */
  compacting = false;
  /** Timer that unloads the doc once nobody has held it for a while. */
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Timer that compacts the doc after a while without appends. */
  compactTimer: ReturnType<typeof setTimeout> | null = null;

  /** Builds the doc from its stored state in one transaction with `origin` (e.g. a load marker). */
  constructor(name: string, stored: StoredDoc, origin: unknown = null) {
    this.name = name;
    this.doc = new Y.Doc();
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      },
      origin,
    );
    this.pending = stored.updates.length;
  }

  /** Stops the timers and frees the doc. Subclasses free what they added, then call this. */
  destroy(): void {
    // clearTimeout takes undefined (no timer) as a no-op, so no `if`: one form, nothing to mutate into an equivalent.
    clearTimeout(this.idleTimer ?? undefined);
    clearTimeout(this.compactTimer ?? undefined);
    this.idleTimer = null;
    this.compactTimer = null;
    this.doc.destroy();
  }
}

/** Options of a {@link DocRegistry}. */
export interface DocRegistryOptions<E extends LoadedDoc> {
  /** Builds the entry of a doc from its stored state. A throw fails the open. */
  create(name: string, stored: StoredDoc): E;
  /** ms a doc stays loaded after its last holder left. */
  idleUnloadMs: number;
  /** Compact a doc once this many updates are pending (default 500). */
  compactThreshold?: number;
  /** Compact a doc after this many ms without appends (default: only at the threshold and at unload). */
  idleCompactMs?: number;
  /** Reads a doc's stored state without waiting; required by {@link DocRegistry.retainNow}. */
  readNow?(name: string): StoredDoc;
  /** After a doc was loaded and registered. */
  onLoad?(entry: E): void;
  /** The doc emitted `update` in a transaction with `origin` (the hook owners persist and fan out from). */
  onUpdate?(entry: E, update: Uint8Array, origin: unknown): void;
  /** Just before a doc is unloaded (its doc is destroyed right after). */
  onUnload?(entry: E): void;
  logger: Logger;
}

/** The loaded docs of one store. `E` is the owner's entry type. */
export class DocRegistry<E extends LoadedDoc> {
  private readonly entries = new Map<string, E>();
  private readonly loading = new Map<string, Promise<E>>();
  private readonly threshold: number;
  private closed = false;

  constructor(
    private readonly store: DocStore,
    private readonly opts: DocRegistryOptions<E>,
  ) {
    this.threshold = opts.compactThreshold ?? 500;
  }

  /** How many docs are loaded. */
  get size(): number {
    return this.entries.size;
  }

  /** The loaded entry of `name`, or undefined (never loads). */
  get(name: string): E | undefined {
    return this.entries.get(name);
  }

  /** Every loaded entry. */
  all(): IterableIterator<E> {
    return this.entries.values();
  }

  /**
   * The entry of `name`, loaded if needed, without a hold (it may unload when idle).
   * Concurrent opens of one name share one read of the store.
   * @throws the store's error when the doc cannot be read; what `create` threw; Error when closed.
   */
  async open(name: string): Promise<E> {
    const loaded = this.entries.get(name);
    if (loaded) return loaded;
    if (this.closed) throw new Error('the doc registry is closed');
    let p = this.loading.get(name);
    if (!p) {
      p = this.load(name);
      this.loading.set(name, p);
      p.finally(() => this.loading.delete(name)).catch(() => undefined);
    }
    return p;
  }

  /** {@link open} plus one hold; give it back with {@link release}. Same errors. */
  async retain(name: string): Promise<E> {
    const e = await this.open(name);
    this.hold(e);
    return e;
  }

  /**
   * Like {@link retain}, without waiting: loads through `readNow` when the doc is not loaded.
   * @throws Error when closed or without `readNow`; the reader's or `create`'s error.
   */
  retainNow(name: string): E {
    let e = this.entries.get(name);
    if (!e) {
      if (this.closed) throw new Error('the doc registry is closed');
      if (!this.opts.readNow) throw new Error('this doc registry cannot load without waiting');
      e = this.register(name, this.opts.readNow(name));
    }
    this.hold(e);
    return e;
  }

  /** Gives back one hold; the doc unloads after `idleUnloadMs` without holders. */
  release(e: E): void {
    e.holds = Math.max(0, e.holds - 1);
    if (e.holds === 0 && this.entries.get(e.name) === e && !e.idleTimer && !this.closed) {
      e.idleTimer = setTimeout(() => {
        e.idleTimer = null;
        this.unload(e).catch((err: unknown) => this.opts.logger.error({ doc: e.name, err: errorName(err) }, 'unloading failed'));
      }, this.opts.idleUnloadMs);
      e.idleTimer.unref();
    }
  }

  /**
   * Reports `n` updates of `e` as stored: counts them as pending, compacts at the threshold and
   * (with `idleCompactMs`) re-arms the idle compaction.
   */
  noteAppended(e: E, n = 1): void {
    e.pending += n;
    this.maybeCompact(e);
    if (this.opts.idleCompactMs === undefined || this.closed) return;
    clearTimeout(e.compactTimer ?? undefined);
    e.compactTimer = setTimeout(() => {
      e.compactTimer = null;
      if (this.entries.get(e.name) === e && e.pending > 0) void this.compactEntry(e);
    }, this.opts.idleCompactMs);
    e.compactTimer.unref();
  }

  /** Queues a compaction of `e` (on the next turn of the event loop) when `compactThreshold` updates are pending. */
  maybeCompact(e: E): void {
    if (e.pending < this.threshold || e.compacting || this.closed) return;
    e.compacting = true;
    setImmediate(() => {
      const run = this.entries.get(e.name) === e && !this.closed ? this.compactEntry(e) : Promise.resolve(null);
      void run.finally(() => {
        e.compacting = false;
      });
    });
  }

  /**
   * Compacts `name` now, loaded or not; resolves with what the store did, or null when it failed
   * (the failure is logged: the log is left as it was).
   */
  compact(name: string): Promise<CompactResult | null> {
    const e = this.entries.get(name);
    return e ? this.compactEntry(e) : this.compactStored(name, null);
  }

  /**
   * Unloads `name` now (compacting first, as the idle timer would, unless `compact` is false)
   * when nobody holds it; a held or unknown doc is left as it is. For a writer that is done with a
   * doc it will not touch again soon (an import's full volume), so memory stays bounded by the
   * docs in use. Without compaction every update stays in the store's log (nothing is lost); the
   * doc is compacted the next time it is loaded and idle, or at the threshold; and nothing is
   * awaited, so the doc is unloaded when the call returns (before its promise settles).
   *
   * Not an async function: one would keep `e` (and so the whole doc) in its suspended frame until
   * the promise jobs run, i.e. until the caller's synchronous work ends — a synchronous read of a
   * case's 12 volumes kept every one of them, ~85 MB each, until it returned (tester F11).
   */
  unloadIdle(name: string, opts: { compact?: boolean } = {}): Promise<void> {
    const e = this.entries.get(name);
    if (!e || e.holds > 0 || this.closed) return Promise.resolve();
    clearTimeout(e.idleTimer ?? undefined);
    e.idleTimer = null;
    return this.unload(e, opts.compact ?? true);
  }

  /** Drops a doc without compacting (after a storage failure: memory may hold unstored updates). */
  evict(e: E): void {
    if (this.entries.get(e.name) !== e) return;
    this.drop(e);
  }

  /**
   * Compacts and unloads every doc; the registry cannot open docs afterwards. Every compaction
   * is started before this returns its promise (a store that works synchronously, like SQLite,
   * has done them all by then).
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.entries.values()].map(async (e) => {
        if (e.pending > 0) await this.compactEntry(e);
        if (this.entries.get(e.name) === e) this.drop(e);
      }),
    );
  }

  private async load(name: string): Promise<E> {
    const stored = await this.store.read(name);
    // A load that waited may find the doc already registered (e.g. by retainNow): keep that one.
    return this.entries.get(name) ?? this.register(name, stored);
  }

  private register(name: string, stored: StoredDoc): E {
    const e = this.opts.create(name, stored);
    const onUpdate = this.opts.onUpdate;
    if (onUpdate) e.doc.on('update', (update: Uint8Array, origin: unknown) => onUpdate(e, update, origin));
    this.entries.set(name, e);
    this.opts.logger.debug({ doc: name, pending: e.pending }, 'doc loaded');
    this.opts.onLoad?.(e);
    return e;
  }

  private hold(e: E): void {
    e.holds++;
    clearTimeout(e.idleTimer ?? undefined);
    e.idleTimer = null;
  }

  private async unload(e: E, compact = true): Promise<void> {
    // Only the idle timer and unloadIdle call this, and every hold and every drop clears that
    // timer: the doc is idle and registered here. Only the compaction's wait lets a holder or an
    // eviction come in.
    if (compact && e.pending > 0) await this.compactEntry(e);
    if (e.holds > 0 || this.entries.get(e.name) !== e) return;
    // Logged before the drop: whoever sees the doc gone (e.g. /health) finds the line already written.
    this.opts.logger.debug({ doc: e.name }, 'doc unloaded');
    this.drop(e);
  }

  private drop(e: E): void {
    this.entries.delete(e.name);
    this.opts.onUnload?.(e);
    e.destroy();
  }

  private compactEntry(e: E): Promise<CompactResult | null> {
    return this.compactStored(e.name, e);
  }

  private async compactStored(name: string, e: E | null): Promise<CompactResult | null> {
    try {
      const t0 = performance.now();
      const r = await this.store.compact(name, e ? { liveDoc: e.doc } : {});
      if (e) e.pending = Math.max(0, e.pending - r.merged);
      this.opts.logger.debug({ doc: name, outcome: r.outcome, merged: r.merged, bytes: r.snapshotBytes, ms: Math.round(performance.now() - t0) }, 'doc compacted');
      return r;
    } catch (err) {
      this.opts.logger.error({ doc: name, err: errorName(err) }, 'compaction failed');
      return null;
    }
  }
}

/** An error's class and code, never its message (which could quote data). */
export function errorName(err: unknown): string {
  if (err instanceof Error) return (err as { code?: string }).code ? `${err.name}:${(err as { code?: string }).code}` : err.name;
  return typeof err;
}
