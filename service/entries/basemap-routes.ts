/**
 * The browser-mode host's basemap routes (issue 11 item 8): the offline basemaps of the folder
 * the operator configured (service/tiles/basemap-folder.ts), answered by the data service's
 * BasemapRegistry (the same answers Electron's `app://basemaps/…` gives).
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
import type { BasemapRegistry } from '../tiles/basemap-registry';

/** The basemap routes' capability for `token`: SHA-256 of the token, base64url (43 characters). The page computes the same with crypto.subtle. */
export function tileKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Options of {@link handleBasemapRoute}. */
export interface BasemapRouteOptions {
  /** The data service's basemaps, which answer (service/tiles/basemap-registry.ts). */
  basemaps: BasemapRegistry;
  /** {@link tileKey} of the host's token. */
  key: string;
  logger: Logger;
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
  if (!keyOk(opts.key, m[1]!)) {
    opts.logger.warn('refused a basemap request with a wrong key');
    res.writeHead(403).end();
    return true;
  }
  const a = opts.basemaps.answer({ method: req.method ?? 'GET', path: m[2]!, range: req.headers.range });
  res.writeHead(a.status, { ...a.headers, 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' });
  res.end(a.body ?? undefined);
  return true;
}
