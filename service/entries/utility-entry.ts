/**
 * The data service's entry point inside Electron's utilityProcess (bundled to
 * dist/electron/data-service.cjs). No `electron` import: Electron gives this process
 * `process.parentPort`, typed here structurally.
 *
 * Messages from main (each validated; anything else is logged and its ports closed):
 * - first, `{ type: 'unlock', key: Uint8Array(32) }` with no ports: the data folder's key, unwrapped
 *   by main through the OS keychain (electron/main/data-key.ts); the service opens only then;
 * - `{ type: 'connect', trusted? }` with exactly one MessagePortMain: serve one window over it, or
 *   (`trusted: true`) main itself, which alone may call trusted-only methods (shared/rpc/define.ts);
 * - `{ type: 'shutdown' }` with no ports: close the service (compacting docs) and exit 0.
 * - `{ type: 'print-pdf-result' | 'print-pdf-error', id, … }`: replies to the report printer
 *   (shared/protocol/print-pdf.ts), handled by service/packs/pdf/port-printer.ts.
 * Messages to main: `{ type: 'print-pdf', id, html, headerText }` to print a report;
 * `{ type: 'ready' }` once serving; `{ type: 'fatal', reason }` before exiting
 * when the service cannot start (e.g. better-sqlite3 has no build for this Electron), so main
 * does not restart it in a loop.
 *
 * Environment (set by main): NEST_DATA_DIR (the data folder), NEST_SQLITE_BINDING (the
 * Electron-ABI better_sqlite3.node), NEST_SQLCIPHER_BINDING (the Electron-ABI build of
 * better-sqlite3-multiple-ciphers), NEST_APP_VERSION. Never the key.
 */
import { z } from 'zod';
import { createLogger, type Logger } from '../../node/log';
import { checkSqliteDrivers } from '../../node/store/sqlite';
import { messagePortTransport, type MessagePortMainLike } from './message-port-transport';
import { DataService } from '../data-service';
import { defaultDataDir } from '../../node/fs/data-dir';
import { DATA_KEY_BYTES } from '../../node/fs/database-file';
import { isPrintReply } from '../../shared/protocol/print-pdf';
import { portPrinter } from '../packs/pdf/port-printer';
import { setPdfPrinter } from '../packs/pdf/printer-registry';

/** A message event on the parent port: Electron's `MessageEvent` (data + transferred ports). */
export interface ParentMessageEvent {
  data: unknown;
  ports: readonly unknown[];
}

/** The part of Electron's `process.parentPort` this entry uses. */
export interface ParentPortLike {
  on(event: 'message', listener: (e: ParentMessageEvent) => void): unknown;
  postMessage(message: unknown): void;
}

/** A validated message from main. */
export type MainMessage = { type: 'connect'; port: MessagePortMainLike; trusted: boolean } | { type: 'shutdown' };

const dataSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('connect'), trusted: z.boolean().optional() }).strict(), z.object({ type: z.literal('shutdown') }).strict()]);

function isPortLike(p: unknown): p is MessagePortMainLike {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return ['postMessage', 'on', 'start', 'close'].every((k) => typeof o[k] === 'function');
}

function closeAll(ports: readonly unknown[]): void {
  for (const p of ports) {
    if (typeof p === 'object' && p !== null && typeof (p as { close?: unknown }).close === 'function') (p as { close(): void }).close();
  }
}

/**
 * Validates one message from main: `connect` must carry exactly one port, `shutdown` none.
 * @returns the message, or a reason it was refused.
 */
export function parseMainMessage(e: ParentMessageEvent): MainMessage | { refused: string } {
  const ports = Array.isArray(e?.ports) ? e.ports : [];
  const parsed = dataSchema.safeParse(e?.data);
  if (!parsed.success) return { refused: 'not a { type: "connect" | "shutdown" } message' };
  if (parsed.data.type === 'connect') {
    if (ports.length !== 1) return { refused: `connect carries ${ports.length} ports instead of 1` };
    if (!isPortLike(ports[0])) return { refused: 'connect carries something that is not a MessagePort' };
    return { type: 'connect', port: ports[0], trusted: parsed.data.trusted === true };
  }
  if (ports.length !== 0) return { refused: `shutdown carries ${ports.length} unexpected ports` };
  return { type: 'shutdown' };
}

/**
 * Validates the unlock message: `{ type: 'unlock', key }` with a 32-byte Uint8Array and no ports.
 * @returns the key, or a reason it was refused (never containing the key).
 */
export function parseUnlockMessage(e: ParentMessageEvent): Uint8Array | { refused: string } {
  const d = e?.data as { type?: unknown; key?: unknown } | null;
  if (typeof d !== 'object' || d === null || d.type !== 'unlock' || Object.keys(d).length !== 2) return { refused: 'not a { type: "unlock", key } message' };
  if (Array.isArray(e.ports) && e.ports.length !== 0) return { refused: `unlock carries ${e.ports.length} unexpected ports` };
  if (!(d.key instanceof Uint8Array) || d.key.length !== DATA_KEY_BYTES) return { refused: `unlock carries no ${DATA_KEY_BYTES}-byte key` };
  return d.key;
}

/**
 * Waits for main's unlock message, then calls `start` with the key. Messages before it are refused
 * (ports closed); later messages are left to the listener `start` installs.
 */
export function whenUnlocked(parent: ParentPortLike, logger: Logger, start: (key: Uint8Array) => void): void {
  let unlocked = false;
  parent.on('message', (e) => {
    if (unlocked) return;
    const r = parseUnlockMessage(e);
    if ('refused' in r) {
      logger.warn({ reason: r.refused }, 'message before unlock refused');
      closeAll(Array.isArray(e?.ports) ? e.ports : []);
      return;
    }
    unlocked = true;
    start(r);
  });
}

/** Dependencies of {@link serveParentPort}. */
export interface ServeOptions {
  service: DataService;
  logger: Logger;
  /** Ends the process (default `process.exit`). */
  exit?: (code: number) => void;
}

/** What {@link serveParentPort} returns, for tests. */
export interface ServingEntry {
  /** Resolves with the exit code once a shutdown finished. */
  readonly stopped: Promise<number>;
}

/**
 * Serves windows on `service` according to messages on `parent`, then tells main it is ready.
 * A shutdown closes the service and calls `exit(0)` (`exit(1)` when closing threw).
 */
export function serveParentPort(parent: ParentPortLike, opts: ServeOptions): ServingEntry {
  const { service, logger } = opts;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;
  let resolveStopped: (code: number) => void = () => {};
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  parent.on('message', (e) => {
    // Replies to the report printer's requests are handled by its own listener (port-printer.ts).
    if (isPrintReply(e?.data)) return;
    const msg = parseMainMessage(e);
    if ('refused' in msg) {
      logger.warn({ reason: msg.refused }, 'message from main refused');
      closeAll(Array.isArray(e?.ports) ? e.ports : []);
      return;
    }
    if (msg.type === 'connect') {
      if (shuttingDown) {
        msg.port.close();
        return;
      }
      const session = service.connect(messagePortTransport(msg.port), { trusted: msg.trusted });
      logger.info({ session: session.id, sessions: service.sessionCount(), trusted: msg.trusted }, msg.trusted ? 'main connected' : 'window connected');
      return;
    }
    if (shuttingDown) return;
    shuttingDown = true;
    let code = 0;
    try {
      service.close();
    } catch (err) {
      code = 1;
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'data service did not close cleanly');
    }
    resolveStopped(code);
    exit(code);
  });
  parent.postMessage({ type: 'ready' });
  return { stopped };
}

/** How long a process that cannot start waits after telling main, before exiting (ms). */
export const FATAL_EXIT_DELAY_MS = 200;

/**
 * Starts the data service from the environment once main sent the data key, and serves `parent`.
 * When SQLite cannot be loaded (the usual cause: no Electron build of better-sqlite3), tells main
 * `fatal` and exits 1.
 * @returns a promise of the serving entry (null when it cannot start).
 */
export function startFromEnvironment(parent: ParentPortLike, env: NodeJS.ProcessEnv = process.env, exit: (code: number) => void = (c) => process.exit(c)): Promise<ServingEntry | null> {
  const logger = createLogger('data-service');
  try {
    checkSqliteDrivers();
  } catch (err) {
    const reason = `SQLite (better-sqlite3) could not be loaded${env.NEST_SQLITE_BINDING ? ` from ${env.NEST_SQLITE_BINDING}` : ''}: ${err instanceof Error ? err.message : String(err)}`;
    logger.error({ reason }, 'data service cannot start');
    parent.postMessage({ type: 'fatal', reason });
    // Give the message a moment to reach main before the process ends.
    setTimeout(() => exit(1), FATAL_EXIT_DELAY_MS);
    return Promise.resolve(null);
  }
  const dataDir = defaultDataDir(env);
  return new Promise((resolve) =>
    whenUnlocked(parent, logger, (dataKey) => {
      let service: DataService;
      try {
        service = DataService.open({ dataDir, mode: 'electron', version: env.NEST_APP_VERSION, logger, dataKey });
      } catch (err) {
        // E.g. the folder is used by another process: restarting would fail the same way.
        const reason = err instanceof Error ? err.message : String(err);
        logger.error({ reason }, 'data service cannot start');
        parent.postMessage({ type: 'fatal', reason });
        setTimeout(() => exit(1), FATAL_EXIT_DELAY_MS);
        return resolve(null);
      }
      resolve(serveParentPort(parent, { service, logger, exit }));
    }),
  );
}

// Inside Electron's utilityProcess, `process.parentPort` exists: start serving. Reports are
// printed by main (this process has no renderer): see service/packs/pdf/port-printer.ts.
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) {
  setPdfPrinter(portPrinter(parentPort));
  void startFromEnvironment(parentPort);
}
