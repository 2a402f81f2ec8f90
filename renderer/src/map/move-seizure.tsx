/**
 * "Move on map" on the case map tab (docs/map.md § Setting a seizure's location): a member who may
 * edit the case picks "Move on map" in a seizure's popup; the map then shows the seizure's pin,
 * which can be dragged, and a click anywhere on the map moves the pin there too (crosshair). A
 * card at the bottom of the map asks for confirmation before anything is saved: the new point
 * with the decimals its zoom justifies, the old one, the importer's country flag and a location
 * precision (suggested from the zoom). **Save location** writes the same one `updateSeizure` as
 * the "Set on map" dialog, where the seizure lives (case/seizure-writes.ts: the replica, or the
 * data service for a seizure held in a volume doc; validated, attributed, audited with the old
 * values); a refused write keeps move mode and shows why. Escape or Cancel leaves without a write. The pin is a layer of the map; the card is
 * portalled beside the map's container, so neither its clicks nor its focus reach the map.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import L from 'leaflet';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import type { Seizure } from '../../../shared/domain/seizure';
import type { LocationPrecision } from '../../../shared/domain/codes';
import { LocationPrecisionSelect } from '../ui/code-selects';
import { formatCoordinates } from '../format/numbers';
import { useToast } from '../ui/toast';
import { locationPatch, metresPerPixel, pickedPoint, pointChanged, precisionForZoom, type PickedPoint } from './location-pick';
import { coordinatesText, CountryFlag, useLocationCheck } from './location-check';
import { PIN } from './pick-map';
import { t } from '../../../shared/messages';
import { updateSeizure, type SeizureWriteTarget } from '../case/seizure-writes';
import './pick-map.css';

/** Props of {@link MoveSeizure}. */
export interface MoveSeizureProps {
  /** Where the write goes (and the workspace, for the country check). */
  to: SeizureWriteTarget;
  /** The seizure being moved (it has coordinates: it is on the map). */
  seizure: Seizure;
  /** Leaves move mode (after saving or cancelling). */
  onDone: () => void;
}

/** Move mode for one seizure, inside the map container. */
export function MoveSeizure(props: MoveSeizureProps): ReactNode {
  const { seizure: s } = props;
  const map = useMap();
  const toast = useToast();
  const [picked, setPicked] = useState<{ point: PickedPoint; zoom: number } | null>(null);
  const [precision, setPrecision] = useState<LocationPrecision>(s.locationPrecision ?? 'exact');
  const check = useLocationCheck(props.to.workspaceId, picked?.point ?? null, s.country);
  const latest = useRef(props);
  latest.current = props;

  const pick = (lat: number, lon: number): void => {
    const zoom = map.getZoom();
    setPicked({ point: pickedPoint(lat, lon, zoom), zoom });
    setPrecision(precisionForZoom(zoom));
  };
  useMapEvents({ click: (e) => pick(e.latlng.lat, e.latlng.lng) });
  const handlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      dragend: (e) => {
        const ll = (e.target as L.Marker).getLatLng();
        pick(ll.lat, ll.lng);
      },
    }),
    // `pick` reads only the map and state setters.
    [map],
  );

  useEffect(() => {
    const el = map.getContainer();
    el.classList.add('map-picking');
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      latest.current.onDone();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      el.classList.remove('map-picking');
      window.removeEventListener('keydown', onKey, true);
    };
  }, [map]);

  const stored: [number, number] | null = s.latitude !== null && s.longitude !== null ? [s.latitude, s.longitude] : null;
  const at: [number, number] | null = picked ? [picked.point.latitude, picked.point.longitude] : stored;
  const changed = picked !== null && pointChanged(picked.point, s.latitude, s.longitude, s.locationPrecision, precision);
  const [saving, setSaving] = useState(false);
  const save = (): void => {
    if (!picked || saving) return;
    setSaving(true);
    updateSeizure(props.to, s.id, locationPatch(picked.point, precision)).then(
      () => {
        toast(t('ui.map.pick.saved', { coordinates: coordinatesText(picked.point) }));
        latest.current.onDone();
      },
      (err: unknown) => {
        setSaving(false);
        toast(err instanceof Error ? err.message : String(err), 'error');
      },
    );
  };

  // The card sits beside the Leaflet container, not in it: focusing its select must not scroll the
  // map's own box (Leaflet containers are overflow: hidden but still scrollable).
  const host = map.getContainer().parentElement;
  const cardNode = (
    <div className="move-card" role="group" aria-label={t('ui.map.move.label', { commodity: s.commodity })} data-testid="move-card">
      {picked ? (
        <>
          <p className="move-card-question">
            {t('ui.map.move.confirm', { commodity: s.commodity })} <strong className="num" data-testid="picked-coordinates">{coordinatesText(picked.point)}</strong>{' '}
            <span className="muted">{t('ui.map.pick.pixel', { decimals: picked.point.decimals, metres: metresPerPixel(picked.zoom) })}</span>
          </p>
          {stored ? <p className="muted small">{t('ui.map.pick.was', { coordinates: formatCoordinates(stored[0], stored[1]) })}</p> : null}
          <CountryFlag check={check} country={s.country} />
        </>
      ) : (
        <p className="move-card-question">{t('ui.map.move.banner', { commodity: s.commodity })}</p>
      )}
      <div className="move-card-actions">
        <label className="pick-precision">
          {t('ui.map.pick.precision')}{' '}
          <LocationPrecisionSelect value={precision} onChange={(e) => setPrecision(e.target.value as LocationPrecision)} disabled={!picked} />
        </label>
        <span className="grow" />
        <button type="button" className="btn btn-sm btn-ghost" onClick={props.onDone}>
          {t('ui.common.cancel')}
        </button>
        <button type="button" className="btn btn-sm btn-primary" disabled={!changed || saving} onClick={save}>
          {t('ui.map.pick.save')}
        </button>
      </div>
    </div>
  );
  return (
    <>
      {at ? <Marker position={at} icon={PIN} draggable eventHandlers={handlers} keyboard={false} title={t('ui.map.pick.marker')} /> : null}
      {host ? createPortal(cardNode, host) : null}
    </>
  );
}

