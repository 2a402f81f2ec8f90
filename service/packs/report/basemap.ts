/**
 * The basemap of the report's seizure map: Natural Earth 1:50m land shipped with the app
 * (world-atlas 2.0.2 `land-50m.json`, public domain), as GeoJSON, decoded once per process.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import landAtlas from 'world-atlas/land-50m.json';

let land: GeoJSON.FeatureCollection | null = null;

/** The land polygons (WGS84), decoded on first use. */
export function landFeatures(): GeoJSON.FeatureCollection {
  if (!land) {
    const topo = landAtlas as unknown as Topology<{ land: GeometryCollection }>;
    land = feature(topo, topo.objects.land) as unknown as GeoJSON.FeatureCollection;
  }
  return land;
}
