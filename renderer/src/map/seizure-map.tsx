/**
 * The seizure map (Leaflet, fully offline): the Natural Earth basemap drawn as an L.geoJSON
 * layer on a canvas in its own pane (land fill and borders; the sea is the container's
 * background), seizures as circle markers coloured by sector and sized by quantity class, each
 * with a popup, and routes as dashed polylines labelled with their name. No tile layer, so no
 * request leaves the machine. The view fits the points whenever the set of points changes.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import type { MapPoint } from '../../../shared/rpc/cases';
import type { Seizure } from '../../../shared/domain/seizure';
import type { Route } from '../../../shared/domain/route';
import { SECTOR_COLORS } from '../domain/sector-colors';
import { loadBasemap } from './basemap';
import { markerRadius } from './marker-style';
import { popupContent, textContent } from './popup-content';
import { countryLabel } from '../format/countries';
import { splitLine, unwrap, type Position } from './antimeridian';

/** Props of {@link SeizureMap}. */
export interface SeizureMapProps {
  points: MapPoint[];
  /** Full seizures by id, for richer popups (case view). */
  details?: Map<string, Seizure>;
  routes?: Route[];
  /** Opens a seizure from its popup. */
  onOpenSeizure?: (id: string) => void;
  /** A line per point shown in its popup head (e.g. the case number on the workspace map). */
  extraFor?: (p: MapPoint) => string | undefined;
  /** Accessible name of the map region. */
  label: string;
}

/** Above this many points markers are drawn on one canvas instead of one SVG path each (stays smooth with 10,000+). */
const CANVAS_MARKERS_FROM = 2000;

const LAND = '#f7f5f0';
const BORDER = '#b9b4a9';
const ROUTE = '#1d2b3f';

/** The map. */
export function SeizureMap(props: SeizureMapProps): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const routeLayer = useRef<L.LayerGroup | null>(null);
  const [basemapError, setBasemapError] = useState<string | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const m = L.map(el, {
      center: [15, 60],
      zoom: 2,
      minZoom: 1,
      maxZoom: 13,
      zoomSnap: 0.25,
      worldCopyJump: false,
      attributionControl: false,
      maxBounds: L.latLngBounds([-85, -240], [85, 240]),
      maxBoundsViscosity: 0.8,
      keyboard: true,
    });
    map.current = m;
    m.createPane('basemap').style.zIndex = '250';
    markers.current = L.layerGroup().addTo(m);
    routeLayer.current = L.layerGroup().addTo(m);
    let live = true;
    loadBasemap()
      .then((fc) => {
        if (!live) return;
        // GeoJSON passes its options on to each polygon it creates, renderer included.
        const options: L.GeoJSONOptions & L.PathOptions = {
          pane: 'basemap',
          interactive: false,
          renderer: L.canvas({ pane: 'basemap', padding: 0.5 }),
          style: { fillColor: LAND, fillOpacity: 1, color: BORDER, weight: 0.7, opacity: 1 },
        };
        L.geoJSON(fc, options).addTo(m);
        el.dataset.basemap = 'ready';
      })
      .catch((err: unknown) => live && setBasemapError(err instanceof Error ? err.message : String(err)));
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el);
    return () => {
      live = false;
      ro.disconnect();
      m.remove();
      map.current = null;
    };
  }, []);

  // Content keys: the layers are rebuilt only when what they show changes, not on every new
  // array (a refresh after someone else's edit must not close the popup being read).
  const pointsKey = useMemo(() => JSON.stringify(props.points), [props.points]);
  const routesKey = useMemo(() => JSON.stringify((props.routes ?? []).map((r) => [r.id, r.name, r.points])), [props.routes]);
  const live = useRef(props);
  live.current = props;

  // Markers: popups read the latest details and callbacks when they open.
  useEffect(() => {
    const m = map.current;
    const group = markers.current;
    if (!m || !group) return;
    group.clearLayers();
    const points = JSON.parse(pointsKey) as MapPoint[];
    const renderer = points.length >= CANVAS_MARKERS_FROM ? L.canvas({ padding: 0.3 }) : undefined;
    for (const p of points) {
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: markerRadius(p.quantity, p.unit),
        color: '#ffffff',
        weight: 1.5,
        fillColor: SECTOR_COLORS[p.sector],
        fillOpacity: 0.85,
        className: `seizure-marker seizure-marker-${p.sector}`,
        ...(renderer ? { renderer } : {}),
      });
      marker.bindPopup(
        () => {
          const { details, onOpenSeizure, extraFor } = live.current;
          const open = onOpenSeizure
            ? (id: string): void => {
                m.closePopup();
                onOpenSeizure(id);
              }
            : null;
          return popupContent(p, details?.get(p.id) ?? null, open, extraFor?.(p));
        },
        { maxWidth: 320, minWidth: 240 },
      );
      marker.bindTooltip(textContent(`${p.commodity} — ${p.place || countryLabel(p.country)}`), { direction: 'top', offset: [0, -6] });
      // The hover tooltip would sit over the popup it summarises: close it while the popup is open.
      marker.on('popupopen', () => marker.closeTooltip());
      marker.on('tooltipopen', () => {
        if (marker.isPopupOpen()) marker.closeTooltip();
      });
      group.addLayer(marker);
    }
  }, [pointsKey]);

  // Routes: dashed polylines with a label, unwrapped and split at the antimeridian.
  useEffect(() => {
    const group = routeLayer.current;
    if (!group) return;
    group.clearLayers();
    for (const r of live.current.routes ?? []) {
      const lonLat: Position[] = r.points.map(([lat, lon]) => [lon, lat]);
      const parts = splitLine(unwrap(lonLat).map(([x, y]): Position => [((((x + 180) % 360) + 360) % 360) - 180, y]));
      const latlngs = parts.map((part) => part.map(([lon, lat]) => [lat, lon] as [number, number]));
      const line = L.polyline(latlngs, { color: ROUTE, weight: 3, opacity: 0.9, dashArray: '8 6', className: 'route-line', interactive: true });
      line.bindTooltip(textContent(r.name), { permanent: true, direction: 'top', offset: [0, -10], className: 'route-label' });
      group.addLayer(line);
    }
  }, [routesKey]);

  // The view fits the points and routes whenever the set of them changes.
  const fitKey = useMemo(() => `${props.points.map((p) => p.id).sort().join(',')}|${routesKey.length}`, [props.points, routesKey]);
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const { points, routes } = live.current;
    const all: [number, number][] = [...points.map((p): [number, number] => [p.latitude, p.longitude]), ...(routes ?? []).flatMap((r) => r.points)];
    if (all.length === 1) m.setView(all[0]!, 6);
    else if (all.length > 1) m.fitBounds(L.latLngBounds(all), { padding: [48, 48], maxZoom: 7 });
  }, [fitKey]);

  return (
    <div className="seizure-map-wrap">
      <div ref={container} className="seizure-map" role="region" aria-label={props.label} data-testid="seizure-map" />
      {basemapError ? <p className="map-error">The basemap could not be drawn: {basemapError}. Markers are still shown.</p> : null}
    </div>
  );
}
