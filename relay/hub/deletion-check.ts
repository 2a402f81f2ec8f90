/**
 * Hub.DeletionCheck: the deletion rules of shared/permissions/deletion-rules.ts applied to every
 * update before the relay stores it. The update's delete set is read (`Y.decodeUpdate`) and each
 * deleted range is looked up in the doc as the relay holds it: an item not yet deleted is
 * classified by the path of the Y type holding it (append-only structure, whole record, a record's
 * `deleted` flag, other content); new items setting a record's `deleted` to true count as record
 * deletions too. Items the relay does not have (new in this update, or waiting
 * for a missing dependency) are not judged: deleting what was never stored erases nothing.
 *
 * Per member and doc, the records deleted within the mass-deletion window are counted; an update
 * that would pass the limit is refused (admins excepted) and an alert is recorded for the
 * workspace's admins (relay/storage/provenance.ts `relay_alerts`, `GET /v1/alerts`). That alert
 * is also a request held for an admin's decision (relay/held-deletions.ts): once approved, the
 * member's next mass deletion of that doc is let through once.
 */
import * as Y from 'yjs';
import type { Logger } from '../../node/log';
import { classifyDeletion, DELETED_FIELD, isMassDeletion, judgeDeletions, MASS_DELETION_WINDOW_MS, recordsDeleted, type DeletionRefusal, type DeletionSummary } from '../../shared/permissions';
import type { Connection } from '../connection';
import { errorName } from '../rooms';
import type { ProvenanceStore } from '../storage/provenance';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types as AbstractType<any>
type AnyType = Y.AbstractType<any>;

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

/**
 * What `update` would delete from `doc` (the doc as stored plus the tick in progress).
 * @throws Error when `update` is not a valid Yjs update.
 */
export function summariseDeletions(doc: Y.Doc, update: Uint8Array): DeletionSummary {
  const summary: DeletionSummary = { appendOnly: 0, removed: new Set(), flagged: new Set() };
  const { structs: added, ds } = Y.decodeUpdate(update);
  const roots = new Map<AnyType, string>();
  for (const [name, type] of doc.share) roots.set(type, name);
  // Soft deletions: `deleted: true` newly set on a record the relay holds (a first `deleted` key
  // deletes nothing, so it is not in the delete set).
  for (const s of added) {
    if (!(s instanceof Y.Item) || s.parentSub !== DELETED_FIELD || !(s.parent instanceof Y.ID) || !(s.content instanceof Y.ContentAny)) continue;
    if (s.content.getContent()[0] !== true || s.parent.clock >= Y.getState(doc.store, s.parent.client)) continue;
    const record = Y.getItem(doc.store, s.parent);
    if (!(record instanceof Y.Item) || record.deleted || !(record.content instanceof Y.ContentType)) continue;
    const kind = classifyDeletion(pathOf(record.content.type, roots), DELETED_FIELD, false);
    if (kind.kind === 'record-flagged') summary.flagged.add(`${kind.map}/${kind.recordId}`);
  }
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const r of ranges) {
      const end = Math.min(r.clock + r.len, known);
      if (r.clock >= end) continue;
      for (let i = Y.findIndexSS(structs, r.clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const s = structs[i]!;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        const kind = classifyDeletion(pathOf(s.parent as AnyType, roots), s.parentSub, s.content instanceof Y.ContentType);
        if (kind.kind === 'append-only') summary.appendOnly++;
        else if (kind.kind === 'record-removed') summary.removed.add(`${kind.map}/${kind.recordId}`);
        else if (kind.kind === 'record-flagged') summary.flagged.add(`${kind.map}/${kind.recordId}`);
      }
    }
  }
  return summary;
}

/** The keys from the root down to `type` (`#` for an array position), e.g. `['seizures', '<id>']`. */
function pathOf(type: AnyType, roots: Map<AnyType, string>): string[] {
  const path: string[] = [];
  for (let t: AnyType | null = type; t; ) {
    const item: Y.Item | null = t._item;
    if (!item) {
      path.unshift(roots.get(t) ?? '?');
      break;
    }
    path.unshift(item.parentSub ?? '#');
    t = item.parent as AnyType | null;
  }
  return path;
}

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
