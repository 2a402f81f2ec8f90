/**
 * The seizure map (react-leaflet over Leaflet, fully offline): the layers of map-layers.tsx in a
 * MapContainer. No tile layer, so no request leaves the machine. The view fits the points and
 * routes whenever the set of them changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { MapContainer, useMap } from 'react-leaflet';
import type { MapPoint } from '../../../shared/rpc/cases';
import type { Seizure } from '../../../shared/domain/seizure';
import type { Route } from '../../../shared/domain/route';
import { BasemapLayer, RouteLines, SeizureMarkers, type PopupSource } from './map-layers';
import { t } from '../../../shared/messages';

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

/** The world can be panned a little past the antimeridian on both sides (routes across it stay whole). */
const MAX_BOUNDS = L.latLngBounds([-85, -240], [85, 240]);

/**
 * The map container's own attributes (react-leaflet passes only class, id and style on): its
 * region role and name, the test id, and a resize watcher (the panel changes size with the layout).
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
  return null;
}

/** Fits the view to `all` whenever `fitKey` changes. */
function FitView(props: { fitKey: string; all: () => [number, number][] }): null {
  const map = useMap();
  const all = useRef(props.all);
  all.current = props.all;
  useEffect(() => {
    const latlngs = all.current();
    if (latlngs.length === 1) map.setView(latlngs[0]!, 6);
    else if (latlngs.length > 1) map.fitBounds(L.latLngBounds(latlngs), { padding: [48, 48], maxZoom: 7 });
  }, [map, props.fitKey]);
  return null;
}

/** The map. */
export function SeizureMap(props: SeizureMapProps): ReactNode {
  const [basemapError, setBasemapError] = useState<string | null>(null);
  const onBasemapError = useCallback((m: string) => setBasemapError(m), []);
  const source = useRef<PopupSource>(props);
  source.current = props;

  // Content keys: layers change only when what they show changes, not on every new array.
  const pointsKey = useMemo(() => JSON.stringify(props.points), [props.points]);
  const routesKey = useMemo(() => JSON.stringify((props.routes ?? []).map((r) => [r.id, r.name, r.kind, r.points])), [props.routes]);
  const routes = useMemo(() => props.routes ?? [], [routesKey]);
  const fitKey = useMemo(() => `${props.points.map((p) => p.id).sort().join(',')}|${routesKey.length}`, [props.points, routesKey]);
  const all = (): [number, number][] => [...props.points.map((p): [number, number] => [p.latitude, p.longitude]), ...routes.flatMap((r) => r.points)];

  return (
    <div className="seizure-map-wrap">
      <MapContainer
        className="seizure-map"
        center={[15, 60]}
        zoom={2}
        minZoom={1}
        maxZoom={13}
        zoomSnap={0.25}
        worldCopyJump={false}
        attributionControl={false}
        maxBounds={MAX_BOUNDS}
        maxBoundsViscosity={0.8}
        keyboard
      >
        <ContainerSetup label={props.label} />
        <BasemapLayer onError={onBasemapError} />
        <SeizureMarkers pointsKey={pointsKey} source={source} />
        <RouteLines routes={routes} />
        <FitView fitKey={fitKey} all={all} />
      </MapContainer>
      {basemapError ? <p className="map-error">{t('ui.map.basemap-error', { reason: basemapError })}</p> : null}
    </div>
  );
}
