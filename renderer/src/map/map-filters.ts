/**
 * The map's filters as pure functions over a list of points held in the page: which pass a filter
 * (the rule lives once in shared/domain/map-filter.ts, also used by the data service's clusters),
 * the values a filter can choose from (with counts), and the time slider's steps and ranges.
 */
import type { CrimeSector } from '../../../shared/domain/codes';
import type { MapPoint } from '../../../shared/rpc/cases';
import { isFlaggedForReview } from '../../../shared/domain/seizure';
import type { Route } from '../../../shared/domain/route';
import { dateWithin, isEmptyMapFilter, passesMapFilter, routeDates, routePassesMapFilter, timeStepsOf, type TimeSteps } from '../../../shared/domain/map-filter';

/** A map filter. Empty strings and empty sets mean "any". */
export interface MapFilter {
  /** Inclusive ISO date (`YYYY-MM-DD`) bounds; '' for open. */
  from: string;
  to: string;
  /** Sectors hidden through the legend. */
  hiddenSectors: ReadonlySet<CrimeSector>;
  commodity: string;
  /** ISO 3166 alpha-2, as in MapPoint.country. */
  country: string;
  caseId: string;
  /** Scientific name (taxon), compared case-insensitively. */
  taxon: string;
  /** Only seizures flagged for review (the seizure table's filter). */
  flaggedOnly: boolean;
}

/** The filter that lets everything through. */
export const NO_FILTER: MapFilter = { from: '', to: '', hiddenSectors: new Set(), commodity: '', country: '', caseId: '', taxon: '', flaggedOnly: false };

/** True when `f` restricts nothing. */
export function isEmptyFilter(f: MapFilter): boolean {
  return isEmptyMapFilter(f);
}

export { dateWithin };

/**
 * The points that pass `f` (the rule of shared/domain/map-filter.ts). `taxonOf` gives a point's
 * taxon ('' when unknown): MapPoint carries it, and the case map may pass a live replica's fresher value.
 */
export function filterPoints(points: readonly MapPoint[], f: MapFilter, taxonOf: (p: MapPoint) => string = (p) => p.taxon): MapPoint[] {
  if (isEmptyMapFilter(f)) return points.slice();
  return points.filter((p) => passesMapFilter(p, taxonOf(p), isFlaggedForReview(p), f));
}

/** One choice of a filter list: a value and how many points have it. */
export interface FacetOption {
  value: string;
  count: number;
}

/** The distinct non-empty values of `key` among `points`, most frequent first, then alphabetical. */
export function facet(points: readonly MapPoint[], key: (p: MapPoint) => string): FacetOption[] {
  const counts = new Map<string, number>();
  for (const p of points) {
    const v = key(p);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export type { TimeSteps };

/** The routes shown under `f`'s date range (shared/domain/map-filter.ts `routePassesMapFilter`; untimed routes always). */
export function filterRoutes<R extends Pick<Route, 'times'>>(routes: readonly R[], f: Pick<MapFilter, 'from' | 'to'>): R[] {
  return routes.filter((r) => routePassesMapFilter(r, f));
}

/**
 * The months spanned by the points' dates and the timed routes' periods (shared/domain/map-filter.ts
 * `timeStepsOf`); `extra` adds dates known elsewhere (a remote map's first and last month).
 */
export function timeSteps(points: readonly MapPoint[], routes: readonly Pick<Route, 'times'>[] = [], extra: readonly string[] = []): TimeSteps {
  return timeStepsOf([...points.map((p) => p.seizureDate), ...routes.flatMap(routeDates), ...extra]);
}

/** The last day (`YYYY-MM-DD`) of the month that starts on `monthStart` (`YYYY-MM-01`). */
export function monthEnd(monthStart: string): string {
  const [y, m] = monthStart.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${monthStart.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/**
 * The date range of slider positions [lo, hi] (month indexes into `steps.months`): '' for a bound
 * at the slider's end, so seizures outside the known months (or without a month) are not lost by
 * an untouched slider.
 */
export function sliderRange(steps: TimeSteps, lo: number, hi: number): { from: string; to: string } {
  const n = steps.months.length;
  if (!n) return { from: '', to: '' };
  const a = Math.max(0, Math.min(lo, hi, n - 1));
  const b = Math.min(n - 1, Math.max(lo, hi, 0));
  return { from: a === 0 ? '' : steps.months[a]!, to: b === n - 1 ? '' : monthEnd(steps.months[b]!) };
}
