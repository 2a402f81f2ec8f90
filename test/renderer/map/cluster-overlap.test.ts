// @vitest-environment happy-dom
/**
 * Cluster bubbles never cover each other (issue 11: 30,000 seizures on a grid 0.05° apart drew
 * dozens of overlapping bubbles at the fitted view, their counts unreadable): at every zoom, two
 * clusters drawn by the index are at least their two radii apart on screen (Leaflet's 256-px Web
 * Mercator pixels), with each bubble as large as clusterDiameter draws it.
 */
import { describe, expect, it } from 'vitest';
import { ClusterIndex, type ClusterItem } from '../../../renderer/src/map/cluster-index';
import { clusterDiameter } from '../../../renderer/src/map/cluster-icon';
import { CLUSTER_MAX_DIAMETER_PX, CLUSTER_RADIUS_PX } from '../../../shared/domain/map-filter';
import { point } from './map-points';

/** Screen pixel of a longitude/latitude at Leaflet zoom `z` (EPSG:3857, 256-px tiles). */
function pixel(lon: number, lat: number, z: number): [number, number] {
  const size = 256 * 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

describe('cluster bubbles', () => {
  it('the clustering radius is at least the largest bubble drawn (one constant for the page and the service)', () => {
    expect(clusterDiameter(1e9)).toBe(CLUSTER_MAX_DIAMETER_PX);
    expect(CLUSTER_RADIUS_PX).toBeGreaterThanOrEqual(CLUSTER_MAX_DIAMETER_PX);
  });

  it('do not overlap at any zoom for 30,000 seizures on a grid 0.05° apart', () => {
    const points = Array.from({ length: 30_000 }, (_, i) => point({ id: `g${i}`, latitude: 1.2 + Math.floor(i / 200) * 0.05, longitude: 103.5 + (i % 200) * 0.05 }));
    const index = new ClusterIndex(points);
    index.complete();
    let drawn = 0;
    for (let z = 3; z <= 11; z++) {
      const clusters = index.query([-180, -85, 180, 85], z).filter((i): i is ClusterItem => i.kind === 'cluster');
      const at = clusters.map((c) => ({ xy: pixel(c.lon, c.lat, z), r: clusterDiameter(c.count) / 2, count: c.count }));
      const overlaps: string[] = [];
      for (let a = 0; a < at.length; a++) {
        for (let b = a + 1; b < at.length; b++) {
          const p = at[a]!;
          const q = at[b]!;
          if (Math.hypot(p.xy[0] - q.xy[0], p.xy[1] - q.xy[1]) < p.r + q.r) overlaps.push(`z${z}: ${p.count} and ${q.count}`);
        }
      }
      expect(overlaps).toEqual([]);
      drawn += clusters.length;
    }
    // Not vacuous: many clusters were drawn across the zooms.
    expect(drawn).toBeGreaterThan(100);
  });
});
