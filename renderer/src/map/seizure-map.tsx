/**
 * The seizure map (react-leaflet over Leaflet, fully offline): the basemap and routes of
 * map-layers.tsx, the seizures clustered (cluster-layer.tsx over one cluster index built per set
 * of points) and, when asked, a heat layer; the basemap chooser in its corner, and the chosen
 * offline basemap's tiles (offline-tile-layer.tsx, from this machine). No request leaves it. The
 * view fits the points and routes whenever the set of them changes. A large set is clustered by
 * the data service instead (`remote`, remote-clusters.tsx): the page then holds only the view's items. `onReady` hands the owner a
 * handle to export the current view as a PNG.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { MapContainer, useMap } from 'react-leaflet';
import type { MapPoint } from '../../../shared/rpc/cases';
import type { Seizure } from '../../../shared/domain/seizure';
import type { Route } from '../../../shared/domain/route';
import { BasemapLayer, RouteLines, type PopupSource } from './map-layers';
import { ClusterIndex } from './cluster-index';
import { ClusterMarkers } from './cluster-layer';
import { FocusWithoutScroll } from './focus-without-scroll';
import { HeatLayer, SEIZURE_HEAT } from './heat-layer';
import { RemoteClusterMarkers, type RemoteScope } from './remote-clusters';
import { BasemapChooser } from './basemap-chooser';
import { DEFAULT_MAX_ZOOM, OfflineTileLayer } from './offline-tile-layer';
import { useBasemaps } from './use-basemaps';
import { OnlineTileLayer, OnlineTilesForm, OnlineTilesWarning } from './online-tiles';
import { MapAttribution } from './map-attribution';
import type { OnlineTiles } from '../../../shared/domain/online-tiles';
import { mapViewPng, type PngLegend, type ViewItems } from './map-png';
import { ContentKeys } from './points-key';
import { t } from '../../../shared/messages';
import { fitBoundsOf } from '../../../shared/domain/map-filter';

/** Props of {@link SeizureMap}. */
export interface SeizureMapProps {
  points: MapPoint[];
  /** Full seizures by id, for richer popups (case view). */
  details?: Map<string, Seizure>;
  routes?: Route[];
  /** The routes the view fits to when they differ from those drawn (the explorer draws only those in the slider's range, but keeps the view). */
  fitRoutes?: Route[];
  /** Opens a seizure from its popup. */
  onOpenSeizure?: (id: string, caseId: string) => void;
  /** A line per point shown in its popup head (e.g. the case number on the workspace map). */
  extraFor?: (p: MapPoint) => string | undefined;
  /** Accessible name of the map region. */
  label: string;
  /** What the view fits to changes only with this key (default: the points); filters pass the unfiltered set's key. */
  fitKey?: string;
  /** Draw the heat layer of the points. */
  heat?: boolean;
  /** Hears the map's handle once it exists. */
  onReady?: (handle: MapHandle) => void;
  /** "Move on map" in a marker's popup (case map, a member who may edit the case). */
  onMoveSeizure?: (id: string) => void;
  /** Drawn inside the map container, above the markers (e.g. move-seizure.tsx's pin and card). */
  children?: ReactNode;
  /** The workspace's online tile layer (online-tiles.tsx), when on; and `canSet` shows the admin's form. */
  online?: { workspaceId: string; tiles: OnlineTiles | null; canSet: boolean };
  /**
   * Clusters made by the data service (remote-clusters.tsx) instead of the page's own over
   * `points` (then empty): the scope and filter, and the bounds of the scope's seizures to fit.
   */
  remote?: { scope: RemoteScope; bounds: { south: number; west: number; north: number; east: number } | null };
}

/** What the owner of a map may ask of it. */
export interface MapHandle {
  /** The current view with `legend` as a PNG (see map-png.ts). */
  exportPng(legend: PngLegend): Promise<Blob>;
}

/** Hands out the map's handle (the Leaflet map is only reachable inside the container). */
function Handle(props: { index: { current: ViewItems }; onReady?: (h: MapHandle) => void }): null {
  const map = useMap();
  const { onReady, index } = props;
  useEffect(() => {
    onReady?.({ exportPng: (legend) => mapViewPng(map, index.current, legend) });
  }, [map, onReady, index]);
  return null;
}

/**
 * The world can be panned a turn past the antimeridian on both sides: routes across it stay whole,
 * and a fit across it (map-filter.ts `fitBoundsOf`, edges within ±360°) is not pushed back.
 */
const MAX_BOUNDS = L.latLngBounds([-85, -360], [85, 360]);

/**
 * The map container's own attributes (react-leaflet passes only class, id and style on): its
 * region role and name, the test id, a resize watcher (the panel changes size with the layout) and
 * `data-moving` while the view moves.
 */
function ContainerSetup(props: { label: string }): null {
  const map = useMap();
  const { label } = props;
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
    el.dataset.testid = 'seizure-map';
  }, [map, label]);
  useEffect(() => {
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(map.getContainer());
    return () => ro.disconnect();
  }, [map]);
  // `data-moving` while the view pans or zooms (a fit after a filter animates): tests point at a
  // marker only once the view is still, not at a path whose pane is mid-transform.
  useEffect(() => {
    const el = map.getContainer();
    const start = (): void => {
      el.dataset.moving = '1';
    };
    const end = (): void => {
      delete el.dataset.moving;
    };
    map.on('movestart zoomstart', start);
    map.on('moveend', end);
    return () => {
      map.off('movestart zoomstart', start);
      map.off('moveend', end);
    };
  }, [map]);
  return null;
}

/**
 * The bounds of points and routes, longitudes on their shortest arc (map-filter.ts `fitBoundsOf`:
 * seizures around Fiji on both sides of ±180° fit a narrow box across it, not the world), or null
 * when there is nothing. Two typed arrays, no LatLng per point (L.latLngBounds over an array made
 * one per point, ~10% of the first view at 100,000 points).
 */
export function boundsOf(points: readonly Pick<MapPoint, 'latitude' | 'longitude'>[], routes: readonly Route[]): ReturnType<typeof fitBoundsOf> {
  const n = points.length + routes.reduce((k, r) => k + r.points.length, 0);
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  let i = 0;
  for (const p of points) {
    lats[i] = p.latitude;
    lons[i++] = p.longitude;
  }
  for (const r of routes)
    for (const [lat, lon] of r.points) {
      lats[i] = lat;
      lons[i++] = lon;
    }
  return fitBoundsOf(lats, lons);
}

/** Fits the view to `bounds()` whenever `fitKey` changes (one point: centred at zoom 6). */
function FitView(props: { fitKey: string; bounds: () => ReturnType<typeof boundsOf> }): null {
  const map = useMap();
  const bounds = useRef(props.bounds);
  bounds.current = props.bounds;
  useEffect(() => {
    const b = bounds.current();
    if (!b) return;
    if (b.count === 1) map.setView([b.south, b.west], 6);
    else map.fitBounds(L.latLngBounds([b.south, b.west], [b.north, b.east]), { padding: [48, 48], maxZoom: 7 });
  }, [map, props.fitKey]);
  return null;
}

/** The map. */
export function SeizureMap(props: SeizureMapProps): ReactNode {
  const [basemapError, setBasemapError] = useState<string | null>(null);
  const onBasemapError = useCallback((m: string) => setBasemapError(m), []);
  const basemaps = useBasemaps();
  const online = props.online?.tiles ?? null;
  const source = useRef<PopupSource>(props);
  source.current = props;

  // Content keys: layers change only when what they show changes, not on every new array (a
  // refresh after someone else's edit brings a new but equal array: the index is not rebuilt
  // and the popup being read stays open).
  const [keys] = useState(() => new ContentKeys());
  const pointsKey = useMemo(() => keys.key(props.points), [keys, props.points]);
  const pointsRef = useRef(props.points);
  pointsRef.current = props.points;
  const index = useMemo(() => new ClusterIndex(pointsRef.current), [pointsKey]);
  // What the PNG export draws: the page's index, or the data service's last answer (remote-clusters.tsx sets it).
  const indexRef = useRef<ViewItems>(index);
  if (!props.remote) indexRef.current = index;
  const heatCells = useMemo(() => (props.heat && !props.remote ? index.points.map((p): L.HeatLatLngTuple => [p.latitude, p.longitude, SEIZURE_HEAT]) : []), [props.heat, props.remote, index]);
  const routesKey = useMemo(() => JSON.stringify((props.routes ?? []).map((r) => [r.id, r.name, r.kind, r.points, r.times])), [props.routes]);
  const routes = useMemo(() => props.routes ?? [], [routesKey]);
  const fitRoutesKey = useMemo(() => JSON.stringify((props.fitRoutes ?? []).map((r) => [r.id, r.points])), [props.fitRoutes]);
  const fitRoutes = useMemo(() => props.fitRoutes ?? routes, [fitRoutesKey, routes]);
  // Refit only when the set of seizures changes, not when a filter narrows it (the analyst keeps the view).
  const fitKey = `${props.fitKey ?? pointsKey}|${props.fitRoutes ? fitRoutesKey.length : routesKey.length}`;
  const remote = props.remote;
  const corners = remote?.bounds ? [{ latitude: remote.bounds.south, longitude: remote.bounds.west }, { latitude: remote.bounds.north, longitude: remote.bounds.east }] : [];
  const bounds = (): ReturnType<typeof boundsOf> => boundsOf(remote ? corners : props.points, fitRoutes);

  return (
    <div className="seizure-map-wrap">
      <MapContainer
        className="seizure-map"
        center={[15, 60]}
        zoom={2}
        minZoom={1}
        maxZoom={DEFAULT_MAX_ZOOM}
        zoomSnap={0.25}
        worldCopyJump={false}
        attributionControl={false}
        maxBounds={MAX_BOUNDS}
        maxBoundsViscosity={0.8}
        keyboard
      >
        <ContainerSetup label={props.label} />
        <FocusWithoutScroll />
        <BasemapLayer onError={onBasemapError} />
        {basemaps.active && basemaps.base ? <OfflineTileLayer basemap={basemaps.active} base={basemaps.base} /> : null}
        {online && props.online ? <OnlineTileLayer tiles={online} workspaceId={props.online.workspaceId} /> : null}
        <BasemapChooser state={basemaps}>{props.online?.canSet ? <OnlineTilesForm workspaceId={props.online.workspaceId} current={online} /> : null}</BasemapChooser>
        {props.heat && !remote ? <HeatLayer cells={heatCells} /> : null}
        {/* Fit first: the clusters' first query is then at the fitted zoom, and builds only up to it. */}
        <FitView fitKey={fitKey} bounds={bounds} />
        {remote ? <RemoteClusterMarkers scope={remote.scope} source={source} heat={props.heat ?? false} view={indexRef} /> : <ClusterMarkers index={index} source={source} />}
        <Handle index={indexRef} onReady={props.onReady} />
        <RouteLines routes={routes} />
        {props.children}
      </MapContainer>
      <MapAttribution active={basemaps.active} online={online} />
      {online ? <OnlineTilesWarning tiles={online} /> : null}
      {basemapError ? <p className="map-error">{t('ui.map.basemap-error', { reason: basemapError })}</p> : null}
    </div>
  );
}
