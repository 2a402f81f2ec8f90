/**
 * Runs blob transfers with bounded concurrency (default 2, so a large file never takes the disk
 * and the link from the rest of the app), one at a time per key (a blob's hash: two cases listing
 * the same file transfer it once), retrying a retryable failure with exponential backoff, and
 * stopping cleanly: `stop()` aborts running requests and resolves once they have ended.
 */
import { TransferError, transferErrorOf } from './transfer-error';

/** Options of a {@link TransferQueue}. */
export interface TransferQueueOptions {
  /** Transfers at once (default 2). */
  concurrency?: number;
  /** Attempts per job before it fails (default 6). */
  attempts?: number;
  /** Backoff after the first failure in ms, doubled each time up to 30 s (default 1000). */
  backoffMs?: number;
}

/** One job: runs the transfer (with the queue's abort signal). */
export type TransferJob = (signal: AbortSignal) => Promise<void>;

interface Entry {
  key: string;
  job: TransferJob;
  waiters: { resolve: () => void; reject: (e: TransferError) => void }[];
  onRetry: ((e: TransferError, attempt: number) => void) | undefined;
}

/** A bounded queue of transfers. */
export class TransferQueue {
  private readonly concurrency: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly queued: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private readonly running = new Set<Promise<void>>();
  private active = 0;
  private readonly abort = new AbortController();

  constructor(o: TransferQueueOptions = {}) {
    this.concurrency = o.concurrency ?? 2;
    this.attempts = o.attempts ?? 6;
    this.backoffMs = o.backoffMs ?? 1000;
  }

  /** True when a job for `key` is queued or running. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /**
   * Queues `job` under `key` (joins the queued or running one when the key is already there).
   * Resolves when it succeeded; rejects with the TransferError of its last attempt.
   * `onRetry` hears each failed attempt that will be retried.
   */
  run(key: string, job: TransferJob, onRetry?: (e: TransferError, attempt: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.abort.signal.aborted) return reject(TransferError.aborted());
      const existing = this.byKey.get(key);
      if (existing) return void existing.waiters.push({ resolve, reject });
      const e: Entry = { key, job, waiters: [{ resolve, reject }], onRetry };
      this.byKey.set(key, e);
      this.queued.push(e);
      this.pump();
    });
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queued.length > 0) {
      const e = this.queued.shift()!;
      this.active++;
      const p = this.execute(e).finally(() => {
        this.active--;
        this.running.delete(p);
        this.byKey.delete(e.key);
        this.pump();
      });
      this.running.add(p);
    }
  }

  private async execute(e: Entry): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await e.job(this.abort.signal);
        for (const w of e.waiters) w.resolve();
        return;
      } catch (err) {
        const te = this.abort.signal.aborted ? TransferError.aborted() : transferErrorOf(err);
        if (!te.retryable || te.aborted || attempt >= this.attempts) {
          for (const w of e.waiters) w.reject(te);
          return;
        }
        e.onRetry?.(te, attempt);
        await this.sleep(Math.min(this.backoffMs * 2 ** (attempt - 1), 30_000));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      t.unref?.();
      const signal = this.abort.signal;
      function done(): void {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }

  /** Aborts every running transfer, fails the queued ones, and resolves when all have ended. */
  async stop(): Promise<void> {
    this.abort.abort();
    for (const e of this.queued.splice(0)) {
      this.byKey.delete(e.key);
      for (const w of e.waiters) w.reject(TransferError.aborted());
    }
    await Promise.allSettled([...this.running]);
  }
}
