/**
 * The clustering of map points (supercluster): built once per set of points, queried per view.
 * A query gives what to draw in a bounding box at a zoom: clusters (a count, the count of each
 * crime sector, the dominant sector) and single points, with longitudes moved into the view's
 * own range so a view centred past the antimeridian (Leaflet allows −240°…240°) shows them.
 * Seizures at one place never expand (their expansion zoom is past the map's last zoom): the
 * caller lists them instead of zooming.
 */
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { CRIME_SECTORS, type CrimeSector } from '../../../shared/domain/codes';
import type { MapPoint } from '../../../shared/rpc/cases';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, CLUSTER_TILE_PX, clusterShift, fromClusterLon, toClusterLon } from '../../../shared/domain/map-filter';
import { isFlaggedForReview } from '../../../shared/domain/seizure';

export { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX };

/** Per-point properties: the index of the point in the array given to the index. */
interface PointRef {
  i: number;
}

/** A cluster to draw: `id` asks the index for its leaves and expansion zoom. */
export interface ClusterItem {
  kind: 'cluster';
  id: number;
  lat: number;
  /** Longitude in the queried view's range (may be outside ±180 when the view is). */
  lon: number;
  count: number;
  /** Count per sector, in CRIME_SECTORS order; sums to `count`. */
  sectorCounts: number[];
  /** The sector with the most points (ties: the first in CRIME_SECTORS order). */
  dominant: CrimeSector;
  /** Of `count`, the points flagged for review (shared/domain/seizure.ts `isFlaggedForReview`). */
  flagged: number;
}

/** A single point to draw. */
export interface PointItem {
  kind: 'point';
  lat: number;
  /** Longitude in the queried view's range. */
  lon: number;
  point: MapPoint;
}

/** What a view shows. */
export type MapItem = ClusterItem | PointItem;

/** Bounding box [west, south, east, north] in degrees; west/east may lie outside ±180 (Leaflet views). */
export type ViewBox = [number, number, number, number];

/** Moves `lon` by whole turns into [west, east] when it fits there (else returns it unchanged). */
export function lonIntoView(lon: number, west: number, east: number): number {
  if (lon >= west && lon <= east) return lon;
  for (const k of [-360, 360, -720, 720]) if (lon + k >= west && lon + k <= east) return lon + k;
  return lon;
}

/** The dominant sector of per-sector counts (CRIME_SECTORS order). */
export function dominantSector(counts: readonly number[]): CrimeSector {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  return CRIME_SECTORS[best]!;
}

/**
 * Supercluster over an array of map points. Immutable once built; build a new one when the
 * points change.
 *
 * Built in two stages so the first view does not wait for every zoom's clusters: the first query
 * builds only the zooms up to its own (at 100,000 points the full 14-zoom build took ~4× as long
 * as a world view needs); the first query past that zoom, or {@link ClusterIndex.complete}
 * (called when the browser is idle after the first view), builds every zoom. Cluster ids of the
 * first stage are negative (−1 − supercluster's id) so each id is answered by the stage
 * that made it. A cluster's sector counts are computed when a view first shows it (from its
 * leaves, then cached): counting them while building (supercluster's map/reduce) doubled the
 * build time at 100,000 points, and a view shows only a few hundred clusters.
 */
export class ClusterIndex {
  private first: Supercluster<PointRef> | null = null;
  private full: Supercluster<PointRef> | null = null;
  private firstZoom = -1;
  private readonly maxZoom: number;
  private readonly radius: number;
  private readonly sectorOf: Uint8Array;
  /** 1 where the point is flagged for review. */
  private readonly flaggedOf: Uint8Array;
  /** Per cluster: count per sector (CRIME_SECTORS order), then its flagged points as the last entry. */
  private readonly counts = new Map<number, number[]>();
  /** Degrees the clusters' plane is turned by (map-filter.ts `clusterShift`): seizures on both sides of ±180° at one place are one cluster. */
  private readonly shift: number;

  /** Prepares the index over `points`; the clusters are built (O(n log n)) by the first query. */
  constructor(readonly points: readonly MapPoint[], options: { radius?: number; maxZoom?: number } = {}) {
    const sectorIndex = new Map(CRIME_SECTORS.map((s, i) => [s, i]));
    this.sectorOf = Uint8Array.from(points, (p) => sectorIndex.get(p.sector) ?? CRIME_SECTORS.length - 1);
    this.flaggedOf = Uint8Array.from(points, (p) => (isFlaggedForReview(p) ? 1 : 0));
    this.radius = options.radius ?? CLUSTER_RADIUS_PX;
    this.maxZoom = options.maxZoom ?? CLUSTER_MAX_ZOOM;
    this.shift = clusterShift(Float64Array.from(points, (p) => p.longitude));
  }

  private build(maxZoom: number): Supercluster<PointRef> {
    const sc = new Supercluster<PointRef>({ radius: this.radius, extent: CLUSTER_TILE_PX, maxZoom });
    const features = new Array<PointFeature<PointRef>>(this.points.length);
    for (let i = 0; i < this.points.length; i++) {
      const p = this.points[i]!;
      features[i] = { type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [toClusterLon(p.longitude, this.shift), p.latitude] } };
    }
    return sc.load(features);
  }

  /** True once every zoom is built (queries at any zoom are then answered without building). */
  get completed(): boolean {
    return this.full !== null;
  }

  /** Builds every zoom now (idempotent). The map calls it when idle after its first view. */
  complete(): void {
    this.full ??= this.build(this.maxZoom);
  }

  /** The stage and supercluster id behind cluster id `id`. */
  private stage(id: number): [Supercluster<PointRef>, number] {
    if (id < 0) return [this.first!, -1 - id];
    this.complete();
    return [this.full!, id];
  }

  /** The count per sector (CRIME_SECTORS order) of cluster `id`. */
  sectorCounts(id: number): number[] {
    return this.clusterCounts(id).slice(0, CRIME_SECTORS.length);
  }

  /** How many points of cluster `id` are flagged for review. */
  flaggedCount(id: number): number {
    return this.clusterCounts(id)[CRIME_SECTORS.length]!;
  }

  /** Sector counts then the flagged count of cluster `id`: one pass over its leaves, cached. */
  private clusterCounts(id: number): number[] {
    let c = this.counts.get(id);
    if (!c) {
      c = new Array<number>(CRIME_SECTORS.length + 1).fill(0);
      const [sc, scId] = this.stage(id);
      for (const f of sc.getLeaves(scId, Infinity)) {
        const i = f.properties.i;
        c[this.sectorOf[i]!]! += 1;
        c[CRIME_SECTORS.length]! += this.flaggedOf[i]!;
      }
      this.counts.set(id, c);
    }
    return c;
  }

  /** Clusters and single points within `box` at `zoom` (rounded to a whole zoom). */
  query(box: ViewBox, zoom: number): MapItem[] {
    const [west, south, east, north] = box;
    // supercluster wraps a box crossing ±180 itself; past a whole turn it takes the world.
    const bbox: ViewBox = east - west >= 360 ? [-180, south, 180, north] : [west - this.shift, south, east - this.shift, north];
    const z = Math.max(0, Math.min(Math.round(zoom), 30));
    if (!this.first && !this.full) {
      if (z >= this.maxZoom) this.complete();
      else {
        this.firstZoom = z;
        this.first = this.build(z);
      }
    }
    // The first stage answers up to its own zoom (past it, supercluster would list raw points).
    const fromFirst = this.full === null && z <= this.firstZoom;
    if (!fromFirst) this.complete();
    const sc = fromFirst ? this.first! : this.full!;
    return sc.getClusters(bbox, z).map((f): MapItem => {
      const props = f.properties as Partial<ClusterProperties & PointRef>;
      if (props.cluster) {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const id = fromFirst ? -1 - props.cluster_id! : props.cluster_id!;
        const sectorCounts = this.sectorCounts(id);
        return { kind: 'cluster', id, lat, lon: lonIntoView(fromClusterLon(lon, this.shift), west, east), count: props.point_count!, sectorCounts, dominant: dominantSector(sectorCounts), flagged: this.flaggedCount(id) };
      }
      // A single point's own coordinates (supercluster's pass through its projection rounds them).
      const point = this.points[props.i!]!;
      return { kind: 'point', lat: point.latitude, lon: lonIntoView(point.longitude, west, east), point };
    });
  }

  /** Every point of cluster `id`, in the order they were given. */
  leaves(id: number): MapPoint[] {
    const [sc, scId] = this.stage(id);
    return sc
      .getLeaves(scId, Infinity)
      .map((f) => f.properties.i)
      .sort((a, b) => a - b)
      .map((i) => this.points[i]!);
  }

  /** True when every point of cluster `id` lies at one place (within ~1 m): no zoom can separate them. */
  colocated(id: number): boolean {
    const [sc, scId] = this.stage(id);
    const pts = sc.getLeaves(scId, Infinity);
    const [lon0, lat0] = pts[0]!.geometry.coordinates as [number, number];
    return pts.every((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return Math.abs(lon - lon0) < 1e-5 && Math.abs(lat - lat0) < 1e-5;
    });
  }

  /**
   * The zoom at which cluster `id` splits; past CLUSTER_MAX_ZOOM (or the index's maxZoom) its points
   * share one place. For a first-stage cluster that does not split within the first stage: the
   * zoom just past it.
   */
  expansionZoom(id: number): number {
    if (id < 0) {
      // The first stage knows zooms up to its own only: past it, the next zoom is the step to take
      // (the map zooms there, queries every zoom, and a click asks again with an exact answer).
      const z = this.first!.getClusterExpansionZoom(-1 - id);
      return z <= this.firstZoom ? z : this.firstZoom + 1;
    }
    const [sc, scId] = this.stage(id);
    return sc.getClusterExpansionZoom(scId);
  }
}
