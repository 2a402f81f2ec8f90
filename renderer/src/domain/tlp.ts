/**
 * Traffic Light Protocol 2.0 presentation: the CSS class of each marking (FIRST colours on
 * black) and its order of restriction, for sorting.
 */
import type { Tlp } from '../../../shared/domain/codes';
/** Restriction rank, 0 = CLEAR (least) to 4 = RED (most): the shared rule (tlp-marking.ts). */
export { tlpRank } from '../../../shared/domain/tlp-marking';

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
