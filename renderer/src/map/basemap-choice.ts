/**
 * The basemap chooser's rules (docs/map.md § Basemaps), apart from its UI: which basemaps can be
 * drawn (raster tiles only: no vector renderer is bundled), the choice remembered per device (the
 * renderer's localStorage: in Electron the app's own profile, in browser mode the browser's), and
 * the figures the chooser shows (zoom range, bounds).
 */
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import { t, type MessageId } from '../../../shared/messages';

/** The id of the bundled Natural Earth basemap (never a file's id: those come from file names). */
export const NATURAL_EARTH = 'natural-earth';
/** The localStorage key of this device's choice. */
export const BASEMAP_STORAGE_KEY = 'nest.map.basemap';

/** Raster formats the map draws (as `<img>`s). */
const RASTER = new Set(['png', 'jpg', 'jpeg', 'webp']);

/** Why a basemap cannot be chosen (a catalogue id), or null when it can. */
export function unusableReason(b: BasemapInfo): MessageId | null {
  if (b.format === 'pbf') return 'ui.map.basemaps.vector';
  if (!RASTER.has(b.format)) return 'ui.map.basemaps.unsupported-format';
  return null;
}

/** This device's remembered choice, or Natural Earth. */
export function storedChoice(): string {
  try {
    return globalThis.localStorage?.getItem(BASEMAP_STORAGE_KEY) || NATURAL_EARTH;
  } catch {
    return NATURAL_EARTH;
  }
}

/** Remembers `id` as this device's choice. */
export function storeChoice(id: string): void {
  try {
    globalThis.localStorage?.setItem(BASEMAP_STORAGE_KEY, id);
  } catch {
    /* storage full or disabled: the choice lasts this session only */
  }
}

/**
 * The basemap to draw for the stored `choice` among `list`: the chosen one when it is registered
 * and drawable, else null (Natural Earth alone). A remembered file that is gone is not guessed at.
 */
export function resolveChoice(choice: string, list: readonly BasemapInfo[]): BasemapInfo | null {
  const b = list.find((x) => x.id === choice);
  return b && !unusableReason(b) ? b : null;
}

/** "zoom 12–17" (or what is known of it). */
export function zoomText(b: BasemapInfo): string {
  if (b.minZoom === null && b.maxZoom === null) return t('ui.map.basemaps.zoom-unknown');
  return t('ui.map.basemaps.zoom', { min: String(b.minZoom ?? '?'), max: String(b.maxZoom ?? '?') });
}

/** "4.10° S – 4.00° S, 39.60° E – 39.70° E", or "bounds not stated". */
export function boundsText(b: BasemapInfo): string {
  if (!b.bounds) return t('ui.map.basemaps.bounds-unknown');
  const [w, s, e, n] = b.bounds;
  const lat = (v: number): string => `${Math.abs(v).toFixed(2)}° ${v >= 0 ? 'N' : 'S'}`;
  const lon = (v: number): string => `${Math.abs(v).toFixed(2)}° ${v >= 0 ? 'E' : 'W'}`;
  return t('ui.map.basemaps.bounds', { south: lat(s), north: lat(n), west: lon(w), east: lon(e) });
}
