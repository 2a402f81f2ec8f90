/**
 * Writer of the `deleted_seizures` projection (migrations/013_deleted_seizures.sql): one row
 * per deleted seizure (tombstone) of a case doc or volume doc, moved seizures left out. The
 * projector calls it beside every write of `seizures`, so a seizure is in exactly one of the two
 * tables while its doc is projected: deleting moves its row here, restoring moves it back.
 */
import type { Db } from '../../node/store/sqlite';
import type { DeletedSeizure } from '../../shared/docs/case-seizures-restore';

/** Writes the deleted seizures of one workspace database. */
export class DeletedSeizureIndex {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      put: db.prepare(
        `INSERT INTO deleted_seizures (id, case_id, doc, seizure_date, date_precision, country, place, commodity, taxon, quantity, unit, import_batch, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, doc = excluded.doc, seizure_date = excluded.seizure_date, date_precision = excluded.date_precision,
           country = excluded.country, place = excluded.place, commodity = excluded.commodity, taxon = excluded.taxon, quantity = excluded.quantity, unit = excluded.unit,
           import_batch = excluded.import_batch, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ),
      remove: db.prepare('DELETE FROM deleted_seizures WHERE id = ?'),
      clearCase: db.prepare('DELETE FROM deleted_seizures WHERE case_id = ?'),
      clear: db.prepare('DELETE FROM deleted_seizures'),
    };
  }

  /**
   * Records seizure `id` of case `caseId` as its doc `doc` holds it now: `deleted` a tombstone
   * (listed unless it was moved to another case), or null when it is live or has no record (its row goes).
   */
  write(caseId: string, doc: string, id: string, deleted: DeletedSeizure | null): void {
    if (!deleted || deleted.movedTo !== null) {
      this.s.remove.run(id);
      return;
    }
    const s = deleted.seizure;
    this.s.put.run(id, caseId, doc, s.seizureDate, s.datePrecision, s.country, s.place, s.commodity, s.taxon, s.quantity, s.unit ?? '', s.importBatch ?? null, s.updatedAt, s.updatedBy);
  }

  /** Drops every row of case `caseId` (before its docs are projected whole). */
  clearCase(caseId: string): void {
    this.s.clearCase.run(caseId);
  }

  /** Drops every row (a rebuild). */
  clear(): void {
    this.s.clear.run();
  }
}
