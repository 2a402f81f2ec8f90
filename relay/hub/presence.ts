/**
 * Hub.Presence: the awareness states of each room, under the one presence policy
 * (shared/protocol/relay/presence.ts, also used by the data service's renderer hub): a connection
 * sets, changes and removes only its own client ids (at most `maxPresenceClientsPerConn`, each
 * state at most `maxPresenceStateBytes`); its states are removed when it leaves. Presence is
 * never stored, so it goes out at once, also outside a tick.
 */
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { encodeAwareness, ownPresenceUpdate, type BadMessageReason, type PresenceLimits, type PresenceOwnership } from '../../shared/protocol/relay';
import type { Connection } from '../connection';
import type { Room } from '../room';
import type { Connections } from './connections';
import type { Tick } from './scheduler';

/** The rooms' presence. */
export class Presence {
  constructor(
    private readonly limits: PresenceLimits,
    private readonly connections: Connections,
  ) {}

  /** An awareness message with every state `room` holds, or null when it holds none. */
  snapshot(room: Room<Connection>): Uint8Array | null {
    const ids = [...room.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(encodeAwarenessUpdate(room.awareness, ids)) : null;
  }

  /**
   * Applies the part of `conn`'s awareness update that the policy lets it set (the room's
   * listener then broadcasts the change). Returns the reason to close the connection with, or
   * null when it may carry on.
   */
  apply(conn: Connection, update: Uint8Array): BadMessageReason | null {
    const room = conn.room;
    let own: ReturnType<typeof ownPresenceUpdate>;
    try {
      own = ownPresenceUpdate(update, this.ownership(conn), this.limits);
    } catch {
      return 'bad-awareness';
    }
    if (own.tooLarge) return 'awareness-too-large';
    if (!own.update) return null;
    try {
      applyAwarenessUpdate(room.awareness, own.update, conn);
    } catch {
      return 'bad-awareness';
    }
    return null;
  }

  /** Answers a query-awareness message: every state of the room, sent after the tick is stored. */
  query(conn: Connection, tick: Tick): void {
    const data = this.snapshot(conn.room);
    if (data) tick.deliveries.push({ to: conn, data });
  }

  /** A room's awareness changed: to every connection of the room (with the tick's broadcasts when in one). */
  changed(room: Room<Connection>, changed: number[], tick: Tick | null): void {
    const data = encodeAwareness(encodeAwarenessUpdate(room.awareness, changed));
    if (tick) tick.deliveries.push({ room, data });
    else this.connections.broadcast(room, data);
  }

  /** `conn` leaves its room: it no longer owns client ids, and their states are removed (and broadcast). */
  leave(conn: Connection): void {
    const ids = conn.room.conns.get(conn);
    conn.room.conns.delete(conn);
    if (ids && ids.size > 0) removeAwarenessStates(conn.room.awareness, [...ids], null);
  }

  /** Who owns which id in `conn`'s room: its own ids (room.conns), and those of the room's other connections. */
  private ownership(conn: Connection): PresenceOwnership {
    const mine = conn.room.conns.get(conn) ?? new Set<number>();
    const others = new Set<number>();
    for (const [c, ids] of conn.room.conns) if (c !== conn) for (const id of ids) others.add(id);
    return { mine, isForeign: (id) => others.has(id) };
  }
}
