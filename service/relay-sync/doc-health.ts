/**
 * Sync health per doc (issue 9 item 6): when the relay's stored state was last proven to cover
 * every local update of a doc (acknowledgement by state, ack-tracker.ts), what is waiting for
 * such a proof (local updates, their bytes, and since when), and whether the wait has lasted long
 * enough, while the relay is reachable, to warn the user.
 *
 * The book only counts; it is told about local updates and acknowledgements by the sync engine,
 * and reads time from an injected clock so that tests can move it (no sleeps). Acknowledgement
 * clears everything waiting at once: an `acked` verdict means the relay holds every local update
 * made so far (AckTracker.acked), so nothing older can still be missing.
 */
import type { DocSyncState } from './sync-status';

/**
 * How long (ms) local updates of a doc may stay unacknowledged while the relay is reachable before
 * the doc's badge and the relay screen warn about it. Two minutes: a working link proves its
 * state within a few seconds (resync every 2 s, one sync round for a background doc), so a wait
 * this long means a fault, not a slow network.
 */
export const UNACKED_WARNING_MS = 2 * 60_000;

/** Local updates of a doc that the relay has not yet been proven to hold. */
export interface DocWaiting {
  /** Local updates made since the last acknowledgement (at least 1 for a doc edited in an earlier session). */
  updates: number;
  /** Their size in bytes (as encoded Yjs updates; 0 for edits made in an earlier session, not counted then). */
  bytes: number;
  /** ms since epoch of the oldest of them, or null when nothing waits. */
  since: number | null;
}

/** The sync health of one doc at one moment. */
export interface DocHealth {
  /** The doc name (`<ws>/case/<id>`, `<ws>/workspace`, `<ws>/registry/<member>`). */
  doc: string;
  /** The state of its link to the relay, or null when it has none right now (a background doc between rounds). */
  state: DocSyncState | null;
  /** ms since epoch of the last proof that the relay holds every local update, or null (none since the app started). */
  lastAckAt: number | null;
  waiting: DocWaiting;
  /** True when updates have waited longer than the threshold while the relay was reachable. */
  warning: boolean;
}

/**
 * Whether a doc's wait deserves a warning: something waits, for at least `thresholdMs`, and the
 * relay is reachable (`online`). Offline waits are expected (the status says "Offline — changes
 * saved on this computer") and are not warned about.
 */
export function isOverdue(waiting: DocWaiting, now: number, online: boolean, thresholdMs = UNACKED_WARNING_MS): boolean {
  return online && waiting.updates > 0 && waiting.since !== null && now - waiting.since >= thresholdMs;
}

/** A link state in which the relay counts as reachable for that doc (null: no link, judged by the workspace). */
export function reachable(state: DocSyncState | null, relayReachable: boolean): boolean {
  if (!relayReachable) return false;
  return state !== 'offline' && state !== 'refused';
}

/** Options of a {@link DocHealthBook}. */
export interface DocHealthBookOptions {
  /** The clock (ms since epoch). */
  now: () => number;
  /** The warning threshold (default {@link UNACKED_WARNING_MS}). */
  warnAfterMs?: number;
}

interface Entry {
  lastAckAt: number | null;
  updates: number;
  bytes: number;
  since: number | null;
}

interface Waiter {
  doc: string;
  resolve: (acked: boolean) => void;
}

/** The health bookkeeping of one workspace's docs. */
export class DocHealthBook {
  private readonly entries = new Map<string, Entry>();
  private waiters: Waiter[] = [];
  /** The clock. */
  readonly now: () => number;
  /** The warning threshold in ms. */
  readonly warnAfterMs: number;

  constructor(o: DocHealthBookOptions) {
    this.now = o.now;
    this.warnAfterMs = o.warnAfterMs ?? UNACKED_WARNING_MS;
  }

  private entry(doc: string): Entry {
    let e = this.entries.get(doc);
    if (!e) this.entries.set(doc, (e = { lastAckAt: null, updates: 0, bytes: 0, since: null }));
    return e;
  }

  /** A local update of `bytes` bytes was made to `doc`. */
  noteLocal(doc: string, bytes: number): void {
    const e = this.entry(doc);
    e.updates++;
    e.bytes += bytes;
    e.since ??= this.now();
  }

  /**
   * `doc` holds edits of an earlier session that the relay has not acknowledged (found by the
   * store's clock at start), the latest made at `at` (ms since epoch).
   */
  noteEarlierEdits(doc: string, at: number): void {
    const e = this.entry(doc);
    if (e.updates === 0) e.updates = 1;
    e.since = Math.min(e.since ?? at, at);
  }

  /**
   * The relay was proven to hold every local update of `doc`. Returns true when this changes
   * what the user sees (something was waiting, or the last proof is older than `refreshMs`), so
   * the engine need not broadcast the periodic re-proof of an idle open doc every resync.
   */
  noteAcked(doc: string, refreshMs = 10_000): boolean {
    const e = this.entry(doc);
    const now = this.now();
    const visible = e.updates > 0 || e.lastAckAt === null || now - e.lastAckAt >= refreshMs;
    e.lastAckAt = now;
    e.updates = 0;
    e.bytes = 0;
    e.since = null;
    const done = this.waiters.filter((w) => w.doc === doc);
    this.waiters = this.waiters.filter((w) => w.doc !== doc);
    for (const w of done) w.resolve(true);
    return visible;
  }

  /**
   * The relay takes no updates of `doc` from this member (read-only access): nothing can ever be
   * confirmed, so nothing counts as waiting (the UI says "read-only" instead).
   */
  noteReadOnly(doc: string): void {
    const e = this.entries.get(doc);
    if (!e) return;
    e.updates = 0;
    e.bytes = 0;
    e.since = null;
  }

  /** Docs the book knows about (edited or acknowledged since the engine started). */
  docs(): string[] {
    return [...this.entries.keys()];
  }

  /** What waits on `doc` (all zero when nothing does). */
  waiting(doc: string): DocWaiting {
    const e = this.entries.get(doc);
    return e ? { updates: e.updates, bytes: e.bytes, since: e.since } : { updates: 0, bytes: 0, since: null };
  }

  /** The health of `doc` given its link `state` and whether the relay is reachable at all. */
  health(doc: string, state: DocSyncState | null, relayReachable: boolean): DocHealth {
    const waiting = this.waiting(doc);
    const lastAckAt = this.entries.get(doc)?.lastAckAt ?? null;
    return { doc, state, lastAckAt, waiting, warning: isOverdue(waiting, this.now(), reachable(state, relayReachable), this.warnAfterMs) };
  }

  /** ms since epoch when the next doc that waits now becomes overdue, or null (none waits). */
  nextWarningAt(): number | null {
    let next: number | null = null;
    const now = this.now();
    for (const e of this.entries.values()) {
      if (e.since === null || e.updates === 0) continue;
      const at = e.since + this.warnAfterMs;
      if (at > now && (next === null || at < next)) next = at;
    }
    return next;
  }

  /**
   * Resolves true at the next acknowledgement of `doc`, or false after `timeoutMs` (real time) or
   * when {@link cancelWaits} is called.
   */
  whenAcked(doc: string, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const w: Waiter = { doc, resolve: (ok) => finish(ok) };
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(ok);
      };
      this.waiters.push(w);
    });
  }

  /** Resolves every pending {@link whenAcked} with false (the engine stops, or the doc was refused). */
  cancelWaits(doc?: string): void {
    for (const w of this.waiters.filter((x) => doc === undefined || x.doc === doc)) w.resolve(false);
  }
}
