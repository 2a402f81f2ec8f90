/**
 * The browser-mode host's offline basemaps: every `.mbtiles` and `.pmtiles` file directly in the
 * folder the operator configured (`npm run serve -- --basemaps DIR`) is registered with a
 * {@link TileServer} under an id made from its file name, and described from its own metadata
 * (MBTiles `metadata` table; PMTiles v3 header, read with the pmtiles package): name, format,
 * zoom range and bounds. A page never names a path: it lists these ids and asks for tiles by id.
 * (Browser mode has no native dialog; an upload route is left for later — docs/map.md.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { bytesToHeader, TileType } from 'pmtiles';
import { MbtilesReader } from './mbtiles';
import type { TileServer } from './tile-server';
import type { BasemapInfo } from '../../shared/rpc/basemaps';

export type { BasemapInfo };

const PMTILES_FORMATS: Record<number, string> = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp', [TileType.Mvt]: 'pbf', [TileType.Avif]: 'avif' };

/** The id of a basemap file: its name without extension, lower-cased, non-alphanumerics as '-', at most 64 characters. */
export function basemapId(fileName: string): string {
  const slug = path.parse(fileName).name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return slug || 'basemap';
}

function num(v: string | undefined): number | null {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** An MBTiles file's description from its `metadata` table. */
function describeMbtiles(id: string, file: string): BasemapInfo {
  const reader = new MbtilesReader(file);
  try {
    const m = reader.metadata();
    const b = (m.bounds ?? '').split(',').map(Number);
    return {
      id,
      name: m.name || path.basename(file),
      kind: 'mbtiles',
      format: m.format ?? 'png',
      minZoom: num(m.minzoom),
      maxZoom: num(m.maxzoom),
      bounds: b.length === 4 && b.every(Number.isFinite) ? (b as [number, number, number, number]) : null,
      attribution: m.attribution ?? null,
    };
  } finally {
    reader.close();
  }
}

/** A PMTiles file's description from its 127-byte v3 header. @throws when the file is not PMTiles v3. */
function describePmtiles(id: string, file: string): BasemapInfo {
  const buf = Buffer.alloc(127);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, 127, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (buf.toString('latin1', 0, 7) !== 'PMTiles') throw new Error(`${path.basename(file)} is not a PMTiles file`);
  const h = bytesToHeader(buf.buffer.slice(buf.byteOffset, buf.byteOffset + 127) as ArrayBuffer);
  return { id, name: path.basename(file), kind: 'pmtiles', format: PMTILES_FORMATS[h.tileType] ?? 'unknown', minZoom: h.minZoom, maxZoom: h.maxZoom, bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat], attribution: null };
}

/**
 * Registers one `.mbtiles` or `.pmtiles` file with `tiles` as basemap `id` and returns its
 * description. @throws when the extension is neither, or the file cannot be read as its format.
 */
export function registerBasemapFile(tiles: TileServer, id: string, file: string): BasemapInfo {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mbtiles') {
    const info = describeMbtiles(id, file);
    tiles.addMbtiles(id, file);
    return info;
  }
  if (ext === '.pmtiles') {
    const info = describePmtiles(id, file);
    tiles.addPmtiles(id, file);
    return info;
  }
  throw new Error(`${path.basename(file)} is not an .mbtiles or .pmtiles file`);
}

/** True when `name` ends in .mbtiles or .pmtiles (any case). */
export function isBasemapFileName(name: string): boolean {
  return /\.(mbtiles|pmtiles)$/i.test(name);
}

/**
 * Registers every MBTiles and PMTiles file directly in `dir` with `tiles` and returns their
 * descriptions, sorted by name. A file that cannot be read is skipped and reported through
 * `onSkip` (the host logs it); two files with one id keep the first (by file name).
 */
export function loadBasemapFolder(dir: string, tiles: TileServer, onSkip: (file: string, reason: string) => void): BasemapInfo[] {
  const out: BasemapInfo[] = [];
  const seen = new Set<string>();
  for (const name of fs.readdirSync(dir).sort()) {
    if (!isBasemapFileName(name)) continue;
    const id = basemapId(name);
    if (seen.has(id)) {
      onSkip(name, `another file already has the id ${id}`);
      continue;
    }
    try {
      out.push(registerBasemapFile(tiles, id, path.join(dir, name)));
      seen.add(id);
    } catch (err) {
      onSkip(name, err instanceof Error ? err.message : String(err));
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
