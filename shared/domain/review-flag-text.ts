/**
 * Review flags in words (shared/domain/seizure.ts `reviewFlagSchema`): the sentence the seizure
 * table's badge tooltip, the seizure detail and the map's popup show for each flag, from the
 * message catalogue ("The point lay 7,012.4 km outside Singapore (SG), the seizing country, …").
 */
import { t } from '../messages';
import { countryName } from './iso';
import type { ReviewFlag } from './seizure';
import { SPECIES_VALID_FROM } from './species';

/** One flag as a sentence. */
export function reviewFlagSentence(flag: ReviewFlag): string {
  switch (flag.kind) {
    case 'outside-country':
      return t('review.flag.outside-country', { km: flag.km, country: `${countryName(flag.country) || flag.country} (${flag.country})` });
    case 'commodity-from-label':
      return t('review.flag.commodity-from-label', { label: flag.label });
    case 'country-from-location':
      return t('review.flag.country-from-location', { country: `${countryName(flag.country) || flag.country} (${flag.country})` });
    case 'coordinates-disagree':
      return t('review.flag.coordinates-disagree', { geometry: flag.geometry, stated: flag.stated });
    case 'appendix-differs':
      return t('review.flag.appendix-differs', { declared: flag.declared, listed: flag.listed, taxon: flag.taxon, validFrom: SPECIES_VALID_FROM });
  }
}

/** Every flag of `flags` as sentences, one per line (a tooltip's text); '' when none. */
export function reviewFlagsSummary(flags: readonly ReviewFlag[] | undefined): string {
  return (flags ?? []).map(reviewFlagSentence).join('\n');
}
