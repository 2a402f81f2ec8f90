/**
 * Playwright fixtures for NEST Desk's browser mode. `host` starts the real host
 * (`tsx service/entries/serve-cli.ts --port 0`) on a fresh temporary data folder, reads the URL it
 * prints (`NEST Desk is running at http://127.0.0.1:PORT/#token=…`), and stops it after the test;
 * `host.openPage()` opens another tab on the same host (a second window on the same data).
 * `requests` collects every URL the browser context asked for, so a test can prove that
 * nothing left 127.0.0.1; `cspViolations` collects the console's Content-Security-Policy
 * reports (an inline style or script would show up there).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A running browser-mode host. */
export interface Host {
  /** The URL with its token, to open in a page. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The temporary data folder. */
  dataDir: string;
  /** Opens another page (tab) of the same browser context on the host. */
  openPage(): Promise<Page>;
  /** Stops the host now (to test what the page does when its data service goes away). */
  stop(): Promise<void>;
}

const URL_LINE = /NEST Desk is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/;

/** Starts a browser-mode host on `dataDir` (for tests that need several hosts, e.g. two desktops); stop it with {@link stopHost}. */
export function startHost(dataDir: string, startTimeoutMs = 30_000, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['service/entries/serve-cli.ts', '--port', '0', ...args], {
    cwd: repoRoot,
    // Browser mode encrypts the data folder with a key derived from this passphrase (service/keys/).
    env: { ...process.env, NEST_DATA_DIR: dataDir, NEST_PASSPHRASE: process.env.NEST_PASSPHRASE ?? 'e2e passphrase, not a secret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`the host printed no URL within ${startTimeoutMs / 1000} s.\nstdout: ${out}\nstderr: ${err.slice(-2000)}`)), startTimeoutMs);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = URL_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('exit', (code) => fail(new Error(`the host exited with code ${code}.\nstdout: ${out}\nstderr: ${err.slice(-2000)}`)));
  });
}

/** Stops a host started with {@link startHost} (SIGTERM, then SIGKILL after 5 s). */
export function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: Host; hostArgs: string[]; requests: string[]; cspViolations: string[] }>({
  /** Extra command-line options of the spec's host (e.g. `test.use({ hostArgs: ['--basemaps', dir] })`). */
  hostArgs: [[], { option: true }],
  cspViolations: async ({ context }, use) => {
    const found: string[] = [];
    context.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) found.push(m.text());
    });
    await use(found);
  },
  requests: async ({ context }, use) => {
    const urls: string[] = [];
    context.on('request', (r) => urls.push(r.url()));
    await use(urls);
  },
  host: async ({ context, hostArgs, requests: _requests }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-'));
    // A loaded machine (several engineers sharing two cores) may need longer: NEST_E2E_HOST_TIMEOUT_MS.
    const { child, url } = await startHost(dataDir, Number(process.env.NEST_E2E_HOST_TIMEOUT_MS ?? 30_000), hostArgs);
    const origin = new URL(url).origin;
    try {
      await use({
        url,
        origin,
        dataDir,
        openPage: async () => {
          const p = await context.newPage();
          await p.goto(url);
          return p;
        },
        stop: () => stopHost(child),
      });
    } finally {
      await stopHost(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

/** URLs among `urls` that are not on the host (blob: and data: URLs of the page itself are local). */
export function offHost(urls: string[], origin: string): string[] {
  return urls.filter((u) => {
    if (u.startsWith('data:')) return false;
    if (u.startsWith('blob:')) return !u.slice(5).startsWith(origin);
    return new URL(u).origin !== origin;
  });
}

export { expect };
