/**
 * A TCP proxy in front of several relay processes, standing in for Caddy or nginx in the
 * cluster tests: no sticky sessions, each new connection goes to the next process in turn
 * (`round-robin`) or to the first live one of a fixed order (`in-order`), and a process that
 * refuses (killed) is skipped. When a process dies its connections through the proxy close,
 * and the stock y-websocket clients reconnect, through the proxy, to a live one. `routes`
 * records which port each accepted connection went to, so a test can see where clients landed.
 */
import net from 'node:net';

/** A running proxy. */
export interface FailoverProxy {
  /** `ws://127.0.0.1:<port>`. */
  url: string;
  /** The upstream port of every connection routed so far, in order. */
  routes: number[];
  /** While paused, new connections are dropped at once (clients keep retrying). */
  pause(): void;
  /** Routes new connections again. */
  resume(): void;
  /** Closes the listener and every connection. */
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) to the relays on `ports`. */
export async function startFailoverProxy(ports: number[], order: 'round-robin' | 'in-order'): Promise<FailoverProxy> {
  const sockets = new Set<net.Socket>();
  const routes: number[] = [];
  let next = 0;
  let paused = false;

  /** Connects to the first reachable port from `candidates`; null when none answers. */
  const dial = (candidates: number[]): Promise<net.Socket | null> =>
    new Promise((resolve) => {
      const [port, ...rest] = candidates;
      if (port === undefined) return resolve(null);
      const up = net.connect(port, '127.0.0.1');
      up.once('connect', () => {
        up.removeAllListeners('error');
        routes.push(port);
        resolve(up);
      });
      up.once('error', () => {
        up.destroy();
        void dial(rest).then(resolve);
      });
    });

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (paused) return void client.destroy();
    const start = order === 'round-robin' ? next++ % ports.length : 0;
    const candidates = [...ports.slice(start), ...ports.slice(0, start)];
    void dial(candidates).then((up) => {
      if (!up || client.destroyed) {
        up?.destroy();
        return void client.destroy();
      }
      sockets.add(up);
      up.on('close', () => {
        sockets.delete(up);
        client.destroy();
      });
      up.on('error', () => up.destroy());
      client.on('close', () => up.destroy());
      client.pipe(up);
      up.pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    routes,
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
