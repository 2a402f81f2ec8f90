/**
 * Crime-sector colours for places where CSS variables cannot reach (Leaflet path styles).
 * Kept equal to the `--sector-*` variables in styles/tokens.css.
 */
import type { CrimeSector } from '../../../shared/domain/codes';

/** Fill colour (#rrggbb) of each sector. */
export const SECTOR_COLORS: Record<CrimeSector, string> = {
  wildlife: '#c2571a',
  forestry: '#2e7d32',
  fisheries: '#1f6fb2',
  mining: '#a07a00',
  waste: '#7b4bb7',
  ods: '#c2185b',
  other: '#5b6778',
};
