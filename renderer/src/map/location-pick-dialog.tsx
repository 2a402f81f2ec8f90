/**
 * "Set on map": a dialog in which the member clicks the map (pick mode) or drags the seizure's
 * marker to set where it was seized. It shows the new coordinates with the decimals the zoom
 * justifies and the pixel's size, a location precision (suggested from the zoom, changeable), the
 * country check the importer runs (`seizures.checkLocation`: outside the seizing country beyond
 * the port and territorial-water tolerance is flagged, never refused), and saves coordinates and
 * precision as one attributed write where the seizure lives (case/seizure-writes.ts `updateSeizure`:
 * the replica's case doc, or the data service for a seizure held in a volume doc; the audit keeps
 * the previous values, so the field's history shows them). Escape leaves pick mode, then closes the dialog.
 */
import { useState, type ReactNode } from 'react';
import type { Seizure } from '../../../shared/domain/seizure';
import type { LocationPrecision } from '../../../shared/domain/codes';
import { FormDialog } from '../ui/form-dialog';
import { LocationPrecisionSelect } from '../ui/code-selects';
import { formatCoordinates } from '../format/numbers';
import { locationPatch, metresPerPixel, pickedPoint, pointChanged, precisionForZoom, type PickedPoint } from './location-pick';
import { PickMap, type MapPick } from './pick-map';
import { coordinatesText, CountryFlag, useLocationCheck } from './location-check';
import { t } from '../../../shared/messages';
import { updateSeizure, type SeizureWriteTarget } from '../case/seizure-writes';

/** Props of {@link LocationPickDialog}. */
export interface LocationPickDialogProps {
  /** Where the write goes (and the workspace, for the country check). */
  to: SeizureWriteTarget;
  seizure: Seizure;
  onClose: () => void;
  /** Hears the saved point (for a toast). */
  onSaved: (p: PickedPoint) => void;
}

/** The dialog. */
export function LocationPickDialog(props: LocationPickDialogProps): ReactNode {
  const { seizure: s } = props;
  const stored = s.latitude !== null && s.longitude !== null ? ([s.latitude, s.longitude] as [number, number]) : null;
  const [picking, setPicking] = useState(stored === null);
  const [picked, setPicked] = useState<{ point: PickedPoint; zoom: number } | null>(null);
  const [precision, setPrecision] = useState<LocationPrecision>(s.locationPrecision ?? 'exact');

  const onPick = (p: MapPick): void => {
    const point = pickedPoint(p.lat, p.lon, p.zoom);
    setPicked({ point, zoom: p.zoom });
    setPrecision(precisionForZoom(p.zoom));
    setPicking(false);
  };

  const check = useLocationCheck(props.to.workspaceId, picked?.point ?? null, s.country);

  const marker: [number, number] | null = picked ? [picked.point.latitude, picked.point.longitude] : stored;
  const changed = picked !== null && pointChanged(picked.point, s.latitude, s.longitude, s.locationPrecision, precision);
  return (
    <FormDialog
      title={t('ui.map.pick.title', { commodity: s.commodity })}
      description={t('ui.map.pick.description')}
      size="wide"
      className="location-pick-dialog"
      submitLabel={t('ui.map.pick.save')}
      submitIcon="check"
      submitDisabled={!changed}
      onClose={props.onClose}
      onSubmit={async () => {
        if (!picked) return false;
        // A refused write rejects: FormDialog shows its message and keeps the dialog open.
        await updateSeizure(props.to, s.id, locationPatch(picked.point, precision));
        props.onSaved(picked.point);
        props.onClose();
        return true;
      }}
    >
      <PickMap marker={marker} picking={picking} draggable onPick={onPick} onCancelPick={() => setPicking(false)} label={t('ui.map.pick.map-label')} country={s.country} />
      <div className="pick-result" data-testid="pick-result">
        {picked ? (
          <>
            <p>
              {t('ui.map.pick.new-point')} <strong className="num" data-testid="picked-coordinates">{coordinatesText(picked.point)}</strong>{' '}
              <span className="muted">{t('ui.map.pick.pixel', { decimals: picked.point.decimals, metres: metresPerPixel(picked.zoom) })}</span>
            </p>
            {stored ? <p className="muted small">{t('ui.map.pick.was', { coordinates: formatCoordinates(stored[0], stored[1]) })}</p> : null}
            <CountryFlag check={check} country={s.country} />
          </>
        ) : (
          <p className="muted">{stored ? t('ui.map.pick.current', { coordinates: formatCoordinates(stored[0], stored[1]) }) : t('ui.map.pick.none')}</p>
        )}
        <div className="pick-controls">
          <label className="pick-precision">
            {t('ui.map.pick.precision')}{' '}
            <LocationPrecisionSelect value={precision} onChange={(e) => setPrecision(e.target.value as LocationPrecision)} disabled={!picked} />
          </label>
          {!picking ? (
            <button type="button" className="btn btn-sm" onClick={() => setPicking(true)}>
              {t('ui.map.pick.start')}
            </button>
          ) : null}
        </div>
      </div>
    </FormDialog>
  );
}
