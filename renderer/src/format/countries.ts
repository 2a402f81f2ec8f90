/**
 * Seizing countries as the UI shows them. A seizure's country may be empty or not a valid code
 * (a seizure from an older or buggy peer reads with an empty country): it is then shown as "—",
 * never as a made-up or guessed name.
 */
import { countryName, isCountryCode } from '../../../shared/domain/iso';

/** The English short name of a valid ISO 3166-1 alpha-2 `code` ("Singapore"); "—" when empty or invalid. */
export function countryLabel(code: string): string {
  return isCountryCode(code) ? countryName(code) : '—';
}

/** "Singapore (SG)" for a valid code; "—" when empty or invalid. */
export function countryWithCode(code: string): string {
  return isCountryCode(code) ? `${countryName(code)} (${code})` : '—';
}
