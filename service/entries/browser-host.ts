/**
 * Browser mode: a Node process that runs the data service and serves the built renderer on
 * 127.0.0.1 only, for locked-down machines and for end-to-end tests in headless Chromium.
 *
 * Access control: a random per-launch token (32 bytes, base64url) is part of the printed URL's
 * fragment (`#token=…`, never sent in HTTP requests). The page passes it as a WebSocket
 * subprotocol (`nest-token.<token>`) when it connects to `/rpc`; the host refuses a missing or
 * wrong token (401) and any `Origin` other than its own (403) before the upgrade completes.
 * Every request, page or WebSocket, must name the host itself in its `Host` header
 * (`127.0.0.1:PORT`): a page on another site whose DNS name was re-pointed at 127.0.0.1 (DNS
 * rebinding) sends its own name and is refused (421) before anything is served.
 */
import http from 'node:http';
import fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../node/log';
import { MAX_FRAME_BYTES } from '../../shared/protocol/frames';
import type { DataService } from '../data-service';
import { wsTransport } from './ws-transport';
import { securityHeaders } from '../../node/web/csp';
import { resolveStatic } from '../../node/web/static-files';
import { handlePackRoute } from './pack-routes';
import { DEFAULT_MAX_FILE_BYTES } from '../../shared/domain/attached-file';
import { handleFileRoute } from './file-routes';
import { handleBasemapRoute, tileKey } from './basemap-routes';

/** The subprotocol every page offers; the host selects it. */
export const WS_PROTOCOL = 'nest-desk.v1';
/** Prefix of the subprotocol that carries the token. */
export const TOKEN_PROTOCOL_PREFIX = 'nest-token.';

/** Options of {@link startBrowserHost}. */
export interface BrowserHostOptions {
  service: DataService;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  /** TCP port; 0 picks a free one (default 0). */
  port?: number;
  /** Token; default a fresh random one. */
  token?: string;
  /** Largest file a page may upload to a case, bytes (default 2 GiB). */
  maxFileBytes?: number;
  /** Folder of offline basemaps (.mbtiles, .pmtiles) served under /basemaps (docs/map.md); none by default. */
  basemapDir?: string;
  logger: Logger;
}

/** A running browser-mode host. */
export interface BrowserHost {
  /** The URL to open, with the token in its fragment. */
  url: string;
  /** http://127.0.0.1:PORT (no token). */
  origin: string;
  port: number;
  token: string;
  /** Stops serving (does not close the data service). */
  close(): Promise<void>;
}

function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 401 | 403 | 404 | 421, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`);
  socket.destroy();
}

/**
 * Starts the host on 127.0.0.1.
 * @throws Error when the renderer has not been built (`npm run build:renderer`).
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const { service, logger } = opts;
  if (!fs.existsSync(`${opts.rendererDir}/index.html`)) throw new Error(`the app is not built: ${opts.rendererDir}/index.html is missing (run npm run build:renderer)`);
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  let hostHeader = '';
  let headers: Record<string, string> = {};
  let port = 0;
  if (opts.basemapDir) service.basemaps.loadFolder(opts.basemapDir, (file, reason) => logger.warn({ file, reason }, 'skipped a basemap file'));
  const basemapKey = tileKey(token);

  const server = http.createServer((req, res) => {
    if (req.headers.host !== hostHeader) {
      logger.warn({ host: String(req.headers.host ?? '(none)').slice(0, 100) }, 'refused a request for a foreign host name');
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end(`open ${origin}/ (this server answers only to that address)`);
      return;
    }
    // Offline basemaps of the configured folder: a capability derived from the token in the URL (basemap-routes.ts).
    if (handleBasemapRoute(req, res, { basemaps: service.basemaps, key: basemapKey, logger })) return;
    if (handlePackRoute(req, res, { dataDir: service.dataDir, tokenMatches: (given) => tokenMatches(token, given), origin: () => origin, logger })) return;
    // Files of cases (upload, bytes): token and case access checked there (file-routes.ts).
    if (handleFileRoute(req, res, { service, tokenOk: (given) => tokenMatches(token, given), maxBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, logger })) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const found = resolveStatic(opts.rendererDir, req.url ?? '/');
    if (!found) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    // A page's CSP is made when it is served, so enabling or disabling an online tile layer counts from the next page load.
    const html = found.file.endsWith('.html');
    res.writeHead(200, { ...headers, ...(html ? securityHeaders([`ws://127.0.0.1:${port}`], service.onlineTileOrigins()) : {}), 'Content-Type': found.contentType, 'Cache-Control': html ? 'no-store' : 'max-age=3600' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(found.file).pipe(res);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  server.on('upgrade', (req, socket, head) => {
    // The HTTP server stops listening for this socket's errors once 'upgrade' is emitted: a
    // client resetting mid-refusal must not take the host down.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (req.headers.host !== hostHeader) {
      logger.warn({ host: String(req.headers.host ?? '(none)').slice(0, 100) }, 'refused a connection for a foreign host name');
      return refuse(socket, 421, 'host name not allowed');
    }
    if (path !== '/rpc') return refuse(socket, 404, 'not found');
    if (req.headers.origin !== origin) {
      logger.warn({ origin: String(req.headers.origin ?? '(none)').slice(0, 100) }, 'refused a connection from a foreign origin');
      return refuse(socket, 403, 'origin not allowed');
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((s) => s.trim());
    const given = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
    if (!tokenMatches(token, given)) {
      logger.warn(given ? 'refused a connection with a wrong token' : 'refused a connection without a token');
      return refuse(socket, 401, 'token missing or wrong');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      service.connect(wsTransport(ws));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hostHeader = `127.0.0.1:${port}`;
  origin = `http://${hostHeader}`;
  headers = securityHeaders([`ws://127.0.0.1:${port}`]);
  logger.info({ port }, 'browser mode listening');

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
