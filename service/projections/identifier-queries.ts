/**
 * Typed reads of the `identifier_index` projection (migrations/008_identifier_index.sql): the
 * matches of a case's entities in other cases, and every value shared by two or more cases.
 * Callers pass `readable` (the member's `case.read` test) and every answer is computed over
 * readable cases only, so a case the member may not see leaves no trace: not its number, not a
 * count, not an identifier that would be shared only because of it.
 */
import type { Db } from '../../node/store/sqlite';
import type { EntityKind } from '../../shared/domain/entities';
import type { CrossCaseMatch, SharedIdentifier } from '../../shared/rpc/entities';

interface MatchRow {
  entity_id: string;
  other_case_id: string;
  number: string;
  title: string;
  doc_name: string;
  other_entity_id: string;
  entity_kind: EntityKind;
  label: string;
  kind: string;
  value_normalised: string;
  strength: 'strong' | 'weak';
}

/**
 * A row of the shared view, as an array (the statement is raw: no object per row). Its columns:
 * kind, value_normalised, strength, case_id, number, title, doc_name, entity_id, entity_kind, label.
 */
type SharedRow = [string, string, 'strong' | 'weak', string, string, string, string, string, EntityKind, string];

/** The default collation: what `a.localeCompare(b)` compares by (ECMA-402), without making a collator per call. */
const collator = new Intl.Collator();

/** Read-only queries over the identifier index. */
export class IdentifierQueries {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      matches: db.prepare(
        `SELECT m.entity_id, o.case_id AS other_case_id, c.number, c.title, c.doc_name, o.entity_id AS other_entity_id, o.entity_kind, o.label, o.kind, o.value_normalised, o.strength
         FROM identifier_index m
         JOIN identifier_index o ON o.kind = m.kind AND o.value_normalised = m.value_normalised AND o.case_id <> m.case_id
         JOIN cases c ON c.id = o.case_id
         WHERE m.case_id = @case_id AND (@entity_id IS NULL OR m.entity_id = @entity_id)
         ORDER BY o.strength = 'weak', c.number, o.label, o.kind`,
      ),
      // A row is shared when another case holds the same value: one probe of the value index per
      // row (bench L1: cheaper than grouping the whole table to count distinct cases per value).
      shared: db
        .prepare(
          `SELECT i.kind, i.value_normalised, i.strength, i.case_id, c.number, c.title, c.doc_name, i.entity_id, i.entity_kind, i.label
           FROM identifier_index i JOIN cases c ON c.id = i.case_id
           WHERE EXISTS (SELECT 1 FROM identifier_index o WHERE o.kind = i.kind AND o.value_normalised = i.value_normalised AND o.case_id <> i.case_id)
           ORDER BY i.strength = 'weak', i.kind, i.value_normalised, c.number, i.label`,
        )
        .raw(),
    };
  }

  /** Entities of other readable cases matching entity `entityId` of case `caseId` (every entity of the case when null); strong first. */
  matchesOf(caseId: string, entityId: string | null, readable: (caseId: string) => boolean): CrossCaseMatch[] {
    const rows = this.s.matches.all({ case_id: caseId, entity_id: entityId }) as MatchRow[];
    return rows
      .filter((r) => readable(r.other_case_id))
      .map((r) => ({
        entityId: r.entity_id,
        otherCaseId: r.other_case_id,
        otherCaseNumber: r.number,
        otherCaseTitle: r.title,
        otherDocName: r.doc_name,
        otherEntityId: r.other_entity_id,
        otherEntityKind: r.entity_kind,
        otherLabel: r.label,
        scheme: r.kind,
        value: r.value_normalised,
        strength: r.strength,
      }));
  }

  /**
   * Values shared by two or more readable cases, strong first, then by number of cases (most
   * first), at most `limit`. The count is taken after the readable filter.
   */
  shared(readable: (caseId: string) => boolean, limit: number): SharedIdentifier[] {
    const groups = new Map<string, SharedIdentifier>();
    // The cases of each group by id (a group's cases arrive in case-number order, so insertion order is kept).
    const casesOf = new Map<SharedIdentifier, Map<string, SharedIdentifier['cases'][number]>>();
    // `readable` asks the permission model; a case's answer is the same for each of its rows.
    const readableMemo = new Map<string, boolean>();
    for (const [kind, value, strength, caseId, number, title, docName, entityId, entityKind, label] of this.s.shared.all() as SharedRow[]) {
      let ok = readableMemo.get(caseId);
      if (ok === undefined) readableMemo.set(caseId, (ok = readable(caseId)));
      if (!ok) continue;
      const key = `${kind}\u0000${value}`;
      let g = groups.get(key);
      if (!g) {
        groups.set(key, (g = { scheme: kind, value, strength, cases: [] }));
        casesOf.set(g, new Map());
      }
      const byId = casesOf.get(g)!;
      let c = byId.get(caseId);
      if (!c) {
        g.cases.push((c = { caseId, number, title, docName, entities: [] }));
        byId.set(caseId, c);
      }
      c.entities.push({ entityId, kind: entityKind, label });
    }
    return [...groups.values()]
      .filter((g) => g.cases.length >= 2)
      .sort((a, b) => Number(a.strength === 'weak') - Number(b.strength === 'weak') || b.cases.length - a.cases.length || collator.compare(a.scheme, b.scheme) || collator.compare(a.value, b.value))
      .slice(0, limit);
  }
}
