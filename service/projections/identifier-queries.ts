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
 * kind, value_normalised, strength, case_id, entity_id, entity_kind, label.
 */
type SharedRow = [string, string, 'strong' | 'weak', string, string, EntityKind, string];

/** A `cases` row as the shared view needs it: id, number, title, doc_name. */
type CaseRow = [string, string, string, string];

/** A visible row of the shared view with its case's row. */
interface Seen {
  row: SharedRow;
  kase: CaseRow;
}

/** The default collation: what `a.localeCompare(b)` compares by (ECMA-402), without making a collator per call. */
const collator = new Intl.Collator();

/**
 * SQLite's BINARY order of two strings (their UTF-8 bytes, i.e. code points), so rows sorted here
 * come out as an `ORDER BY` would sort them. JS's `<` compares UTF-16 units, which differs only
 * when a character above U+FFFF meets one in U+E000–U+FFFF; the first differing unit decides.
 */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 || y >= 0xd800 ? a.codePointAt(i)! - b.codePointAt(i)! : x - y;
  }
  return a.length - b.length;
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
      // A row is shared when another case holds the same value: one probe of the value index per
      // row (bench L1: cheaper than grouping the whole table to count distinct cases per value).
      // Read in the value index's order, so a value's rows are adjacent and SQLite sorts nothing;
      // the cases' numbers and titles come from one read of `cases` instead of a join per row.
      shared: db
        .prepare(
          `SELECT i.kind, i.value_normalised, i.strength, i.case_id, i.entity_id, i.entity_kind, i.label
           FROM identifier_index i
           WHERE EXISTS (SELECT 1 FROM identifier_index o WHERE o.kind = i.kind AND o.value_normalised = i.value_normalised AND o.case_id <> i.case_id)
           ORDER BY i.kind, i.value_normalised`,
        )
        .raw(),
      cases: db.prepare('SELECT id, number, title, doc_name FROM cases').raw(),
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
    const rows = this.s.shared.all() as SharedRow[];
    const cases = new Map((this.s.cases.all() as CaseRow[]).map((c) => [c[0], c]));
    // `readable` asks the permission model; a case's answer is the same for each of its rows, so
    // it is asked once per case, and the case's row is looked up once with it (null: not shown).
    const visibleMemo = new Map<string, CaseRow | null>();
    const visible = (caseId: string): CaseRow | null => {
      let c = visibleMemo.get(caseId);
      if (c === undefined) {
        const row = cases.get(caseId);
        visibleMemo.set(caseId, (c = row && readable(caseId) ? row : null));
      }
      return c;
    };
    // Within a value: strong rows first, then by case number, then by label (what the view's
    // ORDER BY did when it sorted the whole table), ties kept in index order (stable sort).
    const byStrengthNumberLabel = (x: Seen, y: Seen): number =>
      Number(x.row[2] === 'weak') - Number(y.row[2] === 'weak') || compareBinary(x.kase[1], y.kase[1]) || compareBinary(x.row[6], y.row[6]);
    const groups: SharedIdentifier[] = [];
    // One buffer for every value's visible rows (bench L1: a slice, a filter and a Map per value
    // cost as much as the query itself).
    const seen: Seen[] = [];
    for (let i = 0; i < rows.length; ) {
      // Indexing, not destructuring: an array pattern runs the iterator protocol per row.
      const kind = rows[i]![0];
      const value = rows[i]![1];
      seen.length = 0;
      let cases2 = false;
      for (; i < rows.length; i++) {
        const row = rows[i]!;
        if (row[1] !== value || row[0] !== kind) break;
        const kase = visible(row[3]);
        if (!kase) continue;
        if (seen.length > 0 && seen[0]!.row[3] !== row[3]) cases2 = true;
        seen.push({ row, kase });
      }
      // The count is taken after the readable filter: a value seen in one readable case is not shared.
      if (!cases2) continue;
      seen.sort(byStrengthNumberLabel);
      const g: SharedIdentifier = { scheme: kind, value, strength: seen[0]!.row[2], cases: [] };
      for (let k = 0; k < seen.length; k++) {
        const { row, kase } = seen[k]!;
        const caseId = row[3];
        // Groups hold a few cases: a scan is cheaper than a Map (numbers may repeat, so a case's rows need not be adjacent).
        let c = g.cases.find((x) => x.caseId === caseId);
        if (!c) g.cases.push((c = { caseId, number: kase[1], title: kase[2], docName: kase[3], entities: [] }));
        c.entities.push({ entityId: row[4], kind: row[5], label: row[6] });
      }
      groups.push(g);
    }
    return groups
      .sort((a, b) => Number(a.strength === 'weak') - Number(b.strength === 'weak') || b.cases.length - a.cases.length || collator.compare(a.scheme, b.scheme) || collator.compare(a.value, b.value))
      .slice(0, limit);
  }
}
