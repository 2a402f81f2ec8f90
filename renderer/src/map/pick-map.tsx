/**
 * The map of the "Set on map" dialog: the offline basemap, the seizure's marker (draggable when
 * the member may edit it) and a pick mode — crosshair cursor, a banner saying what a click does,
 * with Cancel and (for keyboard users, who pan with the arrow keys) "Use the map centre". A click
 * in pick mode sets the point and ends the mode; Escape ends it without picking. Without a stored
 * point it opens on the seizing country (fitted across ±180° for Fiji), else on the world.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { MapContainer, Marker, useMap, useMapEvent, useMapEvents } from 'react-leaflet';
import { BasemapLayer } from './map-layers';
import { countryBounds, loadBasemap } from './basemap';
import { lineNear } from '../../../shared/geo/antimeridian';
import { t } from '../../../shared/messages';
import './pick-map.css';

/** A point in WGS84 degrees and the zoom it was chosen at (which decides its rounding). */
export interface MapPick {
  lat: number;
  lon: number;
  zoom: number;
}

/** Props of {@link PickMap}. */
export interface PickMapProps {
  /** The marker's position (the stored or just-picked point), or null for none. */
  marker: [number, number] | null;
  /** Whether clicks set the point (pick mode). */
  picking: boolean;
  /** Whether the marker may be dragged (the member may edit the seizure). */
  draggable: boolean;
  onPick: (p: MapPick) => void;
  /** Leaves pick mode without a point (Cancel, Escape). */
  onCancelPick: () => void;
  /** Accessible name of the map. */
  label: string;
  /** The seizing country (ISO 3166-1 alpha-2): without a marker the map opens on it, not on the world. */
  country?: string | null;
}

/** The pin: a div icon (Leaflet's default PNG icon would need its images bundled). */
export const PIN = L.divIcon({ className: 'pick-pin', html: '<span></span>', iconSize: [22, 22], iconAnchor: [11, 11] });

/** Clicks, the crosshair and Escape while picking. */
function PickEvents(props: { picking: boolean; onPick: (p: MapPick) => void; onCancelPick: () => void; label: string }): null {
  const map = useMap();
  const latest = useRef(props);
  latest.current = props;
  useMapEvents({
    click: (e) => {
      if (latest.current.picking) latest.current.onPick({ lat: e.latlng.lat, lon: e.latlng.lng, zoom: map.getZoom() });
    },
  });
  useEffect(() => {
    const el = map.getContainer();
    el.classList.toggle('map-picking', props.picking);
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', props.label);
    el.dataset.testid = 'pick-map';
    if (!props.picking) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      // Escape leaves pick mode only; the dialog stays open (its own Escape handler must not run).
      e.preventDefault();
      e.stopPropagation();
      latest.current.onCancelPick();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [map, props.picking, props.label]);
  return null;
}

/**
 * Hands the Leaflet map to the owner (for "Use the map centre") and keeps its size right: the
 * map is created while the modal dialog is still laying out, so it measures again on resize.
 */
function MapRef(props: { into: { current: L.Map | null } }): null {
  const map = useMap();
  props.into.current = map;
  useEffect(() => {
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(map.getContainer());
    return () => ro.disconnect();
  }, [map]);
  return null;
}

/**
 * Opens the map on `country` (its outline's box, across ±180° for Fiji: basemap.ts
 * `countryBounds`) once the basemap is loaded; sets `data-opened-on` on the container to the
 * country it fitted. Nothing when there is no country or the basemap has no outline of it.
 */
function FitCountry(props: { country: string }): null {
  const map = useMap();
  const { country } = props;
  useEffect(() => {
    let live = true;
    loadBasemap().then(
      (fc) => {
        const b = live ? countryBounds(fc, country) : null;
        if (!b) return;
        map.fitBounds(L.latLngBounds([b.south, b.west], [b.north, b.east]), { padding: [24, 24], maxZoom: 8, animate: false });
        map.getContainer().dataset.openedOn = country;
      },
      () => undefined, // BasemapLayer reports the error.
    );
    return () => {
      live = false;
    };
  }, [map, country]);
  return null;
}

/**
 * The marker, on the world copy nearest the view's centre (antimeridian.ts `lineNear`, as routes):
 * a point picked east of 180° in a view across it is stored as e.g. −179° and must stay where it
 * was clicked, not jump a turn west out of view.
 */
function PickMarker(props: { at: [number, number]; draggable: boolean; handlers: L.LeafletEventHandlerFnMap }): ReactNode {
  const map = useMap();
  const [centre, setCentre] = useState(() => map.getCenter().lng);
  useMapEvent('moveend', () => setCentre(map.getCenter().lng));
  const [lat, lon] = props.at;
  const placed = lineNear([[lon, lat]], centre)[0]![0];
  return <Marker position={[lat, placed]} icon={PIN} draggable={props.draggable} eventHandlers={props.handlers} keyboard={false} title={t('ui.map.pick.marker')} />;
}

/** The pick map. */
export function PickMap(props: PickMapProps): ReactNode {
  const { marker, picking, draggable, onPick } = props;
  const [basemapError, setBasemapError] = useState<string | null>(null);
  const mapRef = useRef<L.Map | null>(null);
  const latest = useRef(onPick);
  latest.current = onPick;
  const handlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      dragend: (e) => {
        const ll = (e.target as L.Marker).getLatLng();
        latest.current({ lat: ll.lat, lon: ll.lng, zoom: mapRef.current?.getZoom() ?? 0 });
      },
    }),
    [],
  );
  const useCentre = (): void => {
    const m = mapRef.current;
    if (!m) return;
    const c = m.getCenter();
    onPick({ lat: c.lat, lon: c.lng, zoom: m.getZoom() });
  };
  return (
    <div className="seizure-map-wrap pick-map-wrap">
      {picking ? (
        <div className="pick-banner" role="status" data-testid="pick-banner">
          <span className="grow">{t('ui.map.pick.banner')}</span>
          <button type="button" className="btn btn-sm" onClick={useCentre}>
            {t('ui.map.pick.use-centre')}
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={props.onCancelPick}>
            {t('ui.map.pick.cancel')}
          </button>
        </div>
      ) : null}
      <MapContainer className="seizure-map pick-map" center={marker ?? [15, 60]} zoom={marker ? 8 : 2} minZoom={1} maxZoom={16} zoomSnap={1} attributionControl={false} keyboard>
        <MapRef into={mapRef} />
        <BasemapLayer onError={setBasemapError} />
        <PickEvents picking={picking} onPick={onPick} onCancelPick={props.onCancelPick} label={props.label} />
        {!marker && props.country ? <FitCountry country={props.country} /> : null}
        {marker ? <PickMarker at={marker} draggable={draggable} handlers={handlers} /> : null}
      </MapContainer>
      {basemapError ? <p className="map-error">{t('ui.map.basemap-error', { reason: basemapError })}</p> : null}
    </div>
  );
}
