/**
 * Answers offline-basemap requests from the files the user chose: `tile()` for MBTiles
 * (`/<id>/<z>/<x>/<y>.<ext>` → the tile, 204 when the file has none there) and `range()` for
 * PMTiles (a byte range of the one file, read with a positioned read). Basemaps are registered by
 * id with the path of the file the user picked; a request names only an id, so it can reach no
 * other file. Host-agnostic (status, headers, body): the browser-mode host and Electron's app://
 * protocol both map it onto their responses.
 */
import fs from 'node:fs';
import { MbtilesReader } from './mbtiles';
import { parseRange, parseTilePath } from './tile-request';

/** What a host sends back. */
export interface TileAnswer {
  status: 200 | 204 | 206 | 400 | 404 | 405 | 416;
  headers: Record<string, string>;
  body: Buffer | null;
}

const bad = (status: 400 | 404 | 416): TileAnswer => ({ status, headers: {}, body: null });

/** The registered offline basemaps of this process. */
export class TileServer {
  private readonly mbtiles = new Map<string, MbtilesReader>();
  private readonly pmtiles = new Map<string, string>();

  /** Registers the MBTiles file `file` as basemap `id` with tiles of `format` (opens it read-only; throws if it is not MBTiles). */
  addMbtiles(id: string, file: string, format?: string): void {
    this.mbtiles.get(id)?.close();
    this.mbtiles.set(id, new MbtilesReader(file, format));
  }

  /** Registers the PMTiles file `file` as basemap `id` (only its bytes are ever served). */
  addPmtiles(id: string, file: string): void {
    fs.accessSync(file, fs.constants.R_OK);
    this.pmtiles.set(id, file);
  }

  /** The tile for `pathname` (`/<id>/<z>/<x>/<y>.<ext>`). */
  tile(pathname: string): TileAnswer {
    const req = parseTilePath(pathname);
    if (!req) return bad(400);
    const reader = this.mbtiles.get(req.basemapId);
    if (!reader) return bad(404);
    const data = reader.tile(req.z, req.x, req.y);
    if (!data) return { status: 204, headers: {}, body: null };
    const headers: Record<string, string> = { 'content-type': reader.contentType(), 'cache-control': 'private, max-age=3600' };
    // Vector tiles in MBTiles are gzipped (the spec): the reader is told, not left to guess.
    if (data[0] === 0x1f && data[1] === 0x8b) headers['content-encoding'] = 'gzip';
    return { status: 200, headers, body: data };
  }

  /** The bytes `rangeHeader` asks of PMTiles basemap `id`. */
  range(id: string, rangeHeader: string | undefined): TileAnswer {
    const file = this.pmtiles.get(id);
    if (!file) return bad(404);
    const size = fs.statSync(file).size;
    const r = parseRange(rangeHeader, size);
    if (!r) return bad(rangeHeader && /^bytes=\d+-\d*$/.test(rangeHeader) ? 416 : 400);
    const body = Buffer.alloc(r.end - r.start + 1);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, body, 0, body.length, r.start);
    } finally {
      fs.closeSync(fd);
    }
    return { status: 206, headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${r.start}-${r.end}/${size}`, 'accept-ranges': 'bytes' }, body };
  }

  /** Closes every MBTiles file. */
  close(): void {
    for (const r of this.mbtiles.values()) r.close();
    this.mbtiles.clear();
    this.pmtiles.clear();
  }
}
