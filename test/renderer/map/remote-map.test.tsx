// @vitest-environment happy-dom
/**
 * The page's side of a map clustered on the data service: the service's items drawn in the view's
 * own longitudes (a view past the antimeridian), a cluster's colour from its sector counts and its
 * heat growing with its count; and the filter bar's long lists (G-MAP-6): the first values with a
 * search box that asks for the others, the chosen value kept listed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { heatOf, mostInView, toMapItem } from '../../../renderer/src/map/remote-clusters';
import { MapFilterBar, type FacetList, type MapFilterBarProps } from '../../../renderer/src/map/map-filter-bar';
import { NO_FILTER } from '../../../renderer/src/map/map-filters';
import { FACET_LIST_LIMIT, narrowFacet } from '../../../shared/domain/map-filter';
import { point } from './map-points';
import type { MapItem } from '../../../renderer/src/map/cluster-index';

afterEach(cleanup);

describe('toMapItem and heatOf', () => {
  it('moves a cluster and a point into a view centred past the antimeridian', () => {
    const box: [number, number, number, number] = [150, -40, 230, 10];
    const c = toMapItem({ kind: 'cluster', id: 7, latitude: -17, longitude: -179.5, count: 12, sectorCounts: [2, 0, 10, 0, 0, 0, 0], flagged: 3 }, box);
    expect(c).toEqual({ kind: 'cluster', id: 7, lat: -17, lon: 180.5, count: 12, sectorCounts: [2, 0, 10, 0, 0, 0, 0], dominant: 'fisheries', flagged: 3 });
    const p = toMapItem({ kind: 'point', point: point({ id: 'p', latitude: -18, longitude: 178 }) }, box);
    expect(p).toMatchObject({ kind: 'point', lat: -18, lon: 178 });
    // Not moved when already in the view.
    expect(toMapItem({ kind: 'point', point: point({ id: 'q', latitude: 0, longitude: 10 }) }, [-20, -10, 40, 10])).toMatchObject({ lon: 10 });
  });

  it('weights a cluster’s heat by its count relative to the view’s largest: the largest hot, a lone seizure visible (F7)', () => {
    const cluster = (count: number): MapItem => ({ kind: 'cluster', id: count, lat: 0, lon: 0, count, sectorCounts: [count, 0, 0, 0, 0, 0, 0], dominant: 'wildlife', flagged: 0 });
    const view: MapItem[] = [{ kind: 'point', lat: 1, lon: 2, point: point({ id: 'a' }) }, cluster(2), cluster(3_517), cluster(7_427)];
    const most = mostInView(view);
    expect(most).toBe(7_427);
    const [single, small, mid, big] = view.map((it) => heatOf(it, most)[2]!);
    expect(big).toBe(1);
    expect(single).toBeCloseTo(0.4 + 0.6 * (1 / Math.log2(7_428)), 6);
    expect(small).toBeCloseTo(0.4 + 0.6 * (Math.log2(3) / Math.log2(7_428)), 6);
    expect(mid).toBeCloseTo(0.4 + 0.6 * (Math.log2(3_518) / Math.log2(7_428)), 6);
    expect(single).toBeLessThan(small!);
    expect(mid).toBeLessThan(big!);
    // A view of single seizures only is not all at full heat.
    expect(heatOf(view[0]!, 1)[2]).toBeCloseTo(0.4 + 0.6 / Math.log2(9), 6);
    expect(heatOf(view[0]!, 1)[1]).toBe(2);
  });
});

describe('filter lists of many values (G-MAP-6)', () => {
  const many = Array.from({ length: 30_001 }, (_v, i) => ({ value: `Commodity ${String(i).padStart(5, '0')}`, count: 30_001 - i }));

  function bar(commodity: FacetList, filter = NO_FILTER): { props: MapFilterBarProps; searched: string[]; chosen: string[] } {
    const searched: string[] = [];
    const chosen: string[] = [];
    const empty: FacetList = { options: [], distinct: 0, search: '', onSearch: () => undefined };
    const props: MapFilterBarProps = {
      filter,
      onFilter: (f) => chosen.push(f.commodity),
      facets: { commodity: { ...commodity, onSearch: (s) => searched.push(s) }, taxon: empty, country: empty },
      steps: { months: [] },
      range: [0, 0],
      onRange: () => undefined,
      shown: 30_001,
      total: 30_001,
      flagged: 0,
      heat: false,
      onHeat: () => undefined,
      onExport: () => undefined,
      narrowed: false,
      onClear: () => undefined,
    };
    return { props, searched, chosen };
  }

  it('lists the first 50 of 30,001 values with a search box, and asks for what is typed', () => {
    const { props, searched } = bar({ ...narrowFacet(many, '', FACET_LIST_LIMIT), search: '', onSearch: () => undefined });
    render(<MapFilterBar {...props} />);
    const select = screen.getByRole('combobox', { name: 'Commodity' });
    expect(select.querySelectorAll('option')).toHaveLength(1 + FACET_LIST_LIMIT);
    expect(select.querySelectorAll('option')[1]!.textContent).toBe('Commodity 00000 (30,001)');
    expect(screen.getByText('50 of 30,001 values listed — type to find others')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search Commodity' }), { target: { value: '29999' } });
    expect(searched).toEqual(['29999']);
    // A short list has no search box.
    expect(screen.queryByRole('searchbox', { name: 'Search Species' })).toBeNull();
  });

  it('says it is counting until the overview has answered, not "0 of 0 seizures" or "No dates to filter by" (tester finding)', () => {
    const { props } = bar({ options: [], distinct: 0, search: '', onSearch: () => undefined });
    render(<MapFilterBar {...props} shown={0} total={0} counting />);
    const shown = screen.getByTestId('map-shown');
    expect(shown.textContent).toBe('Counting seizures…');
    expect(shown.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Reading the seizure dates…')).toBeTruthy();
    expect(screen.queryByText('No dates to filter by')).toBeNull();
    cleanup();
    render(<MapFilterBar {...props} shown={0} total={0} />);
    expect(screen.getByTestId('map-shown').textContent).toBe('0 of 0 seizures shown');
    expect(screen.getByText('No dates to filter by')).toBeTruthy();
  });

  it('names the one month every seizure date falls in instead of "No dates to filter by" (issue 11)', () => {
    const { props } = bar({ options: [], distinct: 0, search: '', onSearch: () => undefined });
    render(<MapFilterBar {...props} shown={4} total={4} steps={{ months: ['2019-03-01'] }} />);
    expect(screen.getByTestId('map-time-range').textContent).toBe('Every seizure date falls in Mar 2019');
    expect(screen.queryByText('No dates to filter by')).toBeNull();
  });

  it('says "Updating…" and disables Export PNG while the count for a changed filter is pending (issue 11)', () => {
    const { props } = bar({ options: [], distinct: 0, search: '', onSearch: () => undefined });
    render(<MapFilterBar {...props} shown={30_000} total={30_000} updating />);
    const shown = screen.getByTestId('map-shown');
    expect(shown.textContent).toBe('Updating…');
    expect(shown.getAttribute('aria-busy')).toBe('true');
    expect((screen.getByRole('button', { name: 'Export PNG' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    render(<MapFilterBar {...props} shown={1_234} total={30_000} />);
    expect(screen.getByTestId('map-shown').textContent).toBe('1,234 of 30,000 seizures shown');
    expect((screen.getByRole('button', { name: 'Export PNG' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists what the search found and keeps the chosen value selectable', () => {
    const found = narrowFacet(many, '2999', FACET_LIST_LIMIT);
    expect(found.distinct).toBe(13); // 02999, 12999, 22999 and 29990 … 29999
    const { props, chosen } = bar({ ...found, search: '2999', onSearch: () => undefined }, { ...NO_FILTER, commodity: 'Commodity 00007' });
    render(<MapFilterBar {...props} />);
    const select = screen.getByRole('combobox', { name: 'Commodity' }) as HTMLSelectElement;
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'Commodity 00007', ...found.options.map((o) => o.value)]);
    expect(select.value).toBe('Commodity 00007');
    fireEvent.change(select, { target: { value: 'Commodity 29999' } });
    expect(chosen).toEqual(['Commodity 29999']);
  });
});
