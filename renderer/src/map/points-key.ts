/**
 * A content key of a list of map points: a 53-bit FNV-1a-style hash of every field the map draws,
 * plus the count. Equal lists give equal keys; a refresh that brings an equal list rebuilds
 * nothing. Linear and allocation-light (JSON.stringify of 100,000 points took ~150 ms and ~30 MB).
 */
import type { MapPoint } from '../../../shared/rpc/cases';

/** The key of `points` (order matters: the index keeps the given order). */
export function pointsKey(points: readonly MapPoint[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const mix = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
  };
  for (const p of points) {
    mix(p.id);
    mix(String(p.latitude));
    mix(String(p.longitude));
    mix(p.seizureDate);
    mix(p.datePrecision);
    mix(p.sector);
    mix(p.commodity);
    mix(p.taxon);
    mix(String(p.quantity));
    mix(p.unit ?? '');
    mix(p.place);
    mix(p.country);
    mix(String(p.reportedValue));
    mix(p.reportedCurrency ?? '');
    mix(p.sourceTitle);
  }
  return `${points.length}:${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}
