/**
 * The map's filters as pure functions: which points pass a filter (date range, hidden sectors,
 * commodity, country, case, species), the values a filter can choose from (with counts), and the
 * time slider's steps (whole months from the first seizure to the last, as ISO dates).
 * Seizure dates are ISO strings (`YYYY-MM-DD`, or shorter at a coarser precision), compared as
 * text: a month-precision `2019-06` falls within June.
 */
import type { CrimeSector } from '../../../shared/domain/codes';
import type { MapPoint } from '../../../shared/rpc/cases';

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
}

/** The filter that lets everything through. */
export const NO_FILTER: MapFilter = { from: '', to: '', hiddenSectors: new Set(), commodity: '', country: '', caseId: '', taxon: '' };

/** True when `f` restricts nothing. */
export function isEmptyFilter(f: MapFilter): boolean {
  return !f.from && !f.to && !f.hiddenSectors.size && !f.commodity && !f.country && !f.caseId && !f.taxon;
}

/** True when `date` (ISO, any precision) lies within [from, to]; a coarser date passes when its period overlaps. */
export function dateWithin(date: string, from: string, to: string): boolean {
  if (from && date < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

/**
 * The points that pass `f`. `taxonOf` gives a point's taxon ('' when unknown): MapPoint carries
 * it, and the case map may pass a live replica's fresher value.
 */
export function filterPoints(points: readonly MapPoint[], f: MapFilter, taxonOf: (p: MapPoint) => string = (p) => p.taxon): MapPoint[] {
  if (isEmptyFilter(f)) return points.slice();
  const taxon = f.taxon.toLowerCase();
  return points.filter(
    (p) =>
      !f.hiddenSectors.has(p.sector) &&
      (!f.commodity || p.commodity === f.commodity) &&
      (!f.country || p.country === f.country) &&
      (!f.caseId || p.caseId === f.caseId) &&
      (!taxon || taxonOf(p).toLowerCase() === taxon) &&
      dateWithin(p.seizureDate, f.from, f.to),
  );
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

/** The time slider's steps: the first day of each month from the earliest to the latest seizure, plus the day after the last month. */
export interface TimeSteps {
  /** `YYYY-MM-01` of each month, oldest first; empty when no point has a date. */
  months: string[];
}

/** The months spanned by the points' dates (`YYYY-MM…`); dates that do not start with a year and month are ignored. */
export function timeSteps(points: readonly MapPoint[]): TimeSteps {
  let min = '';
  let max = '';
  for (const p of points) {
    const m = /^(\d{4})-(\d{2})/.exec(p.seizureDate);
    if (!m) continue;
    const ym = `${m[1]}-${m[2]}`;
    if (!min || ym < min) min = ym;
    if (!max || ym > max) max = ym;
  }
  if (!min) {
    const years = points.map((p) => /^\d{4}/.exec(p.seizureDate)?.[0]).filter((y): y is string => !!y).sort();
    if (!years.length) return { months: [] };
    min = `${years[0]}-01`;
    max = `${years[years.length - 1]}-12`;
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
