/**
 * ContentKeys (renderer/src/map/points-key.ts): a map keeps one key while it is handed new arrays
 * of equal points (so its cluster index is not rebuilt) and gets a new key when a point changes,
 * is added or removed — including after the first list, which is never hashed up front.
 */
import { describe, expect, it } from 'vitest';
import { ContentKeys, pointsKey } from '../../../renderer/src/map/points-key';
import { generatePoints } from './map-points';

describe('ContentKeys', () => {
  it('keeps the key for equal content and changes it for any change', () => {
    const keys = new ContentKeys();
    const a = generatePoints(50, 7);
    const k1 = keys.key(a);
    expect(k1).toBe('50:0');
    expect(keys.key(a)).toBe(k1);
    expect(keys.key(a.map((p) => ({ ...p })))).toBe(k1); // a refresh with equal points
    const moved = a.map((p, i) => (i === 3 ? { ...p, latitude: p.latitude + 0.001 } : p));
    const k2 = keys.key(moved);
    expect(k2).not.toBe(k1);
    expect(keys.key(moved.slice(0, 49))).not.toBe(k2);
    expect(keys.key(moved.slice(0, 49).map((p) => ({ ...p })))).toBe(keys.key(moved.slice(0, 49)));
  });

  it('hashes every drawn field (pointsKey)', () => {
    const a = generatePoints(5, 3);
    expect(pointsKey(a.map((p) => ({ ...p })))).toBe(pointsKey(a));
    expect(pointsKey(a.map((p, i) => (i === 0 ? { ...p, commodity: `${p.commodity}x` } : p)))).not.toBe(pointsKey(a));
  });
});
