/**
 * Typed reads of the projection tables (`cases`, `seizures`, `search_fts`,
 * migrations/003_projections.sql). With the writer (projector.ts) this is the only code that runs
 * SQL on those tables: handlers and the valuation code ask here, so a change of the tables'
 * layout touches this folder only. Each row is mapped to its domain shape in one place
 * ({@link toCaseSummary}, {@link toProjectedSeizure}).
 */
import { DeletedSeizurePages, type ProjectedDeletedSeizure } from './deleted-seizure-queries';
import type { Db } from '../../node/store/sqlite';
import type Database from 'better-sqlite3';
import type { CaseStatus, CrimeSector, DatePrecision, QuantityUnit, Tlp } from '../../shared/domain/codes';
import { NestError } from '../../shared/errors';
import { SEARCH_KINDS, type CaseSummary, type MapPoint, type SearchGroup, type SearchHit } from '../../shared/rpc/cases';
import { ftsQuery } from './fts-query';
import { FLAGGED_SQL, SeizurePages, type PageParams, type UsdOf } from './seizure-page';
import { reviewFlagsFromText, type ReviewFlag } from '../../shared/domain/seizure';
import { caseSeizureStats, seizurePeriodCounts } from './seizure-stats';
import type { CaseStats, PeriodCount } from '../../shared/rpc/case-stats';
import type { SeizurePage } from '../../shared/rpc/cases';

interface CaseRow {
  id: string;
  doc_name: string;
  number: string;
  title: string;
  status: CaseStatus;
  sector: CrimeSector;
  tlp: Tlp;
  lead_agency: string;
  jurisdictions: string;
  opened_on: string;
  severity: number;
  assignee: string;
  tags: string;
  closed_on: string;
  resolution: string;
  seizure_count: number;
  mapped_count: number;
  updated_at: number;
  updated_by: string;
}

interface SeizureRow {
  id: string;
  case_id: string;
  seizure_date: string;
  date_precision: DatePrecision;
  sector: CrimeSector;
  commodity: string;
  taxon: string;
  quantity: number | null;
  unit: QuantityUnit | '';
  place: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  reported_value: number | null;
  reported_currency: string | null;
  source_title: string;
  review_flags: string;
}

/** A seizure as the `seizures` projection holds it (the fields lists, maps and valuations read). */
export interface ProjectedSeizure {
  readonly id: string;
  readonly caseId: string;
  /** YYYY-MM-DD (or a shorter prefix, see datePrecision). */
  readonly seizureDate: string;
  readonly datePrecision: DatePrecision;
  readonly sector: CrimeSector;
  readonly commodity: string;
  readonly taxon: string;
  readonly quantity: number | null;
  /** Null when no quantity was reported. */
  readonly unit: QuantityUnit | null;
  readonly place: string;
  /** ISO 3166-1 alpha-2, or ''. */
  readonly country: string;
  /** WGS84 degrees; null when the seizure has no coordinates. */
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly reportedValue: number | null;
  readonly reportedCurrency: string | null;
  readonly sourceTitle: string;
  /** Open review flags (shared/domain/seizure.ts); absent when none. */
  readonly reviewFlags?: ReviewFlag[];
}

/**
 * The mapped seizures of a scope as columns ({@link ProjectionQueries.mapColumns}): entry `r` of
 * every column is seizure `r`, in date order (then id). Coordinates are degrees.
 */
export interface MapColumns {
  ids: string[];
  caseIds: string[];
  dates: string[];
  sectors: CrimeSector[];
  commodities: string[];
  taxa: string[];
  /** Place names ('' where none). */
  places: string[];
  countries: string[];
  /** 1 where the seizure is flagged for review (seizure-page.ts `FLAGGED_SQL`), else 0. */
  flagged: Uint8Array;
  latitudes: Float64Array;
  longitudes: Float64Array;
}

/** Filters and order of {@link ProjectionQueries.listCases} (the `cases.list` params). */
export interface CaseListQuery {
  sector?: CrimeSector | undefined;
  status?: CaseStatus | undefined;
  /** Severity 1–4. */
  severity?: number | undefined;
  /** A member id; '' for the unassigned cases. */
  assignee?: string | undefined;
  /** One tag (lower-case). */
  tag?: string | undefined;
  /** Free text, matched through the FTS index (cases with a matching case or seizure). */
  text?: string | undefined;
  /** TLP marking (CLEAR, GREEN, AMBER, AMBER+STRICT, RED). */
  tlp?: string | undefined;
  /** A lead agency, matched case-insensitively as a whole name. */
  agency?: string | undefined;
  /** A column key of {@link SORT_COLUMNS}; unknown keys sort by number. */
  sortBy: string;
  sortDir: 'asc' | 'desc';
}

const SORT_COLUMNS: Record<string, string> = {
  number: 'number',
  title: 'title COLLATE NOCASE',
  status: 'status',
  sector: 'sector',
  openedOn: 'opened_on',
  updatedAt: 'updated_at',
  seizureCount: 'seizure_count',
  mappedCount: 'mapped_count',
  leadAgency: 'lead_agency COLLATE NOCASE',
  severity: 'severity',
  assignee: 'assignee',
  // TLP 2.0 from least to most restricted.
  tlp: "CASE tlp WHEN 'CLEAR' THEN 0 WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END",
};

const SEIZURE_COLUMNS =
  'id, case_id, seizure_date, date_precision, sector, commodity, taxon, quantity, unit, place, country, latitude, longitude, reported_value, reported_currency, source_title, review_flags';

/**
 * A search row as the raw statement returns it: kind, case_id, record_id, title, the title with
 * matches marked (char 2 … char 3), the body's snippet, the case number ('' when none).
 */
type HitRow = [SearchHit['kind'], string, string, string, string, string, string];
/** Number of columns of a {@link HitRow}. */
const HIT_COLUMNS = 7;
/** A search row of the grouped search: a {@link HitRow} then its FTS5 rank (lower is better). */
type RankedHitRow = [...HitRow, number];

/** The one mapping of a search row to its hit. */
function toSearchHit(r: HitRow | RankedHitRow): SearchHit {
  return { kind: r[0], caseId: r[1], caseNumber: r[6], recordId: r[2], title: r[3], titleMarked: r[4], snippet: r[5] };
}

/** The one mapping of a `cases` row to its summary. */
function toCaseSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    docName: r.doc_name,
    number: r.number,
    title: r.title,
    status: r.status,
    sector: r.sector,
    tlp: r.tlp,
    leadAgency: r.lead_agency,
    jurisdictions: JSON.parse(r.jurisdictions) as string[],
    openedOn: r.opened_on,
    severity: r.severity,
    assignee: r.assignee,
    tags: JSON.parse(r.tags) as string[],
    closedOn: r.closed_on,
    resolution: r.resolution,
    seizureCount: r.seizure_count,
    mappedCount: r.mapped_count,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** The one mapping of a `seizures` row to a seizure. */
function toProjectedSeizure(r: SeizureRow): ProjectedSeizure {
  return {
    id: r.id,
    caseId: r.case_id,
    seizureDate: r.seizure_date,
    datePrecision: r.date_precision,
    sector: r.sector,
    commodity: r.commodity,
    taxon: r.taxon,
    quantity: r.quantity,
    unit: r.unit || null,
    place: r.place,
    country: r.country,
    latitude: r.latitude,
    longitude: r.longitude,
    reportedValue: r.reported_value,
    reportedCurrency: r.reported_currency,
    sourceTitle: r.source_title,
    // Absent when none (as on a stored seizure); an unreadable cell is left out, never guessed at.
    ...optionalFlags(reviewFlagsFromText(r.review_flags)),
  };
}

/** `{ reviewFlags }` when `flags` has any, else nothing. */
function optionalFlags(flags: ReviewFlag[] | null): { reviewFlags?: ReviewFlag[] } {
  return flags?.length ? { reviewFlags: flags } : {};
}

/** Read-only queries over one workspace database's projection tables. */
export class ProjectionQueries {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Cases matching `q`, in its order (ties by number, newest first). */
  listCases(q: CaseListQuery): CaseSummary[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.sector) {
      where.push('sector = ?');
      args.push(q.sector);
    }
    if (q.status) {
      where.push('status = ?');
      args.push(q.status);
    }
    if (q.severity !== undefined) {
      where.push('severity = ?');
      args.push(q.severity);
    }
    if (q.assignee !== undefined) {
      where.push('assignee = ?');
      args.push(q.assignee);
    }
    if (q.tag) {
      where.push('EXISTS (SELECT 1 FROM json_each(cases.tags) WHERE value = ?)');
      args.push(q.tag.toLowerCase());
    }
    this.addListFilters(q, where, args);
    const fts = q.text ? ftsQuery(q.text) : null;
    if (fts) {
      where.push('id IN (SELECT case_id FROM search_fts WHERE search_fts MATCH ?)');
      args.push(fts);
    }
    const order = `${SORT_COLUMNS[q.sortBy] ?? 'number'} ${q.sortDir === 'asc' ? 'ASC' : 'DESC'}, number DESC`;
    const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`;
    return (this.db.prepare(sql).all(...args) as CaseRow[]).map(toCaseSummary);
  }

  /** The TLP and agency filters of the case list (issue 12), appended to `where`/`args`. */
  private addListFilters(q: CaseListQuery, where: string[], args: unknown[]): void {
    if (q.tlp) {
      where.push('tlp = ?');
      args.push(q.tlp);
    }
    if (q.agency) {
      // The lead agency is a column; participating agencies are only in the case's FTS body, so the lead agency is what is matched.
      where.push('lower(lead_agency) = lower(?)');
      args.push(q.agency.trim());
    }
  }

  /**
   * One case's summary.
   * @throws NestError('not-found') when the case is not projected in this workspace.
   */
  getCase(caseId: string): CaseSummary {
    const row = this.db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
    if (!row) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
    return toCaseSummary(row);
  }

  /** Number of cases this machine holds. */
  caseCount(): number {
    return this.db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;
  }

  /** Ids of every case, by case number. */
  caseIds(): string[] {
    return this.db.prepare('SELECT id FROM cases ORDER BY number').pluck().all() as string[];
  }

  /** Case numbers that start with `prefix` (e.g. "NEST-2026-"). */
  caseNumbersStartingWith(prefix: string): string[] {
    return this.db.prepare('SELECT number FROM cases WHERE number LIKE ?').pluck().all(`${prefix}%`) as string[];
  }

  /** A case's live seizures, by date then id. */
  caseSeizures(caseId: string): ProjectedSeizure[] {
    return (this.db.prepare(`SELECT ${SEIZURE_COLUMNS} FROM seizures WHERE case_id = ? ORDER BY seizure_date, id`).all(caseId) as SeizureRow[]).map(toProjectedSeizure);
  }

  /**
   * The doc that holds each of `ids` among case `caseId`'s projected seizures (the `doc` column,
   * migration 010; deleted seizures' from `deleted_seizures`): a case doc or volume doc name. Ids not projected under the case, and rows
   * whose doc is not recorded yet (''), are absent from the map.
   */
  seizureDocs(caseId: string, ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    const stmt = this.db.prepare(
      `SELECT id, doc FROM seizures WHERE case_id = ? AND doc <> '' AND id IN (SELECT value FROM json_each(?))
       UNION ALL SELECT id, doc FROM deleted_seizures WHERE case_id = ? AND doc <> '' AND id IN (SELECT value FROM json_each(?))`,
    ).raw();
    const list = JSON.stringify(ids);
    for (const [id, doc] of stmt.all(caseId, list, caseId, list) as [string, string][]) out.set(id, doc);
    return out;
  }

  /** Paged reads of the deleted seizures (deleted-seizure-queries.ts), made on first use. */
  private deletedPages: DeletedSeizurePages | null = null;

  /** Rows `offset`… (at most `limit`) of case `caseId`'s deleted seizures, newest first, and their number. */
  deletedSeizurePage(caseId: string, offset: number, limit: number): { total: number; rows: ProjectedDeletedSeizure[] } {
    this.deletedPages ??= new DeletedSeizurePages(this.db);
    return this.deletedPages.page(caseId, offset, limit);
  }

  /** Paged reads of the seizure table (seizure-page.ts), made on first use. */
  private pages: SeizurePages | null = null;

  /**
   * A sorted, filtered page of case `caseId`'s live seizures (the seizure table, seizure-page.ts);
   * `usdOf` converts reported values for the value sort.
   */
  seizurePage(caseId: string, q: PageParams, usdOf: UsdOf): SeizurePage {
    this.pages ??= new SeizurePages(this.db);
    return this.pages.page(caseId, q, usdOf);
  }

  /** The ids of case `caseId`'s live seizures matching the table's filter (seizure-page.ts `matchingIds`). */
  seizureIdsMatching(caseId: string, q: { text: string; flagged?: boolean }): string[] {
    this.pages ??= new SeizurePages(this.db);
    return this.pages.matchingIds(caseId, q);
  }

  /** Key figures of case `caseId`'s live seizures, case doc and volumes alike (seizure-stats.ts). */
  seizureStats(caseId: string): CaseStats {
    return caseSeizureStats(this.db, caseId);
  }

  /** Case `caseId`'s live seizures counted per timeline period, in timeline order (seizure-stats.ts). */
  seizurePeriods(caseId: string): PeriodCount[] {
    return seizurePeriodCounts(this.db, caseId);
  }

  /** Seizures with coordinates (of one case, or of all), by date, as map points. */
  mapPoints(caseId?: string): MapPoint[] {
    const rows = this.db
      .prepare(`SELECT ${SEIZURE_COLUMNS} FROM seizures WHERE latitude IS NOT NULL AND longitude IS NOT NULL ${caseId ? 'AND case_id = ?' : ''} ORDER BY seizure_date`)
      .all(...(caseId ? [caseId] : [])) as SeizureRow[];
    return rows.map((row): MapPoint => {
      const { latitude, longitude, ...rest } = toProjectedSeizure(row);
      return { ...rest, latitude: latitude!, longitude: longitude! };
    });
  }

  /**
   * The mapped seizures (of one case, or of all) as columns, by date (then id), for the data
   * service's map index (service/map/map-index.ts): only what clustering, filters and filter lists
   * read; a popup's fields are read by id ({@link mapPointsByIds}).
   */
  mapColumns(caseId?: string): MapColumns {
    // One row of JSON arrays instead of a JS row per seizure: at 100,000 seizures making the rows
    // cost ~5x the scan (docs/map.md "Cold build"). A full scan, not the (case, date) index: a
    // large case is most of the table, and 100,000 index look-ups were ~10x slower than the scan.
    const row = this.db
      .prepare(
        `SELECT json_group_array(id), json_group_array(case_id), json_group_array(seizure_date), json_group_array(sector), json_group_array(commodity),
                json_group_array(taxon), json_group_array(country), json_group_array(latitude), json_group_array(longitude), json_group_array(flagged), json_group_array(place)
         FROM (SELECT id, case_id, seizure_date, sector, commodity, taxon, country, latitude, longitude, (${FLAGGED_SQL}) AS flagged, place FROM seizures NOT INDEXED WHERE latitude IS NOT NULL AND longitude IS NOT NULL ${caseId ? 'AND case_id = ?' : ''} ORDER BY seizure_date, id)`,
      )
      .raw()
      .get(...(caseId ? [caseId] : [])) as string[];
    const col = (i: number): string[] => JSON.parse(row[i]!) as string[];
    return {
      ids: col(0),
      caseIds: col(1),
      dates: col(2),
      sectors: col(3) as CrimeSector[],
      commodities: col(4),
      taxa: col(5),
      places: col(10),
      countries: col(6),
      latitudes: Float64Array.from(JSON.parse(row[7]!) as number[]),
      longitudes: Float64Array.from(JSON.parse(row[8]!) as number[]),
      flagged: Uint8Array.from(JSON.parse(row[9]!) as number[]),
    };
  }

  /** The map points of the seizures `ids` that have coordinates, in the order of `ids` (an unknown or unmapped id is left out). */
  mapPointsByIds(ids: readonly string[]): MapPoint[] {
    if (!ids.length) return [];
    const rows = this.db
      .prepare(`SELECT ${SEIZURE_COLUMNS} FROM seizures WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as SeizureRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const out: MapPoint[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      const { latitude, longitude, ...rest } = toProjectedSeizure(row);
      out.push({ ...rest, latitude: latitude!, longitude: longitude! });
    }
    return out;
  }

  /**
   * Full-text search over cases, seizures and entities, best first (FTS5 bm25 rank), at most
   * `limit` hits; [] for a text with no searchable word. `hidden`: ids of cases the caller may
   * not read, left out before the limit is applied (so their hits never push out readable ones).
   */
  search(text: string, limit: number, hidden: readonly string[] = []): SearchHit[] {
    const q = ftsQuery(text);
    if (!q) return [];
    return (this.searchStatement(false, limit, hidden.length > 0).all(...searchArgs(q, null, hidden)) as HitRow[]).map(toSearchHit);
  }

  /**
   * The same search grouped by kind: at most `limitPerKind` hits of each kind, best first, the
   * groups ordered by their best hit's rank (kinds without a hit left out). `hidden` as for
   * {@link search}: a hidden case's hits neither fill a group nor decide the groups' order.
   */
  searchGrouped(text: string, limitPerKind: number, hidden: readonly string[] = []): SearchGroup[] {
    const q = ftsQuery(text);
    if (!q) return [];
    const st = this.searchStatement(true, limitPerKind, hidden.length > 0);
    const groups: (SearchGroup & { best: number })[] = [];
    for (const kind of SEARCH_KINDS) {
      const rows = st.all(...searchArgs(q, kind, hidden)) as RankedHitRow[];
      if (rows.length) groups.push({ kind, hits: rows.map(toSearchHit), best: rows[0]![HIT_COLUMNS] });
    }
    return groups.sort((a, b) => a.best - b.best).map(({ kind, hits }) => ({ kind, hits }));
  }

  /** The search statements by kind filter and limit, each prepared once (compiling one per keystroke cost more than the query: bench S1). */
  private readonly searchStatements = new Map<string, Database.Statement<unknown[]>>();

  /**
   * The search statement with the LIMIT written as a literal: FTS5 is then told the limit when
   * the query is planned and keeps only the best rows while ranking, where a bound `LIMIT ?`
   * leaves it to sort every match (bench S1: a fifth of a query's time at 50 hits). `limit` is an
   * integer (the RPC schemas bound it to 1–200), so there is at most one statement per limit.
   * `search` does not select `rank`: reading FTS5's rank column costs about a third of the query
   * again; only the grouped search needs the value, to order its groups.
   */
  private searchStatement(byKind: boolean, limit: number, withHidden: boolean): Database.Statement<unknown[]> {
    const n = Math.max(0, Math.floor(limit));
    const key = `${byKind ? 'kind' : 'all'}:${n}:${withHidden ? 'h' : ''}`;
    let st = this.searchStatements.get(key);
    if (!st) {
      // Raw rows (arrays): cheaper than better-sqlite3's row objects, mapped once by toSearchHit.
      st = this.db
        .prepare(
          `SELECT f.kind, f.case_id, f.record_id, f.title, highlight(search_fts, 3, char(2), char(3)), snippet(search_fts, 4, char(2), char(3), '…', 12),
             COALESCE(c.number, '')${byKind ? ', f.rank' : ''}
           FROM search_fts f LEFT JOIN cases c ON c.id = f.case_id WHERE search_fts MATCH ? ${byKind ? 'AND f.kind = ?' : ''}
           ${withHidden ? 'AND f.case_id NOT IN (SELECT value FROM json_each(?))' : ''} ORDER BY f.rank LIMIT ${n}`,
        )
        .raw();
      this.searchStatements.set(key, st);
    }
    return st;
  }
}

/** The search statement's parameters: the FTS query, the kind (grouped search) and the hidden case ids as a JSON array. */
function searchArgs(q: string, kind: string | null, hidden: readonly string[]): unknown[] {
  return [q, ...(kind === null ? [] : [kind]), ...(hidden.length ? [JSON.stringify(hidden)] : [])];
}
