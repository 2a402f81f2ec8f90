/**
 * The data service's map index (docs/map.md "Opening a large case (P8)"): the mapped seizures of
 * one scope (a case, or the cases of a workspace a member may read) as columns read once from the
 * projection (coordinates in typed arrays), and per filter a supercluster index over those that
 * pass it; a filter that passes every seizure (a hidden sector that is absent, a date range
 * covering all) reuses the unfiltered index. A view asks for what
 * it draws (clusters and single seizures' row numbers), so a 100,000-seizure case sends a few
 * hundred items instead of every point. Pure over its rows: the cache that decides when to read
 * them again is map-cache.ts.
 */
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { CRIME_SECTORS, type CrimeSector } from '../../shared/domain/codes';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, CLUSTER_TILE_PX, clusterShift, fitBoundsOf, fromClusterLon, isEmptyMapFilter, mapPlaceName, matchesPlaceSearch, narrowFacet, passesMapFilter, timeStepsOf, toClusterLon, type MapFilterRule } from '../../shared/domain/map-filter';
import type { MapColumns } from '../projections/queries';
import type { MapFilterDto } from '../../shared/rpc/map';

/** Filter lists the scope can count values of, and the column each reads. */
const FACET_FIELD = { commodity: 'commodities', taxon: 'taxa', country: 'countries', caseId: 'caseIds' } as const;
/** A filter list's field. */
export type FacetField = keyof typeof FACET_FIELD;

/** Filtered indexes a scope keeps (the most recently used); a filter change builds one, going back reuses it. */
const FILTERS_KEPT = 4;

/** What a view draws: a cluster, or one seizure by its row in the scope. */
export type IndexItem =
  | { kind: 'cluster'; id: number; latitude: number; longitude: number; count: number; sectorCounts: number[]; flagged: number }
  | { kind: 'point'; row: number };

/** Bounds a view fits to: `east` may pass 180° (an arc across the antimeridian), see map-filter.ts `fitBoundsOf`. */
export type MapBounds = NonNullable<ReturnType<typeof fitBoundsOf>>;

/** Per-point property: the seizure's row in the scope. */
interface RowRef {
  r: number;
}

/** A filter as a stable text key. */
function filterKey(f: MapFilterDto): string {
  return JSON.stringify([f.from, f.to, [...f.hiddenSectors].sort(), f.commodity, f.country, f.caseId, f.taxon.toLowerCase(), f.flaggedOnly]);
}

/**
 * The rows of `cols` for which `keep` holds, as columns in the same order (the workspace scope
 * without the cases a member may not read).
 */
export function keepRows(cols: MapColumns, keep: (r: number) => boolean): MapColumns {
  const rows: number[] = [];
  for (let r = 0; r < cols.ids.length; r++) if (keep(r)) rows.push(r);
  const pick = <T,>(xs: readonly T[]): T[] => rows.map((r) => xs[r]!);
  return {
    ids: pick(cols.ids),
    caseIds: pick(cols.caseIds),
    dates: pick(cols.dates),
    sectors: pick(cols.sectors),
    commodities: pick(cols.commodities),
    taxa: pick(cols.taxa),
    places: pick(cols.places),
    countries: pick(cols.countries),
    flagged: Uint8Array.from(rows, (r) => cols.flagged[r]!),
    latitudes: Float64Array.from(rows, (r) => cols.latitudes[r]!),
    longitudes: Float64Array.from(rows, (r) => cols.longitudes[r]!),
  };
}

/** Every mapped seizure of one scope. Immutable once made; the cache makes a new one when the projection changes. */
export class MapScope {
  private readonly cols: MapColumns;
  private readonly filters = new Map<string, FilteredIndex>();
  /** The index of every seizure: shared by every filter that passes them all. */
  private everything: FilteredIndex | null = null;
  private readonly facetCounts = new Map<FacetField, { value: string; count: number }[]>();
  private shiftDeg: number | undefined;

  /** `cols`: the scope's mapped seizures (ProjectionQueries.mapColumns, already narrowed to what the member may read). */
  constructor(cols: MapColumns) {
    this.cols = cols;
  }

  /** Mapped seizures in the scope. */
  get total(): number {
    return this.cols.ids.length;
  }

  /** The seizure id of row `r`. */
  idOf(r: number): string {
    return this.cols.ids[r]!;
  }

  /** The turn of the clusters' plane (map-filter.ts `clusterShift`): one for the scope, so every filter's clusters agree. */
  get shift(): number {
    return (this.shiftDeg ??= clusterShift(this.cols.longitudes));
  }

  /** Sectors present, in CRIME_SECTORS order. */
  sectors(): CrimeSector[] {
    const seen = new Set(this.cols.sectors);
    return CRIME_SECTORS.filter((s) => seen.has(s));
  }

  /** `YYYY-MM-01` of each month from the first seizure to the last (the time slider). */
  months(): string[] {
    return timeStepsOf(this.cols.dates).months;
  }

  /**
   * The values of `field` with their counts, most frequent first then alphabetical: the first
   * `limit` of those whose value contains `search` (case-insensitive), and how many match.
   */
  facet(field: FacetField, search: string, limit: number): { options: { value: string; count: number }[]; distinct: number } {
    let all = this.facetCounts.get(field);
    if (!all) {
      const counts = new Map<string, number>();
      for (const v of this.cols[FACET_FIELD[field]]) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      all = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      this.facetCounts.set(field, all);
    }
    return narrowFacet(all, search, limit);
  }

  /** The index of the seizures that pass `f` (built on first use, kept for the last few filters). */
  filtered(f: MapFilterDto): FilteredIndex {
    const key = filterKey(f);
    let ix = this.filters.get(key);
    if (ix) this.filters.delete(key);
    else {
      const rows = this.passing(f);
      ix = rows.length === this.total ? (this.everything ??= new FilteredIndex(this.cols, rows, this.shift)) : new FilteredIndex(this.cols, rows, this.shift);
    }
    this.filters.set(key, ix);
    while (this.filters.size > FILTERS_KEPT) this.filters.delete(this.filters.keys().next().value!);
    return ix;
  }

  /** Rows that pass `f`, in row order. */
  private passing(f: MapFilterDto): Int32Array {
    const rule: MapFilterRule = { ...f, hiddenSectors: new Set(f.hiddenSectors) };
    if (isEmptyMapFilter(rule)) return Int32Array.from({ length: this.total }, (_, i) => i);
    const c = this.cols;
    const out: number[] = [];
    for (let r = 0; r < this.total; r++) {
      if (passesMapFilter({ caseId: c.caseIds[r]!, seizureDate: c.dates[r]!, sector: c.sectors[r]!, commodity: c.commodities[r]!, country: c.countries[r]! }, c.taxa[r]!, c.flagged[r] === 1, rule)) out.push(r);
    }
    return Int32Array.from(out);
  }
}

/**
 * Supercluster over the rows of a scope that pass one filter (every zoom up to CLUSTER_MAX_ZOOM,
 * built on the first view). A cluster's sector counts are counted from its leaves when a view
 * first shows it, then kept: counting while building (supercluster's map/reduce) doubles the build.
 */
export class FilteredIndex {
  /** Rows of the scope that pass the filter. */
  readonly rows: Int32Array;
  private readonly cols: MapColumns;
  private sc: Supercluster<RowRef> | null = null;
  /** Per cluster: count per sector (CRIME_SECTORS order), then the flagged count as the last entry. */
  private readonly counts = new Map<number, number[]>();
  /** Per cluster: how many places its seizures lie at ({@link placeCount}). */
  private readonly placeCounts = new Map<number, number>();
  private flaggedCount = -1;

  /** Degrees the clusters' plane is turned by (map-filter.ts `clusterShift`, the scope's). */
  private readonly shift: number;

  /** `rows`: the rows of `cols` that pass the filter, in row order; `shift`: the scope's turn of the clusters' plane (0: none). */
  constructor(cols: MapColumns, rows: Int32Array, shift = 0) {
    this.cols = cols;
    this.rows = rows;
    this.shift = shift;
  }

  /** Bounds of the seizures that pass the filter (the view fits them), longitudes on their shortest arc; null when none passes. */
  bounds(): MapBounds | null {
    if (this.rows.length === this.cols.ids.length) return fitBoundsOf(this.cols.latitudes, this.cols.longitudes);
    const lat = new Float64Array(this.rows.length), lon = new Float64Array(this.rows.length);
    for (let i = 0; i < this.rows.length; i++) {
      lat[i] = this.cols.latitudes[this.rows[i]!]!;
      lon[i] = this.cols.longitudes[this.rows[i]!]!;
    }
    return fitBoundsOf(lat, lon);
  }

  /** Seizures that pass the filter. */
  get shown(): number {
    return this.rows.length;
  }

  /** Of those, the seizures flagged for review (counted once, on first use). */
  get flagged(): number {
    if (this.flaggedCount < 0) {
      let n = 0;
      for (const r of this.rows) n += this.cols.flagged[r]!;
      this.flaggedCount = n;
    }
    return this.flaggedCount;
  }

  private index(): Supercluster<RowRef> {
    if (!this.sc) {
      const { latitudes: lat, longitudes: lon } = this.cols;
      const features = new Array<PointFeature<RowRef>>(this.rows.length);
      for (let i = 0; i < this.rows.length; i++) {
        const r = this.rows[i]!;
        features[i] = { type: 'Feature', properties: { r }, geometry: { type: 'Point', coordinates: [toClusterLon(lon[r]!, this.shift), lat[r]!] } };
      }
      this.sc = new Supercluster<RowRef>({ radius: CLUSTER_RADIUS_PX, extent: CLUSTER_TILE_PX, maxZoom: CLUSTER_MAX_ZOOM }).load(features);
    }
    return this.sc;
  }

  /**
   * Clusters and single seizures within `box` [west, south, east, north] at `zoom` (rounded).
   * A box crossing the antimeridian (east past 180 or west before −180) is answered on both
   * sides; one a whole turn wide or wider takes the world. Longitudes are within ±180. Seizures
   * on both sides of ±180° at one place are one cluster (the plane is turned, `clusterShift`).
   */
  query(box: readonly [number, number, number, number], zoom: number): IndexItem[] {
    const [west, south, east, north] = box;
    const bbox: [number, number, number, number] = east - west >= 360 ? [-180, south, 180, north] : [west - this.shift, south, east - this.shift, north];
    const z = Math.max(0, Math.min(Math.round(zoom), CLUSTER_MAX_ZOOM + 1));
    return this.index()
      .getClusters(bbox, z)
      .map((f): IndexItem => {
        const props = f.properties as Partial<ClusterProperties & RowRef>;
        if (props.cluster) {
          const [x, latitude] = f.geometry.coordinates as [number, number];
          const c = this.clusterCounts(props.cluster_id!);
          return { kind: 'cluster', id: props.cluster_id!, latitude, longitude: fromClusterLon(x, this.shift), count: props.point_count!, sectorCounts: c.slice(0, CRIME_SECTORS.length), flagged: c[CRIME_SECTORS.length]! };
        }
        return { kind: 'point', row: props.r! };
      });
  }

  /** Count per sector (CRIME_SECTORS order) of cluster `id`, then its flagged seizures: one pass over its leaves. */
  private clusterCounts(id: number): number[] {
    let c = this.counts.get(id);
    if (!c) {
      c = new Array<number>(CRIME_SECTORS.length + 1).fill(0);
      for (const f of this.index().getLeaves(id, Infinity)) {
        const r = f.properties.r;
        c[CRIME_SECTORS.indexOf(this.cols.sectors[r]!)]! += 1;
        c[CRIME_SECTORS.length]! += this.cols.flagged[r]!;
      }
      this.counts.set(id, c);
    }
    return c;
  }

  /**
   * How many places the seizures `rows` of cluster `id` lie at: distinct names the map shows for
   * them (shared/domain/map-filter.ts `mapPlaceName`: the place, or the country where none).
   * Counted once per cluster, then kept (the index is made again when the projection changes), so
   * paging a cluster of 100,000 does not count them again for every page.
   */
  private placeCount(id: number, rows: readonly number[]): number {
    let n = this.placeCounts.get(id);
    if (n === undefined) {
      const { places, countries } = this.cols;
      const names = new Set<string>();
      for (const r of rows) names.add(mapPlaceName({ place: places[r]!, country: countries[r]! }));
      n = names.size;
      this.placeCounts.set(id, n);
    }
    return n;
  }

  /**
   * Rows of cluster `id` in row order (date, id) that match `query` (lower-cased, see
   * shared/domain/map-filter.ts `placeQuery`; '' for all), from `offset`, at most `limit`; its
   * size and how many match; the zoom at which it splits; whether its seizures share one spot
   * (checked only for a cluster no zoom splits); and how many places they lie at ({@link placeCount}:
   * a list is titled by the place only when 1). The same order on every call, so pages reach each
   * seizure exactly once.
   * @throws Error when `id` is not a cluster of this index (supercluster's "No cluster with the specified id").
   */
  leaves(id: number, offset: number, limit: number, query = ''): { total: number; matched: number; rows: number[]; expansionZoom: number; colocated: boolean; places: number } {
    const sc = this.index();
    const expansionZoom = sc.getClusterExpansionZoom(id);
    const all = sc.getLeaves(id, Infinity).map((f) => f.properties.r);
    let colocated = false;
    if (expansionZoom > CLUSTER_MAX_ZOOM) {
      const { latitudes: lat, longitudes: lon } = this.cols;
      const lat0 = lat[all[0]!]!, lon0 = toClusterLon(lon[all[0]!]!, this.shift);
      colocated = all.every((r) => Math.abs(lat[r]! - lat0) < 1e-5 && Math.abs(toClusterLon(lon[r]!, this.shift) - lon0) < 1e-5);
    }
    const places = this.placeCount(id, all);
    all.sort((a, b) => a - b);
    const c = this.cols;
    const matching = query
      ? all.filter((r) => matchesPlaceSearch({ commodity: c.commodities[r]!, taxon: c.taxa[r]!, seizureDate: c.dates[r]!, place: c.places[r]!, country: c.countries[r]! }, query))
      : all;
    return { total: all.length, matched: matching.length, rows: matching.slice(offset, offset + limit), expansionZoom, colocated, places };
  }
}
