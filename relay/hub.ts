/**
 * The hub: every open connection, the fair message loop, durable-before-visible fan-out and the
 * authorisation follow-up (member removed, access changed, token expired, key removed).
 *
 * Incoming messages only queue on their connection. A tick (scheduled with setImmediate) serves
 * the connections with queued messages round-robin, at most `perTickMessages` / `perTickBytes`
 * per connection per round, so a flooding client gets the same share as everyone else; a queue
 * past the high-water mark pauses its socket (TCP back-pressure throttles the sender; nothing is
 * dropped). Applying a client's messages makes the doc emit the effective update; the tick
 * collects those updates and every reply.
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
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Logger } from '../node/log';
import type { DocRef } from '../shared/docs/names';
import { decideAccess, type AccessDecision } from './access';
import type { InvitationClaims } from '../shared/auth/tokens';
import { Connection, type InboxLimits } from './connection';
import { CLOSE } from './protocol/close-codes';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  READ_ONLY_REASON,
  readAwarenessEntries,
  updateAddsContent,
  type ClientMessage,
} from './protocol/messages';
import type { Room, RoomListener } from './room';
import { errorName, RoomRegistry, type RoomOptions } from './rooms';
import type { AppendEntry, RelayStorage } from './storage/relay-storage';

/** Tuning of the hub. Defaults in relay/config.ts. */
export interface HubOptions extends RoomOptions {
  /** Messages taken from one connection per round of a tick (its slice). */
  perTickMessages: number;
  /** Bytes taken from one connection per round (at least one message is always taken). */
  perTickBytes: number;
  /** A tick takes no further slice once it has handled this many messages... */
  maxTickMessages: number;
  /** ...or has run this many ms; the rest waits for the next tick. */
  maxTickMs: number;
  /** Inbound queue limits per connection. */
  inbox: InboxLimits;
  /** A connection whose unsent outbound bytes exceed this is closed (1013) as a slow consumer. */
  maxBufferedBytes: number;
  /** ms between pings; a connection that did not answer the previous ping is dropped. */
  pingIntervalMs: number;
  /** ms between checks that each connection's signing key is still registered. */
  keyCheckMs: number;
  /** Largest presence state (its JSON, in bytes) a client may send; a bigger one closes the connection (4400). */
  maxPresenceStateBytes: number;
  /** Awareness client ids one connection may have a state for (a stock client uses one; the desktop one per window). */
  maxPresenceClientsPerConn: number;
  /**
   * Updates a doc may take in a row while some of their dependencies are missing (Yjs keeps them
   * pending in memory and re-merges the whole backlog with each new one: quadratic CPU, never
   * stored). Past this the doc is reloaded from storage, dropping the backlog, and its clients are
   * closed with 1013 to resync; a client whose update was complete loses nothing.
   */
  maxPendingUpdates: number;
  /** Clock, ms since epoch. */
  now: () => number;
}

/** Counters for /health and the benchmark. */
export interface HubStats {
  connections: number;
  docsLoaded: number;
  updatesStored: number;
  readOnlyDropped: number;
  malformedClosed: number;
  /** Docs reloaded because updates with missing dependencies piled up (see `maxPendingUpdates`). */
  backlogResets: number;
  lastStorageErrorAt: number | null;
}

type Delivery = { to: Connection; data: Uint8Array } | { room: Room<Connection>; data: Uint8Array; except?: Connection | null };

interface Tick {
  appends: AppendEntry[];
  appendRooms: Room<Connection>[];
  deliveries: Delivery[];
  changedWorkspaces: Set<string>;
  served: Set<Connection>;
  messages: number;
  startedAt: number;
}

/** What an accepted upgrade hands to {@link Hub.attach}. */
export interface AttachRequest {
  room: Room<Connection>;
  workspaceRoom: Room<Connection>;
  claims: InvitationClaims;
  kid: string;
  decision: Extract<AccessDecision, { ok: true }>;
}

/** The relay's connections and message loop. */
export class Hub implements RoomListener<Connection> {
  /** The loaded docs. */
  readonly rooms: RoomRegistry;
  private readonly byWorkspace = new Map<string, Set<Connection>>();
  private readonly ready = new Set<Connection>();
  private tick: Tick | null = null;
  private tickQueued = false;
  /** The append in flight, if any (at most one: the next tick's append waits for it). */
  private appending: Promise<void> | null = null;
  private drained: (() => void)[] = [];
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly counters = { updatesStored: 0, readOnlyDropped: 0, malformedClosed: 0, backlogResets: 0, lastStorageErrorAt: null as number | null };

  constructor(
    private readonly storage: RelayStorage,
    private readonly opts: HubOptions,
    private readonly log: Logger,
  ) {
    this.rooms = new RoomRegistry(storage, this, opts, log);
    this.timers.push(setInterval(() => this.ping(), opts.pingIntervalMs));
    this.timers.push(setInterval(() => void this.sweepKeys(), opts.keyCheckMs));
  }

  /** Current counters. */
  stats(): HubStats {
    let connections = 0;
    for (const set of this.byWorkspace.values()) connections += set.size;
    return { connections, docsLoaded: this.rooms.size, ...this.counters };
  }

  /**
   * Re-decides access for a verified token against the workspace doc as it is now (the doc may
   * have changed while the upgrade was being verified).
   */
  decide(workspaceRoom: Room<Connection>, ref: DocRef, claims: InvitationClaims): AccessDecision {
    return decideAccess(workspaceRoom.workspace!, ref, claims);
  }

  /** Takes over an upgraded socket (and the two room holds of the request). */
  attach(socket: WebSocket, req: AttachRequest): Connection {
    const conn = new Connection({ socket, ...req, member: req.decision.member, access: req.decision.access });
    const wid = req.room.ref.workspaceId;
    req.room.conns.set(conn, new Set());
    let set = this.byWorkspace.get(wid);
    if (!set) this.byWorkspace.set(wid, (set = new Set()));
    set.add(conn);

    socket.on('message', (data, isBinary) => {
      if (conn.closed) return;
      if (!isBinary) return this.reject(conn, 'text-frame');
      conn.push(data as Buffer, this.opts.inbox);
      this.ready.add(conn);
      this.scheduleTick();
    });
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for an oversized message, 1002 for a protocol error).
      if (conn.closed) return;
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.counters.malformedClosed++;
      this.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, err: err.code ?? err.name }, 'connection error');
      this.cleanup(conn);
    });
    socket.on('close', (code: number) => {
      if (!conn.closed) {
        this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, code }, 'client closed');
        this.cleanup(conn);
      }
    });

    this.send(conn, encodeSyncStep1(conn.room.doc));
    const states = conn.room.awareness.getStates();
    if (states.size > 0) this.send(conn, encodeAwareness(encodeAwarenessUpdate(conn.room.awareness, [...states.keys()])));
    if (conn.access === 'read') this.tellReadOnly(conn);
    this.armExpiry(conn);
    this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, role: conn.member.role, access: conn.access }, 'connected');
    return conn;
  }

  /** Closes every connection (1001), waits for the appends in flight, then compacts and unloads every doc. */
  async shutdown(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const set of this.byWorkspace.values()) for (const conn of [...set]) this.closeConn(conn, CLOSE.GOING_AWAY, 'shutting-down');
    if (this.appending) await new Promise<void>((resolve) => this.drained.push(resolve));
    await this.rooms.unloadAll();
  }

  /** @inheritdoc */
  onDocUpdate(room: Room<Connection>, update: Uint8Array, origin: unknown): void {
    const tick = this.tick;
    if (!tick) {
      // Only a tick applies updates; anything else would bypass storage.
      this.log.error({ doc: room.name }, 'doc changed outside a tick: not stored, not sent');
      return;
    }
    tick.appends.push({ docName: room.name, update, memberId: origin instanceof Connection ? origin.member.memberId : '' });
    tick.appendRooms.push(room);
    // Not echoed to the connection it came from: that client has it.
    tick.deliveries.push({ room, data: encodeUpdate(update), except: origin instanceof Connection ? origin : null });
    if (room.workspace) tick.changedWorkspaces.add(room.ref.workspaceId);
  }

  /** @inheritdoc */
  onAwarenessUpdate(room: Room<Connection>, changed: number[], _origin: unknown): void {
    const data = encodeAwareness(encodeAwarenessUpdate(room.awareness, changed));
    if (this.tick) this.tick.deliveries.push({ room, data });
    else this.broadcast(room, data);
  }

  private scheduleTick(): void {
    // While an append is in flight, its completion runs the next tick.
    if (this.tickQueued || this.appending) return;
    this.tickQueued = true;
    setImmediate(() => {
      this.tickQueued = false;
      if (this.appending) return;
      this.step(null, true);
    });
  }

  /**
   * One step of the loop: apply the next tick (if messages wait) and issue its append, THEN send
   * what `done` (the tick whose append just finished, if any) produced; so the next fsync runs
   * while this one's results go out, and deliveries stay in tick order.
   */
  private step(done: Tick | null, stored: boolean): void {
    const next = this.ready.size > 0 ? this.applyTick() : null;
    if (next) {
      this.fanOut(next);
      this.append(next);
    }
    if (done) {
      try {
        this.deliver(done, stored);
      } catch (err) {
        this.log.error({ err: errorName(err) }, 'delivery failed');
      }
    }
    if (!this.appending) for (const resolve of this.drained.splice(0)) resolve();
  }

  /** Applies up to one tick's worth of queued messages, fairly. */
  private applyTick(): Tick {
    const tick: Tick = { appends: [], appendRooms: [], deliveries: [], changedWorkspaces: new Set(), served: new Set(), messages: 0, startedAt: performance.now() };
    const deadline = tick.startedAt + this.opts.maxTickMs;
    this.tick = tick;
    try {
      // Round robin: each connection gets one slice per round; a connection with more left goes
      // to the back; rounds repeat while the tick has budget left.
      rounds: while (this.ready.size > 0) {
        for (const conn of [...this.ready]) {
          // (The first slice always runs, so a tick makes progress whatever the budget.)
          if (tick.messages > 0 && (tick.messages >= this.opts.maxTickMessages || performance.now() > deadline)) break rounds;
          tick.served.add(conn);
          this.ready.delete(conn);
          // One transaction per slice: the doc emits one update for all of this connection's
          // edits in the slice (one stored row, one message per peer).
          Y.transact(
            conn.room.doc,
            () => {
              let n = 0;
              let bytes = 0;
              // The deadline counts inside a slice too: one message can be costly (a sync step 1
              // on a large doc encodes all of it), so a slice of 32 of them must not hold the loop
              // for seconds while every other room waits.
              while (!conn.closed && n < this.opts.perTickMessages && bytes < this.opts.perTickBytes && (n === 0 || performance.now() <= deadline)) {
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
          if (!conn.closed && conn.queued > 0) this.ready.add(conn);
        }
      }
    } catch (err) {
      this.log.error({ err: errorName(err) }, 'tick failed');
    } finally {
      this.tick = null;
    }
    for (const conn of tick.served) conn.maybeResume(this.opts.inbox);
    return tick;
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
    const pending = tick.appends.length > 0 ? this.storage.appendBatch(tick.appends) : new Promise<number[]>((resolve) => setImmediate(() => resolve([])));
    this.appending = pending.then(
      () => {
        this.counters.updatesStored += tick.appends.length;
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
    if (!this.log.isLevelEnabled('trace')) return;
    const ms = (x: number): number => Math.round(x * 100) / 100;
    this.log.trace({ conns: tick.served.size, messages: tick.messages, appends: tick.appends.length, applyMs: ms(applyMs), storeMs: ms(storeMs) }, 'tick');
  }

  /** Sends a just-applied tick's room broadcasts (updates, presence) now; its replies wait for the append. */
  private fanOut(tick: Tick): void {
    const replies: Delivery[] = [];
    for (const d of tick.deliveries) {
      if ('to' in d) replies.push(d);
      else this.broadcast(d.room, d.data, d.except ?? null);
    }
    tick.deliveries = replies;
  }

  /** Sends what a stored tick produced, then re-checks access and queues compactions. */
  private deliver(tick: Tick, stored: boolean): void {
    for (const d of tick.deliveries) {
      if ('to' in d) this.send(d.to, d.data);
      else this.broadcast(d.room, d.data, d.except ?? null);
    }
    if (!stored) return;
    for (const wid of tick.changedWorkspaces) this.recheckWorkspace(wid);
    for (const room of new Set(tick.appendRooms)) this.rooms.maybeCompact(room);
  }

  private handle(conn: Connection, data: Uint8Array, tick: Tick): void {
    let msg: ClientMessage;
    try {
      msg = decodeClientMessage(data);
    } catch {
      return this.reject(conn, 'bad-frame');
    }
    const room = conn.room;
    switch (msg.kind) {
      case 'sync-step1': {
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(room.doc, msg.stateVector);
        } catch {
          return this.reject(conn, 'bad-state-vector');
        }
        tick.deliveries.push({ to: conn, data: reply });
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        if (conn.access !== 'write') return this.dropReadOnly(conn, msg, tick);
        try {
          Y.applyUpdate(room.doc, msg.update, conn);
        } catch {
          return this.reject(conn, 'bad-update');
        }
        if (room.doc.store.pendingStructs || room.doc.store.pendingDs) {
          if (++room.pendingApplies > this.opts.maxPendingUpdates) this.resetBacklog(conn, room);
        } else room.pendingApplies = 0;
        return;
      case 'awareness': {
        let update: Uint8Array | null | 'too-large';
        try {
          update = this.ownPresence(conn, msg.update);
        } catch {
          return this.reject(conn, 'bad-awareness');
        }
        if (update === 'too-large') return this.reject(conn, 'awareness-too-large');
        if (!update) return;
        try {
          applyAwarenessUpdate(room.awareness, update, conn);
        } catch {
          return this.reject(conn, 'bad-awareness');
        }
        return;
      }
      case 'query-awareness': {
        const ids = [...room.awareness.getStates().keys()];
        if (ids.length > 0) tick.deliveries.push({ to: conn, data: encodeAwareness(encodeAwarenessUpdate(room.awareness, ids)) });
        return;
      }
      case 'auth':
        return; // only the relay sends auth messages; ignore
    }
  }

  /**
   * The part of a client's awareness update that it may apply: the states of its own client ids
   * (those it set first in this room, at most `maxPresenceClientsPerConn`). Entries for ids
   * another connection owns are dropped: stock clients echo everyone's states back (harmless, the
   * clock is not newer), and neither a hostile client nor a client whose timer thinks a peer is
   * gone may replace or remove someone else's presence. Null if nothing is left.
   * @throws NestError('bad-frame') for a malformed update; returns 'too-large' for an oversized state.
   */
  private ownPresence(conn: Connection, update: Uint8Array): Uint8Array | null | 'too-large' {
    const entries = readAwarenessEntries(update);
    const mine = conn.room.conns.get(conn) ?? new Set<number>();
    const owner = new Map<number, Connection>();
    for (const [c, ids] of conn.room.conns) if (c !== conn) for (const id of ids) owner.set(id, c);
    let owned = mine.size;
    const kept = entries.filter((x) => {
      if (owner.has(x.clientId)) return false;
      if (mine.has(x.clientId)) return true;
      if (x.state === 'null' || owned >= this.opts.maxPresenceClientsPerConn) return false;
      owned++;
      return true;
    });
    if (kept.some((x) => Buffer.byteLength(x.state) > this.opts.maxPresenceStateBytes)) return 'too-large';
    if (kept.length === 0) return null;
    return kept.length === entries.length ? update : encodeAwarenessEntries(kept);
  }

  private dropReadOnly(conn: Connection, msg: Extract<ClientMessage, { kind: 'sync-step2' | 'sync-update' }>, tick: Tick): void {
    let attempted: boolean;
    try {
      attempted = msg.kind === 'sync-update' || updateAddsContent(conn.room.doc, msg.update);
    } catch {
      return this.reject(conn, 'bad-update');
    }
    if (!attempted) return;
    this.counters.readOnlyDropped++;
    const now = this.opts.now();
    if (now - conn.lastReadOnlyNotice >= 1000) {
      conn.lastReadOnlyNotice = now;
      tick.deliveries.push({ to: conn, data: encodePermissionDenied(READ_ONLY_REASON) });
    }
  }

  /** Tells a client it may only read (on connect and on a change of role); dropped writes are told separately, at most once a second. */
  private tellReadOnly(conn: Connection): void {
    this.send(conn, encodePermissionDenied(READ_ONLY_REASON));
  }

  /** Re-decides every connection of a workspace after its workspace doc changed. */
  private recheckWorkspace(wid: string): void {
    const set = this.byWorkspace.get(wid);
    if (!set) return;
    for (const conn of [...set]) {
      const d = decideAccess(conn.workspaceRoom.workspace!, conn.room.ref, conn.claims);
      if (!d.ok) {
        this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, reason: d.reason }, 'access revoked');
        this.closeConn(conn, CLOSE.FORBIDDEN, d.reason);
        continue;
      }
      conn.member = d.member;
      if (d.access === conn.access) continue;
      conn.access = d.access;
      this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, access: d.access }, 'access changed');
      if (d.access === 'read') this.tellReadOnly(conn);
      else this.send(conn, encodeSyncStep1(conn.room.doc)); // the client answers with what it could not send before
    }
  }

  private storageFailed(tick: Tick, err: unknown): void {
    this.counters.lastStorageErrorAt = this.opts.now();
    const rooms = new Set(tick.appendRooms);
    this.log.error({ err: errorName(err), updates: tick.appends.length, docs: rooms.size }, 'storing updates failed: their docs are unloaded and their clients disconnected');
    for (const room of rooms) {
      const victims = room.workspace ? [...(this.byWorkspace.get(room.ref.workspaceId) ?? [])] : [...room.conns.keys()];
      for (const conn of victims) this.closeConn(conn, CLOSE.INTERNAL_ERROR, 'storage-failure');
      this.rooms.evict(room);
    }
  }

  /**
   * Drops a doc whose updates waiting for missing dependencies passed the limit: every client of
   * the doc (of the whole workspace, for a workspace doc, whose room the others' access checks
   * read) is closed with 1013 and resyncs against the doc reloaded from storage. Updates the doc
   * did integrate are already in this tick's appends, so nothing stored or acknowledged is lost.
   */
  private resetBacklog(conn: Connection, room: Room<Connection>): void {
    this.counters.backlogResets++;
    this.log.warn(
      { conn: conn.id, doc: room.name, member: conn.member.memberId, updates: room.pendingApplies },
      'updates waiting for missing dependencies over the limit: doc reloaded, its clients resync',
    );
    const victims = room.workspace ? [...(this.byWorkspace.get(room.ref.workspaceId) ?? [])] : [...room.conns.keys()];
    for (const c of victims) this.closeConn(c, CLOSE.TRY_AGAIN_LATER, 'pending-backlog');
    this.rooms.evict(room);
  }

  private reject(conn: Connection, reason: string): void {
    this.counters.malformedClosed++;
    this.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, reason }, 'malformed message: connection closed');
    this.closeConn(conn, CLOSE.BAD_MESSAGE, reason);
  }

  private send(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    if (conn.socket.bufferedAmount > this.opts.maxBufferedBytes) {
      this.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, buffered: conn.socket.bufferedAmount }, 'slow consumer: connection closed');
      this.closeConn(conn, CLOSE.TRY_AGAIN_LATER, 'slow-consumer');
      return;
    }
    conn.socket.send(data);
  }

  private broadcast(room: Room<Connection>, data: Uint8Array, except: Connection | null = null): void {
    for (const conn of room.conns.keys()) if (conn !== except) this.send(conn, data);
  }

  private armExpiry(conn: Connection): void {
    const ms = conn.claims.expiresAt - this.opts.now();
    if (ms <= 0) {
      this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId }, 'token expired: connection closed');
      this.closeConn(conn, CLOSE.UNAUTHORIZED, 'token-expired');
      return;
    }
    conn.expiryTimer = setTimeout(() => this.armExpiry(conn), Math.min(ms, 2 ** 31 - 1));
  }

  private ping(): void {
    for (const set of this.byWorkspace.values()) {
      for (const conn of [...set]) {
        if (!conn.alive) {
          this.log.info({ conn: conn.id, doc: conn.room.name }, 'no pong: connection dropped');
          conn.socket.terminate();
          this.cleanup(conn);
          continue;
        }
        conn.alive = false;
        try {
          conn.socket.ping();
        } catch {
          this.cleanup(conn);
        }
      }
    }
  }

  private async sweepKeys(): Promise<void> {
    for (const [wid, set] of [...this.byWorkspace]) {
      if (set.size === 0) continue;
      let kids: Set<string>;
      try {
        kids = new Set((await this.storage.workspaceKeys(wid)).map((k) => k.kid));
      } catch (err) {
        this.log.error({ err: errorName(err) }, 'reading workspace keys failed');
        return;
      }
      for (const conn of [...set]) {
        if (kids.has(conn.kid)) continue;
        this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId }, 'signing key removed: connection closed');
        this.closeConn(conn, CLOSE.UNAUTHORIZED, 'key-removed');
      }
    }
  }

  /** Closes a connection with `code` and cleans up. */
  private closeConn(conn: Connection, code: number, reason: string): void {
    if (conn.closed) return;
    this.cleanup(conn);
    if (conn.paused) conn.socket.resume(); // let ws read the client's close frame
    conn.socket.close(code, reason);
  }

  /** Forgets a connection: its queue, awareness states, room holds and timers. Idempotent. */
  private cleanup(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    if (conn.expiryTimer) clearTimeout(conn.expiryTimer);
    conn.clearQueue();
    this.ready.delete(conn);
    const ids = conn.room.conns.get(conn);
    conn.room.conns.delete(conn);
    if (ids && ids.size > 0) removeAwarenessStates(conn.room.awareness, [...ids], null);
    const set = this.byWorkspace.get(conn.room.ref.workspaceId);
    set?.delete(conn);
    if (set && set.size === 0) this.byWorkspace.delete(conn.room.ref.workspaceId);
    this.rooms.release(conn.room);
    this.rooms.release(conn.workspaceRoom);
  }
}
