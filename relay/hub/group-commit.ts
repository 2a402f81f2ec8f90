/**
 * Hub.GroupCommit: the loop that applies ticks and stores them, durable before acknowledged.
 *
 * Fan-out first, acknowledge after storing, with group commit: a tick's updates and presence go
 * to the other clients of each room as soon as the tick is applied (edit-to-remote latency stays
 * at in-memory speed), while the tick's updates are appended to storage in one transaction, and
 * every reply to a connection (sync step 2 answers, which are the acknowledgement a client waits
 * for) is sent only after that append resolved. One append is in flight at a time; ticks go on
 * being applied and fanned out meanwhile (up to a bound), and when it completes the next append
 * stores all of them (one transaction, one fsync). So an update its sender saw acknowledged is on disk; an update a peer
 * received but the relay had not yet stored when it crashed still lives in the sender and the
 * peers, and reaches the relay again at their next sync (docs/relay.md, "acknowledged").
 */
import type { Logger } from '../../node/log';
import type { Connection } from '../connection';
import type { Room } from '../room';
import { errorName, type RoomRegistry } from '../rooms';
import type { RelayStorage } from '../storage/relay-storage';
import type { Connections } from './connections';
import type { HubCounters } from './options';
import type { Scheduler, Tick } from './scheduler';

/** What the group commit needs. */
export interface GroupCommitOptions {
  storage: RelayStorage;
  scheduler: Scheduler;
  connections: Connections;
  rooms: RoomRegistry;
  counters: HubCounters;
  log: Logger;
  now: () => number;
  /** Applied but not yet stored messages past which ticks wait for the append in flight (back-pressure). */
  maxWaitingMessages: number;
  /** Called once a tick that changed the workspace doc of `wid` is stored (access is re-decided). */
  onWorkspaceStored: (wid: string) => void;
  /** Called with a tick's appends once they are stored (published to the other relay processes). */
  onStored?: (appends: Tick['appends']) => void;
}

/** The apply → store → deliver loop. */
export class GroupCommit {
  private tickQueued = false;
  /** The append in flight, if any (at most one: appends are issued in tick order). */
  private appending: Promise<void> | null = null;
  /** Ticks applied and fanned out whose append is not issued yet: they share the next one. */
  private waiting: Tick[] = [];
  /** Messages of the {@link waiting} ticks (bounded by `maxWaitingMessages`). */
  private waitingMessages = 0;
  private drained: (() => void)[] = [];

  constructor(private readonly o: GroupCommitOptions) {}

  /** Applies the queued messages soon, as a tick, whether or not an append is in flight. */
  schedule(): void {
    if (this.tickQueued) return;
    this.tickQueued = true;
    setImmediate(() => {
      this.tickQueued = false;
      this.applyNext();
    });
  }

  /** Resolves once no append is in flight and no applied tick waits for one (at once if so). */
  async drain(): Promise<void> {
    if (this.appending || this.waiting.length > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  /**
   * Applies one tick and fans it out at once, even while the previous append's fsync runs: so a
   * peer sees an edit at in-memory speed instead of one fsync later (bench P2 p50, issue 9). Its
   * replies wait in {@link waiting} and ride the next append. Past `maxWaitingMessages` applied
   * but unstored messages, ticks stop until the append completes: the inbound queues then fill
   * and pause their sockets (back-pressure), so a slow disk bounds the memory held, not the
   * clients' send rate alone.
   */
  private applyNext(): void {
    if (!this.o.scheduler.hasWork) return;
    if (this.appending && this.waitingMessages >= this.o.maxWaitingMessages) return; // the append's completion reschedules
    const tick = this.o.scheduler.applyTick();
    this.fanOut(tick);
    this.waiting.push(tick);
    this.waitingMessages += tick.messages;
    if (!this.appending) this.flush();
    if (this.o.scheduler.hasWork) this.schedule();
  }

  /**
   * Issues one append (one transaction, one fsync) for every waiting tick, in tick order; when it
   * resolves, issues the next one for what queued meanwhile, THEN sends what the stored ticks
   * produced, so the next fsync runs while these results go out, and deliveries stay in order.
   */
  private flush(): void {
    const ticks = this.waiting.splice(0);
    this.waitingMessages = 0;
    const t0 = performance.now();
    const appends = ticks.length === 1 ? ticks[0]!.appends : ticks.flatMap((t) => t.appends);
    // A batch with nothing to store (sync step 1s, presence, a read-only client's dropped writes)
    // still resolves asynchronously, after the earlier appends: its replies keep their order.
    const pending = appends.length > 0 ? this.o.storage.appendBatch(appends) : Promise.resolve([]);
    this.appending = pending.then(
      () => this.completed(ticks, t0, true),
      (err: unknown) => {
        for (const tick of ticks) this.storageFailed(tick, err);
        this.completed(ticks, t0, false);
      },
    );
  }

  /** After an append: the next one is issued, the stored ticks delivered, ticks resumed. */
  private completed(ticks: Tick[], t0: number, stored: boolean): void {
    const storeMs = performance.now() - t0;
    this.appending = null;
    if (this.waiting.length > 0) this.flush();
    for (const tick of ticks) {
      if (stored) {
        this.o.counters.updatesStored += tick.appends.length;
        if (tick.appends.length > 0) this.o.onStored?.(tick.appends);
        for (const room of tick.appendRooms) room.pending++;
        this.trace(tick, t0 - tick.startedAt, storeMs);
      }
      try {
        this.deliver(tick, stored);
      } catch (err) {
        this.o.log.error({ err: errorName(err) }, 'delivery failed');
      }
    }
    if (this.o.scheduler.hasWork) this.schedule();
    if (!this.appending && this.waiting.length === 0) for (const resolve of this.drained.splice(0)) resolve();
  }

  private trace(tick: Tick, queuedMs: number, storeMs: number): void {
    if (!this.o.log.isLevelEnabled('trace')) return;
    const ms = (x: number): number => Math.round(x * 100) / 100;
    this.o.log.trace({ conns: tick.served.size, messages: tick.messages, appends: tick.appends.length, queuedMs: ms(queuedMs), storeMs: ms(storeMs) }, 'tick');
  }

  /**
   * Sends the room broadcasts (updates, presence) a tick has produced so far, now; its replies
   * stay in `tick.deliveries` and wait for the append. Called after every slice and once more
   * after the tick.
   */
  fanOut(tick: Tick): void {
    // The replies kept by earlier calls are at the front (tick.replies of them): only what came
    // after is looked at, so a tick of many slices costs linear time.
    const d = tick.deliveries;
    let kept = tick.replies;
    for (let i = tick.replies; i < d.length; i++) {
      const x = d[i]!;
      if ('to' in x) d[kept++] = x;
      else this.o.connections.broadcast(x.room, x.data, x.except ?? null);
    }
    d.length = kept;
    tick.replies = kept;
  }

  /** Sends what a stored tick produced, then re-checks access and queues compactions. */
  private deliver(tick: Tick, stored: boolean): void {
    for (const d of tick.deliveries) {
      if ('to' in d) this.o.connections.send(d.to, d.data);
      else this.o.connections.broadcast(d.room, d.data, d.except ?? null);
    }
    if (!stored) return;
    for (const wid of tick.changedWorkspaces) this.o.onWorkspaceStored(wid);
    for (const room of new Set(tick.appendRooms)) this.o.rooms.maybeCompact(room);
  }

  /** A failed append: its docs are unloaded and their clients closed (1011); they resync from storage. */
  private storageFailed(tick: Tick, err: unknown): void {
    this.o.counters.lastStorageErrorAt = this.o.now();
    const rooms = new Set<Room<Connection>>(tick.appendRooms);
    this.o.log.error({ err: errorName(err), updates: tick.appends.length, docs: rooms.size }, 'storing updates failed: their docs are unloaded and their clients disconnected');
    for (const room of rooms) {
      for (const conn of this.o.connections.dependentsOf(room)) this.o.connections.close(conn, 'storage-failure');
      this.o.rooms.evict(room);
    }
  }
}
