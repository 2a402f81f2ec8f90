/**
 * The data service's offline basemaps (docs/map.md § Basemaps): one {@link TileServer} and the
 * descriptions of the files registered with it, whichever way they came — the browser host's
 * `--basemaps` folder, or the files a user picked in Electron main's native dialog
 * (`basemaps.addFromPaths`, remembered in `<dataDir>/basemaps.json` so they are there at the next
 * start).
 *
 * {@link BasemapRegistry.answer} is the one implementation of the basemap answers, for both
 * transports: the browser host's `GET /basemaps/<key>/…` routes (service/entries/basemap-routes.ts)
 * and Electron's `app://basemaps/…` protocol (electron/main/basemap-protocol.ts, through the
 * trusted `basemaps.request` RPC). Paths, relative to the basemap root:
 * - `/list.json` — the registered basemaps ({@link BasemapInfo}[], sorted by name);
 * - `/tiles/<id>/<z>/<x>/<y>.<ext>` — an MBTiles tile (204 where the file has none);
 * - `/pmtiles/<id>` with a `Range: bytes=a-b` — a byte range of a PMTiles file (206).
 */
import path from 'node:path';
import type { Logger } from '../../node/log';
import { readJsonFile, writeFileAtomic } from '../../node/fs/atomic-file';
import { basemapId, isBasemapFileName, loadBasemapFolder, registerBasemapFile, type BasemapInfo } from './basemap-folder';
import { TileServer, type TileAnswer } from './tile-server';
import type { AddBasemapsResult } from '../../shared/rpc/basemaps';

/** One basemap request, whatever carried it. */
export interface BasemapRequest {
  /** HTTP method (only GET and HEAD are answered; HEAD gets no body). */
  method: string;
  /** Path below the basemap root, e.g. `/tiles/lamu/3/4/2.png`. */
  path: string;
  /** The `Range` header, if any. */
  range?: string;
}

/** The registered offline basemaps of one data service. */
export class BasemapRegistry {
  private readonly tiles = new TileServer();
  private readonly infos = new Map<string, BasemapInfo>();
  /** id → absolute file, for files added by path (what basemaps.json remembers). */
  private readonly added = new Map<string, string>();

  /**
   * @param rememberFile where the files added by path are remembered (JSON list of absolute
   * paths), or null to remember nothing. Remembered files are registered now; one that is gone or
   * unreadable is skipped and logged (and forgotten at the next add).
   */
  constructor(
    private readonly rememberFile: string | null,
    private readonly logger: Logger,
  ) {
    if (!rememberFile) return;
    let files: unknown;
    try {
      files = readJsonFile(rememberFile);
    } catch {
      logger.warn('basemaps.json is not JSON: no remembered basemaps');
      return;
    }
    if (!Array.isArray(files)) return;
    const r = this.register(files.filter((f): f is string => typeof f === 'string'));
    for (const s of r.skipped) logger.warn(s, 'skipped a remembered basemap file');
  }

  /** Registers every basemap file directly in `dir` (the browser host's `--basemaps`); skipped files go to `onSkip`. */
  loadFolder(dir: string, onSkip: (file: string, reason: string) => void): void {
    for (const info of loadBasemapFolder(dir, this.tiles, onSkip)) this.infos.set(info.id, info);
  }

  /**
   * Registers files a user chose (absolute paths; Electron main's dialog) and remembers them. A
   * file whose id is taken by another file gets `-2`, `-3`…; the same file again is re-read.
   * Never throws for one bad file: it is listed in `skipped`.
   */
  addFiles(files: string[]): AddBasemapsResult {
    const r = this.register(files);
    if (this.rememberFile && r.added.length > 0) writeFileAtomic(this.rememberFile, JSON.stringify([...this.added.values()], null, 1));
    return r;
  }

  private register(files: string[]): AddBasemapsResult {
    const out: AddBasemapsResult = { added: [], skipped: [] };
    for (const file of files) {
      const name = path.basename(file);
      if (!path.isAbsolute(file) || !isBasemapFileName(name)) {
        out.skipped.push({ name, reason: 'not an absolute path to an .mbtiles or .pmtiles file' });
        continue;
      }
      const id = this.freeId(basemapId(name), file);
      try {
        const info = registerBasemapFile(this.tiles, id, file);
        this.infos.set(id, info);
        this.added.set(id, file);
        out.added.push(info);
      } catch (err) {
        out.skipped.push({ name, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    return out;
  }

  /** `base`, or `base-2`, `base-3`… : the first id not used by another file than `file`. */
  private freeId(base: string, file: string): string {
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base.slice(0, 60)}-${n}`;
      if (!this.infos.has(id) || this.added.get(id) === file) return id;
    }
  }

  /** The registered basemaps, sorted by name. */
  list(): BasemapInfo[] {
    return [...this.infos.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The answer to one basemap request (see the module comment); 405 for other methods, 404 for other paths. */
  answer(req: BasemapRequest): TileAnswer {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD' }, body: null };
    const a = this.route(req);
    return req.method === 'HEAD' ? { ...a, body: null } : a;
  }

  private route(req: BasemapRequest): TileAnswer {
    if (req.path === '/list.json') return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: Buffer.from(JSON.stringify(this.list())) };
    if (req.path.startsWith('/tiles/')) return this.tiles.tile(req.path.slice('/tiles'.length));
    const pm = /^\/pmtiles\/([a-z0-9-]{1,64})$/.exec(req.path);
    if (pm) return this.tiles.range(pm[1]!, req.range);
    return { status: 404, headers: {}, body: null };
  }

  /** Closes every file. */
  close(): void {
    this.tiles.close();
    this.infos.clear();
    this.added.clear();
  }
}
