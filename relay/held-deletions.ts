/**
 * Mass deletions held for an admin's decision (issue 10). A mass deletion the deletion rules
 * refuse (relay/hub/deletion-check.ts, close 4409) is recorded as a `mass-deletion` alert: that
 * alert is the **held request** (who, which doc, how many records, when). A workspace admin lists
 * the pending requests and approves or rejects one; the decision is recorded as another alert
 * (`mass-deletion-approved` / `mass-deletion-rejected`, `memberId` = the deciding admin,
 * `records` = the id of the request decided). All of it stays in the relay's append-only alert
 * log beside the provenance log, so who asked, who decided and what was then stored (the
 * update's provenance row, and a `mass-deletion-stored` alert) can all be read back.
 *
 * Approval lets the member's client re-send: the next update of that member to that doc that
 * is a mass deletion passes the limit once, within {@link APPROVAL_VALID_MS} (the other deletion
 * rules still apply). The desktop re-sends when the member presses "Sync now" on the refused doc.
 * Rejection changes nothing on the relay: the member's client stays refused until the deletion
 * is undone locally.
 *
 * Everything is kept in the existing alert log (no new table), so every relay storage (SQLite,
 * the worker, PostgreSQL) supports it unchanged. Grants of approval live in memory: a relay
 * restart forgets them (the member asks again; the approval stays on record).
 */
import type { Logger } from '../node/log';
import type { RelayAlert } from '../shared/protocol/relay';
import { APPROVAL_VALID_MS, HELD_DELETIONS_DECIDE_PATH, HELD_DELETIONS_PATH, type HeldDecision, type HeldDeletion } from '../shared/protocol/relay/held-deletions';
import type { ProvenanceStore } from './storage/provenance';

/** The paths, the approval's validity and the shapes are the protocol's (shared/protocol/relay/held-deletions.ts). */
export { APPROVAL_VALID_MS, HELD_DELETIONS_DECIDE_PATH, HELD_DELETIONS_PATH, type HeldDecision, type HeldDeletion };

/** The alert kind of a held (refused) mass deletion: the request. */
export const HELD_KIND = 'mass-deletion';
/** The alert kinds of decisions. */
export const DECISION_KINDS = { approve: 'mass-deletion-approved', reject: 'mass-deletion-rejected' } as const satisfies Record<HeldDecision, string>;

/** What {@link HeldDeletions} needs. */
export interface HeldDeletionsOptions {
  alerts: Pick<ProvenanceStore, 'addAlert' | 'alerts'>;
  log: Logger;
  /** Clock, ms since epoch. */
  now: () => number;
}

/** The held mass deletions of every workspace on this relay, and the approvals granted. */
export class HeldDeletions {
  private readonly grants = new Map<string, { until: number; requestId: number }>();

  constructor(private readonly o: HeldDeletionsOptions) {}

  /** Every alert of `workspaceId`, oldest first (the store answers 500 at a time). */
  private async allAlerts(workspaceId: string): Promise<RelayAlert[]> {
    const all: RelayAlert[] = [];
    for (let after = 0; ; ) {
      const page = await this.o.alerts.alerts(workspaceId, after);
      all.push(...page);
      if (page.length < 500) return all;
      after = page[page.length - 1]!.id;
    }
  }

  /** The pending (undecided) held deletions of `workspaceId`, oldest first. */
  async pending(workspaceId: string): Promise<HeldDeletion[]> {
    const alerts = await this.allAlerts(workspaceId);
    const decided = new Set(alerts.filter((a) => a.kind === DECISION_KINDS.approve || a.kind === DECISION_KINDS.reject).map((a) => a.records));
    return alerts.filter((a) => a.kind === HELD_KIND && !decided.has(a.id)).map((a) => ({ id: a.id, doc: a.doc, memberId: a.memberId, records: a.records, at: a.at }));
  }

  /**
   * Records `adminId`'s decision on pending request `id` of `workspaceId`; an approval lets that
   * member's next mass deletion of that doc through once (see {@link takeApproval}).
   * @returns the request decided, or null when no such request is pending (unknown, of another
   *          workspace, or decided already).
   */
  async decide(workspaceId: string, id: number, decision: HeldDecision, adminId: string): Promise<HeldDeletion | null> {
    const request = (await this.pending(workspaceId)).find((r) => r.id === id);
    if (!request) return null;
    await this.o.alerts.addAlert({ workspaceId, kind: DECISION_KINDS[decision], doc: request.doc, memberId: adminId, records: request.id });
    if (decision === 'approve') this.grants.set(grantKey(request.memberId, request.doc), { until: this.o.now() + APPROVAL_VALID_MS, requestId: id });
    this.o.log.info({ request: id, doc: request.doc, member: request.memberId, records: request.records, decision, by: adminId }, 'held mass deletion decided');
    return request;
  }

  /**
   * True (once) when an admin approved a held mass deletion of `memberId` on `doc` within
   * {@link APPROVAL_VALID_MS}: the deletion check then lets this mass deletion through.
   */
  takeApproval(memberId: string, doc: string): boolean {
    const key = grantKey(memberId, doc);
    const grant = this.grants.get(key);
    if (!grant) return false;
    this.grants.delete(key);
    return this.o.now() <= grant.until;
  }
}

function grantKey(memberId: string, doc: string): string {
  return `${memberId}\n${doc}`;
}
