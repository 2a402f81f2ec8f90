/**
 * Hub.Connections: the relay's open connections by workspace, sending to them (closing a slow
 * consumer), and closing and forgetting them. Every other part of the hub reaches connections
 * through this one: a close always takes its code from the reason (CLOSE_REASONS in
 * shared/protocol/relay/close-codes.ts), so the close-code table in docs/relay.md holds by
 * construction.
 */
import type { Logger } from '../../node/log';
import { CLOSE, CLOSE_REASONS, type CloseReason } from '../../shared/protocol/relay';
import type { decideAccess } from '../access';
import type { Connection } from '../connection';
import type { Room } from '../room';
import type { RoomRegistry } from '../rooms';

/** Why access was refused (a stable code of the permission model), as `decideAccess` reports it. */
export type AccessRefusal = Extract<ReturnType<typeof decideAccess>, { ok: false }>['reason'];

/** Why a connection is closed: a relay reason code, or an access refusal (closed with 4403). */
export type ConnCloseReason = CloseReason | AccessRefusal;

/** What {@link Connections} needs. */
export interface ConnectionsOptions {
  /** A connection whose unsent outbound bytes exceed this is closed (1013, `slow-consumer`). */
  maxBufferedBytes: number;
  rooms: RoomRegistry;
  log: Logger;
  /** Called once per connection as it is forgotten, before it leaves its room and the registry (the other parts drop their state of it). */
  onForget: (conn: Connection) => void;
}

/** The open connections. */
export class Connections {
  private readonly byWorkspace = new Map<string, Set<Connection>>();

  constructor(private readonly o: ConnectionsOptions) {}

  /** How many connections are open. */
  get count(): number {
    let n = 0;
    for (const set of this.byWorkspace.values()) n += set.size;
    return n;
  }

  /** Registers a new connection in its room (owning no presence yet) and its workspace. */
  add(conn: Connection): void {
    conn.room.conns.set(conn, new Set());
    const wid = conn.room.ref.workspaceId;
    let set = this.byWorkspace.get(wid);
    if (!set) this.byWorkspace.set(wid, (set = new Set()));
    set.add(conn);
  }

  /** The open connections of workspace `wid` (a copy: safe to close them while iterating). */
  inWorkspace(wid: string): Connection[] {
    return [...(this.byWorkspace.get(wid) ?? [])];
  }

  /** The ids of the workspaces with open connections (a copy). */
  workspaces(): string[] {
    return [...this.byWorkspace.keys()];
  }

  /** Every open connection (a copy). */
  all(): Connection[] {
    const out: Connection[] = [];
    for (const set of this.byWorkspace.values()) out.push(...set);
    return out;
  }

  /**
   * The connections that depend on `room`: its own, or for a workspace doc every connection of the
   * workspace (their access checks read that room), which must go when the room is evicted.
   */
  dependentsOf(room: Room<Connection>): Connection[] {
    return room.workspace ? this.inWorkspace(room.ref.workspaceId) : [...room.conns.keys()];
  }

  /** Sends `data` to `conn`; closes it instead when it has more than `maxBufferedBytes` unsent. */
  send(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    if (conn.socket.bufferedAmount > this.o.maxBufferedBytes) {
      this.o.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, buffered: conn.socket.bufferedAmount }, 'slow consumer: connection closed');
      this.close(conn, 'slow-consumer');
      return;
    }
    conn.socket.send(data);
  }

  /** Sends `data` to every connection of `room` except `except`. */
  broadcast(room: Room<Connection>, data: Uint8Array, except: Connection | null = null): void {
    for (const conn of room.conns.keys()) if (conn !== except) this.send(conn, data);
  }

  /** Closes a connection with the close code of `reason` and forgets it. Idempotent. */
  close(conn: Connection, reason: ConnCloseReason): void {
    if (conn.closed) return;
    this.forget(conn);
    if (conn.paused) conn.socket.resume(); // let ws read the client's close frame
    conn.socket.close(reason in CLOSE_REASONS ? CLOSE_REASONS[reason as CloseReason] : CLOSE.FORBIDDEN, reason);
  }

  /** Forgets a connection without closing its socket: the parts' state, its room, its holds. Idempotent. */
  forget(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    this.o.onForget(conn);
    const wid = conn.room.ref.workspaceId;
    const set = this.byWorkspace.get(wid);
    set?.delete(conn);
    if (set && set.size === 0) this.byWorkspace.delete(wid);
    this.o.rooms.release(conn.room);
    this.o.rooms.release(conn.workspaceRoom);
  }
}
