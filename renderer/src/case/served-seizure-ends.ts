/**
 * Seizures the data service has just named as live seizures of a case — listed by `seizures.page`
 * or `valuation.case` from the projection, or read by `seizures.get` from their doc — as link and
 * valuation ends for a write on the window's replica. The replica holds only the case doc's
 * seizures; without these the typed views refuse a seizure held in a volume doc (case-links.ts,
 * case-valuations.ts). Only ids the service answered with count: nothing is presumed live.
 */
import type { VolumeSeizureEnds } from '../../../shared/docs/case-links';

/** The ends `ids` (each one the service listed as live) as {@link VolumeSeizureEnds}. */
export function servedSeizureEnds(ids: Iterable<string>): VolumeSeizureEnds {
  const served = new Set(ids);
  return { held: (id) => served.has(id), live: (id) => served.has(id) };
}
