/**
 * How a cluster looks: a white disc with the count, ringed by its sectors' shares (a conic
 * gradient in the sectors' colours, so a mixed place shows its mix), sized by the count's order
 * of magnitude; a cluster with seizures flagged for review carries a "!" badge on its rim
 * (flag-mark.ts). Built as a Leaflet divIcon (text only, no markup from data) and drawn the same
 * way on the PNG export's canvas.
 */
import L from 'leaflet';
import { CRIME_SECTORS } from '../../../shared/domain/codes';
import { SECTOR_COLORS } from '../domain/sector-colors';
import { formatCount } from '../format/numbers';
import { CLUSTER_MAX_DIAMETER_PX } from '../../../shared/domain/map-filter';

/** Diameter in px of a cluster of `count` points: 30 for 2, growing by 6 per tenfold, at most CLUSTER_MAX_DIAMETER_PX (54). */
export function clusterDiameter(count: number): number {
  return Math.min(CLUSTER_MAX_DIAMETER_PX, 30 + Math.round(6 * Math.log10(Math.max(1, count / 2))));
}

/** The ring as CSS conic-gradient stops: each sector's share of the circle, in CRIME_SECTORS order. */
export function ringGradient(sectorCounts: readonly number[]): string {
  const total = sectorCounts.reduce((a, b) => a + b, 0) || 1;
  const stops: string[] = [];
  let at = 0;
  sectorCounts.forEach((n, i) => {
    if (!n) return;
    const end = at + (n / total) * 360;
    const c = SECTOR_COLORS[CRIME_SECTORS[i]!];
    stops.push(`${c} ${at.toFixed(2)}deg ${end.toFixed(2)}deg`);
    at = end;
  });
  return `conic-gradient(${stops.join(', ')})`;
}

/**
 * A new divIcon of a cluster with these counts; its text is the count, grouped ("1,234"). Styled
 * through the CSSOM (the CSP refuses style attributes in HTML strings). One icon per badge, never
 * shared: a shared icon holds one DOM element, which Leaflet moves into whichever marker drew it
 * last, leaving the other badge blank and deaf to clicks.
 */
export function clusterIcon(count: number, sectorCounts: readonly number[], flagged: number): L.DivIcon {
  const d = clusterDiameter(count);
  const el = document.createElement('div');
  el.className = 'map-cluster';
  el.style.width = el.style.height = `${d}px`;
  el.style.background = ringGradient(sectorCounts);
  const inner = document.createElement('span');
  inner.className = 'map-cluster-count';
  inner.textContent = formatCount(count);
  el.append(inner);
  if (flagged) {
    // Decorative here: the badge's title and tooltip say how many are flagged (flag-mark.ts `clusterTip`).
    const mark = document.createElement('span');
    mark.className = 'map-cluster-flag';
    mark.textContent = '!';
    mark.setAttribute('aria-hidden', 'true');
    el.classList.add('map-cluster-flagged');
    el.append(mark);
  }
  return L.divIcon({ html: el, className: 'map-cluster-icon', iconSize: [d, d], iconAnchor: [d / 2, d / 2] });
}
