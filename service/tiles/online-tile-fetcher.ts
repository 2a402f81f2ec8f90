/**
 * Online tiles for Electron (docs/map.md § Basemaps, docs/architecture.md § Electron security):
 * the page asks `app://nest/basemaps/online/<workspaceId>/<z>/<x>/<y>` on its own origin, main
 * carries it to the data service (`basemaps.request`, as offline tiles), and this module fetches the
 * one tile from the workspace's online layer — so the page's CSP stays `img-src 'self' data: blob:`
 * and the session still cancels every network request of pages (electron/main/web-guards.ts).
 *
 * A tile is fetched only when a workspace admin has enabled the layer, only from the admin's URL
 * template, and only while that template passes shared/domain/online-tiles.ts (https, a public DNS
 * name); the name must also resolve to public addresses only (no loopback, private or link-local
 * address: a DNS answer cannot point it into the LAN). No cookies, no Referer, no redirects
 * followed; at most {@link ONLINE_TILE_MAX_BYTES} bytes within {@link ONLINE_TILE_TIMEOUT_MS}; the
 * body must be a PNG, JPEG or WebP image by its bytes. Every refusal answers a status (never throws)
 * with a reason for the log.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { onlineTemplateProblem, type OnlineTiles } from '../../shared/domain/online-tiles';
import { sniffTileFormat } from './basemap-metadata';
import { parseTileCoords } from './tile-request';

/** Largest tile accepted (a 256 px raster tile is 5–100 KB). */
export const ONLINE_TILE_MAX_BYTES = 1024 * 1024;
/** Longest a tile may take, connection to last byte. */
export const ONLINE_TILE_TIMEOUT_MS = 10_000;

/** The path prefix of online tile requests below the basemap root. */
export const ONLINE_TILE_PREFIX = '/online/';

/** Options of {@link fetchOnlineTile}. */
export interface OnlineTileOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /**
   * TESTS ONLY: also allow an `http://127.0.0.1:<port>/…` template (a local test server). The data
   * service never sets it.
   */
  allowLoopbackForTests?: boolean;
}

/** One online tile answer (status, headers, body) and, when refused, why (for the log, never the page). */
export interface OnlineTileAnswer {
  status: 200 | 400 | 403 | 404 | 405 | 502 | 504;
  headers: Record<string, string>;
  body: Buffer | null;
  reason?: string;
}

/** `/online/<workspaceId>/<z>/<x>/<y>` parsed, or null when the path is not an online tile request (or is malformed). */
export function parseOnlineTilePath(path: string): { workspaceId: string; z: number; x: number; y: number } | null {
  const m = /^\/online\/([0-9a-f-]{36})\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) return null;
  const c = parseTileCoords(m[2]!, m[3]!, m[4]!);
  return c && { workspaceId: m[1]!, ...c };
}

const blocked = new net.BlockList();
for (const [net4, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) blocked.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) blocked.addSubnet(net6, bits, 'ipv6');

/** True for an address on the public internet (not loopback, private, link-local, shared, multicast or reserved; IPv4-mapped IPv6 judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = net.isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that resolves as usual but fails when any address of the name is not public. */
export function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad || addresses.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'ENOTPUBLIC' }), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

const refuse = (status: OnlineTileAnswer['status'], reason: string): OnlineTileAnswer => ({ status, headers: {}, body: null, reason });

/** True when `template` is the test-only loopback form `http://127.0.0.1:<port>/…`. */
function isTestLoopback(template: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d{1,5}\//.test(template);
}

/**
 * Fetches tile `z`/`x`/`y` of the enabled layer `tiles` (null: the layer is off → 403). See the
 * module comment for every check; never throws.
 */
export async function fetchOnlineTile(tiles: OnlineTiles | null, c: { z: number; x: number; y: number }, opts: OnlineTileOptions = {}): Promise<OnlineTileAnswer> {
  if (!tiles) return refuse(403, 'the workspace has no online tile layer enabled');
  const loopback = opts.allowLoopbackForTests === true && isTestLoopback(tiles.urlTemplate);
  const problem = loopback ? null : onlineTemplateProblem(tiles.urlTemplate);
  if (problem) return refuse(403, `the template ${problem}`);
  const url = new URL(tiles.urlTemplate.replace('{z}', String(c.z)).replace('{x}', String(c.x)).replace('{y}', String(c.y)));
  const maxBytes = opts.maxBytes ?? ONLINE_TILE_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? ONLINE_TILE_TIMEOUT_MS;
  return new Promise<OnlineTileAnswer>((resolve) => {
    let done = false;
    const finish = (a: OnlineTileAnswer): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(a);
    };
    // No cookie jar, no Referer, no keep-alive agent shared with anything else; only image types asked for.
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      agent: false,
      headers: { accept: 'image/png,image/jpeg,image/webp', 'user-agent': 'NEST-Desk' },
      ...(loopback ? {} : { lookup: publicOnlyLookup as unknown as typeof dns.lookup }),
    });
    const timer = setTimeout(() => finish(refuse(504, `no complete answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err) => finish(refuse(502, `request failed: ${err.message}`)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status === 404 || status === 204) return finish(refuse(404, `the tile server has no tile there (${status})`));
      if (status !== 200) return finish(refuse(502, `the tile server answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`));
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > maxBytes) return finish(refuse(502, `the tile is ${declared} bytes, more than ${maxBytes}`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return finish(refuse(502, `the tile is more than ${maxBytes} bytes`));
        chunks.push(chunk);
      });
      res.on('error', (err) => finish(refuse(502, `reading the tile failed: ${err.message}`)));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const format = sniffTileFormat(body);
        const type = format ? TYPES[format] : undefined;
        if (!type) return finish(refuse(502, `the answer is not a PNG, JPEG or WebP image (content-type ${String(res.headers['content-type']).slice(0, 60)})`));
        finish({ status: 200, headers: { 'content-type': type, 'cache-control': 'private, max-age=3600' }, body });
      });
    });
    req.end();
  });
}
