/**
 * Writer of the `identifier_index` projection (migrations/008_identifier_index.sql): for each live
 * entity of a case, every value it can be matched by in another case (`strongIdentifiers()`:
 * identifiers strong, folded names weak). A case's rows are rewritten whole on each projection of
 * the case: a case holds tens to hundreds of entities, so this costs less than tracking which
 * entity changed, and the incremental result is by construction what a rebuild writes (tested).
 *
 * Speed (bench L1, a rebuild of 1,000 cases): entities are read unsorted and only their label
 * and match fields are read and validated (`liveMatchFields`: parsing every field of every
 * entity was a third of the rebuild), the table has no foreign key to `cases`
 * (migrations/009: a parent lookup per inserted row), rows are bound positionally (no object per row), and a rebuild runs in
 * {@link IdentifierIndexWriter.bulk}: one transaction with the secondary indexes dropped during
 * the load and created once at its end, as a bulk load should — maintaining a second B-tree row
 * by row cost more than building it from the loaded table.
 */
import type { Db } from '../../node/store/sqlite';
import type { CaseDoc } from '../../shared/docs/case-doc';
import { entityLabel } from '../../shared/docs/case-entities';
import { strongIdentifiers } from '../../shared/domain/entities';

/** Writes the identifier index of one workspace database. */
export class IdentifierIndexWriter {
  private readonly db: Db;
  private readonly s;

  constructor(db: Db) {
    this.db = db;
    this.s = {
      clearCase: db.prepare('DELETE FROM identifier_index WHERE case_id = ?'),
      insert: db.prepare('INSERT OR IGNORE INTO identifier_index (case_id, entity_id, entity_kind, label, kind, value_normalised, strength) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      clearAll: db.prepare('DELETE FROM identifier_index'),
      // The table's own indexes as the migrations created them (not the primary key's automatic one, whose sql is null).
      indexes: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'identifier_index' AND sql IS NOT NULL ORDER BY name"),
    };
  }

  /** Replaces case `caseId`'s rows with those of `doc`'s live entities. Runs inside the caller's transaction. */
  writeCase(caseId: string, doc: CaseDoc): void {
    this.s.clearCase.run(caseId);
    const insert = this.s.insert;
    for (const { id: entityId, fields } of doc.liveMatchFields()) {
      const label = entityLabel(fields);
      for (const id of strongIdentifiers(fields)) insert.run(caseId, entityId, fields.kind, label, id.scheme, id.value, id.weak ? 'weak' : 'strong');
    }
  }

  /** Empties the index (the start of a rebuild). */
  clear(): void {
    this.s.clearAll.run();
  }

  /**
   * Runs `load` (a rebuild: {@link clear} then {@link writeCase} per case) as one bulk load: in one
   * transaction (nested in the caller's, if any, as a savepoint), with the table's secondary
   * indexes dropped before and created again, from the same SQL, after. Queries of the index
   * must not run inside `load` (they would scan); a failure rolls the drop back with the rest.
   * @returns what `load` returns. @throws what `load` throws (nothing is changed then).
   */
  bulk<T>(load: () => T): T {
    return this.db.transaction(() => {
      const indexes = this.s.indexes.all() as { name: string; sql: string }[];
      for (const ix of indexes) this.db.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
      const out = load();
      for (const ix of indexes) this.db.exec(ix.sql);
      return out;
    })();
  }
}
