/**
 * The map's filters (renderer/src/map/map-filters.ts): each filter narrows to exactly the points
 * it names, the legend's hidden sectors drop theirs, dates at a coarser precision pass when their
 * period overlaps, facets count values, and the time slider's months and ranges.
 */
import { describe, expect, it } from 'vitest';
import { dateWithin, facet, filterPoints, filterRoutes, isEmptyFilter, monthEnd, NO_FILTER, sliderRange, timeSteps } from '../../../renderer/src/map/map-filters';
import { routeDates, routePeriod } from '../../../shared/domain/map-filter';
import { point } from './map-points';

const pts = [
  point({ id: 'a', sector: 'wildlife', commodity: 'ivory', taxon: 'Loxodonta africana', country: 'KE', caseId: 'c1', seizureDate: '2019-03-02' }),
  point({ id: 'b', sector: 'forestry', commodity: 'rosewood', taxon: 'Dalbergia nigra', country: 'MG', caseId: 'c2', seizureDate: '2020-07-19' }),
  point({ id: 'c', sector: 'wildlife', commodity: 'pangolin scales', taxon: 'Manis tricuspis', country: 'NG', caseId: 'c1', seizureDate: '2021-01', datePrecision: 'month' }),
  point({ id: 'd', sector: 'mining', commodity: 'gold', country: 'BR', caseId: 'c2', seizureDate: '2021', datePrecision: 'year' }),
];
const ids = (f: Partial<typeof NO_FILTER>): string[] => filterPoints(pts, { ...NO_FILTER, ...f }).map((p) => p.id);

describe('filterPoints', () => {
  it('lets everything through with no filter', () => {
    expect(isEmptyFilter(NO_FILTER)).toBe(true);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by sector (legend), commodity, country, case and species', () => {
    expect(ids({ hiddenSectors: new Set(['wildlife'] as const) })).toEqual(['b', 'd']);
    expect(ids({ commodity: 'rosewood' })).toEqual(['b']);
    expect(ids({ country: 'NG' })).toEqual(['c']);
    expect(ids({ caseId: 'c2' })).toEqual(['b', 'd']);
    expect(ids({ taxon: 'manis tricuspis' })).toEqual(['c']);
    expect(ids({ caseId: 'c1', hiddenSectors: new Set(['forestry'] as const), country: 'KE' })).toEqual(['a']);
  });
  it('uses the taxon the caller knows (a fresher replica) when given', () => {
    const taxonOf = (p: { id: string; taxon: string }): string => (p.id === 'd' ? 'Manis tricuspis' : p.taxon);
    expect(filterPoints(pts, { ...NO_FILTER, taxon: 'Manis tricuspis' }, taxonOf).map((p) => p.id)).toEqual(['c', 'd']);
  });
  it('filters by an inclusive date range; a month or year date passes when its period overlaps', () => {
    expect(ids({ from: '2020-01-01', to: '2020-12-31' })).toEqual(['b']);
    expect(ids({ from: '2021-01-15', to: '2021-01-20' })).toEqual(['c', 'd']);
    expect(ids({ from: '2019-03-02', to: '2019-03-02' })).toEqual(['a']);
    expect(ids({ to: '2019-12-31' })).toEqual(['a']);
    expect(dateWithin('2021', '2021-06-01', '')).toBe(true);
    expect(dateWithin('2020', '2021-06-01', '')).toBe(false);
  });
});

describe('facet', () => {
  it('counts each value, most frequent first, ignoring empty ones', () => {
    expect(facet(pts, (p) => p.sector)).toEqual([
      { value: 'wildlife', count: 2 },
      { value: 'forestry', count: 1 },
      { value: 'mining', count: 1 },
    ]);
    expect(facet(pts, (p) => p.taxon).map((o) => o.value)).toEqual(['Dalbergia nigra', 'Loxodonta africana', 'Manis tricuspis']);
  });
});

describe('time slider', () => {
  it('spans every month from the first seizure to the last', () => {
    const { months } = timeSteps(pts);
    expect(months[0]).toBe('2019-03-01');
    expect(months.at(-1)).toBe('2021-01-01');
    expect(months).toHaveLength(23);
    expect(timeSteps([]).months).toEqual([]);
    expect(timeSteps([point({ id: 'y', seizureDate: '2018', datePrecision: 'year' })]).months).toHaveLength(12);
  });
  it('turns slider positions into dates, open at the ends so undated or coarse seizures stay', () => {
    const steps = timeSteps(pts);
    expect(sliderRange(steps, 0, 22)).toEqual({ from: '', to: '' });
    expect(sliderRange(steps, 10, 15)).toEqual({ from: '2020-01-01', to: '2020-06-30' });
    expect(sliderRange(steps, 15, 10)).toEqual({ from: '2020-01-01', to: '2020-06-30' });
    expect(sliderRange(steps, 0, 11)).toEqual({ from: '', to: '2020-02-29' });
    const r = sliderRange(steps, 16, 22);
    expect(filterPoints(pts, { ...NO_FILTER, ...r }).map((p) => p.id)).toEqual(['b', 'c', 'd']);
  });
  it('knows month ends, leap years included', () => {
    expect(monthEnd('2020-02-01')).toBe('2020-02-29');
    expect(monthEnd('2021-02-01')).toBe('2021-02-28');
    expect(monthEnd('2021-12-01')).toBe('2021-12-31');
  });
});

describe('routes and the time slider (B3, session 28)', () => {
  // The tester's patrol.gpx: 2024-03-11T22:00Z … 2024-03-12T07:45Z, one untimed point.
  const patrol = { id: 'p', times: [Date.UTC(2024, 2, 11, 22), null, Date.UTC(2024, 2, 12, 3), Date.UTC(2024, 2, 12, 7, 45)] };
  const may = { id: 'm', times: [Date.UTC(2024, 4, 2, 10), Date.UTC(2024, 4, 3), Date.UTC(2024, 4, 5, 23, 59)] };
  const untimed: { id: string; times?: (number | null)[] } = { id: 'u' };
  const allNull = { id: 'n', times: [null, null] };
  const routes = [patrol, may, untimed, allNull];
  const shown = (from: string, to: string): string[] => filterRoutes(routes, { from, to }).map((r) => r.id);

  it("reads a route's period from its timed points, skipping untimed ones", () => {
    expect(routePeriod(patrol)).toEqual({ start: Date.UTC(2024, 2, 11, 22), end: Date.UTC(2024, 2, 12, 7, 45) });
    expect(routeDates(patrol)).toEqual(['2024-03-11', '2024-03-12']);
    expect(routePeriod(untimed)).toBeNull();
    expect(routePeriod(allNull)).toBeNull();
    expect(routeDates(allNull)).toEqual([]);
  });
  it('shows a route whose period overlaps the range, and untimed routes always', () => {
    expect(shown('', '')).toEqual(['p', 'm', 'u', 'n']);
    expect(shown('', '2015-08-31')).toEqual(['u', 'n']);
    expect(shown('2024-03-12', '2024-04-30')).toEqual(['p', 'u', 'n']);
    expect(shown('2024-03-13', '')).toEqual(['m', 'u', 'n']);
    expect(shown('2024-04-01', '2024-05-02')).toEqual(['m', 'u', 'n']);
    expect(shown('2024-01-01', '2024-03-10')).toEqual(['u', 'n']);
  });
  it("widens the slider's months to the routes' dates", () => {
    const { months } = timeSteps(pts, [patrol, untimed]);
    expect(months[0]).toBe('2019-03-01');
    expect(months.at(-1)).toBe('2024-03-01');
    expect(months).toHaveLength(61);
    expect(timeSteps([], [may], ['2013-03-01', '2020-08-01']).months.at(-1)).toBe('2024-05-01');
    expect(timeSteps([], [untimed]).months).toEqual([]);
  });
});
