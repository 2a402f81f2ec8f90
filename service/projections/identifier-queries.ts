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

interface SharedRow {
  kind: string;
  value_normalised: string;
  strength: 'strong' | 'weak';
  case_id: string;
  number: string;
  title: string;
  doc_name: string;
  entity_id: string;
  entity_kind: EntityKind;
  label: string;
}

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
      shared: db.prepare(
        `SELECT i.kind, i.value_normalised, i.strength, i.case_id, c.number, c.title, c.doc_name, i.entity_id, i.entity_kind, i.label
         FROM identifier_index i JOIN cases c ON c.id = i.case_id
         WHERE (i.kind, i.value_normalised) IN (SELECT kind, value_normalised FROM identifier_index GROUP BY kind, value_normalised HAVING COUNT(DISTINCT case_id) >= 2)
         ORDER BY i.strength = 'weak', i.kind, i.value_normalised, c.number, i.label`,
      ),
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
    for (const r of this.s.shared.all() as SharedRow[]) {
      if (!readable(r.case_id)) continue;
      const key = `${r.kind}\u0000${r.value_normalised}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { scheme: r.kind, value: r.value_normalised, strength: r.strength, cases: [] }));
      let c = g.cases.find((x) => x.caseId === r.case_id);
      if (!c) g.cases.push((c = { caseId: r.case_id, number: r.number, title: r.title, docName: r.doc_name, entities: [] }));
      c.entities.push({ entityId: r.entity_id, kind: r.entity_kind, label: r.label });
    }
    return [...groups.values()]
      .filter((g) => g.cases.length >= 2)
      .sort((a, b) => Number(a.strength === 'weak') - Number(b.strength === 'weak') || b.cases.length - a.cases.length || a.scheme.localeCompare(b.scheme) || a.value.localeCompare(b.value))
      .slice(0, limit);
  }
}
