/**
 * The one rule of the `outside-country` review flag (shared/domain/seizure.ts `reviewFlagSchema`):
 * a point more than NEAR_COUNTRY_KM outside its seizing country is flagged with the measured
 * distance. The importer (service/import/row-doubts.ts, the distance measured in its parse worker)
 * and every edit of a seizure's location or country (service/seizures/location-flags.ts: the
 * seizure detail, the map pick, a field restore, the table's bulk "Set a field") raise it here.
 */
import type { RaisedReviewFlag, SeizureFields } from '../../shared/domain/seizure';
import { NEAR_COUNTRY_KM } from '../import/plan';
import { kmOutsideCountry } from './country-at';

/** How far (km, 0.1 km) a point lies outside country `code`, or null when within the tolerance or not checkable (the importer's `ImportPlan.outsideKm`). */
export type OutsideKm = (latitude: number, longitude: number, code: string) => number | null;

/** {@link OutsideKm} with the shipped country polygons and the importer's tolerance (NEAR_COUNTRY_KM). */
export const kmOutsideSeizingCountry: OutsideKm = (latitude, longitude, code) => kmOutsideCountry(latitude, longitude, code, NEAR_COUNTRY_KM);

/** An unstamped `outside-country` review flag. */
export type OutsideCountryFlag = Extract<RaisedReviewFlag, { kind: 'outside-country' }>;

/**
 * The `outside-country` flag of a seizure whose point lies more than NEAR_COUNTRY_KM outside its
 * seizing country `f.country` (unstamped: the write adds its batch and time), or null when it has
 * no point, no country, lies in or near it, or cannot be checked (a code without a shipped polygon).
 */
export function outsideCountryFlag(f: Pick<SeizureFields, 'latitude' | 'longitude' | 'country'>, outsideKm: OutsideKm = kmOutsideSeizingCountry): OutsideCountryFlag | null {
  if (f.latitude === null || f.longitude === null || !f.country) return null;
  const km = outsideKm(f.latitude, f.longitude, f.country);
  return km === null ? null : { kind: 'outside-country', country: f.country, km };
}
