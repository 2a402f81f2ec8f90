/**
 * A chaos proxy for the sync tests (issue 9, item 3): a real WebSocket-level proxy on 127.0.0.1
 * (port 0) between desktop links and the relay. HTTP requests (`/v1/changes`, `/health`) pass
 * through untouched; each WebSocket upgrade is forwarded to the relay with its path and headers
 * (a refused upgrade comes back with the relay's status and reason), and then every frame, in
 * each direction, may be dropped, duplicated, delayed, held back behind the next one (reordered),
 * stall its direction for a while, or cut the connection (to the client mid-frame: a frame header
 * and half its payload, then the socket is destroyed). Every choice comes from one seeded PRNG
 * (mulberry32), so a seed names the faults (timing still varies from run to run).
 *
 * `onFrame` lets a test script a fault exactly (e.g. drop the relay's first frame on a case doc).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** Probabilities per frame (0–1) and bounds in ms. */
export interface FaultRates {
  drop: number;
  duplicate: number;
  reorder: number;
  delay: number;
  maxDelayMs: number;
  stall: number;
  maxStallMs: number;
  cut: number;
}

/** No faults (a transparent proxy; scripted faults only). */
export const NO_FAULTS: FaultRates = { drop: 0, duplicate: 0, reorder: 0, delay: 0, maxDelayMs: 0, stall: 0, maxStallMs: 0, cut: 0 };

/** The faults of the convergence property: frequent enough that every run meets several. */
export const CHAOS_FAULTS: FaultRates = { drop: 0.03, duplicate: 0.03, reorder: 0.03, delay: 0.1, maxDelayMs: 25, stall: 0.01, maxStallMs: 150, cut: 0.004 };

/** `down`: relay to client; `up`: client to relay. */
export type Direction = 'up' | 'down';

/** One frame as `onFrame` sees it. */
export interface FrameInfo {
  dir: Direction;
  /** The upgrade path (the doc name with a leading slash). */
  path: string;
  /** 0-based index of this frame in its direction on this connection. */
  index: number;
  data: Buffer;
}

/** Options of a {@link ChaosProxy}. */
export interface ChaosOptions {
  /** The relay's base URL, `ws://127.0.0.1:<port>`. */
  target: string;
  seed: number;
  faults?: FaultRates;
  /** A scripted fault: return 'drop' to drop this frame (random faults then skip it). */
  onFrame?: (f: FrameInfo) => 'drop' | undefined;
}

/** What the proxy did (a test checks the chaos really happened). */
export interface ChaosStats {
  connections: number;
  frames: number;
  dropped: number;
  duplicated: number;
  reordered: number;
  delayed: number;
  stalled: number;
  cut: number;
}

/** mulberry32: a small seeded PRNG returning [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Close codes a WebSocket may send (1005, 1006 and 1015 are reserved for "none received"). */
const sendable = (code: number): boolean => (code >= 1000 && code <= 1014 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);

/** One direction of one proxied connection: frames go out in order, subject to faults. */
class Pipe {
  private queue: { data: Buffer; notBefore: number }[] = [];
  private held: Buffer | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stalledUntil = 0;
  private index = 0;

  constructor(
    private readonly proxy: ChaosProxy,
    private readonly dir: Direction,
    private readonly path: string,
    private readonly out: WebSocket,
    private readonly cut: () => void,
  ) {}

  push(data: Buffer): void {
    const p = this.proxy;
    const f = p.faults;
    const rnd = p.random;
    p.stats.frames++;
    const info: FrameInfo = { dir: this.dir, path: this.path, index: this.index++, data };
    if (p.onFrame?.(info) === 'drop') {
      p.stats.dropped++;
      return;
    }
    if (rnd() < f.cut) {
      p.stats.cut++;
      this.cut();
      return;
    }
    if (rnd() < f.drop) {
      p.stats.dropped++;
      return;
    }
    if (rnd() < f.stall) {
      p.stats.stalled++;
      this.stalledUntil = Date.now() + rnd() * f.maxStallMs;
    }
    let notBefore = 0;
    if (rnd() < f.delay) {
      p.stats.delayed++;
      notBefore = Date.now() + rnd() * f.maxDelayMs;
    }
    const copies = rnd() < f.duplicate ? 2 : 1;
    if (copies === 2) p.stats.duplicated++;
    if (rnd() < f.reorder && !this.held) {
      // Held back: goes out right after the next frame (or on its own after 30 ms).
      p.stats.reordered++;
      this.held = data;
      setTimeout(() => this.release(), 30).unref();
      return;
    }
    for (let i = 0; i < copies; i++) this.queue.push({ data, notBefore });
    this.pump();
  }

  private release(): void {
    if (!this.held) return;
    this.queue.push({ data: this.held, notBefore: 0 });
    this.held = null;
    this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    while (this.queue.length > 0) {
      const wait = Math.max(this.stalledUntil, this.queue[0]!.notBefore) - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.pump();
        }, wait);
        this.timer.unref();
        return;
      }
      const { data } = this.queue.shift()!;
      if (this.out.readyState === WebSocket.OPEN) this.out.send(data);
      if (this.held) this.release();
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.queue = [];
    this.held = null;
  }
}

/** The proxy. */
export class ChaosProxy {
  readonly stats: ChaosStats = { connections: 0, frames: 0, dropped: 0, duplicated: 0, reordered: 0, delayed: 0, stalled: 0, cut: 0 };
  readonly random: () => number;
  faults: FaultRates;
  readonly onFrame: ChaosOptions['onFrame'];
  private readonly server: http.Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  private readonly open = new Set<WebSocket>();
  private readonly target: URL;

  private constructor(o: ChaosOptions) {
    this.random = prng(o.seed);
    this.faults = o.faults ?? CHAOS_FAULTS;
    this.onFrame = o.onFrame;
    this.target = new URL(o.target);
    this.server = http.createServer((req, res) => this.forwardHttp(req, res));
    this.server.on('upgrade', (req, socket: Socket, head) => this.forwardUpgrade(req, socket, head));
  }

  /**
   * Starts a proxy to `o.target` on 127.0.0.1, port 0.
   * @throws Error when it cannot listen.
   */
  static async start(o: ChaosOptions): Promise<ChaosProxy> {
    const p = new ChaosProxy(o);
    await new Promise<void>((resolve, reject) => {
      p.server.once('error', reject);
      p.server.listen(0, '127.0.0.1', () => resolve());
    });
    return p;
  }

  /** `ws://127.0.0.1:<port>`: give this to the desktops as the relay URL. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private forwardHttp(req: http.IncomingMessage, res: http.ServerResponse): void {
    const up = http.request({ host: this.target.hostname, port: this.target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  }

  private forwardUpgrade(req: http.IncomingMessage, socket: Socket, head: Buffer): void {
    const path = req.url ?? '/';
    const headers: Record<string, string> = {};
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const upstream = new WebSocket(`ws://${this.target.host}${path}`, { headers, maxPayload: 256 * 1024 * 1024 });
    upstream.binaryType = 'nodebuffer';
    // After 'upgrade' the HTTP server no longer listens for the socket's errors: a client that
    // resets while the upstream is still connecting would crash the run (ECONNRESET, seen in a
    // 2,000-schedule run).
    socket.on('error', () => {
      socket.destroy();
      upstream.terminate();
    });
    upstream.on('unexpected-response', (_r, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        socket.end(`HTTP/1.1 ${res.statusCode ?? 502} ${res.statusMessage ?? ''}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
        upstream.terminate();
      });
    });
    upstream.on('error', () => {
      if (upstream.readyState !== WebSocket.OPEN && !socket.destroyed && socket.writable && !(socket as Socket & { _upgraded?: boolean })._upgraded) {
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    });
    upstream.on('open', () => {
      this.wss.handleUpgrade(req, socket, head, (client) => this.pair(client, upstream, path));
    });
  }

  private pair(client: WebSocket, upstream: WebSocket, path: string): void {
    this.stats.connections++;
    this.open.add(client);
    this.open.add(upstream);
    const end = (): void => {
      up.stop();
      down.stop();
      this.open.delete(client);
      this.open.delete(upstream);
    };
    const cut = (): void => {
      // To the client: a binary frame header announcing 64 bytes, then 20 of them, then gone.
      const raw = (client as unknown as { _socket?: Socket })._socket;
      if (raw && !raw.destroyed) {
        raw.write(Buffer.concat([Buffer.from([0x82, 64]), Buffer.alloc(20, 7)]));
        raw.destroy();
      }
      client.terminate();
      upstream.terminate();
      end();
    };
    const up = new Pipe(this, 'up', path, upstream, cut);
    const down = new Pipe(this, 'down', path, client, cut);
    client.on('message', (data: Buffer) => up.push(data));
    upstream.on('message', (data: Buffer) => down.push(data));
    client.on('close', (code, reason) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.close(sendable(code) ? code : 1000, reason);
      else upstream.terminate();
      end();
    });
    upstream.on('close', (code, reason) => {
      if (client.readyState === WebSocket.OPEN) client.close(sendable(code) ? code : 1001, reason);
      else client.terminate();
      end();
    });
    client.on('error', () => upstream.terminate());
    upstream.on('error', () => client.terminate());
  }

  /** Cuts every proxied connection now. */
  cutAll(): void {
    for (const s of this.open) s.terminate();
  }

  /** Stops listening and cuts every connection. */
  async close(): Promise<void> {
    this.cutAll();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
