/**
 * What "Set on map" (location-pick-dialog.tsx) and "Move on map" on the case map tab
 * (move-seizure.tsx) both show about a picked point: its coordinates with the decimals the zoom
 * justifies, and the importer's country check (`seizures.checkLocation`: a point farther than
 * the port and territorial-water tolerance from the seizing country is flagged, never refused).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { LocationCheck } from '../../../shared/rpc/cases';
import { useClient } from '../app/services';
import { Notice } from '../ui/states';
import { countryWithCode } from '../format/countries';
import type { PickedPoint } from './location-pick';
import { t } from '../../../shared/messages';

/** Coordinates with their decimals: `decimals` digits, not formatCoordinates' fixed four. */
export function coordinatesText(p: PickedPoint): string {
  const f = (v: number, pos: string, neg: string): string => `${Math.abs(v).toFixed(p.decimals)}° ${v >= 0 ? pos : neg}`;
  return `${f(p.latitude, 'N', 'S')}, ${f(p.longitude, 'E', 'W')}`;
}

/** The country check of `point` against the seizing `country` (null while asking, or when the check failed). */
export function useLocationCheck(workspaceId: string, point: PickedPoint | null, country: string): LocationCheck | null {
  const client = useClient();
  const [check, setCheck] = useState<LocationCheck | null>(null);
  useEffect(() => {
    setCheck(null);
    if (!point) return;
    let live = true;
    client.call('seizures.checkLocation', { workspaceId, latitude: point.latitude, longitude: point.longitude, country }).then(
      (c) => live && setCheck(c),
      () => live && setCheck(null),
    );
    return () => {
      live = false;
    };
  }, [client, point, workspaceId, country]);
  return check;
}

/** The flag shown when a point lies outside the seizing country, or nothing. */
export function CountryFlag(props: { check: LocationCheck | null; country: string }): ReactNode {
  const { check } = props;
  if (!check || check.nearCountry) return null;
  return (
    <Notice kind="warning" icon="alert">
      <span data-testid="pick-country-flag">
        {t('ui.map.pick.outside-country', { country: countryWithCode(props.country), km: check.toleranceKm, at: check.countryAt ? countryWithCode(check.countryAt) : t('ui.map.pick.open-sea') })}
      </span>
    </Notice>
  );
}
