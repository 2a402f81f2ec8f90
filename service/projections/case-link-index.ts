/**
 * Writer of the `case_links` projection (migrations/012_case_links.sql): every link of a case to
 * another case, removed ones included, so a case can show the links made to it from other cases
 * ("Linked from", case-link-queries.ts). A case's rows are rewritten whole on each projection of
 * the case (a case holds a handful of links), so the incremental result is by construction what a
 * rebuild writes (tested with the other projections).
 */
import type { Db } from '../../node/store/sqlite';
import type { CaseDoc } from '../../shared/docs/case-doc';
import { CaseLinkedCases } from '../../shared/docs/case-linked-cases';

/** Writes the case-link projection of one workspace database. */
export class CaseLinkIndexWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      clearCase: db.prepare('DELETE FROM case_links WHERE case_id = ?'),
      insert: db.prepare(
        'INSERT INTO case_links (case_id, link_id, other_case_id, relation, reason, created_by, created_at, deleted, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      clearAll: db.prepare('DELETE FROM case_links'),
    };
  }

  /** Replaces case `caseId`'s rows with the links of `doc`. Runs inside the caller's transaction. */
  writeCase(caseId: string, doc: CaseDoc): void {
    this.s.clearCase.run(caseId);
    for (const l of new CaseLinkedCases(doc.doc).listWithDeleted()) {
      this.s.insert.run(caseId, l.id, l.caseId.toLowerCase(), l.relation, l.reason, l.createdBy, l.createdAt, l.deleted ? 1 : 0, l.updatedBy, l.updatedAt);
    }
  }

  /** Empties the projection (the start of a rebuild). */
  clear(): void {
    this.s.clearAll.run();
  }
}
