/**
 * Runs the data service in its own process (Electron: a utilityProcess) and hands it the
 * MessagePorts of the windows:
 * - `connect(port)` posts `{ type: 'connect' }` with the port (`trusted: true` for main's own); ports that arrive while the
 *   process is being (re)started wait and are posted to the new process;
 * - an unexpected exit restarts the process after a growing delay (backoff × restarts within the
 *   window), at most `maxRestarts` times per `windowMs`; then it gives up (`onGiveUp`). A process
 *   that reports `{ type: 'fatal' }` (e.g. SQLite cannot load) is not restarted: it would fail
 *   the same way again;
 * - `shutdown()` posts `{ type: 'shutdown' }` (the service closes its workspaces, compacting
 *   docs, and exits) and kills the process if it has not exited within the timeout.
 *
 * No Electron import: the process and its ports are structural, so tests drive the supervisor
 * with a worker thread standing in for the utilityProcess.
 */
import type { Logger } from '../../node/log';
import { isPrintRequest } from '../../shared/protocol/print-pdf';

/** The `connect` message for a port: `trusted` only for main's own (see service/entries/utility-entry.ts). */
function connectMessage(trusted: boolean): { type: 'connect'; trusted?: true } {
  return trusted ? { type: 'connect', trusted: true } : { type: 'connect' };
}

/** A port handed over to the data service (Electron's MessagePortMain). */
export interface TransferablePort {
  close(): void;
}

/** The part of Electron's UtilityProcess the supervisor uses. */
export interface ServiceProcess<P extends TransferablePort> {
  postMessage(message: unknown, transfer?: P[]): void;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  kill(): boolean;
}

/** Messages the data service process sends to main (see service/entries/utility-entry.ts). */
export type ServiceMessage = { type: 'ready' } | { type: 'fatal'; reason: string };

/** Parses a message from the data service process; null when it is not one of ours. */
export function parseServiceMessage(m: unknown): ServiceMessage | null {
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  if (o.type === 'ready') return { type: 'ready' };
  if (o.type === 'fatal' && typeof o.reason === 'string') return { type: 'fatal', reason: o.reason.slice(0, 2000) };
  return null;
}

/** Options of {@link DataServiceSupervisor}. */
export interface SupervisorOptions<P extends TransferablePort> {
  /** Starts a data service process (Electron: `utilityProcess.fork(…)`). */
  fork(): ServiceProcess<P>;
  /** Called after a restarted process was started: windows must request new ports. */
  onRestarted(): void;
  /** Called once when the supervisor stops restarting; `reason` is for the user. */
  onGiveUp(reason: string): void;
  logger: Logger;
  /** Restarts allowed within `windowMs` (default 3). */
  maxRestarts?: number;
  /** The window of `maxRestarts`, ms (default 60,000). */
  windowMs?: number;
  /** Delay before the n-th restart within the window = n × backoffMs (default 500 ms). */
  backoffMs?: number;
}

/** How a shutdown ended. */
export type ShutdownResult = 'clean' | 'killed' | 'not-running';

/** Supervises the data service process. */
export class DataServiceSupervisor<P extends TransferablePort> {
  private readonly opts: Required<Omit<SupervisorOptions<P>, 'logger'>> & { logger: Logger };
  private child: ServiceProcess<P> | null = null;
  private pending: { port: P; trusted: boolean }[] = [];
  private restarts: number[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private stopping = false;
  private gaveUp: string | null = null;
  private fatalReason: string | null = null;
  private exitWaiters: ((code: number) => void)[] = [];

  constructor(opts: SupervisorOptions<P>) {
    this.opts = { maxRestarts: 3, windowMs: 60_000, backoffMs: 500, ...opts };
  }

  /** True while a process is running (or starting). */
  get running(): boolean {
    return this.child !== null;
  }

  /** Why the supervisor gave up, or null. */
  get failure(): string | null {
    return this.gaveUp;
  }

  /** Starts the first process. */
  start(): void {
    if (this.child || this.stopping || this.gaveUp) return;
    this.spawn();
  }

  private spawn(): void {
    const child = this.opts.fork();
    this.child = child;
    this.fatalReason = null;
    child.on('message', (m) => {
      // Print requests are answered by main.ts's print handler (print-handler.ts).
      if (isPrintRequest(m)) return;
      const msg = parseServiceMessage(m);
      if (!msg) {
        this.opts.logger.warn('unrecognised message from the data service process');
        return;
      }
      if (msg.type === 'fatal') {
        this.fatalReason = msg.reason;
        this.opts.logger.error({ reason: msg.reason }, 'data service cannot start');
      } else {
        this.opts.logger.info('data service ready');
      }
    });
    child.on('exit', (code) => this.exited(child, code));
    const waiting = this.pending;
    this.pending = [];
    for (const w of waiting) child.postMessage(connectMessage(w.trusted), [w.port]);
  }

  private exited(child: ServiceProcess<P>, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    const waiters = this.exitWaiters;
    this.exitWaiters = [];
    for (const w of waiters) w(code);
    if (this.stopping) return;
    if (this.fatalReason) {
      this.giveUp(`The data service cannot start: ${this.fatalReason}`);
      return;
    }
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < this.opts.windowMs);
    if (this.restarts.length >= this.opts.maxRestarts) {
      this.giveUp(`The data service stopped ${this.restarts.length + 1} times within ${Math.round(this.opts.windowMs / 1000)} s (last exit code ${code}).`);
      return;
    }
    this.restarts.push(now);
    const delay = this.opts.backoffMs * this.restarts.length;
    this.opts.logger.warn({ code, restart: this.restarts.length, delayMs: delay }, 'data service exited unexpectedly; restarting');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.spawn();
      this.opts.onRestarted();
    }, delay);
  }

  private giveUp(reason: string): void {
    this.gaveUp = reason;
    for (const p of this.pending) p.port.close();
    this.pending = [];
    this.opts.logger.error({ reason }, 'data service given up');
    this.opts.onGiveUp(reason);
  }

  /**
   * Hands `port` to the data service (now, or once a restarting process is up). `trusted` marks
   * main's own port (it may call trusted-only methods such as `files.addFromPath`); a window's
   * port is never trusted.
   * @returns false when the port was closed instead: the service is shutting down or was given up.
   */
  connect(port: P, opts: { trusted?: boolean } = {}): boolean {
    if (this.stopping || this.gaveUp) {
      port.close();
      return false;
    }
    const trusted = opts.trusted === true;
    if (this.child) this.child.postMessage(connectMessage(trusted), [port]);
    else this.pending.push({ port, trusted });
    return true;
  }

  /**
   * Asks the data service to close cleanly and waits up to `timeoutMs` (default 10,000 ms) for it
   * to exit, then kills it. Stops any pending restart.
   */
  async shutdown(timeoutMs = 10_000): Promise<ShutdownResult> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    for (const p of this.pending) p.port.close();
    this.pending = [];
    const child = this.child;
    if (!child) return 'not-running';
    const exited = new Promise<'clean'>((resolve) => this.exitWaiters.push(() => resolve('clean')));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    child.postMessage({ type: 'shutdown' });
    const first = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (first === 'clean') return 'clean';
    this.opts.logger.error({ timeoutMs }, 'data service did not exit in time; killing it');
    child.kill();
    this.child = null;
    return 'killed';
  }
}
