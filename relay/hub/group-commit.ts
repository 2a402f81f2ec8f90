/**
 * Hub.GroupCommit: the loop that applies ticks and stores them, durable before acknowledged.
 *
 * Fan-out first, acknowledge after storing, with group commit: a tick's updates and presence go
 * to the other clients of each room as soon as the tick is applied (edit-to-remote latency stays
 * at in-memory speed), while the tick's updates are appended to storage in one transaction, and
 * every reply to a connection (sync step 2 answers, which are the acknowledgement a client waits
 * for) is sent only after that append resolved. One append is in flight at a time; messages
 * arriving meanwhile queue, and when it completes the next tick applies all of them (one
 * transaction, one fsync). So an update its sender saw acknowledged is on disk; an update a peer
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
import type { Delivery, Scheduler, Tick } from './scheduler';

/** What the group commit needs. */
export interface GroupCommitOptions {
  storage: RelayStorage;
  scheduler: Scheduler;
  connections: Connections;
  rooms: RoomRegistry;
  counters: HubCounters;
  log: Logger;
  now: () => number;
  /** Called once a tick that changed the workspace doc of `wid` is stored (access is re-decided). */
  onWorkspaceStored: (wid: string) => void;
  /** Called with a tick's appends once they are stored (published to the other relay processes). */
  onStored?: (appends: Tick['appends']) => void;
}

/** The apply → store → deliver loop. */
export class GroupCommit {
  private tickQueued = false;
  /** The append in flight, if any (at most one: the next tick's append waits for it). */
  private appending: Promise<void> | null = null;
  private drained: (() => void)[] = [];

  constructor(private readonly o: GroupCommitOptions) {}

  /** Runs a tick soon (messages were queued); while an append is in flight, its completion runs it. */
  schedule(): void {
    if (this.tickQueued || this.appending) return;
    this.tickQueued = true;
    setImmediate(() => {
      this.tickQueued = false;
      if (this.appending) return;
      this.step(null, true);
    });
  }

  /** Resolves once no append is in flight (at once if none is). */
  async drain(): Promise<void> {
    if (this.appending) await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  /**
   * One step of the loop: apply the next tick (if messages wait) and issue its append, THEN send
   * what `done` (the tick whose append just finished, if any) produced; so the next fsync runs
   * while this one's results go out, and deliveries stay in tick order.
   */
  private step(done: Tick | null, stored: boolean): void {
    const next = this.o.scheduler.hasWork ? this.o.scheduler.applyTick() : null;
    if (next) {
      this.fanOut(next);
      this.append(next);
    }
    if (done) {
      try {
        this.deliver(done, stored);
      } catch (err) {
        this.o.log.error({ err: errorName(err) }, 'delivery failed');
      }
    }
    if (!this.appending) for (const resolve of this.drained.splice(0)) resolve();
  }

  /** Appends a tick's updates in one transaction; when done, takes the next {@link step}. */
  private append(tick: Tick): void {
    const t0 = performance.now();
    const applyMs = t0 - tick.startedAt;
    // A tick with nothing to store (sync step 1s, presence, a read-only client's dropped writes,
    // updates waiting for missing dependencies) must still let the event loop read sockets before
    // the next one: chained on a resolved promise, ticks ran back to back as microtasks until the
    // busy connection's whole queue was drained, and every other room waited (for a minute, with
    // 12,000 updates missing a dependency).
    const pending = tick.appends.length > 0 ? this.o.storage.appendBatch(tick.appends) : new Promise<number[]>((resolve) => setImmediate(() => resolve([])));
    this.appending = pending.then(
      () => {
        this.o.counters.updatesStored += tick.appends.length;
        if (tick.appends.length > 0) this.o.onStored?.(tick.appends);
        for (const room of tick.appendRooms) room.pending++;
        this.trace(tick, applyMs, performance.now() - t0);
        this.appending = null;
        this.step(tick, true);
      },
      (err: unknown) => {
        this.storageFailed(tick, err);
        this.appending = null;
        this.step(tick, false);
      },
    );
  }

  private trace(tick: Tick, applyMs: number, storeMs: number): void {
    if (!this.o.log.isLevelEnabled('trace')) return;
    const ms = (x: number): number => Math.round(x * 100) / 100;
    this.o.log.trace({ conns: tick.served.size, messages: tick.messages, appends: tick.appends.length, applyMs: ms(applyMs), storeMs: ms(storeMs) }, 'tick');
  }

  /** Sends a just-applied tick's room broadcasts (updates, presence) now; its replies wait for the append. */
  private fanOut(tick: Tick): void {
    const replies: Delivery[] = [];
    for (const d of tick.deliveries) {
      if ('to' in d) replies.push(d);
      else this.o.connections.broadcast(d.room, d.data, d.except ?? null);
    }
    tick.deliveries = replies;
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
