/**
 * Writer of the `identifier_index` projection (migrations/008_identifier_index.sql): for each live
 * entity of a case, every value it can be matched by in another case (`strongIdentifiers()`:
 * identifiers strong, folded names weak). A case's rows are rewritten whole on each projection of
 * the case: a case holds tens to hundreds of entities, so this costs less than tracking which
 * entity changed, and the incremental result is by construction what a rebuild writes (tested).
 */
import type { Db } from '../../node/store/sqlite';
import type { CaseDoc } from '../../shared/docs/case-doc';
import { entityLabel } from '../../shared/docs/case-entities';
import { strongIdentifiers } from '../../shared/domain/entities';

/** Writes the identifier index of one workspace database. */
export class IdentifierIndexWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      clearCase: db.prepare('DELETE FROM identifier_index WHERE case_id = ?'),
      insert: db.prepare(
        `INSERT OR IGNORE INTO identifier_index (case_id, entity_id, entity_kind, label, kind, value_normalised, strength)
         VALUES (@case_id, @entity_id, @entity_kind, @label, @kind, @value_normalised, @strength)`,
      ),
      clearAll: db.prepare('DELETE FROM identifier_index'),
    };
  }

  /** Replaces case `caseId`'s rows with those of `doc`'s live entities. Runs inside the caller's transaction. */
  writeCase(caseId: string, doc: CaseDoc): void {
    this.s.clearCase.run(caseId);
    for (const e of doc.listEntities()) {
      const label = entityLabel(e);
      for (const id of strongIdentifiers(e)) {
        this.s.insert.run({ case_id: caseId, entity_id: e.id, entity_kind: e.kind, label, kind: id.scheme, value_normalised: id.value, strength: id.weak ? 'weak' : 'strong' });
      }
    }
  }

  /** Empties the index (the start of a rebuild). */
  clear(): void {
    this.s.clearAll.run();
  }
}
