/**
 * Handlers of the geographic checks the renderer asks for: the country check of a point set on
 * the map, with the same polygons and tolerance the importer uses (service/import/plan.ts), so a
 * point set by hand and a point imported from a file are flagged by one rule.
 */
import type { HandlerMap } from '../rpc/types';
import { NEAR_COUNTRY_KM } from '../import/plan';
import { countryAt, isNearCountry } from './country-at';

/** `seizures.checkLocation`: the country at the point and whether it is near the seizing country. */
export const geoHandlers: HandlerMap<'seizures.checkLocation'> = {
  'seizures.checkLocation': (p) => ({
    countryAt: countryAt(p.latitude, p.longitude, NEAR_COUNTRY_KM),
    nearCountry: !p.country || isNearCountry(p.latitude, p.longitude, p.country, NEAR_COUNTRY_KM),
    toleranceKm: NEAR_COUNTRY_KM,
  }),
};
