/**
 * The heat layer (leaflet.heat): the density of the seizures shown (or of the data service's
 * clusters of the view, each weighted by its count), on its own canvas above the
 * basemap. leaflet.heat is a browser script that extends the global `L`, so Leaflet is made
 * global once before the script is loaded (on first use: maps without heat never load it).
 */
import { useEffect, type ReactNode } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';

let loaded: Promise<void> | null = null;

/** Loads leaflet.heat once, after exposing Leaflet as the global it extends. */
function loadHeat(): Promise<void> {
  (globalThis as { L?: typeof L }).L ??= L;
  loaded ??= import('leaflet.heat').then(() => undefined);
  return loaded;
}

/**
 * Heat radius and blur in px; intensity saturates at `max` points per radius. The radius and blur
 * reach past the largest cluster bubble (54 px across, cluster-icon.ts), which is drawn over the
 * heat: at 22 px the heat of a cluster lay wholly under its bubble and the heat map looked like the
 * plain map (tester F7, session 27).
 */
export const HEAT_OPTIONS: L.HeatMapOptions = { radius: 32, blur: 24, maxZoom: 10, minOpacity: 0.35, max: 1 };

/**
 * For cells that are already counts (the data service's clusters, weighted by {@link heatOf}):
 * leaflet.heat's fading below its `maxZoom` (a point counts 2^(zoom − maxZoom)) is off — it
 * stands for the points one cell gathers when zoomed out, which a cluster's weight already
 * holds. With it, every cluster at a fitted zoom of 7 drew at the floor opacity: the heat was
 * invisible (F7).
 */
export const COUNTED_HEAT_OPTIONS: L.HeatMapOptions = { ...HEAT_OPTIONS, maxZoom: 0 };

/** A seizure's heat: [lat, lon, intensity]. */
export const SEIZURE_HEAT = 0.6;

/**
 * The heat layer of `cells` ([lat, lon, intensity]: one per seizure at {@link SEIZURE_HEAT}, or one
 * per cluster of the data service weighted by its count: `counted`, {@link COUNTED_HEAT_OPTIONS}); sets `data-heat="on"` on the map container once drawn.
 */
export function HeatLayer(props: { cells: readonly L.HeatLatLngTuple[]; counted?: boolean }): ReactNode {
  const map = useMap();
  const { cells, counted } = props;
  useEffect(() => {
    let layer: L.HeatLayer | null = null;
    let live = true;
    void loadHeat().then(() => {
      if (!live) return;
      layer = L.heatLayer(cells.slice(), counted ? COUNTED_HEAT_OPTIONS : HEAT_OPTIONS).addTo(map);
      map.getContainer().dataset.heat = 'on';
    });
    return () => {
      live = false;
      if (layer) map.removeLayer(layer);
      delete map.getContainer().dataset.heat;
    };
  }, [map, cells, counted]);
  return null;
}
