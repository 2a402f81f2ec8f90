/**
 * The browser-mode host's offline basemaps: every `.mbtiles` and `.pmtiles` file directly in the
 * folder the operator configured (`npm run serve -- --basemaps DIR`) is registered with a
 * {@link TileServer} under an id made from its file name, and described from its own metadata
 * (MBTiles `metadata` table; PMTiles v3 header, read with the pmtiles package): name, format,
 * zoom range and bounds. A page never names a path: it lists these ids and asks for tiles by id.
 * (Browser mode has no native dialog; an upload route is left for later — docs/map.md.)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { bytesToHeader, Compression, TileType } from 'pmtiles';
import { attributionText, BasemapFileError, checkDescription, parseBounds, parseZoom, sniffTileFormat } from './basemap-metadata';
import { MbtilesReader } from './mbtiles';
import type { TileServer } from './tile-server';
import type { BasemapInfo } from '../../shared/rpc/basemaps';
import { t } from '../../shared/messages';

export type { BasemapInfo };

const PMTILES_FORMATS: Record<number, string> = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp', [TileType.Mvt]: 'pbf', [TileType.Avif]: 'avif' };

/** Longest basemap id (tile-request.ts and the registry's routes accept `[a-z0-9-]{1,64}`). */
const MAX_ID = 64;

/**
 * The id of a basemap file, stable (a function of its name alone), safe in a URL path and unique
 * among differently named files: the name without extension, accents folded (`Côte` → `cote`),
 * lower-cased, every other run of characters as '-'. A name with any non-ASCII character (whose
 * slug loses letters: Arabic or Cyrillic names lose all of them) gets `-` and 8 hex digits of the
 * SHA-256 of its NFC form, so `Côte d'Ivoire` and `Cote d'Ivoire` or two Arabic names never share
 * an id (breaker G-MAP-1). ASCII names keep their plain slug (`Mombasa Port` → `mombasa-port`).
 */
export function basemapId(fileName: string): string {
  const name = path.parse(fileName).name.normalize('NFC');
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const slug = folded.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  // eslint-disable-next-line no-control-regex -- the test is "only ASCII", control characters included
  if (/^[\x00-\x7f]*$/.test(name)) return slug.slice(0, MAX_ID).replace(/-+$/, '') || 'basemap';
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
  return `${slug.slice(0, MAX_ID - 9).replace(/-+$/, '') || 'basemap'}-${hash}`;
}

/**
 * An MBTiles file's description from its `metadata` table (checked: basemap-metadata.ts). A file
 * without `format` is described by its first tile's bytes, the format they prove, or refused.
 * @throws BasemapFileError when the metadata is wrong; Error when the file is not MBTiles.
 */
function describeMbtiles(id: string, file: string): BasemapInfo {
  const reader = new MbtilesReader(file);
  const base = path.basename(file);
  try {
    const m = reader.metadata();
    const first = m.format ? null : reader.firstTile();
    const format = m.format ?? (first ? sniffTileFormat(first) : null);
    if (!format) throw new BasemapFileError(t('basemap.file.format-missing', { file: base }));
    const info: BasemapInfo = {
      id,
      name: (m.name ? metadataName(m.name) : null) ?? fileTitle(file),
      kind: 'mbtiles',
      format,
      minZoom: parseZoom(base, 'minzoom', m.minzoom),
      maxZoom: parseZoom(base, 'maxzoom', m.maxzoom),
      bounds: parseBounds(base, m.bounds),
      attribution: attributionText(m.attribution),
    };
    checkDescription(base, info);
    return info;
  } finally {
    reader.close();
  }
}

/** Largest PMTiles JSON metadata read for its attribution. */
const MAX_PMTILES_METADATA = 1024 * 1024;

/**
 * The `name` and `attribution` of a PMTiles file's JSON metadata (each plain text, null when it
 * is missing, not a string or the metadata cannot be read: both are optional).
 */
function pmtilesMetadata(fd: number, h: ReturnType<typeof bytesToHeader>): { name: string | null; attribution: string | null } {
  const none = { name: null, attribution: null };
  if (h.jsonMetadataLength <= 0 || h.jsonMetadataLength > MAX_PMTILES_METADATA) return none;
  const raw = Buffer.alloc(h.jsonMetadataLength);
  fs.readSync(fd, raw, 0, raw.length, h.jsonMetadataOffset);
  try {
    const json: unknown = JSON.parse((h.internalCompression === Compression.Gzip ? zlib.gunzipSync(raw, { maxOutputLength: 4 * MAX_PMTILES_METADATA }) : raw).toString('utf8'));
    const m = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    return { name: typeof m.name === 'string' ? metadataName(m.name) : null, attribution: typeof m.attribution === 'string' ? attributionText(m.attribution) : null };
  } catch {
    return none;
  }
}

/** Longest basemap name kept from a file's metadata (characters). */
const MAX_NAME = 120;

/** A metadata `name` as one plain line (control characters dropped, spaces collapsed, cut at {@link MAX_NAME}), or null when nothing is left. */
function metadataName(raw: string): string | null {
  const line = raw.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  return line || null;
}

/** The name a file without a metadata name is listed by: its file name without the extension ("Suva Harbour.pmtiles" → "Suva Harbour"). */
function fileTitle(file: string): string {
  return path.parse(file).name;
}

/**
 * Refuses a PMTiles file shorter than its header says (a copy cut short): every section the header
 * places (root and leaf directories, JSON metadata, tile data) must end within the file's `size`
 * bytes, or the file would be listed and then draw nothing (tester4, issue 11).
 * @throws BasemapFileError naming the file, its size and the size the header needs.
 */
function checkPmtilesLength(file: string, h: ReturnType<typeof bytesToHeader>, size: number): void {
  const needed = Math.max(
    127,
    h.rootDirectoryOffset + h.rootDirectoryLength,
    h.jsonMetadataOffset + h.jsonMetadataLength,
    h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0),
    h.tileDataOffset + (h.tileDataLength ?? 0),
  );
  if (size < needed) throw new BasemapFileError(t('basemap.file.truncated', { file, size, needed }));
}

/** A PMTiles file's description from its 127-byte v3 header and JSON metadata (checked: basemap-metadata.ts). @throws BasemapFileError when it is not PMTiles v3 or its header is wrong. */
function describePmtiles(id: string, file: string): BasemapInfo {
  const buf = Buffer.alloc(127);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, 127, 0);
    if (buf.toString('latin1', 0, 7) !== 'PMTiles' || buf[7] !== 3) throw new BasemapFileError(t('basemap.file.not-pmtiles', { file: path.basename(file) }));
    const h = bytesToHeader(buf.buffer.slice(buf.byteOffset, buf.byteOffset + 127) as ArrayBuffer);
    checkPmtilesLength(path.basename(file), h, fs.fstatSync(fd).size);
    const meta = pmtilesMetadata(fd, h);
    const info: BasemapInfo = { id, name: meta.name ?? fileTitle(file), kind: 'pmtiles', format: PMTILES_FORMATS[h.tileType] ?? 'unknown', minZoom: h.minZoom, maxZoom: h.maxZoom, bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat], attribution: meta.attribution };
    checkDescription(path.basename(file), info);
    return info;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Registers one `.mbtiles` or `.pmtiles` file with `tiles` as basemap `id` and returns its
 * description. @throws when the extension is neither, or the file cannot be read as its format.
 */
export function registerBasemapFile(tiles: TileServer, id: string, file: string): BasemapInfo {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mbtiles') {
    const info = describeMbtiles(id, file);
    tiles.addMbtiles(id, file, info.format);
    return info;
  }
  if (ext === '.pmtiles') {
    const info = describePmtiles(id, file);
    tiles.addPmtiles(id, file);
    return info;
  }
  throw new BasemapFileError(t('basemap.file.extension', { file: path.basename(file) }));
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
