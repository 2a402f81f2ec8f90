/**
 * Hub.AccessChecks: what a connection may do, kept true while it is open. Every decision comes
 * from `decideAccess` (relay/access.ts), which decides a volume doc (`<wid>/case/<c>/vol/<n>`) as
 * its case, so taking a case away closes its volume connections too. A connection is re-decided whenever its workspace doc
 * changed (member removed: 4403; role or case access changed: read-only or read-write from now
 * on), closed when its token expires or the key that signed it is removed (4401), and a
 * read-only connection's writes are dropped (and it is told so, at most once a second).
 */
import type { Logger } from '../../node/log';
import type { InvitationClaims } from '../../shared/auth/tokens';
import type { DocRef } from '../../shared/docs/names';
import { encodePermissionDenied, encodeSyncStep1, READ_ONLY_REASON, updateAddsContent, type BadMessageReason, type ClientMessage } from '../../shared/protocol/relay';
import { decideAccess, type AccessDecision } from '../access';
import type { Connection } from '../connection';
import type { Room } from '../room';
import { errorName } from '../rooms';
import type { RelayStorage } from '../storage/relay-storage';
import type { Connections } from './connections';
import type { HubCounters } from './options';
import type { Tick } from './scheduler';

/** What the access checks need. */
export interface AccessChecksOptions {
  storage: RelayStorage;
  connections: Connections;
  counters: HubCounters;
  log: Logger;
  /** ms between checks that each connection's signing key is still registered. */
  keyCheckMs: number;
  /** Clock, ms since epoch. */
  now: () => number;
}

/** Access decisions for open connections. */
export class AccessChecks {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly o: AccessChecksOptions) {
    this.timer = setInterval(() => void this.sweepKeys(), o.keyCheckMs);
  }

  /** Stops the key sweep (shutdown). */
  stop(): void {
    clearInterval(this.timer);
  }

  /** Decides access for a verified token against the workspace doc as it is now. */
  decide(workspaceRoom: Room<Connection>, ref: DocRef, claims: InvitationClaims): AccessDecision {
    return decideAccess(workspaceRoom.workspace!, ref, claims);
  }

  /** Starts watching a new connection: tells a read-only one so, and closes it when its token expires. */
  admit(conn: Connection): void {
    if (conn.access === 'read') this.tellReadOnly(conn);
    this.armExpiry(conn);
  }

  /** Stops watching a forgotten connection. */
  forget(conn: Connection): void {
    if (conn.expiryTimer) clearTimeout(conn.expiryTimer);
  }

  /**
   * Handles a write from a read-only connection: dropped; if it would have added content, counted
   * and answered with "permission denied" (at most once a second). Returns the reason to close the
   * connection with when the update does not decode, else null.
   */
  dropReadOnly(conn: Connection, msg: Extract<ClientMessage, { kind: 'sync-step2' | 'sync-update' }>, tick: Tick): BadMessageReason | null {
    let attempted: boolean;
    try {
      attempted = msg.kind === 'sync-update' || updateAddsContent(conn.room.doc, msg.update);
    } catch {
      return 'bad-update';
    }
    if (!attempted) return null;
    this.o.counters.readOnlyDropped++;
    const now = this.o.now();
    if (now - conn.lastReadOnlyNotice >= 1000) {
      conn.lastReadOnlyNotice = now;
      tick.deliveries.push({ to: conn, data: encodePermissionDenied(READ_ONLY_REASON) });
    }
    return null;
  }

  /** Re-decides every connection of a workspace after its workspace doc changed (and was stored). */
  recheckWorkspace(wid: string): void {
    for (const conn of this.o.connections.inWorkspace(wid)) {
      const d = decideAccess(conn.workspaceRoom.workspace!, conn.room.ref, conn.claims);
      if (!d.ok) {
        this.o.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, reason: d.reason }, 'access revoked');
        this.o.connections.close(conn, d.reason);
        continue;
      }
      conn.member = d.member;
      if (d.access === conn.access) continue;
      conn.access = d.access;
      this.o.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, access: d.access }, 'access changed');
      if (d.access === 'read') this.tellReadOnly(conn);
      else this.o.connections.send(conn, encodeSyncStep1(conn.room.doc)); // the client answers with what it could not send before
    }
  }

  /**
   * Applies at once what a workspace doc change just applied (not yet stored) takes away: a
   * connection whose member was removed or lost the doc is closed, one that may now only read is
   * made read-only. So no later message of theirs is applied, let alone stored after the change
   * (issue 10, item 5). What a change grants waits for {@link recheckWorkspace}, once stored.
   */
  restrictWorkspace(wid: string): void {
    for (const conn of this.o.connections.inWorkspace(wid)) {
      const d = decideAccess(conn.workspaceRoom.workspace!, conn.room.ref, conn.claims);
      if (!d.ok) {
        this.o.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, reason: d.reason }, 'access revoked');
        this.o.connections.close(conn, d.reason);
      } else if (d.access === 'read' && conn.access === 'write') {
        conn.member = d.member;
        conn.access = 'read';
        this.o.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, access: d.access }, 'access changed');
        this.tellReadOnly(conn);
      }
    }
  }

  /** Tells a client it may only read (on connect and on a change of role); dropped writes are told separately, at most once a second. */
  private tellReadOnly(conn: Connection): void {
    this.o.connections.send(conn, encodePermissionDenied(READ_ONLY_REASON));
  }

  private armExpiry(conn: Connection): void {
    const ms = conn.claims.expiresAt - this.o.now();
    if (ms <= 0) {
      this.o.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId }, 'token expired: connection closed');
      this.o.connections.close(conn, 'token-expired');
      return;
    }
    conn.expiryTimer = setTimeout(() => this.armExpiry(conn), Math.min(ms, 2 ** 31 - 1));
  }

  /** Closes the connections whose signing key was removed from their workspace. */
  private async sweepKeys(): Promise<void> {
    for (const wid of this.o.connections.workspaces()) {
      let kids: Set<string>;
      try {
        kids = new Set((await this.o.storage.workspaceKeys(wid)).map((k) => k.kid));
      } catch (err) {
        this.o.log.error({ err: errorName(err) }, 'reading workspace keys failed');
        return;
      }
      for (const conn of this.o.connections.inWorkspace(wid)) {
        if (kids.has(conn.kid)) continue;
        this.o.log.info({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId }, 'signing key removed: connection closed');
        this.o.connections.close(conn, 'key-removed');
      }
    }
  }
}
