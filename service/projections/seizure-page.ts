/**
 * Pages of a case's seizures from the `seizures` projection (issue 11 item 4): the seizure
 * table, the case's counts and the pack dialog's seizure picker read here, so seizures held in
 * volume docs appear and a 100,000-seizure case is never read whole. The order and the text
 * filter are shared/domain/seizure-order.ts's, registered as SQL functions on the connection so
 * SQLite sorts, filters and pages with the very keys the renderer uses; only the value sort,
 * which needs the workspace's exchange rates, converts in JS (`usdOf`) and then reads the page.
 */
import type { Db } from '../../node/store/sqlite';
import type { QuantityUnit } from '../../shared/domain/codes';
import { reviewFlagsFromText } from '../../shared/domain/seizure';
import { commoditySortKey, filterWords, matchesFilter, placeSortKey, quantitySortKey } from '../../shared/domain/seizure-order';
import type { SeizurePage, SeizurePageQuery, SeizureRow } from '../../shared/rpc/cases';
import { periodBounds } from '../../shared/timeline/timeline';

/** The fields a value conversion reads. */
export interface ValueInput {
  readonly id: string;
  readonly seizureDate: string;
  readonly reportedValue: number | null;
  readonly reportedCurrency: string | null;
}

/** A seizure's reported value in USD at its date, or null (none, or no rate to convert it). */
export type UsdOf = (s: ValueInput) => number | null;

/** A `seizures` row as the page statement selects it. */
interface PageRow {
  id: string;
  seizure_date: string;
  date_precision: SeizureRow['datePrecision'];
  sector: SeizureRow['sector'];
  commodity: string;
  taxon: string;
  quantity: number | null;
  unit: string;
  place: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  reported_value: number | null;
  reported_currency: string | null;
  source_title: string;
  source_url: string;
  operation: string;
  seizing_agencies: string;
  origin: string;
  export_countries: string;
  transit: string;
  missed_transit: string;
  destination: string;
  concealment_method: string;
  transport_mode: string;
  detection_method: string;
  review_flags: string;
}

const ROW_COLUMNS =
  'id, seizure_date, date_precision, sector, commodity, taxon, quantity, unit, place, country, latitude, longitude, reported_value, reported_currency, source_title, source_url, operation, seizing_agencies, origin, export_countries, transit, missed_transit, destination, concealment_method, transport_mode, detection_method, review_flags';

/** The one mapping of a projection row to a table row ('' → null for coded fields). */
function toRow(r: PageRow): SeizureRow {
  return {
    id: r.id,
    seizureDate: r.seizure_date,
    datePrecision: r.date_precision,
    sector: r.sector,
    commodity: r.commodity,
    taxon: r.taxon,
    quantity: r.quantity,
    unit: (r.unit || null) as SeizureRow['unit'],
    place: r.place,
    country: r.country,
    latitude: r.latitude,
    longitude: r.longitude,
    reportedValue: r.reported_value,
    reportedCurrency: r.reported_currency,
    sourceTitle: r.source_title,
    sourceUrl: r.source_url,
    operation: r.operation,
    seizingAgencies: JSON.parse(r.seizing_agencies) as string[],
    originCountries: JSON.parse(r.origin) as string[],
    exportCountries: JSON.parse(r.export_countries) as string[],
    transitCountries: JSON.parse(r.transit) as string[],
    missedTransitCountries: JSON.parse(r.missed_transit) as string[],
    destinationCountries: JSON.parse(r.destination) as string[],
    concealmentMethod: (r.concealment_method || null) as SeizureRow['concealmentMethod'],
    transportMode: (r.transport_mode || null) as SeizureRow['transportMode'],
    detectionMethod: (r.detection_method || null) as SeizureRow['detectionMethod'],
    reviewFlags: reviewFlagsFromText(r.review_flags) ?? [],
  };
}

/** The ORDER BY of each SQL-sorted key (`DIR` replaced by ASC or DESC); ties by date then id. */
const ORDER: Record<Exclude<SeizurePageQuery['sortBy'], 'value'>, string> = {
  date: 'seizure_date DIR, id',
  place: 'nest_place_key(country, place) DIR, seizure_date, id',
  commodity: 'nest_lower(commodity) DIR, seizure_date, id',
  quantity: 'nest_qty_group(quantity, unit), nest_qty_value(quantity, unit) DIR, seizure_date, id',
};

/** The filter's SQL condition over a `seizures` row, given the words as a JSON array. */
const MATCH = 'nest_seizure_match(commodity, taxon, place, country, source_title, operation, seizing_agencies, ?)';
/** The same rule over the commodity and the species only (`match: 'commodity'`). */
const MATCH_COMMODITY = "nest_seizure_match(commodity, taxon, '', '', '', '', '[]', ?)";

/** Registers the shared order and filter as SQL functions on `db` (idempotent). */
function registerFunctions(db: Db): void {
  const opts = { deterministic: true };
  db.function('nest_place_key', opts, (country: unknown, place: unknown) => placeSortKey(String(country), String(place)));
  db.function('nest_lower', opts, (text: unknown) => commoditySortKey(String(text)));
  db.function('nest_qty_group', opts, (q: unknown, unit: unknown) => quantitySortKey(q as number | null, (unit || null) as QuantityUnit | null).group);
  db.function('nest_qty_value', opts, (q: unknown, unit: unknown) => quantitySortKey(q as number | null, (unit || null) as QuantityUnit | null).value);
  let lastWords = '';
  let words: string[] = [];
  db.function('nest_seizure_match', opts, (commodity: unknown, taxon: unknown, place: unknown, country: unknown, sourceTitle: unknown, operation: unknown, agencies: unknown, wordsJson: unknown) => {
    if (wordsJson !== lastWords) {
      lastWords = String(wordsJson);
      words = JSON.parse(lastWords) as string[];
    }
    const s = { commodity: String(commodity), taxon: String(taxon), place: String(place), country: String(country), sourceTitle: String(sourceTitle), operation: String(operation), seizingAgencies: JSON.parse(String(agencies)) as string[] };
    return matchesFilter(s, words) ? 1 : 0;
  });
}

/**
 * "Flagged for review" over the projection's `seizures` table (migration 014: `review_flags` is ''
 * when the seizure has no open flag): the SQL form of shared/domain/seizure.ts `isFlaggedForReview`,
 * read by the table's filter and the map's columns (queries.ts `mapColumns`).
 */
export const FLAGGED_SQL = "review_flags <> ''";

/** What a page asks for (the query without its workspace and case). */
export type PageParams = Pick<SeizurePageQuery, 'sortBy' | 'sortDir' | 'text' | 'sector' | 'offset' | 'limit' | 'ids' | 'period'> & Partial<Pick<SeizurePageQuery, 'match' | 'flagged'>>;

/**
 * The WHERE of a page over case `caseId`: the crime sector, "Flagged for review" (an open review flag, migration 014), the text filter's words, the `ids` look-up and the
 * timeline `period` (a prefix range of `seizure_date`, so the (case_id, seizure_date) index
 * answers it; shared/timeline/timeline.ts `periodBounds`).
 */
function condition(caseId: string, q: Pick<PageParams, 'text' | 'match' | 'sector' | 'ids' | 'period' | 'flagged'>): { where: string; args: unknown[] } {
  const parts = ['case_id = ?'];
  const args: unknown[] = [caseId];
  if (q.sector) {
    parts.push('sector = ?');
    args.push(q.sector);
  }
  if (q.flagged) parts.push(FLAGGED_SQL);
  const words = filterWords(q.text);
  if (words.length) {
    parts.push(q.match === 'commodity' ? MATCH_COMMODITY : MATCH);
    args.push(JSON.stringify(words));
  }
  if (q.ids) {
    parts.push('id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(q.ids));
  }
  if (q.period !== undefined) {
    const { prefix, yearOnly } = periodBounds(q.period);
    parts.push(`seizure_date >= ? AND seizure_date < ? AND date_precision ${yearOnly ? '=' : '<>'} 'year'`);
    args.push(prefix, `${prefix}~`);
  }
  return { where: parts.join(' AND '), args };
}

/** Paged reads of one workspace database's `seizures` projection. */
export class SeizurePages {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    registerFunctions(db);
  }

  /**
   * The page `q` of case `caseId`'s live seizures (of `q.sector` only, when given). `usdOf` converts reported values for the value
   * sort (read only then); a value it cannot convert sorts after every converted one, either way.
   */
  page(caseId: string, q: PageParams, usdOf: UsdOf): SeizurePage {
    const { where, args } = condition(caseId, q);
    const total = this.db.prepare(`SELECT COUNT(*) FROM seizures WHERE ${where}`).pluck().get(...args) as number;
    const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
    let rows: PageRow[];
    if (q.sortBy === 'value') {
      const ordered = this.valueOrder(where, args, q.sortDir, usdOf).slice(q.offset, q.offset + q.limit);
      const byId = new Map((this.db.prepare(`SELECT ${ROW_COLUMNS} FROM seizures WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ordered.map((o) => o.id))) as PageRow[]).map((r) => [r.id, r]));
      // Each row says the USD value it was sorted by, so the screen can show why the order is what it is.
      return { total, offset: q.offset, rows: ordered.map((o) => ({ ...toRow(byId.get(o.id)!), reportedUsd: o.usd })) };
    } else {
      const order = ORDER[q.sortBy].replace('DIR', dir);
      rows = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM seizures WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as PageRow[];
    }
    return { total, offset: q.offset, rows: rows.map(toRow) };
  }

  /**
   * The ids of case `caseId`'s live seizures that match `q` (the table's filter: text and
   * "Flagged for review"), unordered: a "select all shown" selection resolved when its bulk
   * action runs (service/seizures/seizure-selection.ts). Ids only, never rows.
   */
  matchingIds(caseId: string, q: Pick<PageParams, 'text'> & Partial<Pick<PageParams, 'flagged'>>): string[] {
    const { where, args } = condition(caseId, { text: q.text, flagged: q.flagged });
    return this.db.prepare(`SELECT id FROM seizures WHERE ${where}`).pluck().all(...args) as string[];
  }

  /** The matching rows' ids with their converted reported value (null: none or no rate), ordered by it (null last), ties by date then id. */
  private valueOrder(where: string, args: unknown[], dir: 'asc' | 'desc', usdOf: UsdOf): { id: string; usd: number | null }[] {
    const sign = dir === 'asc' ? 1 : -1;
    const all = this.db.prepare(`SELECT id, seizure_date, reported_value, reported_currency FROM seizures WHERE ${where}`).all(...args) as Pick<PageRow, 'id' | 'seizure_date' | 'reported_value' | 'reported_currency'>[];
    const keyed = all.map((r) => ({ id: r.id, date: r.seizure_date, usd: usdOf({ id: r.id, seizureDate: r.seizure_date, reportedValue: r.reported_value, reportedCurrency: r.reported_currency }) }));
    keyed.sort((a, b) => {
      if (a.usd === null || b.usd === null) return (a.usd === null ? 1 : 0) - (b.usd === null ? 1 : 0) || cmp(a.date, b.date) || cmp(a.id, b.id);
      return sign * (a.usd - b.usd) || cmp(a.date, b.date) || cmp(a.id, b.id);
    });
    return keyed;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
