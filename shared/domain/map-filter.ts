/**
 * The map's filter rule, declared once for the renderer (small sets, filtered in the page) and the
 * data service (large sets, clustered on the service, service/map/): which seizure passes a filter
 * (date range, hidden sectors, commodity, country, case, species), and the time slider's steps
 * (whole months from the first seizure to the last). "Flagged for review only" keeps the seizures with an
 * open review flag (shared/domain/seizure.ts `isFlaggedForReview`, the seizure table's filter). Seizure dates are ISO strings (`YYYY-MM-DD`,
 * or shorter at a coarser precision), compared as text: a month-precision `2019-06` falls within June.
 */
import type { CrimeSector } from './codes';
import { countryLabel } from './iso';
import { arcEdges, shortestArc, wrapLongitude } from '../geo/antimeridian';

/** A map filter as the rule reads it. Empty strings and an empty set mean "any". */
export interface MapFilterRule {
  /** Inclusive ISO date (`YYYY-MM-DD`) bounds; '' for open. */
  from: string;
  to: string;
  /** Sectors hidden through the legend. */
  hiddenSectors: { has(sector: CrimeSector): boolean; readonly size: number };
  commodity: string;
  /** ISO 3166 alpha-2. */
  country: string;
  caseId: string;
  /** Scientific name (taxon), compared case-insensitively. */
  taxon: string;
  /** Only seizures flagged for review (the seizure table's "Flagged for review" filter). */
  flaggedOnly: boolean;
}

/** The fields of a seizure the filter reads. */
export interface FilterableSeizure {
  sector: CrimeSector;
  commodity: string;
  country: string;
  caseId: string;
  seizureDate: string;
}

/** True when `f` restricts nothing. */
export function isEmptyMapFilter(f: MapFilterRule): boolean {
  return !f.from && !f.to && !f.hiddenSectors.size && !f.commodity && !f.country && !f.caseId && !f.taxon && !f.flaggedOnly;
}

/** True when `date` (ISO, any precision) lies within [from, to]; a coarser date passes when its period overlaps. */
export function dateWithin(date: string, from: string, to: string): boolean {
  if (from && date < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

/**
 * True when seizure `p`, whose taxon is `taxon` ('' when unknown) and which is `flagged` for review
 * or not (`isFlaggedForReview`; the data service reads it from the projection's column), passes `f`.
 */
export function passesMapFilter(p: FilterableSeizure, taxon: string, flagged: boolean, f: MapFilterRule): boolean {
  return (
    !f.hiddenSectors.has(p.sector) &&
    (!f.flaggedOnly || flagged) &&
    (!f.commodity || p.commodity === f.commodity) &&
    (!f.country || p.country === f.country) &&
    (!f.caseId || p.caseId === f.caseId) &&
    (!f.taxon || taxon.toLowerCase() === f.taxon.toLowerCase()) &&
    dateWithin(p.seizureDate, f.from, f.to)
  );
}

/** The fields of a route the filter reads: its per-point times (epoch ms, null for an untimed point), if any. */
export interface FilterableRoute {
  times?: readonly (number | null)[] | undefined;
}

/** A route's period: its first and last point time (epoch ms), or null when no point is timed. */
export function routePeriod(r: FilterableRoute): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const ms of r.times ?? []) {
    if (ms === null) continue;
    if (ms < start) start = ms;
    if (ms > end) end = ms;
  }
  return start <= end ? { start, end } : null;
}

/** The UTC dates (`YYYY-MM-DD`) of a route's first and last timed point; empty when none is timed. */
export function routeDates(r: FilterableRoute): string[] {
  const p = routePeriod(r);
  return p ? [new Date(p.start).toISOString().slice(0, 10), new Date(p.end).toISOString().slice(0, 10)] : [];
}

/**
 * True when route `r` is shown under `f`'s date range: its period (UTC days) overlaps [from, to].
 * A route with no timed point is always shown (the legend says so); the other filters (sector,
 * commodity, country, taxon, flag) are about seizures and do not hide routes.
 */
export function routePassesMapFilter(r: FilterableRoute, f: Pick<MapFilterRule, 'from' | 'to'>): boolean {
  const d = routeDates(r);
  if (!d.length) return true;
  return (!f.from || d[1]! >= f.from) && (!f.to || d[0]! <= f.to);
}

/** The time slider's steps: the first day of each month from the earliest to the latest seizure. */
export interface TimeSteps {
  /** `YYYY-MM-01` of each month, oldest first; empty when no seizure has a date. */
  months: string[];
}

/** The months spanned by `dates` (`YYYY-MM…`); dates that do not start with a year and month are ignored unless none does (then whole years). */
export function timeStepsOf(dates: Iterable<string>): TimeSteps {
  let min = '';
  let max = '';
  let minYear = '';
  let maxYear = '';
  for (const d of dates) {
    const m = /^(\d{4})-(\d{2})/.exec(d);
    if (m) {
      const ym = `${m[1]}-${m[2]}`;
      if (!min || ym < min) min = ym;
      if (!max || ym > max) max = ym;
    } else {
      const y = /^\d{4}/.exec(d)?.[0];
      if (y && (!minYear || y < minYear)) minYear = y;
      if (y && (!maxYear || y > maxYear)) maxYear = y;
    }
  }
  if (!min) {
    if (!minYear) return { months: [] };
    min = `${minYear}-01`;
    max = `${maxYear}-12`;
  }
  const months: string[] = [];
  let [y, mo] = min.split('-').map(Number) as [number, number];
  const [ey, em] = max.split('-').map(Number) as [number, number];
  while (y < ey || (y === ey && mo <= em)) {
    months.push(`${y}-${String(mo).padStart(2, '0')}-01`);
    mo += 1;
    if (mo > 12) {
      mo = 1;
      y += 1;
    }
  }
  return { months };
}

/** The map's deepest zoom; clusters are still formed there (they are then co-located seizures). */
export const CLUSTER_MAX_ZOOM = 13;
/** Diameter in px of the largest cluster bubble drawn (renderer/src/map/cluster-icon.ts). */
export const CLUSTER_MAX_DIAMETER_PX = 54;
/**
 * Cluster radius in screen pixels: points nearer than this at a zoom are counted together. At
 * least the largest bubble, so bubbles do not cover each other (issue 11: at 40 px of a 512-px
 * tile, i.e. 20 screen px, dozens overlapped), with half again as margin because a cluster is
 * drawn at its points' mean, not where it was seeded. Measured 7 Dec 2026 (zooms 3–11): on the
 * tester's 30,000-point grid 54 px left up to 5 overlapping pairs per zoom; on a 200 × 150 grid
 * 0.05° apart 64 and 74 px still left one pair at zoom 4; 81 px none on either.
 */
export const CLUSTER_RADIUS_PX = Math.round(1.5 * CLUSTER_MAX_DIAMETER_PX);
/** Leaflet's tile size in px: supercluster's `extent`, so its radius is in the map's screen pixels (its default, 512, halves it). */
export const CLUSTER_TILE_PX = 256;

/**
 * Where the map's clusters are cut (F6, session 27): supercluster's plane ends at ±180°, so seizures
 * at one place on the antimeridian (Taveuni, Fiji: −179.97, jittered to both sides) fell into two
 * clusters at the world's opposite ends. The clusters are made in longitudes turned by this many
 * degrees (`wrapLongitude(lon − shift)`), which puts the plane's edge in the middle of the widest
 * gap between the seizures ({@link shortestArc}); a set that does not straddle ±180° keeps 0 (the
 * clusters of before, unchanged). Any subset of the seizures has its gap there too, so one turn
 * serves every filter of a scope. Only a set with seizures at every longitude (no gap wider than a
 * bubble) can still see a cluster cut, at its emptiest meridian.
 */
export function clusterShift(lons: ArrayLike<number>): number {
  const arc = shortestArc(lons);
  if (!arc || arc.west + arc.span <= 180) return 0;
  return wrapLongitude(arc.west + arc.span / 2);
}

/** A longitude in the clusters' turned plane ({@link clusterShift}). */
export function toClusterLon(lon: number, shift: number): number {
  return shift ? wrapLongitude(lon - shift) : lon;
}

/** A cluster's longitude back from the turned plane ({@link clusterShift}), within ±180°. */
export function fromClusterLon(lon: number, shift: number): number {
  return shift ? wrapLongitude(lon + shift) : lon;
}

/**
 * The bounds a map view fits to, of latitudes `lats` and longitudes `lons` (same length): the
 * longitudes on their shortest arc ({@link arcEdges}, east may pass 180°: a set around Fiji is a
 * narrow box across ±180°, not the world), or null when there is none.
 */
export function fitBoundsOf(lats: ArrayLike<number>, lons: ArrayLike<number>): { south: number; west: number; north: number; east: number; count: number } | null {
  const arc = shortestArc(lons);
  if (!arc) return null;
  let south = Infinity, north = -Infinity;
  for (let i = 0; i < lats.length; i++) {
    if (lats[i]! < south) south = lats[i]!;
    if (lats[i]! > north) north = lats[i]!;
  }
  return { south, north, ...arcEdges(arc), count: lons.length };
}

/** Values a filter list shows before its search box is needed (G-MAP-6). */
export const FACET_LIST_LIMIT = 50;

/**
 * A filter list narrowed for display: the first `limit` of `all` (already most frequent first)
 * whose value contains `search` (case-insensitive, trimmed), and how many match.
 */
export function narrowFacet<T extends { value: string }>(all: readonly T[], search: string, limit: number): { options: T[]; distinct: number } {
  const q = search.trim().toLowerCase();
  const matching = q ? all.filter((o) => o.value.toLowerCase().includes(q)) : all;
  return { options: matching.slice(0, limit), distinct: matching.length };
}

/** The fields of a seizure a place list's search reads (a map point has them; the service's index row too). */
export interface PlaceSearchable {
  commodity: string;
  taxon: string;
  seizureDate: string;
  place: string;
  country: string;
}

/**
 * True when the seizure matches a place list's search `query` (already trimmed and lower-cased,
 * see {@link placeQuery}): every word of it occurs in its commodity, taxon, date, place name or
 * country code, case-insensitively. '' matches every seizure. The page's list and `map.leaves` both use it.
 */
export function matchesPlaceSearch(s: PlaceSearchable, query: string): boolean {
  if (!query) return true;
  const text = `${s.commodity}\n${s.taxon}\n${s.seizureDate}\n${s.place}\n${s.country}`.toLowerCase();
  return query.split(/\s+/).every((word) => text.includes(word));
}

/**
 * The place the map names for a seizure (a marker's tip, a place list's title and rows): its place
 * name, or its country's name where it has none. Seizures are at one place for a list's title only
 * when this is the same for every one of them (the page's list and `map.leaves` count it so).
 */
export function mapPlaceName(s: { place: string; country: string }): string {
  return s.place || countryLabel(s.country);
}

/** A place list's search text as {@link matchesPlaceSearch} takes it. */
export function placeQuery(search: string): string {
  return search.trim().toLowerCase();
}
