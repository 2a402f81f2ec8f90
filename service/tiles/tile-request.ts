/**
 * Validation of offline-basemap requests, before any file is touched: a tile path
 * `/<basemapId>/<z>/<x>/<y>.<ext>` (MBTiles) and an HTTP `Range` header (PMTiles reads byte
 * ranges of its one file). Anything else is a 400: z must be 0–24, x and y within 0…2^z−1, the
 * basemap id one of the ids the user registered (a file they chose; the request never names a
 * path, so no file outside the chosen ones can be reached).
 */

/** Deepest zoom served (patrol scale is ~18; 24 leaves room and keeps 2^z exact). */
export const MAX_TILE_ZOOM = 24;

/** A valid tile request. */
export interface TileRequest {
  basemapId: string;
  z: number;
  x: number;
  /** XYZ row (0 at the north), as Leaflet asks; MBTiles stores TMS rows (see tmsRow). */
  y: number;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const INT = /^(0|[1-9]\d{0,7})$/;

/** Parses `/<id>/<z>/<x>/<y>.<ext>`; null when any part is malformed or out of range (answer 400). */
export function parseTilePath(pathname: string): TileRequest | null {
  const m = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.(png|jpg|jpeg|webp|pbf|mvt)$/.exec(pathname);
  if (!m) return null;
  const [, basemapId, zs, xs, ys] = m as unknown as [string, string, string, string, string];
  if (!ID.test(basemapId)) return null;
  const c = parseTileCoords(zs, xs, ys);
  return c && { basemapId, ...c };
}

/** Tile coordinates from their decimal texts: z 0–24, x and y within 0…2^z−1, no leading zeros; null otherwise. */
export function parseTileCoords(zs: string, xs: string, ys: string): { z: number; x: number; y: number } | null {
  if (!INT.test(zs) || !INT.test(xs) || !INT.test(ys)) return null;
  const z = Number(zs);
  const x = Number(xs);
  const y = Number(ys);
  if (z > MAX_TILE_ZOOM) return null;
  const n = 2 ** z;
  if (x >= n || y >= n) return null;
  return { z, x, y };
}

/** The TMS row MBTiles stores for XYZ row `y` at zoom `z` (the spec counts rows from the south). */
export function tmsRow(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

/** An inclusive byte range within a file of `size` bytes. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Largest range served in one answer (PMTiles asks for 16 KiB headers and tile-sized ranges). */
export const MAX_RANGE_BYTES = 16 * 1024 * 1024;

/**
 * Parses a single `bytes=a-b` / `bytes=a-` / `bytes=-n` Range header against a file of `size`
 * bytes; null when malformed, multi-range, past the end or larger than MAX_RANGE_BYTES (answer
 * 400 or 416; a PMTiles reader never sends such a header).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header?.trim() ?? '');
  if (!m || (!m[1] && !m[2])) return null;
  let start: number;
  let end: number;
  if (!m[1]) {
    const suffix = Number(m[2]);
    if (!suffix) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  }
  if (start > end || start >= size || end - start + 1 > MAX_RANGE_BYTES) return null;
  return { start, end };
}
