/**
 * The browser-mode host's basemap routes (issue 11 item 8): the offline basemaps of the folder
 * the operator configured (service/tiles/basemap-folder.ts), served by {@link TileServer}.
 *
 * - `GET /basemaps/<key>/list.json`: the registered basemaps (id, name, kind, format, zoom range, bounds).
 * - `GET /basemaps/<key>/tiles/<id>/<z>/<x>/<y>.<ext>`: an MBTiles tile (204 where the file has none).
 * - `GET /basemaps/<key>/pmtiles/<id>` with `Range: bytes=a-b`: a byte range of a PMTiles file (206).
 *
 * Leaflet loads tiles as images, which carry no Authorization header, so the URL carries a
 * capability instead: `<key>` = {@link tileKey} of the per-launch token (its SHA-256, so the token
 * itself never appears in a URL or a log). A wrong key is 403. Only GET and HEAD.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Logger } from '../../node/log';
import type { BasemapInfo } from '../tiles/basemap-folder';
import type { TileAnswer, TileServer } from '../tiles/tile-server';

/** The basemap routes' capability for `token`: SHA-256 of the token, base64url (43 characters). The page computes the same with crypto.subtle. */
export function tileKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Options of {@link handleBasemapRoute}. */
export interface BasemapRouteOptions {
  tiles: TileServer;
  basemaps: () => BasemapInfo[];
  /** {@link tileKey} of the host's token. */
  key: string;
  logger: Logger;
}

function send(req: http.IncomingMessage, res: http.ServerResponse, a: TileAnswer): void {
  res.writeHead(a.status, { ...a.headers, 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' });
  res.end(req.method === 'HEAD' ? undefined : (a.body ?? undefined));
}

function keyOk(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers a `/basemaps/…` request; false for any other path (the host goes on). */
export function handleBasemapRoute(req: http.IncomingMessage, res: http.ServerResponse, opts: BasemapRouteOptions): boolean {
  const pathname = new URL(req.url ?? '/', 'http://host').pathname;
  const m = /^\/basemaps\/([^/]+)(\/.*)$/.exec(pathname);
  if (!m) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return true;
  }
  if (!keyOk(opts.key, m[1]!)) {
    opts.logger.warn('refused a basemap request with a wrong key');
    res.writeHead(403).end();
    return true;
  }
  const rest = m[2]!;
  if (rest === '/list.json') {
    send(req, res, { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: Buffer.from(JSON.stringify(opts.basemaps())) });
  } else if (rest.startsWith('/tiles/')) {
    send(req, res, opts.tiles.tile(rest.slice('/tiles'.length)));
  } else if (/^\/pmtiles\/[a-z0-9-]{1,64}$/.test(rest)) {
    send(req, res, opts.tiles.range(rest.slice('/pmtiles/'.length), req.headers.range));
  } else {
    res.writeHead(404).end();
  }
  return true;
}
