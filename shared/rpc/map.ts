/**
 * RPC methods of the map answered by clusters made on the data service (docs/map.md "Opening a
 * large case (P8)"): for a case or the workspace map with more mapped seizures than a page should
 * hold, the service keeps a supercluster index over the projection's mapped seizures per scope
 * and filter, and a view asks only for what it draws (`map.clusters`), a cluster's seizures a page
 * at a time (`map.leaves`), the filter lists' values with counts (`map.facets`) and the totals,
 * bounds, sectors and months of the scope (`map.overview`). The filter rule is
 * shared/domain/map-filter.ts, the same as the page's for small sets.
 */
import { z } from 'zod';
import { CRIME_SECTORS } from '../domain/codes';
import { mapPointSchema } from './cases';
import { method } from './define';

const workspaceId = z.string().uuid();

/** An ISO date bound (`YYYY-MM-DD`), or '' for open. */
const dateBound = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')]);

/** A map filter on the wire (shared/domain/map-filter.ts); '' and [] mean "any". */
export const mapFilterSchema = z.object({
  from: dateBound.default(''),
  to: dateBound.default(''),
  hiddenSectors: z.array(z.enum(CRIME_SECTORS)).max(CRIME_SECTORS.length).default([]),
  commodity: z.string().max(500).default(''),
  country: z.string().max(3).default(''),
  caseId: z.string().max(64).default(''),
  taxon: z.string().max(500).default(''),
  /** Only the seizures flagged for review (shared/domain/seizure.ts `isFlaggedForReview`). */
  flaggedOnly: z.boolean().default(false),
});
/** A map filter as a handler receives it. */
export type MapFilterDto = z.output<typeof mapFilterSchema>;
/** A map filter as a caller may pass it (fields omitted mean "any"). */
export type MapFilterInput = z.input<typeof mapFilterSchema>;

/** Which mapped seizures: one case's, or (no caseId) every case's the member may read; then the filter. */
const scope = {
  workspaceId,
  caseId: z.string().uuid().optional(),
  filter: mapFilterSchema.default({ from: '', to: '', hiddenSectors: [], commodity: '', country: '', caseId: '', taxon: '', flaggedOnly: false }),
};

/** A view box [west, south, east, north] in degrees; west/east may lie past ±180 (a Leaflet view across the antimeridian). */
export const viewBoxSchema = z
  .tuple([z.number().min(-720).max(720), z.number().min(-90).max(90), z.number().min(-720).max(720), z.number().min(-90).max(90)])
  .refine(([w, s, e, n]) => w <= e && s <= n, 'west <= east and south <= north');

/** A cluster of a view: `id` names it to `map.leaves` while the scope's projection is unchanged. */
export const mapClusterSchema = z.object({
  kind: z.literal('cluster'),
  id: z.number().int(),
  latitude: z.number(),
  /** Within ±180 (the renderer moves it into the view's range). */
  longitude: z.number(),
  count: z.number().int().min(2),
  /** Count per sector in CRIME_SECTORS order; sums to `count`. */
  sectorCounts: z.array(z.number().int()).length(CRIME_SECTORS.length),
  /** Of `count`, the seizures flagged for review (the badge's mark and tooltip). */
  flagged: z.number().int().min(0),
});
/** A cluster of a view. */
export type MapCluster = z.infer<typeof mapClusterSchema>;

/** One item of a view: a cluster or a single seizure (with what its marker and popup show). */
export const mapItemSchema = z.discriminatedUnion('kind', [mapClusterSchema, z.object({ kind: z.literal('point'), point: mapPointSchema })]);
/** One item of a view. */
export type MapItemDto = z.infer<typeof mapItemSchema>;

/** Most seizures one `map.leaves` call returns. */
export const MAP_LEAVES_MAX = 500;
/** Most values one `map.facets` call returns. */
export const MAP_FACETS_MAX = 200;

/** The map fields a filter list chooses from. */
export const MAP_FACET_FIELDS = ['commodity', 'taxon', 'country', 'caseId'] as const;

/** One value of a filter list and how many mapped seizures of the scope have it. */
export const facetOptionSchema = z.object({ value: z.string(), count: z.number().int() });

export const mapRpc = {
  'map.overview': method(
    z.object(scope),
    z.object({
      /** Mapped seizures of the scope (before the filter). */
      total: z.number().int(),
      /** Those that pass the filter. */
      shown: z.number().int(),
      /** Of `shown`, those flagged for review (the filter's count and the legend). */
      flagged: z.number().int(),
      /**
       * Bounds of the seizures that pass the filter (the view fits them when a filter list changes);
       * longitudes on their shortest arc, so `east` may pass 180° (a case around Fiji); null when none.
       */
      bounds: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number(), count: z.number().int() }).nullable(),
      /** Sectors present in the scope (the legend). */
      sectors: z.array(z.enum(CRIME_SECTORS)),
      /** `YYYY-MM-01` of each month from the scope's first seizure to its last (the time slider). */
      months: z.array(z.string()),
      /** Changes whenever the scope's projection does: a view's cluster ids are valid for one version. */
      version: z.string(),
    }),
    'Totals, bounds, sectors and months of the mapped seizures of a case or of the workspace, and how many pass a filter.',
    'case.read',
  ),
  'map.clusters': method(
    z.object({ ...scope, bbox: viewBoxSchema, zoom: z.number().min(0).max(30) }),
    z.object({ version: z.string(), items: z.array(mapItemSchema) }),
    'The clusters and single seizures of a map view (box and zoom) over the seizures that pass a filter, clustered on the data service.',
    'case.read',
  ),
  'map.leaves': method(
    z.object({
      ...scope,
      clusterId: z.number().int(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(0).max(MAP_LEAVES_MAX).default(100),
      /** Narrows the pages to the seizures matching it (shared/domain/map-filter.ts `matchesPlaceSearch`); '' for all. */
      search: z.string().max(200).default(''),
    }),
    z.object({
      /** Seizures in the cluster. */
      total: z.number().int(),
      /** Those matching `search` (= total without one): what `offset` pages through. */
      matched: z.number().int(),
      /** The zoom at which it splits; past the map's last zoom when its seizures share one place. */
      expansionZoom: z.number().int(),
      /** Every seizure of the cluster lies at one place (within ~1 m): no zoom separates them. */
      colocated: z.boolean(),
      /**
       * How many places its seizures lie at (distinct names the map shows for them,
       * shared/domain/map-filter.ts `mapPlaceName`): a place list is titled by the place only when 1.
       */
      places: z.number().int().min(1),
      offset: z.number().int(),
      points: z.array(mapPointSchema),
    }),
    'A page of a cluster\'s seizures (in date order, optionally narrowed by a search), where it splits, and whether its seizures share one place. not-found when the cluster is gone (the projection changed).',
    'case.read',
  ),
  'map.facets': method(
    z.object({ workspaceId, caseId: z.string().uuid().optional(), field: z.enum(MAP_FACET_FIELDS), search: z.string().max(200).default(''), limit: z.number().int().min(1).max(MAP_FACETS_MAX).default(50) }),
    z.object({ options: z.array(facetOptionSchema), distinct: z.number().int() }),
    'The values of a map filter list over the mapped seizures of the scope, most frequent first, the first `limit` of those containing `search` (case-insensitive), and how many distinct values match.',
    'case.read',
  ),
} as const;
