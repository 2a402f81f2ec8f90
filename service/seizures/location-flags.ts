/**
 * The re-check of a seizure's `outside-country` review flag when an edit changes its location or
 * seizing country (the seizure detail, the map pick, a field restore, the table's bulk "Set a
 * field"), with the importer's one rule (service/geo/outside-country.ts): a point now far outside
 * its country gets the flag, with the distance measured now and batch ''; a point now in or near
 * it has its open outside-country flag cleared — the doubt it recorded was about the location or
 * country this edit replaced. The write's audit entry keeps the flags before and after, so nothing
 * disappears without a trace. Flags of other kinds are left as they are.
 */
import type { Reflag } from '../../shared/docs/case-seizures';
import type { RaisedReviewFlag } from '../../shared/domain/seizure';
import { outsideCountryFlag } from '../geo/outside-country';

/** The fields whose change re-runs the check. */
const LOCATION_FIELDS: ReadonlySet<string> = new Set(['latitude', 'longitude', 'country']);

/** {@link Reflag} of every seizure edit (see the module comment): null (flags untouched) when no location field changed. */
export const recheckLocation: Reflag = (fields, open, changed) => {
  if (!changed.some((f) => LOCATION_FIELDS.has(f))) return null;
  const flag = outsideCountryFlag(fields);
  const kept: RaisedReviewFlag[] = open.filter((f) => f.kind !== 'outside-country');
  if (!flag) return kept;
  // The same measurement as an open flag keeps that flag (its batch and time): nothing new to review.
  const same = open.find((f) => f.kind === 'outside-country' && f.country === flag.country && f.km === flag.km);
  return [...kept, same ?? flag];
};
