/**
 * The frame of the report's seizure map: which part of the world it shows and how a position is
 * projected into the SVG. Longitudes are placed on the shortest arc that holds every point, so a
 * case around Fiji or the Bering Strait gets a view across ±180° (west 175°E, east 185° = 175°W)
 * instead of the whole world between them; the frame is then in continuous longitudes (they may
 * pass 180), and {@link degreesText} prints them normalised to −180…180 (tester F-PACK-5: a
 * frame edge printed as "209.3°E"). Equirectangular projection scaled by cos(latitude) at the
 * view's centre. Pure.
 */
import { currentLocale, t } from '../../../shared/messages/format';
import { wrapLongitude } from '../../../shared/geo/antimeridian';

/** SVG size (CSS px; printed at 96 px per inch). */
export const MAP_WIDTH = 680;
export const MAP_HEIGHT = 380;
/** Smallest span shown, degrees (a single seizure gets a regional view, not a street). */
const MIN_SPAN = 6;

/** The view: west, south, east, north (degrees; west/east continuous, east > west) and the x scale factor. */
export interface View {
  w: number;
  s: number;
  e: number;
  n: number;
  kx: number;
}

/**
 * How to place longitudes on the shortest arc holding all of `lons` (degrees, any range): the
 * returned function maps a longitude to its continuous value on that arc (`[-180, 180)` when the
 * points do not straddle ±180°; e.g. 170 and −170 become 170 and 190). With no points, identity.
 */
export function arcOf(lons: readonly number[]): (lon: number) => number {
  const sorted = [...new Set(lons.map(wrapLongitude))].sort((a, b) => a - b);
  if (sorted.length < 2) return wrapLongitude;
  // The largest gap between neighbours (the wrap-around gap included) is what the map leaves out.
  let start = sorted[0]!;
  let widest = sorted[0]! + 360 - sorted[sorted.length - 1]!;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > widest) {
      widest = gap;
      start = sorted[i]!;
    }
  }
  return (lon) => {
    const w = wrapLongitude(lon);
    return w < start ? w + 360 : w;
  };
}

/** The frame around `points` ([lon, lat], continuous longitudes) with a 25 % margin, at least {@link MIN_SPAN}, at the map's aspect ratio, within ±90° latitude. */
export function frameOf(points: readonly [number, number][]): View {
  // A loop, not Math.min(...lons): spreading 100,000 arguments can overflow the stack.
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const kx = Math.cos((Math.max(-70, Math.min(70, cy)) * Math.PI) / 180);
  let spanX = Math.max((e - w) * 1.5, MIN_SPAN) * kx;
  let spanY = Math.max((n - s) * 1.5, MIN_SPAN);
  // Widen the shorter side to the map's aspect ratio.
  if (spanX / spanY < MAP_WIDTH / MAP_HEIGHT) spanX = (spanY * MAP_WIDTH) / MAP_HEIGHT;
  else spanY = (spanX * MAP_HEIGHT) / MAP_WIDTH;
  w = cx - spanX / kx / 2;
  e = cx + spanX / kx / 2;
  // Kept within the poles (moved, not squeezed, so the aspect ratio holds when it can).
  const cyIn = Math.max(-90 + spanY / 2, Math.min(90 - spanY / 2, cy));
  s = Math.max(-90, cyIn - spanY / 2);
  n = Math.min(90, cyIn + spanY / 2);
  return { w, s, e, n, kx };
}

/** Position [lon, lat] (continuous longitude) → SVG [x, y]. */
export function project(v: View, lon: number, lat: number): [number, number] {
  return [((lon - v.w) / (v.e - v.w)) * MAP_WIDTH, ((v.n - lat) / (v.n - v.s)) * MAP_HEIGHT];
}

/** Degrees with one decimal in the locale ("176.0", "176,0"). */
function degrees(n: number): string {
  return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

/** A latitude as "1.3°N" / "4.2°S" (catalogue, number in the locale). */
export function latitudeText(lat: number): string {
  return t('report.map.latitude', { value: degrees(Math.abs(lat)), side: lat >= 0 ? 'north' : 'south' });
}

/** A longitude, normalised to −180…180 first, as "150.7°W" / "103.8°E" (catalogue, number in the locale). */
export function longitudeText(lon: number): string {
  const w = wrapLongitude(lon);
  return t('report.map.longitude', { value: degrees(Math.abs(w)), side: w >= 0 ? 'east' : 'west' });
}

/** The view's extent as printed under the map: "1.3°N – 4.2°N, 175.0°E – 175.0°W". */
export function degreesText(v: View): string {
  return t('report.map.extent', { south: latitudeText(v.s), north: latitudeText(v.n), west: longitudeText(v.w), east: longitudeText(v.e) });
}
