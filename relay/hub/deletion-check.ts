/**
 * Hub.DeletionCheck: the deletion rules of shared/permissions/deletion-rules.ts applied to every
 * update before the relay stores it, reading each update with the same classifier the data
 * service uses for a window's updates (shared/permissions/deletion-summary.ts).
 *
 * Per member and doc, the records deleted within the mass-deletion window are counted; an update
 * that would pass the limit is refused (admins excepted) and an alert is recorded for the
 * workspace's admins (relay/storage/provenance.ts `relay_alerts`, `GET /v1/alerts`). That alert
 * is also a request held for an admin's decision (relay/held-deletions.ts): once approved, the
 * member's next mass deletion of that doc is let through once.
 */
import type { Logger } from '../../node/log';
import { isMassDeletion, judgeDeletions, MASS_DELETION_WINDOW_MS, recordsDeleted, summariseDeletions, type DeletionRefusal } from '../../shared/permissions';
import type { Connection } from '../connection';
import { errorName } from '../rooms';
import type { ProvenanceStore } from '../storage/provenance';

/** What the check needs. */
export interface DeletionCheckOptions {
  alerts: Pick<ProvenanceStore, 'addAlert'>;
  /** Admins' approvals of held mass deletions (relay/held-deletions.ts): one lets a mass deletion through. */
  approvals?: { takeApproval(memberId: string, doc: string): boolean };
  log: Logger;
  /** Clock, ms since epoch. */
  now: () => number;
}

/** Past this many (member, doc) counts, expired ones are dropped. */
const MAX_TRACKED = 10_000;

/** Records deleted by one member in one doc: `[at, count]` pairs within the window, oldest first. */
type Recent = [number, number][];

/** The deletion rules for the hub's connections. */
export class DeletionCheck {
  private readonly recent = new Map<string, Recent>();

  constructor(private readonly o: DeletionCheckOptions) {}

  /**
   * Judges `update` from `conn` against its room's doc before it is applied: null when it may be
   * stored (its record deletions are then counted), else the refusal. A mass deletion (refused,
   * or by an admin) records an alert for the workspace's admins.
   * @throws Error when `update` is not a valid Yjs update.
   */
  check(conn: Connection, update: Uint8Array): DeletionRefusal | null {
    const summary = summariseDeletions(conn.room.doc, update);
    const n = recordsDeleted(summary);
    if (summary.appendOnly === 0 && n === 0) return null;
    const key = `${conn.member.memberId}\n${conn.room.name}`;
    const now = this.o.now();
    const recent = (this.recent.get(key) ?? []).filter(([at]) => now - at < MASS_DELETION_WINDOW_MS);
    const before = recent.reduce((sum, [, c]) => sum + c, 0);
    let refusal = judgeDeletions(conn.member.role, summary, before);
    // An admin approved this member's held mass deletion of this doc: it passes the limit once.
    if (refusal === 'mass-deletion' && this.o.approvals?.takeApproval(conn.member.memberId, conn.room.name)) refusal = null;
    const mass = summary.appendOnly === 0 && isMassDeletion(summary, before);
    if (mass) this.alert(conn, before + n, refusal === null);
    if (refusal === null && n > 0) recent.push([now, n]);
    if (recent.length > 0) this.recent.set(key, recent);
    else this.recent.delete(key);
    if (this.recent.size > MAX_TRACKED) this.prune(now);
    return refusal;
  }

  /** Drops the counts whose window has passed (keeps the map bounded by who deleted recently). */
  private prune(now: number): void {
    for (const [key, recent] of this.recent) if (recent.every(([at]) => now - at >= MASS_DELETION_WINDOW_MS)) this.recent.delete(key);
  }

  /** Records a mass-deletion alert (a failure to record it is logged, never thrown). */
  private alert(conn: Connection, records: number, stored: boolean): void {
    const ref = conn.room.ref;
    this.o.log.warn({ conn: conn.id, doc: conn.room.name, member: conn.member.memberId, records, stored }, 'mass deletion: alert raised for the workspace admins');
    this.o.alerts
      .addAlert({ workspaceId: ref.workspaceId, kind: stored ? 'mass-deletion-stored' : 'mass-deletion', doc: conn.room.name, memberId: conn.member.memberId, records })
      .catch((err: unknown) => this.o.log.error({ err: errorName(err) }, 'recording an alert failed'));
  }
}
