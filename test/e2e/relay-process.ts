/**
 * The real relay for end-to-end tests: `node --import tsx relay/cli.ts serve --port 0 --host
 * 127.0.0.1 --data-dir D` (one process, so a signal reaches the relay itself), resolved once it
 * prints `listening on ws://127.0.0.1:PORT`. The same pattern as test/relay/helpers.ts, kept
 * free of the app's modules so Playwright's loader only sees Node built-ins.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './fixtures';

/** A running relay. */
export interface E2eRelay {
  /** ws://127.0.0.1:PORT */
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** SIGTERM (the relay closes its connections and its database) and wait for exit. */
  stop(): Promise<void>;
}

/**
 * Starts the relay on `dataDir` (default: a fresh temp folder) and `port` (default 0: a free one).
 * `startTimeoutMs` (default 30 s): how long it may take to listen (tsx compiles the relay first;
 * specs that run under heavy load allow more).
 * @throws Error with the end of its stderr when it exits or prints no URL in time.
 */
export async function startRelay(opts: { dataDir?: string; port?: number; startTimeoutMs?: number } = {}): Promise<E2eRelay> {
  const limit = opts.startTimeoutMs ?? 30_000;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-relay-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'relay/cli.ts'), 'serve', '--port', String(opts.port ?? 0), '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, NEST_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the relay printed no URL within ${limit / 1000} s: ${err.slice(-2000)}`));
    }, limit);
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (ws:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited with ${code}: ${err.slice(-2000)}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
