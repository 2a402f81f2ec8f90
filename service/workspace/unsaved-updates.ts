/**
 * Updates the desktop could not write to its database (disk full, I/O error, a lock held too
 * long), kept in memory, in order, until they are written.
 *
 * Why: an edit is applied to the in-memory Y.Doc before its update is appended (Yjs emits the
 * update after the transaction). When the append fails, throwing would leave the doc holding a
 * change the disk does not have and that the next unload silently drops. Instead the update is
 * queued here, the workspace reports "not saved" (never "Saved locally" while anything is
 * queued), the doc stays loaded, and the queue is retried on a timer and before every later
 * append, so the order of appends is kept. Once the disk has room again every queued update is
 * written and the state returns to saved.
 */

/** Whether every update of a workspace is on disk (what the UI's "Saved locally" may claim). */
export interface StorageState {
  /** True when nothing is waiting to be written. */
  saved: boolean;
  /** Updates waiting to be written. */
  unsaved: number;
  /** ms since epoch of the first failed write of the current fault; null when saved. */
  since: number | null;
  /** The storage error's code (e.g. `SQLITE_FULL`, `SQLITE_IOERR_WRITE`); null when saved. */
  error: string | null;
}

/** One update waiting to be written. */
export interface PendingUpdate {
  /** Doc name. */
  name: string;
  /** The Yjs update. */
  update: Uint8Array;
  /** The member it is attributed to. */
  memberId: string;
}

/** What the queue needs from its owner. */
export interface UnsavedUpdatesOptions {
  /** Writes one update; throws when the database cannot take it. */
  write(p: PendingUpdate): void;
  /** Called when a doc gets its first queued update (keep it loaded) … */
  hold(name: string): void;
  /** … and when its last queued update was written. */
  unhold(name: string): void;
  /** Called whenever the state changes (saved ↔ failing, or the count changes). */
  changed(state: StorageState): void;
  /** ms between retries while failing (default 2,000). */
  retryMs?: number;
  /** Clock, ms since epoch (tests inject one). */
  now?: () => number;
}

/** The queue of one workspace. */
export class UnsavedUpdates {
  private readonly queue: PendingUpdate[] = [];
  private readonly opts: UnsavedUpdatesOptions;
  private since: number | null = null;
  private error: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(opts: UnsavedUpdatesOptions) {
    this.opts = opts;
  }

  /** The current state. */
  state(): StorageState {
    return { saved: this.queue.length === 0, unsaved: this.queue.length, since: this.since, error: this.error };
  }

  /**
   * Writes `p`, after everything queued before it; queues it when the database refuses.
   * Never throws.
   * @returns true when `p` is on disk now.
   */
  write(p: PendingUpdate): boolean {
    if (this.queue.length > 0 && !this.flush()) {
      this.enqueue(p, null);
      return false;
    }
    try {
      this.opts.write(p);
      return true;
    } catch (err) {
      this.enqueue(p, err);
      return false;
    }
  }

  /**
   * Tries to write every queued update, in order, stopping at the first failure.
   * @returns true when the queue is empty afterwards.
   */
  flush(): boolean {
    let wrote = 0;
    while (this.queue.length > 0) {
      const p = this.queue[0]!;
      try {
        this.opts.write(p);
      } catch (err) {
        this.error = errorCode(err);
        if (wrote > 0) this.opts.changed(this.state());
        return false;
      }
      this.queue.shift();
      wrote++;
      if (!this.queue.some((q) => q.name === p.name)) this.opts.unhold(p.name);
    }
    if (wrote > 0) {
      this.since = null;
      this.error = null;
      this.stopTimer();
      this.opts.changed(this.state());
    }
    return true;
  }

  /** Stops retrying (the owner closes); what is still queued stays in {@link state}. */
  stop(): void {
    this.stopTimer();
  }

  private enqueue(p: PendingUpdate, err: unknown): void {
    if (!this.queue.some((q) => q.name === p.name)) this.opts.hold(p.name);
    this.queue.push(p);
    if (err !== null) this.error = errorCode(err);
    this.since ??= (this.opts.now ?? Date.now)();
    if (!this.timer) {
      this.timer = setInterval(() => this.flush(), this.opts.retryMs ?? 2000);
      this.timer.unref?.();
    }
    this.opts.changed(this.state());
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** The SQLite error code of `err` (e.g. `SQLITE_FULL`), else its class name; never its message (which could quote data). */
export function errorCode(err: unknown): string {
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string') return code;
  return err instanceof Error ? err.name : typeof err;
}
