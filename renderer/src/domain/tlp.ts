/**
 * Traffic Light Protocol 2.0 presentation: the CSS class of each marking (FIRST colours on
 * black) and its order of restriction, for sorting.
 */
import type { Tlp } from '../../../shared/domain/codes';
import { TLP_MARKINGS } from '../../../shared/domain/codes';

/** CSS class of a marking's label colour. AMBER+STRICT uses the AMBER colour, as FIRST specifies. */
export function tlpClass(tlp: Tlp): string {
  switch (tlp) {
    case 'RED':
      return 'tlp-red';
    case 'AMBER':
    case 'AMBER+STRICT':
      return 'tlp-amber';
    case 'GREEN':
      return 'tlp-green';
    case 'CLEAR':
      return 'tlp-clear';
  }
}

/** Restriction rank, 0 = CLEAR (least) to 4 = RED (most). */
export function tlpRank(tlp: Tlp): number {
  return TLP_MARKINGS.indexOf(tlp);
}
