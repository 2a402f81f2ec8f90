/**
 * Typed reads of the `deleted_seizures` projection (migrations/013_deleted_seizures.sql,
 * written by deleted-seizure-index.ts): a case's deleted seizures a page at a time, newest
 * tombstone stamp first (ties by id).
 */
import type { Db } from '../../node/store/sqlite';

/** One projected deleted seizure, as stored (unit '' = not reported). */
export interface ProjectedDeletedSeizure {
  id: string;
  doc: string;
  seizureDate: string;
  datePrecision: string;
  country: string;
  place: string;
  commodity: string;
  taxon: string;
  quantity: number | null;
  unit: string;
  importBatch: string | null;
  updatedAt: number;
  updatedBy: string;
}

/** Paged reads of the deleted seizures of one workspace database. */
export class DeletedSeizurePages {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      count: db.prepare('SELECT COUNT(*) FROM deleted_seizures WHERE case_id = ?').pluck(),
      page: db.prepare(
        `SELECT id, doc, seizure_date AS seizureDate, date_precision AS datePrecision, country, place, commodity, taxon, quantity, unit,
                import_batch AS importBatch, updated_at AS updatedAt, updated_by AS updatedBy
           FROM deleted_seizures WHERE case_id = ? ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`,
      ),
    };
  }

  /** Rows `offset`… (at most `limit`) of case `caseId`'s deleted seizures, and how many it has in all. */
  page(caseId: string, offset: number, limit: number): { total: number; rows: ProjectedDeletedSeizure[] } {
    return { total: this.s.count.get(caseId) as number, rows: this.s.page.all(caseId, limit, offset) as ProjectedDeletedSeizure[] };
  }
}
