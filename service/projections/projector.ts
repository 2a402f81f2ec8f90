/**
 * Projections: the relational `cases` and `seizures` tables and the `search_fts` index,
 * derived from case docs (migrations/003_projections.sql). `project` applies one transaction's
 * change incrementally; `rebuild` recomputes everything from the docs. Both go through
 * {@link writeCase}/{@link writeSeizure}, so a rebuild equals the incremental result (tested).
 *
 * Each projection of a case also rewrites its links to other cases (`case_links`, case-link-index.ts).
 *
 * Deleted seizures (tombstones, moved ones left out) go to `deleted_seizures`
 * (deleted-seizure-index.ts) as their live row leaves `seizures`; a restored one moves back.
 *
 * A case's FTS row also carries its tasks and its evidence (exhibits and custody holders and
 * places, evidence-search.ts).
 *
 * Volume docs (shared/docs/volume-doc.ts) hold a case's seizures beyond the case doc: their seizures
 * are projected under their case's id ({@link projectVolume}, and {@link projectAll} / {@link rebuild}
 * with the case's listed volumes), so tables, maps, counts and search see every volume. Each
 * seizure row names the doc that holds it (`doc`, migration 010): the case doc or the volume doc.
 *
 * FTS rows are addressed by rowid: a seizure's FTS rowid is its `seizures` rowid; a case's is the
 * negated `cases` rowid, so deletes are index lookups, not scans.
 */
import type * as Y from 'yjs';
import type { Db } from '../../node/store/sqlite';
import { CaseDoc, type CaseDocChange } from '../../shared/docs/case-doc';
import { caseDocName, parseDocName, volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import { CaseNotes } from '../../shared/docs/case-notes';
import { CaseTasks } from '../../shared/docs/case-tasks';
import { reviewFlagsText, type Seizure } from '../../shared/domain/seizure';
import type { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import { IdentifierIndexWriter } from './identifier-index';
import { EntitySearchWriter } from './entity-search';
import { evidenceSearchText } from './evidence-search';
import { CaseLinkIndexWriter } from './case-link-index';
import { DeletedSeizureIndex } from './deleted-seizure-index';

/** Writes projections for one workspace database. */
export class Projector {
  private readonly db: Db;
  private readonly workspaceId: string;
  private readonly s;
  /** The cross-case identifier index, rewritten per case with the case row. */
  private readonly identifiers: IdentifierIndexWriter;
  /** The case's entities in the FTS index (entity-search.ts), rewritten per case with the case row. */
  private readonly entitySearch: EntitySearchWriter;
  /** The case's links to other cases (case-link-index.ts), rewritten per case with the case row. */
  private readonly caseLinks: CaseLinkIndexWriter;
  /** The deleted seizures (deleted-seizure-index.ts), written beside every seizure row. */
  private readonly deleted: DeletedSeizureIndex;
  /** Bumped by every write of the projection (caches of derived answers, e.g. service/map/, compare it). */
  private writes = 0;

  /** A number that changes whenever this projection is written (never the same for two different contents). */
  get version(): number {
    return this.writes;
  }

  constructor(db: Db, workspaceId: string) {
    this.db = db;
    this.workspaceId = workspaceId;
    this.identifiers = new IdentifierIndexWriter(db);
    this.entitySearch = new EntitySearchWriter(db);
    this.caseLinks = new CaseLinkIndexWriter(db);
    this.deleted = new DeletedSeizureIndex(db);
    this.s = {
      upsertCase: db.prepare(
        `INSERT INTO cases (id, doc_name, number, title, status, sector, tlp, lead_agency, jurisdictions, opened_on, summary, seizure_count, mapped_count, route_count, updated_at, updated_by,
           severity, assignee, tags, closed_on, resolution, notes)
         VALUES (@id, @doc_name, @number, @title, @status, @sector, @tlp, @lead_agency, @jurisdictions, @opened_on, @summary, 0, 0, @route_count, @updated_at, @updated_by,
           @severity, @assignee, @tags, @closed_on, @resolution, @notes)
         ON CONFLICT (id) DO UPDATE SET number = excluded.number, title = excluded.title, status = excluded.status, sector = excluded.sector, tlp = excluded.tlp,
           lead_agency = excluded.lead_agency, jurisdictions = excluded.jurisdictions, opened_on = excluded.opened_on, summary = excluded.summary,
           severity = excluded.severity, assignee = excluded.assignee, tags = excluded.tags, closed_on = excluded.closed_on, resolution = excluded.resolution, notes = excluded.notes,
           route_count = excluded.route_count, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ),
      caseRowid: db.prepare('SELECT rowid FROM cases WHERE id = ?').pluck(),
      counts: db.prepare(CASE_COUNTS_SQL),
      // Positional parameters in SEIZURE_COLUMNS order (binding a 33-key object per row cost more than the insert).
      insertSeizure: db.prepare(`INSERT INTO seizures (${SEIZURE_COLUMNS.join(', ')}) VALUES (${SEIZURE_COLUMNS.map(() => '?').join(', ')})`),
      // An existing row is updated in place: its rowid (and so its FTS rowid) stays.
      updateSeizure: db.prepare(`UPDATE seizures SET ${SEIZURE_COLUMNS.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`),
      seizureRowid: db.prepare('SELECT rowid FROM seizures WHERE id = ?').pluck(),
      deleteSeizure: db.prepare('DELETE FROM seizures WHERE id = ?'),
      ftsDelete: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      ftsInsert: db.prepare('INSERT INTO search_fts (rowid, kind, case_id, record_id, title, body) VALUES (?, ?, ?, ?, ?, ?)'),
    };
  }

  /**
   * True once case `caseId` has a row in the projection (its meta has been projected). Durable:
   * it survives restarts, unlike anything a runtime remembers in memory.
   */
  isProjected(caseId: string): boolean {
    return this.s.caseRowid.get(caseId) !== undefined;
  }

  /** Applies one transaction's change of a case doc. */
  project(caseId: string, doc: CaseDoc, change: CaseDocChange): void {
    const run = this.db.transaction(() => {
      this.writeCase(caseId, doc);
      this.identifiers.writeCase(caseId, doc);
      this.entitySearch.writeCase(caseId, doc);
      this.caseLinks.writeCase(caseId, doc);
      const home = caseDocName(this.workspaceId, caseId);
      for (const id of change.seizureIds) {
        const live = doc.getSeizure(id);
        this.writeSeizure(caseId, home, id, live);
        this.deleted.write(caseId, home, id, live ? null : doc.getDeletedSeizure(id));
      }
      if (change.seizureIds.size) this.s.counts.run({ id: caseId });
    });
    this.writes += 1;
    run();
  }

  /**
   * Applies a change of volume `n` (`vol`) of case `caseId`: the seizures `ids` (added, changed or
   * deleted), their rows naming the volume doc in `doc`. Returns false, writing nothing, while the case itself is not projected yet (its
   * meta has not arrived): {@link projectAll} with a volume reader projects the volume then.
   */
  projectVolume(caseId: string, n: number, vol: VolumeDoc, ids: Iterable<string>): boolean {
    if (!this.isProjected(caseId)) return false;
    const home = volumeDocName(this.workspaceId, caseId, n);
    const run = this.db.transaction(() => {
      for (const id of ids) {
        const live = vol.getSeizure(id);
        this.writeSeizure(caseId, home, id, live);
        this.deleted.write(caseId, home, id, live ? null : vol.getDeletedSeizure(id));
      }
      this.s.counts.run({ id: caseId });
    });
    this.writes += 1;
    run();
    return true;
  }

  /**
   * Projects a whole case doc (all seizures), e.g. on first load or in a rebuild. `volume(n)`
   * reads the case's listed volume `n` (null when this replica has none yet); without it, rows
   * the case doc does not know are kept when the case lists volumes (they may be a volume's).
   */
  projectAll(caseId: string, doc: CaseDoc, volume?: (n: number) => VolumeDoc | null): void {
    const run = this.db.transaction(() => {
      this.writeCase(caseId, doc);
      this.identifiers.writeCase(caseId, doc);
      this.entitySearch.writeCase(caseId, doc);
      this.caseLinks.writeCase(caseId, doc);
      const live = new Set<string>();
      const known = new Set<string>(); // ids whose record (live or tombstone) was read here
      const caseHome = caseDocName(this.workspaceId, caseId);
      for (const s of doc.listSeizures()) {
        live.add(s.id);
        this.writeSeizure(caseId, caseHome, s.id, s);
      }
      const tombs = new Set<string>();
      for (const d of doc.listDeletedSeizures()) {
        tombs.add(d.seizure.id);
        this.deleted.write(caseId, caseHome, d.seizure.id, d);
      }
      const listed = listVolumes(doc.doc);
      let allRead = true;
      for (const n of listed) {
        const vol = volume?.(n) ?? null;
        if (!vol) {
          allRead = false;
          continue;
        }
        const home = volumeDocName(this.workspaceId, caseId, n);
        for (const s of vol.listSeizures()) {
          live.add(s.id);
          this.writeSeizure(caseId, home, s.id, s);
        }
        for (const id of vol.recordIds()) known.add(id);
        for (const d of vol.listDeletedSeizures()) {
          tombs.add(d.seizure.id);
          this.deleted.write(caseId, home, d.seizure.id, d);
        }
      }
      const stale = (this.db.prepare('SELECT id FROM seizures WHERE case_id = ?').pluck().all(caseId) as string[]).filter(
        (id) => !live.has(id) && (allRead || known.has(id) || doc.getSeizureEvenDeleted(id) !== null),
      );
      for (const id of stale) this.writeSeizure(caseId, '', id, null);
      // A deleted row whose seizure is live again, or (every doc read) no longer a tombstone anywhere.
      this.db.prepare('DELETE FROM deleted_seizures WHERE case_id = ? AND id IN (SELECT id FROM seizures WHERE case_id = ?)').run(caseId, caseId);
      if (allRead) {
        for (const id of this.db.prepare('SELECT id FROM deleted_seizures WHERE case_id = ?').pluck().all(caseId) as string[]) if (!tombs.has(id)) this.deleted.write(caseId, '', id, null);
      }
      this.s.counts.run({ id: caseId });
    });
    this.writes += 1;
    run();
  }

  /**
   * Drops every projection and rebuilds it from the case docs stored in `store`, in one
   * transaction (all or nothing) run as the identifier index's bulk load (its secondary index
   * built once at the end, identifier-index.ts). Returns the number of cases projected.
   */
  rebuild(store: SqliteDocLog, loadDoc: (name: string) => Y.Doc): number {
    const all = store.changedSince(0).map((h) => h.docName);
    const stored = new Set(all);
    const names = all
      .filter((n) => {
        const ref = parseDocName(n);
        return ref?.kind === 'case' && ref.workspaceId === this.workspaceId;
      });
    this.writes += 1;
    return this.identifiers.bulk(() => {
      this.identifiers.clear();
      this.caseLinks.clear();
      this.deleted.clear();
      this.db.exec('DELETE FROM search_fts; DELETE FROM seizures; DELETE FROM cases;');
      let n = 0;
      for (const name of names) {
        const ref = parseDocName(name);
        if (ref?.kind !== 'case') continue;
        const doc = loadDoc(name);
        const cd = new CaseDoc(doc);
        if (cd.isInitialised()) {
          const caseId = ref.caseId;
          this.projectAll(caseId, cd, (v) => (stored.has(volumeDocName(this.workspaceId, caseId, v)) ? new VolumeDoc(loadDoc(volumeDocName(this.workspaceId, caseId, v))) : null));
          n++;
        }
      }
      return n;
    });
  }

  private writeCase(caseId: string, doc: CaseDoc): void {
    const m = doc.readMeta();
    const summary = doc.readSummary();
    const notes = new CaseNotes(doc.doc).readText();
    // Migrated notes repeat the summary: index the text once.
    const text = notes.includes(summary) ? notes : [summary, notes].filter(Boolean).join('\n');
    const tasks = new CaseTasks(doc.doc).list().map((task) => `${task.title} ${task.agency}`.trim());
    this.s.upsertCase.run({
      id: caseId,
      doc_name: caseDocName(this.workspaceId, caseId),
      number: m.number,
      title: m.title,
      status: m.status,
      sector: m.sector,
      tlp: m.tlp,
      lead_agency: m.leadAgency,
      jurisdictions: JSON.stringify(m.jurisdictions),
      opened_on: m.openedOn,
      summary,
      severity: m.severity,
      assignee: m.assignee,
      tags: JSON.stringify(m.tags),
      closed_on: m.closedOn,
      resolution: m.resolution,
      notes,
      route_count: doc.listRoutes().length,
      updated_at: m.updatedAt,
      updated_by: m.updatedBy,
    });
    const rowid = this.s.caseRowid.get(caseId) as number;
    this.s.ftsDelete.run(-rowid);
    this.s.ftsInsert.run(-rowid, 'case', caseId, caseId, `${m.number} ${m.title}`, [m.leadAgency, text, m.jurisdictions.join(' '), m.participatingAgencies.join(' '), m.tags.join(' '), ...tasks, evidenceSearchText(doc.doc, m.number)].join('\n'));
  }

  /** Writes (or, for `s` null, removes) seizure `id`'s row; `doc` names the doc that holds it (the `doc` column, migration 010). */
  private writeSeizure(caseId: string, doc: string, id: string, s: Seizure | null): void {
    const prev = this.s.seizureRowid.get(id) as number | undefined;
    if (prev !== undefined) this.s.ftsDelete.run(prev);
    if (!s) {
      if (prev !== undefined) this.s.deleteSeizure.run(id);
      return;
    }
    const row = seizureRow(caseId, doc, id, s);
    let rowid: number;
    if (prev === undefined) rowid = Number(this.s.insertSeizure.run(row).lastInsertRowid);
    else {
      row.shift();
      row.push(prev);
      this.s.updateSeizure.run(row);
      rowid = prev;
    }
    this.s.ftsInsert.run(
      rowid,
      'seizure',
      caseId,
      id,
      `${s.commodity} ${s.taxon}`.trim(),
      [s.place, s.country, s.operation, s.seizingAgencies.join(' '), s.sourceTitle, s.notes, s.originCountries.join(' '), s.destinationCountries.join(' ')].join('\n'),
    );
  }
}

/**
 * Recounts case `@id`'s seizures and mapped seizures, after every projected transaction that
 * touched seizures. Both counts read only an index (`seizures_by_case`, and the partial
 * `seizures_mapped` of migration 015): a count that read the table cost ~1 s per 100,000 rows,
 * once per volume of an import (docs/architecture.md "P3").
 */
export const CASE_COUNTS_SQL =
  'UPDATE cases SET seizure_count = (SELECT COUNT(*) FROM seizures WHERE case_id = @id), mapped_count = (SELECT COUNT(*) FROM seizures WHERE case_id = @id AND latitude IS NOT NULL) WHERE id = @id';

/** The `seizures` columns the projection writes, `id` first; {@link seizureRow} gives their values in this order. */
const SEIZURE_COLUMNS = [
  'id', 'case_id', 'doc', 'seizure_date', 'date_precision', 'country', 'place', 'latitude', 'longitude', 'location_precision', 'sector', 'commodity', 'taxon', 'cites_appendix',
  'quantity', 'unit', 'origin', 'transit', 'destination', 'seizing_agencies', 'reported_value', 'reported_currency', 'operation', 'source_title', 'source_url', 'notes', 'updated_at', 'updated_by',
  'export_countries', 'missed_transit', 'concealment_method', 'transport_mode', 'detection_method',
  'review_flags',
] as const;

/** A list column's JSON: `[]` for an empty list (most of a seizure's lists) without serialising it. */
function jsonList(list: readonly string[]): string {
  return list.length ? JSON.stringify(list) : '[]';
}

/** Seizure `s`'s row of `seizures`, the values in {@link SEIZURE_COLUMNS} order; `doc` names the doc that holds it (migration 010). */
function seizureRow(caseId: string, doc: string, id: string, s: Seizure): unknown[] {
  return [
    id,
    caseId,
    doc,
    s.seizureDate,
    s.datePrecision,
    s.country,
    s.place,
    s.latitude,
    s.longitude,
    // The columns are NOT NULL (migration 003): '' stands for not reported (issue 11).
    s.locationPrecision ?? '',
    s.sector,
    s.commodity,
    s.taxon,
    s.citesAppendix,
    s.quantity,
    s.unit ?? '',
    jsonList(s.originCountries),
    jsonList(s.transitCountries),
    jsonList(s.destinationCountries),
    jsonList(s.seizingAgencies),
    s.reportedValue,
    s.reportedCurrency,
    s.operation,
    s.sourceTitle,
    s.sourceUrl,
    s.notes,
    s.updatedAt,
    s.updatedBy,
    // The seizure table's columns (migration 011); '' / '[]' stand for not reported.
    jsonList(s.exportCountries),
    jsonList(s.missedTransitCountries),
    s.concealmentMethod ?? '',
    s.transportMode ?? '',
    s.detectionMethod ?? '',
    // Open review flags (migration 014): the exports' JSON, '' when none.
    reviewFlagsText(s.reviewFlags),
  ];
}
