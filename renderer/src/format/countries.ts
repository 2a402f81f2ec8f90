/**
 * Seizing countries as the UI shows them. A seizure's country may be empty or not a valid code
 * (a seizure from an older or buggy peer reads with an empty country): it is then shown as "—",
 * never as a made-up or guessed name.
 */
import { countryName, isCountryCode } from '../../../shared/domain/iso';

export { countryLabel } from '../../../shared/domain/iso';

/** "Singapore (SG)" for a valid code; "—" when empty or invalid. */
export function countryWithCode(code: string): string {
  return isCountryCode(code) ? `${countryName(code)} (${code})` : '—';
}
