/**
 * Typed reads of the `case_links` projection (migrations/012_case_links.sql): the links other
 * cases made to a case ("Linked from"). Callers pass `readable` (the member's `case.read` test):
 * a link from a case the member may not read is left out entirely — not its number, not a count.
 */
import type { Db } from '../../node/store/sqlite';
import type { CaseRelation } from '../../shared/domain/case-link';
import type { LinkedFrom } from '../../shared/rpc/cases';

interface Row {
  link_id: string;
  case_id: string;
  number: string;
  title: string;
  relation: CaseRelation;
  reason: string;
  created_by: string;
  created_at: number;
  deleted: number;
  updated_by: string;
  updated_at: number;
}

/** Read-only queries over the case-link projection. */
export class CaseLinkQueries {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      // Joined with `cases`: a link from a case no longer projected is not shown.
      linkedFrom: db.prepare(
        `SELECT l.link_id, l.case_id, c.number, c.title, l.relation, l.reason, l.created_by, l.created_at, l.deleted, l.updated_by, l.updated_at
         FROM case_links l JOIN cases c ON c.id = l.case_id
         WHERE l.other_case_id = ? AND l.case_id <> l.other_case_id
         ORDER BY l.deleted, l.created_at DESC, l.link_id`,
      ),
    };
  }

  /**
   * The links made to case `caseId` from cases `readable` accepts: live ones first, then removed
   * ones (kept with who removed them when), each newest first.
   */
  linkedFrom(caseId: string, readable: (caseId: string) => boolean): LinkedFrom[] {
    return (this.s.linkedFrom.all(caseId.toLowerCase()) as Row[])
      .filter((r) => readable(r.case_id))
      .map((r) => ({
        linkId: r.link_id,
        fromCaseId: r.case_id,
        fromNumber: r.number,
        fromTitle: r.title,
        relation: r.relation,
        reason: r.reason,
        createdBy: r.created_by,
        createdAt: r.created_at,
        removed: r.deleted === 1,
        removedBy: r.deleted === 1 ? r.updated_by : null,
        removedAt: r.deleted === 1 ? r.updated_at : null,
      }));
  }
}
