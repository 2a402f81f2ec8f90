/**
 * Hub.Liveness: pings every connection each `pingIntervalMs`; a connection that did not answer
 * the previous ping (a dead TCP peer, a laptop gone to sleep) is terminated and forgotten, so its
 * presence disappears and its room can unload.
 */
import type { Logger } from '../../node/log';
import type { Connection } from '../connection';
import type { Connections } from './connections';

/** The ping timer. */
export class Liveness {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly connections: Connections,
    pingIntervalMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => this.ping(), pingIntervalMs);
  }

  /** Starts watching a new connection (its pongs mark it alive). */
  watch(conn: Connection): void {
    conn.socket.on('pong', () => {
      conn.alive = true;
    });
  }

  /** Stops pinging (shutdown). */
  stop(): void {
    clearInterval(this.timer);
  }

  private ping(): void {
    for (const conn of this.connections.all()) {
      if (conn.closed) continue;
      if (!conn.alive) {
        this.log.info({ conn: conn.id, doc: conn.room.name }, 'no pong: connection dropped');
        conn.socket.terminate();
        this.connections.forget(conn);
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch {
        this.connections.forget(conn);
      }
    }
  }
}
