// @vitest-environment happy-dom
/**
 * Seizures flagged for review on the page's own map (issue 11, renderer/src/map/flag-mark.ts):
 * the cluster index counts each cluster's flagged points (in both build stages), the filter's
 * "Flagged for review only" keeps exactly them, a cluster badge carries the "!" mark and says how
 * many are flagged, a single seizure's tooltip, popup and place-list entry say why, the popup
 * opens the detail that clears it, the legend explains the mark and the filter bar toggles it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { MapPoint } from '../../../shared/rpc/cases';
import { newSeizureFields, type ReviewFlag, type Seizure } from '../../../shared/domain/seizure';
import { ClusterIndex } from '../../../renderer/src/map/cluster-index';
import { filterPoints, isEmptyFilter, NO_FILTER } from '../../../renderer/src/map/map-filters';
import { clusterIcon } from '../../../renderer/src/map/cluster-icon';
import { clusterTip, flagRingRadius, markerTip } from '../../../renderer/src/map/flag-mark';
import { popupContent } from '../../../renderer/src/map/popup-content';
import { localPlaceSource, placeList } from '../../../renderer/src/map/place-list';
import { MapLegend } from '../../../renderer/src/map/map-legend';
import { MapFilterBar, type FacetList } from '../../../renderer/src/map/map-filter-bar';
import type { MapFilter } from '../../../renderer/src/map/map-filters';
import { pointsKey } from '../../../renderer/src/map/points-key';
import { generatePoints, point } from './map-points';

afterEach(cleanup);

const OUTSIDE: ReviewFlag = { kind: 'outside-country', country: 'SG', km: 7012.4, batch: 'b1', at: 1 };
const LABEL: ReviewFlag = { kind: 'commodity-from-label', label: 'name', batch: 'b1', at: 1 };
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** 2,000 points over the world, every 7th flagged (286), and 30 at one quay of which 4 are flagged. */
function points(): MapPoint[] {
  const spread = generatePoints(2000, 3).map((p, i) => (i % 7 === 0 ? { ...p, reviewFlags: [OUTSIDE] } : p));
  const quay = Array.from({ length: 30 }, (_v, i) => point({ id: `q${i}`, latitude: 1.274, longitude: 103.764, place: 'Pasir Panjang', country: 'SG', ...(i < 4 ? { reviewFlags: [LABEL] } : {}) }));
  return [...spread, ...quay];
}
const flaggedIn = (items: ReturnType<ClusterIndex['query']>): number => items.reduce((n, it) => n + (it.kind === 'cluster' ? it.flagged : it.point.reviewFlags?.length ? 1 : 0), 0);

describe('the cluster index counts flagged points', () => {
  it('sums the clusters’ flagged counts to the flagged points at every zoom, first stage and full', () => {
    const pts = points();
    const index = new ClusterIndex(pts);
    // The first query builds only its own zooms (negative ids): counted there too.
    const first = index.query(WORLD, 2);
    expect(first.some((it) => it.kind === 'cluster' && it.id < 0)).toBe(true);
    expect(flaggedIn(first)).toBe(290);
    for (let z = 0; z <= 14; z++) {
      const items = index.query(WORLD, z);
      expect(flaggedIn(items)).toBe(290);
      for (const it of items) if (it.kind === 'cluster') expect(it.flagged).toBe(index.leaves(it.id).filter((p) => p.reviewFlags?.length).length);
    }
    const quay = index.query([103, 1, 104.5, 1.5], 13).find((it) => it.kind === 'cluster');
    expect(quay).toMatchObject({ count: 30, flagged: 4 });
  });

  it('a cleared flag changes the points’ content key, so the map redraws without the mark', () => {
    const flagged = [point({ id: 'a', reviewFlags: [OUTSIDE] }), point({ id: 'b' })];
    const cleared = [point({ id: 'a' }), point({ id: 'b' })];
    expect(pointsKey(flagged)).not.toBe(pointsKey(cleared));
    expect(pointsKey(cleared)).toBe(pointsKey([point({ id: 'a' }), point({ id: 'b' })]));
  });

  it('"Flagged for review only" keeps exactly the flagged points, alone or with other filters', () => {
    const pts = points();
    const f: MapFilter = { ...NO_FILTER, flaggedOnly: true };
    expect(isEmptyFilter(f)).toBe(false);
    const only = filterPoints(pts, f);
    expect(only).toHaveLength(290);
    expect(only.every((p) => p.reviewFlags?.length === 1)).toBe(true);
    expect(filterPoints(pts, { ...f, country: 'SG' }).map((p) => p.id)).toEqual(['q0', 'q1', 'q2', 'q3']);
    // Clustered, the filtered set has every seizure flagged.
    const ix = new ClusterIndex(only);
    for (const it of ix.query(WORLD, 3)) if (it.kind === 'cluster') expect(it.flagged).toBe(it.count);
    // A point with an empty flag list is not flagged.
    expect(filterPoints([point({ id: 'e', reviewFlags: [] })], f)).toEqual([]);
  });
});

describe('the mark and its words', () => {
  it('a cluster badge with flagged seizures carries the "!" mark and its tooltip counts them', () => {
    const marked = clusterIcon(12, [12, 0, 0, 0, 0, 0, 0], 3).options.html as HTMLElement;
    expect(marked.querySelector('.map-cluster-flag')?.textContent).toBe('!');
    expect(marked.classList.contains('map-cluster-flagged')).toBe(true);
    const plain = clusterIcon(12, [12, 0, 0, 0, 0, 0, 0], 0).options.html as HTMLElement;
    expect(plain.querySelector('.map-cluster-flag')).toBeNull();
    expect(clusterTip(12, 3)).toBe('12 seizures here, 3 flagged for review — click to see them');
    expect(clusterTip(2, 1)).toBe('2 seizures here, 1 flagged for review — click to see them');
    expect(clusterTip(12, 0)).toBe('12 seizures here — click to see them');
    expect(flagRingRadius(5)).toBeGreaterThan(5 + 1.5);
  });

  it('a flagged seizure’s tooltip says why; an unflagged one does not', () => {
    const p = point({ id: 'a', commodity: 'elephant ivory', place: 'Kilindini', reviewFlags: [OUTSIDE] });
    expect(markerTip(p)).toBe('elephant ivory — Kilindini\nFlagged for review: The point lay 7,012.4 km outside Singapore (SG), the seizing country, when it was imported');
    expect(markerTip(point({ id: 'b', commodity: 'ivory', place: 'Mombasa' }))).toBe('ivory — Mombasa');
  });

  it('the popup of a flagged seizure says why and opens the detail that clears it; the replica’s cleared flag wins', () => {
    const p = point({ id: 'a', commodity: 'elephant ivory', reviewFlags: [OUTSIDE, LABEL] });
    const opened: string[] = [];
    const root = popupContent(p, null, (id) => opened.push(id));
    const box = root.querySelector('.map-popup-flag')!;
    expect(box.getAttribute('aria-label')).toBe('Flagged for review');
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'The point lay 7,012.4 km outside Singapore (SG), the seizing country, when it was imported',
      'The commodity was read from the feature’s “name” (its label) because the file gave no commodity: check that it names what was seized',
    ]);
    box.querySelector<HTMLButtonElement>('.map-popup-review')!.click();
    expect(opened).toEqual(['a']);
    expect(popupContent(point({ id: 'b' }), null, null).querySelector('.map-popup-flag')).toBeNull();
    // "Mark as reviewed" reached the replica before the projection: no box.
    const cleared: Seizure = { ...newSeizureFields('2020-01-15'), id: 'a', createdBy: 'm', createdAt: 0, updatedBy: 'm', updatedAt: 1, reviewFlags: [] };
    expect(popupContent(p, cleared, null).querySelector('.map-popup-flag')).toBeNull();
  });

  it('the place list marks a flagged seizure and says why', async () => {
    const pts = [point({ id: 'a', commodity: 'ivory', seizureDate: '2020-01-01', reviewFlags: [OUTSIDE] }), point({ id: 'b', commodity: 'rosewood', seizureDate: '2020-02-01' })];
    const list = placeList(localPlaceSource(pts), () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    const items = [...list.element.querySelectorAll('.map-place-item')];
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('.map-place-item-flag')?.getAttribute('aria-label')).toBe('Flagged for review');
    expect(items[0]!.querySelector('.map-place-item-why')?.textContent).toBe('The point lay 7,012.4 km outside Singapore (SG), the seizing country, when it was imported');
    expect(items[1]!.querySelector('.map-place-item-flag')).toBeNull();
  });

  it('the legend explains the mark and counts the flagged shown; the filter bar toggles "Flagged for review only"', () => {
    render(<MapLegend sectors={['wildlife']} mapped={10} unmapped={0} routes={0} flagged={3} />);
    const key = screen.getByTestId('map-legend-flags');
    // The swatches are aria-hidden; the words are each item's last text.
    expect([...key.querySelectorAll('li')].map((li) => li.lastChild?.textContent)).toEqual(['Dashed ring: a seizure flagged for review', '“!” on a cluster: some of its seizures are flagged']);
    expect(screen.getByTestId('map-flagged-count').textContent).toBe('3 flagged seizures shown');
    cleanup();
    render(<MapLegend sectors={[]} mapped={null} unmapped={null} routes={0} flagged={null} />);
    expect(screen.getByTestId('map-flagged-count').textContent).toBe('…');
    cleanup();

    const chosen: MapFilter[] = [];
    const empty: FacetList = { options: [], distinct: 0, search: '', onSearch: () => undefined };
    const props = { filter: NO_FILTER, onFilter: (f: MapFilter) => chosen.push(f), facets: { commodity: empty, taxon: empty, country: empty }, steps: { months: [] }, range: [0, 0] as [number, number], onRange: () => undefined, shown: 10, total: 10, flagged: 3, heat: false, onHeat: () => undefined, onExport: () => undefined, narrowed: false, onClear: () => undefined };
    render(<MapFilterBar {...props} />);
    const box = screen.getByRole('checkbox', { name: 'Show only the seizures flagged for review on the map' });
    expect(box.closest('label')?.textContent).toContain('Flagged for review only (3)');
    fireEvent.click(box);
    expect(chosen).toEqual([{ ...NO_FILTER, flaggedOnly: true }]);
  });
});
