/**
 * The relay server: one HTTP server on which WebSocket upgrades to `/<docName>` become y-websocket
 * connections (after authentication and authorisation) and other requests go to the HTTP routes.
 *
 * An upgrade is refused with a plain HTTP answer and the socket destroyed:
 * 400 (not a doc name), 401 (token missing, forged, expired, for another workspace, or the
 * workspace has no key here), 403 (no access to that doc), 503 (shutting down or storage failure).
 * The body is the reason code, e.g. "token-expired" becomes "expired"; see docs/relay.md.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../node/log';
import { parseDocName, workspaceDocName } from '../shared/docs/names';
import { decideAccess } from './access';
import { authenticate } from './authenticate';
import { registryFor } from './registration';
import { Hub, type HubOptions, type HubStats } from './hub/hub';
import { handleHttp } from './http-routes';
import { errorName } from './rooms';
import type { RelayStorage } from './storage/relay-storage';
import type { Fanout } from './fanout/fanout';
import type { BlobStore } from '../node/blobs/blob-store';

/** Options of {@link startRelay}. */
export interface RelayOptions extends HubOptions {
  /** Interface to listen on (default 127.0.0.1 in the CLI). */
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Largest WebSocket message accepted, in bytes; a bigger one closes that connection (1009). */
  maxMessageBytes: number;
  /** The storage; the relay closes it on {@link RelayServer.close}. */
  storage: RelayStorage;
  /** The logger. */
  log: Logger;
  /** Whether a non-admin's case doc must be registered (see ServeSettings); omitted: `off` (the CLI defaults to `required`). */
  caseRegistration?: 'required' | 'off';
  /** Fan-out to the other relay processes on the same storage (Redis); omitted: a single process. */
  fanout?: Fanout;
  /** The blob store of `/v1/blobs` (files of cases), closed with the relay; omitted: no blob endpoint. */
  blobs?: BlobStore;
}

/** A running relay. */
export interface RelayServer {
  /** `ws://host:port`, the base URL clients append `/<docName>` to. */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** Current counters. */
  stats(): HubStats;
  /** Stops accepting, closes every connection (1001), compacts and unloads docs, closes storage. */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 503: 'Service Unavailable' };

/**
 * Starts a relay and resolves once it listens.
 * @throws the listen error (e.g. EADDRINUSE).
 */
export async function startRelay(opts: RelayOptions): Promise<RelayServer> {
  const { storage, log } = opts;
  const hub = new Hub(storage, opts, log, opts.fanout ?? null);
  await opts.fanout?.start(hub);
  const startedAt = opts.now();
  let closing = false;
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
  const server = http.createServer((req, res) => {
    void handleHttp(req, res, { storage, hub, log, startedAt, now: opts.now, caseRegistration: opts.caseRegistration ?? 'off', fanout: opts.fanout ?? null, limits: opts.limits ?? null, blobs: opts.blobs });
  });
  const pendingUpgrades = new Set<Duplex>();

  const refuse = (socket: Duplex, status: number, reason: string, fields: Record<string, unknown> = {}): void => {
    log.info({ status, reason, ...fields }, 'connection refused');
    if (socket.destroyed) return;
    const body = `${reason}\n`;
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };

  const onUpgrade = async (req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy());
    if (closing) return refuse(socket, 503, 'shutting-down');
    let name: string;
    try {
      name = decodeURIComponent(new URL(req.url ?? '/', 'http://relay').pathname.slice(1));
    } catch {
      return refuse(socket, 400, 'bad-doc-name');
    }
    const ref = parseDocName(name);
    // Names are canonical lower case: "A…/case/B…" and "a…/case/b…" must not be two rooms.
    if (!ref || name !== name.toLowerCase()) return refuse(socket, 400, 'bad-doc-name');
    const auth = await authenticate(req.headers, ref.workspaceId, storage, opts.now());
    if (!auth.ok) return refuse(socket, 401, auth.reason, { doc: name });
    const limited = hub.admit(auth.claims.memberId, name);
    if (limited) return refuse(socket, limited.status, limited.reason, { doc: name, member: auth.claims.memberId });
    const wsRoom = await hub.rooms.acquire(workspaceDocName(ref.workspaceId));
    const first = hub.decide(wsRoom, ref, auth.claims);
    if (!first.ok) {
      // Refused before a case doc is loaded for someone who could not open it anyway.
      hub.rooms.release(wsRoom);
      return refuse(socket, 403, first.reason, { doc: name, member: auth.claims.memberId });
    }
    // A non-admin's case doc the admins do not know of (not indexed, not in the member's registry): refused, retryable.
    const registry = opts.caseRegistration === 'required' ? await registryFor(hub.rooms, wsRoom.workspace!, ref, auth.claims) : undefined;
    const registered = decideAccess(wsRoom.workspace!, ref, auth.claims, registry);
    if (!registered.ok) {
      hub.rooms.release(wsRoom);
      return refuse(socket, 403, registered.reason, { doc: name, member: auth.claims.memberId });
    }
    let room: Awaited<ReturnType<typeof hub.rooms.acquire>>;
    try {
      room = await hub.rooms.acquire(name); // for the workspace doc: a second hold on wsRoom
    } catch (err) {
      hub.rooms.release(wsRoom);
      throw err;
    }
    const decision = hub.decide(wsRoom, ref, auth.claims); // again: the workspace doc may have changed meanwhile
    if (!decision.ok || socket.destroyed || closing) {
      hub.rooms.release(room);
      hub.rooms.release(wsRoom);
      if (!decision.ok) return refuse(socket, 403, decision.reason, { doc: name, member: auth.claims.memberId });
      if (closing) return refuse(socket, 503, 'shutting-down');
      return;
    }
    let attached = false;
    socket.once('close', () => {
      // ws answered an invalid handshake itself (400) without calling back: give the holds back.
      if (attached) return;
      hub.rooms.release(room);
      hub.rooms.release(wsRoom);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      attached = true;
      hub.attach(ws, { room, workspaceRoom: wsRoom, claims: auth.claims, kid: auth.kid, decision });
    });
  };

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    pendingUpgrades.add(socket);
    onUpgrade(req, socket, head)
      .catch((err: unknown) => {
        log.error({ err: errorName(err) }, 'upgrade failed');
        refuse(socket, 503, 'unavailable');
      })
      .finally(() => pendingUpgrades.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  log.info({ host: opts.host, port, maxMessageBytes: opts.maxMessageBytes }, 'relay listening');

  return {
    url: `ws://${hostForUrl}:${port}`,
    port,
    stats: () => hub.stats(),
    close: async () => {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of pendingUpgrades) s.destroy();
      await opts.fanout?.stop();
      await hub.shutdown();
      server.closeAllConnections();
      await closed;
      await storage.close();
      await opts.blobs?.close?.();
      log.info('relay stopped');
    },
  };
}
