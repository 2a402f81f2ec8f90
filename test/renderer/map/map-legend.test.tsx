// @vitest-environment happy-dom
/**
 * The map's words: the legend (counts, sectors present, the quantity classes, routes counted with
 * a plural, the basemap's source) and a marker's popup (facts from the catalogue, built as text).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { MapPoint } from '../../../shared/rpc/cases';
import { newSeizureFields, type Seizure } from '../../../shared/domain/seizure';
import { MapLegend } from '../../../renderer/src/map/map-legend';
import { popupContent } from '../../../renderer/src/map/popup-content';
import { ROUTE_STYLES } from '../../../renderer/src/map/route-style';

afterEach(cleanup);

describe('MapLegend', () => {
  it('counts what is and is not on the map, lists the sectors present and the size classes', () => {
    render(<MapLegend sectors={['wildlife', 'forestry']} mapped={1234} unmapped={2} routes={0} />);
    const legend = screen.getByRole('complementary', { name: 'Map legend' });
    expect(screen.getByTestId('mapped-count').textContent).toBe('1,234');
    expect(screen.getByTestId('mapped-count').nextElementSibling?.textContent).toBe('on the map');
    expect(screen.getByTestId('unmapped-count').nextElementSibling?.textContent).toBe('without location');
    expect([...legend.querySelectorAll('.map-legend-title')].map((p) => p.textContent)).toEqual(['Crime sector', 'Seized quantity', 'Flagged for review']);
    expect([...legend.querySelectorAll('.map-legend-sizes li')].map((li) => li.textContent)).toEqual(['Small', 'Medium', 'Large', 'Very large']);
    expect(legend.querySelector('[title]')?.getAttribute('title')).toBe('Compared within each kind of unit: mass, volume, items, containers');
    expect(legend.textContent).toContain('Basemap: Natural Earth 1:50m (public domain), drawn offline — no map data leaves this computer.');
    expect(legend.querySelector('.map-legend-route')).toBeNull();
  });

  it('shows counts not known yet as being counted, never as 0 (tester finding: "0 on the map" while a large case loads)', () => {
    render(<MapLegend sectors={[]} mapped={null} unmapped={null} routes={0} />);
    for (const id of ['mapped-count', 'unmapped-count']) {
      const count = screen.getByTestId(id);
      expect(count.textContent).toBe('…');
      expect(count.querySelector('[aria-label="not counted yet"]')).not.toBeNull();
    }
    cleanup();
    render(<MapLegend sectors={[]} mapped={0} unmapped={3} routes={0} />);
    expect(screen.getByTestId('mapped-count').textContent).toBe('0');
    expect(screen.getByTestId('unmapped-count').textContent).toBe('3');
  });

  it('says "route" for one and "routes" for more', () => {
    const { container, rerender } = render(<MapLegend sectors={[]} mapped={0} unmapped={0} routes={1} />);
    expect(container.querySelector('.map-legend-route')?.textContent?.trim()).toBe('Suspected route (1)');
    rerender(<MapLegend sectors={[]} mapped={0} unmapped={0} routes={3} />);
    expect(container.querySelector('.map-legend-route')?.textContent?.trim()).toBe('Suspected routes (3)');
  });

  it('lists patrol tracks apart from suspected routes, each with the swatch the map draws it with', () => {
    const { container } = render(<MapLegend sectors={[]} mapped={0} unmapped={0} routes={3} patrolRoutes={2} />);
    const rows = [...container.querySelectorAll('.map-legend-route')];
    expect(rows.map((p) => p.textContent?.trim())).toEqual(['Suspected route (1)', 'Patrol tracks (2)']);
    expect(rows.map((p) => p.querySelector('span')?.className)).toEqual([ROUTE_STYLES.trafficking.swatchClass, ROUTE_STYLES.patrol.swatchClass]);
    expect(ROUTE_STYLES.patrol.dashArray).toBeUndefined();
    expect(ROUTE_STYLES.trafficking.dashArray).toBe('8 6');
    expect(ROUTE_STYLES.patrol.color).not.toBe(ROUTE_STYLES.trafficking.color);
  });

  it('shows only patrol tracks when every route is one', () => {
    const { container } = render(<MapLegend sectors={[]} mapped={0} unmapped={0} routes={1} patrolRoutes={1} />);
    expect([...container.querySelectorAll('.map-legend-route')].map((p) => p.textContent?.trim())).toEqual(['Patrol track (1)']);
  });
});

describe('popupContent', () => {
  const point: MapPoint = {
    id: 's1',
    caseId: 'c1',
    latitude: -16.63,
    longitude: -49.22,
    sector: 'mining',
    taxon: '',
    commodity: 'gold',
    quantity: 111,
    unit: 'kg',
    place: '',
    country: 'BR',
    seizureDate: '2019-06-01',
    datePrecision: 'month',
    reportedValue: null,
    reportedCurrency: null,
    sourceTitle: '',
  };

  it('lists the facts under catalogue labels, with "Not reported" and "Not recorded" for what is missing', () => {
    let opened = '';
    const el = popupContent(point, null, (id) => (opened = id), 'DEMO-2026-0003');
    const facts = Object.fromEntries([...el.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toEqual({ Date: 'Jun 2019', Quantity: '111 kg', Place: '—', Country: 'Brazil (BR)', 'Reported value': 'Not reported', Source: 'Not recorded' });
    expect(el.querySelector('.map-popup-extra')?.textContent).toBe('DEMO-2026-0003');
    const open = el.querySelector('button')!;
    expect(open.textContent).toBe('Open seizure');
    open.click();
    expect(opened).toBe('s1');
  });

  it('offers "Move on map" only when the owner passes onMove (the case map, a member who may edit), also for a volume seizure', () => {
    const moved: string[] = [];
    const detail: Seizure = { ...newSeizureFields('2019-06-01'), id: 's1', createdBy: 'm', createdAt: 0, updatedBy: 'm', updatedAt: 0 };
    const editable = popupContent(point, detail, () => undefined, undefined, (id) => moved.push(id));
    expect([...editable.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Open seizure', 'Move on map']);
    editable.querySelectorAll('button')[1]!.click();
    expect(moved).toEqual(['s1']);
    const readOnly = popupContent(point, null, () => undefined);
    expect([...readOnly.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Open seizure']);
    expect(popupContent(point, null, null).querySelectorAll('button')).toHaveLength(0);
    // A seizure held in a volume doc (no detail on this window) is moved too: the case map reads it
    // from the service and saves through it (G-TAB-1; before, no button at all, G-MAP-5).
    const inVolume = popupContent(point, null, () => undefined, undefined, (id) => moved.push(id));
    expect([...inVolume.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Open seizure', 'Move on map']);
    inVolume.querySelectorAll('button')[1]!.click();
    expect(moved).toEqual(['s1', 's1']);
  });
});
