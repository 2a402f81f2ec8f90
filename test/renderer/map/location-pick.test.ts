/**
 * The pure part of "Set on map" (renderer/src/map/location-pick.ts): a pick keeps only the
 * decimals one pixel can tell apart at its zoom, wraps a longitude picked past the antimeridian,
 * suggests a precision from the zoom, and saves coordinates and precision as one patch.
 */
import { describe, expect, it } from 'vitest';
import { decimalsForZoom, degreesPerPixel, locationPatch, metresPerPixel, pickedPoint, pointChanged, precisionForZoom } from '../../../renderer/src/map/location-pick';
import { wrapLongitude } from '../../../shared/geo/antimeridian';

describe('location pick', () => {
  it('keeps the decimals a pixel can tell apart', () => {
    expect(degreesPerPixel(0)).toBeCloseTo(1.40625, 6);
    expect(decimalsForZoom(0)).toBe(0);
    expect(decimalsForZoom(2)).toBe(1);
    expect(decimalsForZoom(6)).toBe(2);
    expect(decimalsForZoom(13)).toBe(4);
    expect(decimalsForZoom(30)).toBe(6);
    // At every zoom the last kept digit is finer than a pixel, and one digit fewer would not be.
    for (let z = 1; z <= 18; z++) {
      const d = decimalsForZoom(z);
      if (d < 6) expect(10 ** -d).toBeLessThanOrEqual(degreesPerPixel(z));
      if (d > 0) expect(10 ** -(d - 1)).toBeGreaterThan(degreesPerPixel(z));
    }
  });

  it('rounds and wraps a picked point', () => {
    expect(pickedPoint(-4.0534567, 39.6712345, 13)).toEqual({ latitude: -4.0535, longitude: 39.6712, decimals: 4 });
    expect(pickedPoint(10.26, 200.04, 6)).toEqual({ latitude: 10.26, longitude: -159.96, decimals: 2 });
    expect(pickedPoint(89.9, -181, 3)).toEqual({ latitude: 89.9, longitude: 179, decimals: 1 });
    expect(pickedPoint(-0.01, 0.02, 1)).toEqual({ latitude: 0, longitude: 0, decimals: 1 });
    expect(wrapLongitude(540)).toBe(-180);
    expect(wrapLongitude(-200)).toBe(160);
    expect(wrapLongitude(179.5)).toBe(179.5);
  });

  it('suggests a precision from the zoom', () => {
    expect(precisionForZoom(2)).toBe('country');
    expect(precisionForZoom(5)).toBe('region');
    expect(precisionForZoom(9)).toBe('city');
    expect(precisionForZoom(12)).toBe('exact');
  });

  it('gives a pixel size in metres with two significant digits', () => {
    expect(metresPerPixel(0)).toBe(160_000);
    expect(metresPerPixel(13)).toBe(19);
  });

  it('saves coordinates and precision together, and knows when nothing changed', () => {
    const p = pickedPoint(1.29, 103.85, 8);
    expect(locationPatch(p, 'port')).toEqual({ latitude: 1.29, longitude: 103.85, locationPrecision: 'port' });
    expect(pointChanged(p, 1.29, 103.85, 'port', 'port')).toBe(false);
    expect(pointChanged(p, 1.29, 103.85, 'city', 'port')).toBe(true);
    expect(pointChanged(p, null, null, null, 'port')).toBe(true);
  });
});
