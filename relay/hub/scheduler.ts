/**
 * Hub.Scheduler: which queued messages a tick takes, fairly. Incoming messages only queue on their
 * connection; a tick serves the connections with queued messages round-robin, at most
 * `perTickMessages` / `perTickBytes` per connection per round (its slice), so a flooding client
 * gets the same share as everyone else, until the tick has handled `maxTickMessages` or run
 * `maxTickMs`. A queue past the high-water mark pauses its socket (TCP back-pressure throttles
 * the sender; nothing is dropped) and resumes once a tick drained it below half.
 *
 * Applying a client's messages makes the doc emit the effective update; the tick collects those
 * updates (for the group commit, group-commit.ts) and every reply and broadcast.
 */
import * as Y from 'yjs';
import type { Logger } from '../../node/log';
import type { Connection, InboxLimits } from '../connection';
import type { Room } from '../room';
import { errorName } from '../rooms';
import type { AppendEntry } from '../storage/relay-storage';

/** A message a tick produced: a reply to one connection, or a broadcast to a room (but `except`). */
export type Delivery = { to: Connection; data: Uint8Array } | { room: Room<Connection>; data: Uint8Array; except?: Connection | null };

/** One tick: what it applied and what it must store and send. */
export interface Tick {
  /** The updates to store, in the order the docs emitted them. */
  appends: AppendEntry[];
  /** The room of each append (same order). */
  appendRooms: Room<Connection>[];
  /** Replies and broadcasts, in order (broadcasts leave as soon as the group commit fans them out). */
  deliveries: Delivery[];
  /** How many of `deliveries`, at its front, are replies already looked at by a fan-out. */
  replies: number;
  /** Workspaces whose workspace doc changed (their connections' access is re-decided once stored). */
  changedWorkspaces: Set<string>;
  /** Connections that had a slice. */
  served: Set<Connection>;
  /** Messages handled. */
  messages: number;
  /** performance.now() at the start. */
  startedAt: number;
}

/** The slice and tick budgets (see {@link HubOptions}). */
export interface SliceLimits {
  perTickMessages: number;
  perTickBytes: number;
  maxTickMessages: number;
  maxTickMs: number;
  inbox: InboxLimits;
}

/** Handles one queued message of `conn` within `tick` (the hub's dispatcher). */
export type MessageHandler = (conn: Connection, data: Uint8Array, tick: Tick) => void;

/** The connections with queued messages, and the tick being applied. */
export class Scheduler {
  private readonly ready = new Set<Connection>();
  private tick: Tick | null = null;

  /**
   * @param afterSlice called after each connection's slice, with the tick so far: the group
   *   commit sends the slice's broadcasts at once, so the first edit of a busy tick reaches its
   *   peers before the rest of the tick is applied (bench P2 p50).
   */
  constructor(
    private readonly limits: SliceLimits,
    private readonly handle: MessageHandler,
    private readonly log: Logger,
    private readonly afterSlice: (tick: Tick) => void = () => {},
  ) {}

  /** The tick being applied, or null between ticks (a doc change outside a tick is a bug). */
  get current(): Tick | null {
    return this.tick;
  }

  /** True when some connection has messages queued. */
  get hasWork(): boolean {
    return this.ready.size > 0;
  }

  /** Queues an inbound message of `conn` (pausing its socket past the high-water mark). */
  push(conn: Connection, data: Uint8Array): void {
    conn.push(data, this.limits.inbox);
    this.ready.add(conn);
  }

  /** Drops a forgotten connection's queue. */
  forget(conn: Connection): void {
    conn.clearQueue();
    this.ready.delete(conn);
  }

  /** Applies up to one tick's worth of queued messages, fairly. */
  applyTick(): Tick {
    const tick: Tick = { appends: [], appendRooms: [], deliveries: [], replies: 0, changedWorkspaces: new Set(), served: new Set(), messages: 0, startedAt: performance.now() };
    const deadline = tick.startedAt + this.limits.maxTickMs;
    this.tick = tick;
    try {
      // Round robin: each connection gets one slice per round; a connection with more left goes
      // to the back; rounds repeat while the tick has budget left.
      rounds: while (this.ready.size > 0) {
        for (const conn of [...this.ready]) {
          // (The first slice always runs, so a tick makes progress whatever the budget.)
          if (tick.messages > 0 && (tick.messages >= this.limits.maxTickMessages || performance.now() > deadline)) break rounds;
          tick.served.add(conn);
          this.ready.delete(conn);
          this.slice(conn, tick, deadline);
          this.afterSlice(tick);
          if (!conn.closed && conn.queued > 0) this.ready.add(conn);
        }
      }
    } catch (err) {
      this.log.error({ err: errorName(err) }, 'tick failed');
    } finally {
      this.tick = null;
    }
    for (const conn of tick.served) conn.maybeResume(this.limits.inbox);
    return tick;
  }

  /**
   * One connection's slice, in one transaction: the doc emits one update for all of this
   * connection's edits in the slice (one stored row, one message per peer).
   */
  private slice(conn: Connection, tick: Tick, deadline: number): void {
    Y.transact(
      conn.room.doc,
      () => {
        let n = 0;
        let bytes = 0;
        // The deadline counts inside a slice too: one message can be costly (a sync step 1 on a
        // large doc encodes all of it), so a slice of 32 of them must not hold the loop for
        // seconds while every other room waits.
        while (!conn.closed && n < this.limits.perTickMessages && bytes < this.limits.perTickBytes && (n === 0 || performance.now() <= deadline)) {
          const data = conn.shift();
          if (!data) break;
          n++;
          bytes += data.byteLength;
          this.handle(conn, data, tick);
        }
        tick.messages += n;
      },
      conn,
    );
  }
}
