/**
 * The pure part of setting a seizure's location on the map: how many decimals a point picked at
 * a zoom deserves (no more than one screen pixel can tell apart), the location precision a zoom
 * suggests, the picked point normalised (longitude wrapped into ±180° — Leaflet lets a view run
 * to ±240° — and rounded), and the one patch that saves it.
 */
import type { LocationPrecision } from '../../../shared/domain/codes';
import type { SeizureFields } from '../../../shared/domain/seizure';
import { wrapLongitude } from '../../../shared/geo/antimeridian';

/** A picked point in WGS84 degrees; `decimals` is how many decimals it was rounded to. */
export interface PickedPoint {
  latitude: number;
  longitude: number;
  decimals: number;
}

/** Degrees of longitude one screen pixel spans at `zoom` (Web Mercator, 256 px tiles). */
export function degreesPerPixel(zoom: number): number {
  return 360 / (256 * 2 ** zoom);
}

/**
 * Decimals worth keeping for a point picked at `zoom`: the fewest whose last digit is finer than
 * one pixel (zoom 2 → 0, zoom 6 → 2, zoom 13 → 4), between 0 and 6 (6 decimals ≈ 0.1 m).
 */
export function decimalsForZoom(zoom: number): number {
  return Math.max(0, Math.min(6, Math.ceil(-Math.log10(degreesPerPixel(zoom)))));
}

/**
 * Metres one pixel spans at `zoom` on the equator (rounded to two significant digits): the
 * uncertainty shown beside a picked point.
 */
export function metresPerPixel(zoom: number): number {
  const m = degreesPerPixel(zoom) * 111_320;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(m)) - 1);
  return Math.round(m / p) * p;
}

/**
 * The location precision a pick at `zoom` suggests: a street-level view (zoom ≥ 12) an exact
 * point, a town-level view (≥ 9) a city, a province-level view (≥ 5) a region, else the country.
 * The user may choose another (e.g. "port") before saving.
 */
export function precisionForZoom(zoom: number): LocationPrecision {
  if (zoom >= 12) return 'exact';
  if (zoom >= 9) return 'city';
  if (zoom >= 5) return 'region';
  return 'country';
}

/** The point picked at (lat, lon) on a view at `zoom`: wrapped, clamped to ±90° latitude and rounded to {@link decimalsForZoom}. */
export function pickedPoint(lat: number, lon: number, zoom: number): PickedPoint {
  const decimals = decimalsForZoom(zoom);
  const round = (v: number): number => {
    const r = Number(v.toFixed(decimals));
    return Object.is(r, -0) ? 0 : r;
  };
  return { latitude: round(Math.max(-90, Math.min(90, lat))), longitude: round(wrapLongitude(lon)), decimals };
}

/** The patch that saves a picked point: both coordinates and the precision, in one write. */
export function locationPatch(p: PickedPoint, precision: LocationPrecision): Pick<SeizureFields, 'latitude' | 'longitude' | 'locationPrecision'> {
  return { latitude: p.latitude, longitude: p.longitude, locationPrecision: precision };
}

/** True when the picked point differs from the stored one (a save would change something). */
export function pointChanged(p: PickedPoint, latitude: number | null, longitude: number | null, precision: LocationPrecision | null, chosen: LocationPrecision): boolean {
  return p.latitude !== latitude || p.longitude !== longitude || precision !== chosen;
}
