/**
 * The data service's map index (docs/map.md "Opening a large case (P8)"): the mapped seizures of
 * one scope (a case, or the cases of a workspace a member may read) as columns read once from the
 * projection, and per filter a supercluster index over those that pass it. A view asks for what
 * it draws (clusters and single seizures' row numbers), so a 100,000-seizure case sends a few
 * hundred items instead of every point. Pure over its rows: the cache that decides when to read
 * them again is map-cache.ts.
 */
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { CRIME_SECTORS, type CrimeSector } from '../../shared/domain/codes';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, isEmptyMapFilter, matchesPlaceSearch, narrowFacet, passesMapFilter, timeStepsOf, type MapFilterRule } from '../../shared/domain/map-filter';
import type { MapColumnsRow } from '../projections/queries';
import type { MapFilterDto } from '../../shared/rpc/map';

/** Row fields of a {@link MapColumnsRow}. */
const ID = 0, CASE = 1, DATE = 2, SECTOR = 3, COMMODITY = 4, TAXON = 5, COUNTRY = 6, LAT = 7, LON = 8;

/** Filter lists the scope can count values of, and the row field each reads. */
const FACET_FIELD = { commodity: COMMODITY, taxon: TAXON, country: COUNTRY, caseId: CASE } as const;
/** A filter list's field. */
export type FacetField = keyof typeof FACET_FIELD;

/** Filtered indexes a scope keeps (the most recently used); a filter change builds one, going back reuses it. */
const FILTERS_KEPT = 4;

/** What a view draws: a cluster, or one seizure by its row in the scope. */
export type IndexItem =
  | { kind: 'cluster'; id: number; latitude: number; longitude: number; count: number; sectorCounts: number[] }
  | { kind: 'point'; row: number };

/** Per-point property: the seizure's row in the scope. */
interface RowRef {
  r: number;
}

/** A filter as a stable text key. */
function filterKey(f: MapFilterDto): string {
  return JSON.stringify([f.from, f.to, [...f.hiddenSectors].sort(), f.commodity, f.country, f.caseId, f.taxon.toLowerCase()]);
}

/** Every mapped seizure of one scope. Immutable once made; the cache makes a new one when the projection changes. */
export class MapScope {
  private readonly rows: readonly MapColumnsRow[];
  private readonly filters = new Map<string, FilteredIndex>();
  private readonly facetCounts = new Map<FacetField, { value: string; count: number }[]>();

  /** `rows`: the scope's mapped seizures (ProjectionQueries.mapColumns, already narrowed to what the member may read). */
  constructor(rows: readonly MapColumnsRow[]) {
    this.rows = rows;
  }

  /** Mapped seizures in the scope. */
  get total(): number {
    return this.rows.length;
  }

  /** The seizure id of row `r`. */
  idOf(r: number): string {
    return this.rows[r]![ID];
  }

  /** Bounds of every seizure of the scope (one min/max pass); null when there is none. */
  bounds(): { south: number; west: number; north: number; east: number; count: number } | null {
    if (!this.rows.length) return null;
    let south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
    for (const row of this.rows) {
      if (row[LAT] < south) south = row[LAT];
      if (row[LAT] > north) north = row[LAT];
      if (row[LON] < west) west = row[LON];
      if (row[LON] > east) east = row[LON];
    }
    return { south, west, north, east, count: this.rows.length };
  }

  /** Sectors present, in CRIME_SECTORS order. */
  sectors(): CrimeSector[] {
    const seen = new Set(this.rows.map((row) => row[SECTOR]));
    return CRIME_SECTORS.filter((s) => seen.has(s));
  }

  /** `YYYY-MM-01` of each month from the first seizure to the last (the time slider). */
  months(): string[] {
    return timeStepsOf(this.rows.map((row) => row[DATE])).months;
  }

  /**
   * The values of `field` with their counts, most frequent first then alphabetical: the first
   * `limit` of those whose value contains `search` (case-insensitive), and how many match.
   */
  facet(field: FacetField, search: string, limit: number): { options: { value: string; count: number }[]; distinct: number } {
    let all = this.facetCounts.get(field);
    if (!all) {
      const k = FACET_FIELD[field];
      const counts = new Map<string, number>();
      for (const row of this.rows) {
        const v = row[k];
        if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
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
    else ix = new FilteredIndex(this.rows, this.passing(f));
    this.filters.set(key, ix);
    while (this.filters.size > FILTERS_KEPT) this.filters.delete(this.filters.keys().next().value!);
    return ix;
  }

  /** Rows that pass `f`, in row order. */
  private passing(f: MapFilterDto): Int32Array {
    const rule: MapFilterRule = { ...f, hiddenSectors: new Set(f.hiddenSectors) };
    if (isEmptyMapFilter(rule)) return Int32Array.from({ length: this.rows.length }, (_, i) => i);
    const out: number[] = [];
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r]!;
      if (passesMapFilter({ caseId: row[CASE], seizureDate: row[DATE], sector: row[SECTOR], commodity: row[COMMODITY], country: row[COUNTRY] }, row[TAXON], rule)) out.push(r);
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
  private readonly scopeRows: readonly MapColumnsRow[];
  private sc: Supercluster<RowRef> | null = null;
  private readonly counts = new Map<number, number[]>();

  constructor(scopeRows: readonly MapColumnsRow[], rows: Int32Array) {
    this.scopeRows = scopeRows;
    this.rows = rows;
  }

  /** Seizures that pass the filter. */
  get shown(): number {
    return this.rows.length;
  }

  private index(): Supercluster<RowRef> {
    if (!this.sc) {
      const features = new Array<PointFeature<RowRef>>(this.rows.length);
      for (let i = 0; i < this.rows.length; i++) {
        const r = this.rows[i]!;
        const row = this.scopeRows[r]!;
        features[i] = { type: 'Feature', properties: { r }, geometry: { type: 'Point', coordinates: [row[LON], row[LAT]] } };
      }
      this.sc = new Supercluster<RowRef>({ radius: CLUSTER_RADIUS_PX, maxZoom: CLUSTER_MAX_ZOOM }).load(features);
    }
    return this.sc;
  }

  /**
   * Clusters and single seizures within `box` [west, south, east, north] at `zoom` (rounded).
   * A box crossing the antimeridian (east past 180 or west before −180) is answered on both
   * sides; one a whole turn wide or wider takes the world. Longitudes are within ±180.
   */
  query(box: readonly [number, number, number, number], zoom: number): IndexItem[] {
    const [west, south, east, north] = box;
    const bbox: [number, number, number, number] = east - west >= 360 ? [-180, south, 180, north] : [west, south, east, north];
    const z = Math.max(0, Math.min(Math.round(zoom), CLUSTER_MAX_ZOOM + 1));
    return this.index()
      .getClusters(bbox, z)
      .map((f): IndexItem => {
        const props = f.properties as Partial<ClusterProperties & RowRef>;
        if (props.cluster) {
          const [longitude, latitude] = f.geometry.coordinates as [number, number];
          return { kind: 'cluster', id: props.cluster_id!, latitude, longitude, count: props.point_count!, sectorCounts: this.sectorCounts(props.cluster_id!) };
        }
        return { kind: 'point', row: props.r! };
      });
  }

  /** Count per sector (CRIME_SECTORS order) of cluster `id`. */
  private sectorCounts(id: number): number[] {
    let c = this.counts.get(id);
    if (!c) {
      c = new Array<number>(CRIME_SECTORS.length).fill(0);
      for (const f of this.index().getLeaves(id, Infinity)) c[CRIME_SECTORS.indexOf(this.scopeRows[f.properties.r]![SECTOR])]! += 1;
      this.counts.set(id, c);
    }
    return c;
  }

  /**
   * Rows of cluster `id` in row order (date, id) that match `query` (lower-cased, see
   * shared/domain/map-filter.ts `placeQuery`; '' for all), from `offset`, at most `limit`; its
   * size and how many match; the zoom at which it splits; and whether its seizures share one
   * place (checked only for a cluster no zoom splits). The same order on every call, so pages
   * reach each seizure exactly once.
   * @throws Error when `id` is not a cluster of this index (supercluster's "No cluster with the specified id").
   */
  leaves(id: number, offset: number, limit: number, query = ''): { total: number; matched: number; rows: number[]; expansionZoom: number; colocated: boolean } {
    const sc = this.index();
    const expansionZoom = sc.getClusterExpansionZoom(id);
    const all = sc.getLeaves(id, Infinity).map((f) => f.properties.r);
    let colocated = false;
    if (expansionZoom > CLUSTER_MAX_ZOOM) {
      const first = this.scopeRows[all[0]!]!;
      colocated = all.every((r) => {
        const row = this.scopeRows[r]!;
        return Math.abs(row[LAT] - first[LAT]) < 1e-5 && Math.abs(row[LON] - first[LON]) < 1e-5;
      });
    }
    all.sort((a, b) => a - b);
    const matching = query
      ? all.filter((r) => {
          const row = this.scopeRows[r]!;
          return matchesPlaceSearch({ commodity: row[COMMODITY], taxon: row[TAXON], seizureDate: row[DATE], country: row[COUNTRY] }, query);
        })
      : all;
    return { total: all.length, matched: matching.length, rows: matching.slice(offset, offset + limit), expansionZoom, colocated };
  }
}
