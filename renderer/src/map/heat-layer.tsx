/**
 * The heat layer (leaflet.heat): the density of the seizures shown, on its own canvas above the
 * basemap. leaflet.heat is a browser script that extends the global `L`, so Leaflet is made
 * global once before the script is loaded (on first use: maps without heat never load it).
 */
import { useEffect, type ReactNode } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapPoint } from '../../../shared/rpc/cases';

let loaded: Promise<void> | null = null;

/** Loads leaflet.heat once, after exposing Leaflet as the global it extends. */
function loadHeat(): Promise<void> {
  (globalThis as { L?: typeof L }).L ??= L;
  loaded ??= import('leaflet.heat').then(() => undefined);
  return loaded;
}

/** Heat radius and blur in px; intensity saturates at `max` points per radius. */
const HEAT_OPTIONS: L.HeatMapOptions = { radius: 22, blur: 18, maxZoom: 10, minOpacity: 0.35, max: 1 };

/** The heat layer of `points`; sets `data-heat="on"` on the map container once drawn. */
export function HeatLayer(props: { points: readonly MapPoint[] }): ReactNode {
  const map = useMap();
  const { points } = props;
  useEffect(() => {
    let layer: L.HeatLayer | null = null;
    let live = true;
    void loadHeat().then(() => {
      if (!live) return;
      layer = L.heatLayer(
        points.map((p): L.HeatLatLngTuple => [p.latitude, p.longitude, 0.6]),
        HEAT_OPTIONS,
      ).addTo(map);
      map.getContainer().dataset.heat = 'on';
    });
    return () => {
      live = false;
      if (layer) map.removeLayer(layer);
      delete map.getContainer().dataset.heat;
    };
  }, [map, points]);
  return null;
}
