/**
 * The offline basemap: Natural Earth 1:50m countries from world-atlas (bundled by Vite as an
 * asset of the app, fetched from the app's own origin, never from the network), converted to
 * GeoJSON with topojson-client and fixed at the antimeridian. Loaded once per window.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { fixAntimeridian, type AreaGeometry } from '../../../shared/geo/antimeridian';
import { t } from '../../../shared/messages';
import countries from 'i18n-iso-countries';
import { fitBoundsOf } from '../../../shared/domain/map-filter';

/** Country outlines ready for L.geoJSON: properties carry the country `name`. */
export type Basemap = FeatureCollection<Geometry, { name: string }>;

let loading: Promise<Basemap> | null = null;

/** Converts a world-atlas topology to antimeridian-safe GeoJSON. */
export function basemapFromTopology(topo: Topology<{ countries: GeometryCollection<{ name: string }> }>): Basemap {
  const fc = feature(topo, topo.objects.countries) as unknown as Basemap;
  return {
    type: 'FeatureCollection',
    features: fc.features
      .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
      .map((f) => ({ ...f, geometry: fixAntimeridian(f.geometry as unknown as AreaGeometry) as unknown as Geometry })),
  };
}

/**
 * The basemap (loaded and converted on first call).
 * @throws Error when the bundled atlas cannot be read.
 */
export function loadBasemap(): Promise<Basemap> {
  loading ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(t('ui.map.basemap-unreadable', { status: String(r.status) }));
      return r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
    })
    .then(basemapFromTopology)
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

/**
 * The box a map fits to show the country `code` (ISO 3166-1 alpha-2) of `basemap`: its outline's
 * latitudes and its longitudes on their shortest arc (map-filter.ts `fitBoundsOf`: Fiji, cut at
 * ±180° in the basemap, is a narrow box across it, 177° … 182°, not the world). Null for a code
 * the basemap has no outline of (a territory without an ISO id, an unknown code).
 */
export function countryBounds(basemap: Basemap, code: string): ReturnType<typeof fitBoundsOf> {
  const numeric = countries.alpha2ToNumeric(code.toUpperCase());
  if (!numeric) return null;
  const f = basemap.features.find((x) => String(x.id) === numeric);
  if (!f || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) return null;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const lats: number[] = [];
  const lons: number[] = [];
  for (const poly of polygons)
    for (const [lon, lat] of poly[0] ?? []) {
      lons.push(lon!);
      lats.push(lat!);
    }
  return fitBoundsOf(lats, lons);
}
