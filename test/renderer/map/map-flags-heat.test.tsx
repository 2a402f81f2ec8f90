// @vitest-environment happy-dom
/**
 * Heat mode keeps the review marks (issue 11, renderer/src/map/flag-mark.ts): leaflet.heat draws
 * its canvas into Leaflet's overlay pane after the markers, so a ring drawn there lay under the
 * heat. A real Leaflet map (react-leaflet's MapContainer) draws the view's items through `MapItems`,
 * the one component of both map paths (the page's clusters and the data service's): the flagged
 * seizure's ring lies in the review pane, stacked above the overlay pane and below the marker pane
 * of the cluster badges, and takes no pointer events; the unflagged seizure has none; a cluster's
 * "!" badge is in the marker pane. (With many singles in view the rings go on a canvas of the same
 * pane; happy-dom has no 2D canvas, so that path is left to the browser.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { MapContainer } from 'react-leaflet';
import type { ReviewFlag } from '../../../shared/domain/seizure';
import type { MapItem } from '../../../renderer/src/map/cluster-index';
import { MapItems } from '../../../renderer/src/map/cluster-layer';
import { FLAG_PANE, FLAG_PANE_Z } from '../../../renderer/src/map/flag-mark';
import { point } from './map-points';

afterEach(cleanup);

const OUTSIDE: ReviewFlag = { kind: 'outside-country', country: 'SG', km: 7012.4, batch: 'b1', at: 1 };
const source = { current: {} };

function drawn(items: MapItem[]): HTMLElement {
  const { container } = render(
    <MapContainer center={[0, 40]} zoom={5} style={{ width: 800, height: 600 }}>
      <MapItems items={items} onCluster={() => undefined} source={source} />
    </MapContainer>,
  );
  return container.querySelector('.leaflet-container')!;
}

const single = (id: string, lat: number, lon: number, flagged: boolean): MapItem => ({ kind: 'point', lat, lon, point: point({ id, latitude: lat, longitude: lon, ...(flagged ? { reviewFlags: [OUTSIDE] } : {}) }) });

describe('the review marks in heat mode', () => {
  it('draws the flagged seizure’s ring in the review pane above the overlay pane, where the heat is drawn', () => {
    const map = drawn([single('flagged', -4.05, 39.67, true), single('plain', 1.28, 43.76, false), { kind: 'cluster', id: 9, lat: 2, lon: 38, count: 12, sectorCounts: [12, 0, 0, 0, 0, 0, 0], dominant: 'wildlife', flagged: 3 }]);
    const pane = map.querySelector<HTMLElement>(`.leaflet-${FLAG_PANE}-pane`)!;
    expect(pane).not.toBeNull();
    expect(Number(pane.style.zIndex)).toBe(FLAG_PANE_Z);
    expect(pane.style.pointerEvents).toBe('none');
    // Leaflet's own stacking (leaflet.css): overlay 400 (markers' SVG, the heat canvas), marker 600 (cluster badges).
    expect(FLAG_PANE_Z).toBeGreaterThan(400);
    expect(FLAG_PANE_Z).toBeLessThan(600);
    const rings = map.querySelectorAll('path.seizure-flag-ring');
    expect(rings).toHaveLength(1);
    expect(rings[0]!.closest('.leaflet-pane')).toBe(pane);
    // The markers stay in the overlay pane, the flagged one among them; the badge with its "!" in the marker pane.
    const overlay = map.querySelector('.leaflet-overlay-pane')!;
    expect(overlay.querySelectorAll('path.seizure-marker')).toHaveLength(2);
    expect(overlay.querySelectorAll('path.seizure-marker-flagged')).toHaveLength(1);
    expect(overlay.querySelector('path.seizure-flag-ring')).toBeNull();
    expect(map.querySelector('.leaflet-marker-pane .map-cluster-flag')?.textContent).toBe('!');
  });

});
