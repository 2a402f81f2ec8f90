/**
 * The entities of a case in the `search_fts` index (issue 12 item 9): one row per live entity,
 * kind 'entity', title = the entity's display name, body = its aliases, every identifier written
 * as "<scheme> <value>" ("imo 9074729", "iban GB82 WEST 1234 …" also in groups of four so a
 * typed IBAN with spaces matches), its other text fields, and its links: the relationship, the
 * other end's name and the link's source ("owner of Kota Hapas — Lloyd's List"), so a search for
 * a source finds the entities it was cited for. The case's tags are in the case row (projector.ts).
 *
 * Row ids: a case's entity rows use the rowid range [{@link ENTITY_ROWID_BASE} + caseRowid·2^20,
 * + 2^20): cases use negated `cases` rowids and seizures their `seizures` rowids (small positive
 * numbers), so the ranges never meet, and rewriting a case's entities is one rowid-range delete
 * (an index lookup in FTS5, not a scan). Like the identifier index, a case's rows are rewritten
 * whole at each projection of the case, so incremental equals rebuild by construction (tested).
 */
import type { Db } from '../../node/store/sqlite';
import type { CaseDoc, Entity } from '../../shared/docs/case-doc';
import { entityLabel } from '../../shared/docs/case-entities';
import { strongIdentifiers } from '../../shared/domain/entities';

/** First rowid of the entity rows (2^40: far above any seizure rowid). */
export const ENTITY_ROWID_BASE = 2 ** 40;
/** Rows reserved per case: at most 2^20 entities (a case holds tens to thousands). */
const PER_CASE = 2 ** 20;

/** Every string an entity holds besides its kind and stamps (names, numbers, descriptions, notes). */
function textsOf(e: Entity): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (k === 'id' || k === 'kind' || k.endsWith('By') || k.endsWith('At')) continue;
    if (typeof v === 'string' && v) out.push(v);
    else if (Array.isArray(v)) for (const x of v) out.push(typeof x === 'string' ? x : Object.values(x as Record<string, unknown>).filter((y) => typeof y === 'string').join(' '));
  }
  return out;
}

/** The searchable body of one entity: identifiers with their scheme, texts, links. */
export function entitySearchBody(e: Entity, links: string[]): string {
  const ids = strongIdentifiers(e)
    .filter((i) => !i.weak)
    .map((i) => {
      const scheme = i.scheme.split(':')[0]!;
      return scheme === 'iban' ? `iban ${i.value} ${i.value.match(/.{1,4}/g)!.join(' ')}` : `${scheme} ${i.value}`;
    });
  return [...ids, ...textsOf(e), ...links].join('\n');
}

/** Writes the entity rows of `search_fts` for one workspace database. */
export class EntitySearchWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      caseRowid: db.prepare('SELECT rowid FROM cases WHERE id = ?').pluck(),
      clearRange: db.prepare('DELETE FROM search_fts WHERE rowid >= ? AND rowid < ?'),
      insert: db.prepare("INSERT INTO search_fts (rowid, kind, case_id, record_id, title, body) VALUES (?, 'entity', ?, ?, ?, ?)"),
    };
  }

  /** Replaces case `caseId`'s entity rows with those of `doc`'s live entities. Runs inside the caller's transaction, after the case row is written. */
  writeCase(caseId: string, doc: CaseDoc): void {
    const caseRowid = this.s.caseRowid.get(caseId) as number | undefined;
    if (caseRowid === undefined) return;
    const base = ENTITY_ROWID_BASE + caseRowid * PER_CASE;
    this.s.clearRange.run(base, base + PER_CASE);
    const entities = doc.listEntities();
    if (!entities.length) return;
    const names = new Map(entities.map((e) => [e.id, entityLabel(e)]));
    const linkTexts = new Map<string, string[]>();
    const push = (id: string, text: string): void => void linkTexts.set(id, [...(linkTexts.get(id) ?? []), text]);
    for (const l of doc.listLinks()) {
      const to = names.get(l.to) ?? doc.getSeizure(l.to)?.commodity ?? '';
      const text = [l.relationship.replace(/-/g, ' '), to, l.source, l.note].filter(Boolean).join(' ');
      push(l.from, text);
      if (names.has(l.to)) push(l.to, [l.relationship.replace(/-/g, ' '), names.get(l.from), l.source].filter(Boolean).join(' '));
    }
    entities.slice(0, PER_CASE).forEach((e, i) => {
      this.s.insert.run(base + i, caseId, e.id, entityLabel(e), entitySearchBody(e, linkTexts.get(e.id) ?? []));
    });
  }
}
