/**
 * Sanity of an offline basemap file's own description (docs/map.md § Basemaps, breaker G-MAP-2):
 * the MBTiles `metadata` rows and the PMTiles header are untrusted, and the map shows the file only
 * inside its bounds and zoom range, so a wrong value hides the file or asks for tiles that cannot
 * exist. A file whose description is wrong is refused with a sentence naming the file, the field,
 * the values and the fix (shared/messages/en/basemap-files.ts) — never repaired by a guess.
 */
import { t } from '../../shared/messages';
import { htmlToText } from '../import/html-text';
import { MAX_TILE_ZOOM } from './tile-request';

/** A basemap file refused for its description; `message` is the catalogue sentence. */
export class BasemapFileError extends Error {}

/** [west, south, east, north] in WGS84 degrees. */
export type Bounds = [number, number, number, number];

/**
 * An MBTiles `minzoom` / `maxzoom` row: null when absent; a whole number 0–24.
 * @throws BasemapFileError when it is present but not such a number.
 */
export function parseZoom(file: string, field: 'minzoom' | 'maxzoom', raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^\s*\d+\s*$/.test(raw)) throw new BasemapFileError(t('basemap.file.zoom-not-number', { file, field, value: raw.slice(0, 40), max: String(MAX_TILE_ZOOM) }));
  return Number(raw);
}

/**
 * An MBTiles `bounds` row ("west,south,east,north"): null when absent.
 * @throws BasemapFileError when it is present but not four finite numbers.
 */
export function parseBounds(file: string, raw: string | undefined): Bounds | null {
  if (raw === undefined || raw.trim() === '') return null;
  const parts = raw.split(',');
  const b = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (b.length !== 4 || !b.every(Number.isFinite)) throw new BasemapFileError(t('basemap.file.bounds-shape', { file, value: raw.slice(0, 80) }));
  return b as Bounds;
}

/**
 * Checks a described zoom range and bounds, whichever format they came from: each zoom 0–24,
 * minzoom ≤ maxzoom, bounds inside ±180° / ±90° with west ≤ east and south ≤ north.
 * @throws BasemapFileError naming the first problem found.
 */
export function checkDescription(file: string, d: { minZoom: number | null; maxZoom: number | null; bounds: Bounds | null }): void {
  for (const [field, v] of [['minzoom', d.minZoom], ['maxzoom', d.maxZoom]] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > MAX_TILE_ZOOM)) throw new BasemapFileError(t('basemap.file.zoom-range', { file, field, value: String(v), max: String(MAX_TILE_ZOOM) }));
  }
  if (d.minZoom !== null && d.maxZoom !== null && d.minZoom > d.maxZoom) throw new BasemapFileError(t('basemap.file.zoom-inverted', { file, min: String(d.minZoom), max: String(d.maxZoom) }));
  if (!d.bounds) return;
  const [w, s, e, n] = d.bounds;
  const value = d.bounds.join(',');
  if ([w, e].some((x) => Math.abs(x) > 180) || [s, n].some((y) => Math.abs(y) > 90)) throw new BasemapFileError(t('basemap.file.bounds-range', { file, value }));
  if (w > e || s > n) throw new BasemapFileError(t('basemap.file.bounds-inverted', { file, value }));
}

/** The tile format the bytes of one tile show (png, jpg, webp; gzip is a vector tile, pbf), or null. */
export function sniffTileFormat(tile: Buffer): string | null {
  if (tile.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (tile[0] === 0xff && tile[1] === 0xd8 && tile[2] === 0xff) return 'jpg';
  if (tile.toString('latin1', 0, 4) === 'RIFF' && tile.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (tile[0] === 0x1f && tile[1] === 0x8b) return 'pbf';
  return null;
}

/** Longest attribution kept (a credit line, not a document). */
export const MAX_ATTRIBUTION = 300;

/**
 * A file's attribution as plain text (breaker G-MAP-3): metadata often holds HTML (`<a href=…>©
 * OpenStreetMap contributors</a>`) and is untrusted, so tags go, entities are decoded, control and
 * bidi-override characters go, lines are joined with " · " and the text is cut at 300 characters.
 * The renderer then shows it only as text. Null when nothing is left.
 */
export function attributionText(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const text = htmlToText(raw)
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' · ');
  if (!text) return null;
  return text.length > MAX_ATTRIBUTION ? `${text.slice(0, MAX_ATTRIBUTION - 1)}…` : text;
}
