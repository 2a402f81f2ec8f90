/**
 * The hub: every open connection, the fair message loop, durable-before-visible fan-out and the
 * authorisation follow-up. It composes its parts, one job per file (Leaflet-style):
 *
 * - connections.ts — the open connections by workspace; sending, closing, forgetting them
 * - scheduler.ts — the fair round-robin slices a tick takes from the connections' queues
 * - group-commit.ts — apply ticks and fan out at once, store them in group appends, acknowledge once stored
 * - presence.ts — awareness under the one presence policy (shared/protocol/relay/presence.ts)
 * - access-checks.ts — access re-decided on workspace changes, token expiry, key removal, read-only drops
 * - liveness.ts — pings, dropping connections that stopped answering
 * - deletion-check.ts — the deletion rules (shared/permissions/deletion-rules.ts) before an update is applied
 *
 * The hub itself wires a new socket to them and dispatches each decoded client message (the
 * relay protocol of shared/protocol/relay/) to the part that handles it.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import type { Logger } from '../../node/log';
import type { InvitationClaims } from '../../shared/auth/tokens';
import type { DocRef } from '../../shared/docs/names';
import { decodeClientMessage, encodeStored, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type BadMessageReason, type ClientMessage } from '../../shared/protocol/relay';
import type { DeletionRefusal } from '../../shared/permissions';
import type { AccessDecision } from '../access';
import { Connection } from '../connection';
import { REMOTE, type Fanout, type FanoutTarget } from '../fanout/fanout';
import type { Room, RoomListener } from '../room';
import { RoomRegistry } from '../rooms';
import type { RelayStorage } from '../storage/relay-storage';
import { AccessChecks } from './access-checks';
import { Connections } from './connections';
import { DeletionCheck } from './deletion-check';
import { HeldDeletions } from '../held-deletions';
import { GroupCommit } from './group-commit';
import { checkAdmission, type AdmissionRefusal } from './limits';
import { Liveness } from './liveness';
import { newCounters, type HubCounters, type HubOptions, type HubStats } from './options';
import { Presence } from './presence';
import { Scheduler, type Tick } from './scheduler';

export type { HubOptions, HubStats } from './options';

/** What an accepted upgrade hands to {@link Hub.attach}. */
export interface AttachRequest {
  room: Room<Connection>;
  workspaceRoom: Room<Connection>;
  claims: InvitationClaims;
  kid: string;
  decision: Extract<AccessDecision, { ok: true }>;
}

/** The relay's connections and message loop. */
export class Hub implements RoomListener<Connection>, FanoutTarget {
  /** The loaded docs. */
  readonly rooms: RoomRegistry;
  private readonly counters: HubCounters = newCounters();
  private readonly connections: Connections;
  private readonly scheduler: Scheduler;
  private readonly commit: GroupCommit;
  private readonly presence: Presence;
  private readonly liveness: Liveness;
  private readonly access: AccessChecks;
  private readonly deletions: DeletionCheck;
  /** Mass deletions held for an admin's decision (relay/held-deletions.ts; the history routes decide them). */
  readonly heldDeletions: HeldDeletions;

  constructor(
    storage: RelayStorage,
    private readonly opts: HubOptions,
    private readonly log: Logger,
    /** Other relay processes (issue 15): stored updates and presence go out, theirs come in. */
    private readonly fanout: Fanout | null = null,
  ) {
    this.rooms = new RoomRegistry(storage, this, opts, log);
    this.connections = new Connections({ maxBufferedBytes: opts.maxBufferedBytes, rooms: this.rooms, log, onForget: (conn) => this.forget(conn) });
    this.scheduler = new Scheduler(opts, (conn, data, tick) => this.handle(conn, data, tick), log, (tick) => this.commit.fanOut(tick));
    this.presence = new Presence({ maxClientsPerConn: opts.maxPresenceClientsPerConn, maxStateBytes: opts.maxPresenceStateBytes }, this.connections);
    this.liveness = new Liveness(this.connections, opts.pingIntervalMs, log);
    this.heldDeletions = new HeldDeletions({ alerts: storage, log, now: opts.now });
    this.deletions = new DeletionCheck({ alerts: storage, approvals: this.heldDeletions, log, now: opts.now });
    this.access = new AccessChecks({ storage, connections: this.connections, counters: this.counters, log, keyCheckMs: opts.keyCheckMs, now: opts.now });
    this.commit = new GroupCommit({
      storage,
      scheduler: this.scheduler,
      connections: this.connections,
      rooms: this.rooms,
      counters: this.counters,
      log,
      now: opts.now,
      // Two ticks' worth may wait for one fsync; beyond that the inbound queues take the strain.
      maxWaitingMessages: 2 * opts.maxTickMessages,
      onWorkspaceStored: (wid) => this.access.recheckWorkspace(wid),
      onStored: (appends) => this.fanout?.publishStored(appends),
    });
  }

  /** Current counters. */
  stats(): HubStats {
    return { connections: this.connections.count, docsLoaded: this.rooms.size, ...this.counters };
  }

  /** Whether `memberId` may open `docName` now under the admission limits; null when it may (or there are none). */
  admit(memberId: string, docName: string): AdmissionRefusal | null {
    if (!this.opts.limits) return null;
    return checkAdmission(this.opts.limits, { connections: this.connections.all(), loadedDocs: this.rooms.size, isLoaded: (n) => this.rooms.get(n) !== undefined }, memberId, docName);
  }

  /**
   * Re-decides access for a verified token against the workspace doc as it is now (the doc may
   * have changed while the upgrade was being verified).
   */
  decide(workspaceRoom: Room<Connection>, ref: DocRef, claims: InvitationClaims): AccessDecision {
    return this.access.decide(workspaceRoom, ref, claims);
  }

  /** Takes over an upgraded socket (and the two room holds of the request). */
  attach(socket: WebSocket, req: AttachRequest): Connection {
    const conn = new Connection({ socket, ...req, member: req.decision.member, access: req.decision.access });
    this.connections.add(conn);

    socket.on('message', (data, isBinary) => {
      if (conn.closed) return;
      if (!isBinary) return this.reject(conn, 'text-frame');
      this.scheduler.push(conn, data as Buffer);
      this.commit.schedule();
    });
    this.liveness.watch(conn);
    socket.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for an oversized message, 1002 for a protocol error).
      if (conn.closed) return;
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.counters.malformedClosed++;
      this.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, err: err.code ?? err.name }, 'connection error');
      this.connections.forget(conn);
    });
    socket.on('close', (code: number) => {
      if (!conn.closed) {
        this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, code }, 'client closed');
        this.connections.forget(conn);
      }
    });

    this.connections.send(conn, encodeSyncStep1(conn.room.doc));
    const states = this.presence.snapshot(conn.room);
    if (states) this.connections.send(conn, states);
    this.access.admit(conn);
    this.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, role: conn.member.role, access: conn.access }, 'connected');
    return conn;
  }

  /** Closes every connection (1001), waits for the appends in flight, then compacts and unloads every doc. */
  async shutdown(): Promise<void> {
    this.liveness.stop();
    this.access.stop();
    for (const conn of this.connections.all()) this.connections.close(conn, 'shutting-down');
    await this.commit.drain();
    await this.rooms.unloadAll();
  }

  /** @inheritdoc */
  applyRemoteUpdate(docName: string, update: Uint8Array): void {
    const room = this.rooms.get(docName);
    if (room) Y.applyUpdate(room.doc, update, REMOTE);
  }

  /** @inheritdoc */
  applyRemotePresence(docName: string, update: Uint8Array): void {
    const room = this.rooms.get(docName);
    if (room) applyAwarenessUpdate(room.awareness, update, REMOTE);
  }

  /** @inheritdoc */
  loadedDocs(): string[] {
    return [...this.rooms.all()].map((r) => r.name);
  }

  /** @inheritdoc */
  onDocUpdate(room: Room<Connection>, update: Uint8Array, origin: unknown): void {
    if (origin === REMOTE) {
      // Stored by another process already: shown here at once, never stored again. A workspace
      // change (a member removed or downgraded there) re-decides this process's connections too.
      this.connections.broadcast(room, encodeUpdate(update), null);
      if (room.workspace) this.access.recheckWorkspace(room.ref.workspaceId);
      return;
    }
    const tick = this.scheduler.current;
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
  onAwarenessUpdate(room: Room<Connection>, changed: number[], origin: unknown): void {
    this.presence.changed(room, changed, this.scheduler.current);
    if (this.fanout && origin !== REMOTE) this.fanout.publishPresence(room.name, encodeAwarenessUpdate(room.awareness, changed));
  }

  /** Handles one queued client message within `tick` (called by the scheduler). */
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
      case 'sync-update': {
        if (conn.access !== 'write') {
          const bad = this.access.dropReadOnly(conn, msg, tick);
          return bad ? this.reject(conn, bad) : undefined;
        }
        let refusal: DeletionRefusal | null;
        try {
          refusal = this.deletions.check(conn, msg.update);
          if (refusal === null) Y.applyUpdate(room.doc, msg.update, conn);
        } catch {
          return this.reject(conn, 'bad-update');
        }
        if (refusal !== null) return this.refuse(conn, refusal);
        // A workspace change that removes or downgrades a member takes effect before the next
        // message is applied (issue 10, item 5): not once it is stored, while later ticks apply.
        if (room.workspace) this.access.restrictWorkspace(room.ref.workspaceId);
        if (room.doc.store.pendingStructs || room.doc.store.pendingDs) {
          if (++room.pendingApplies > this.opts.maxPendingUpdates) this.resetBacklog(conn, room);
        } else room.pendingApplies = 0;
        return;
      }
      case 'awareness': {
        const bad = this.presence.apply(conn, msg.update);
        return bad ? this.reject(conn, bad) : undefined;
      }
      case 'query-awareness':
        return this.presence.query(conn, tick);
      case 'query-stored':
        // Acknowledgement by state: a reply, so it leaves only after the append holding this tick
        // resolved; every earlier tick is in that append or an earlier one (appends are issued in
        // tick order), so the snapshot taken now is stored by the time it is sent.
        tick.deliveries.push({ to: conn, data: encodeStored(room.doc) });
        return;
      case 'auth':
        return; // only the relay sends auth messages; ignore
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
    for (const c of this.connections.dependentsOf(room)) this.connections.close(c, 'pending-backlog');
    this.rooms.evict(room);
  }

  /** Closes a connection whose update the deletion rules refused (4409); nothing of it was applied or stored. */
  private refuse(conn: Connection, reason: DeletionRefusal): void {
    this.counters.deletionsRefused++;
    this.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, reason }, 'deletion refused: connection closed');
    this.connections.close(conn, reason);
  }

  /** Closes a connection that sent a malformed message (4400). */
  private reject(conn: Connection, reason: BadMessageReason): void {
    this.counters.malformedClosed++;
    this.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, reason }, 'malformed message: connection closed');
    this.connections.close(conn, reason);
  }

  /** The parts forget a connection (closed or dropped): its timers, its queue, its presence. */
  private forget(conn: Connection): void {
    this.access.forget(conn);
    this.scheduler.forget(conn);
    this.presence.leave(conn);
  }
}
