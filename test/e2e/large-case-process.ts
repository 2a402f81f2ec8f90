/**
 * Starts the large-case host (large-case-host.ts, under tsx) with `seizures` seizures and waits
 * for the URL it prints once the case is written; shared by the large-case specs, which start it
 * through {@link useLargeCaseHost} (one host per spec file, for all its tests).
 */
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { repoRoot } from './fixtures';

const READY = /NEST Desk is running at (http:\/\/127\.0\.0\.1:\d+)\/#token=\S+ route=(\S+)/;

/** A running large-case host. */
export interface LargeCaseHost {
  child: ChildProcess;
  /** The address with the page token, to open first. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** The hash route of the case's seizure tab. */
  route: string;
  /** The id of a seizure held in a volume doc (empty when the host printed none). */
  volumeSeizure: string;
  /** The id of the last volume's seizure with words of its own, for the picker spec (empty when none). */
  pickSeizure: string;
  /** That seizure's timeline period (`YYYY-MM`; empty when the host printed none). */
  volumePeriod: string;
}

/**
 * Spawns the host (`atOnePlace` of the seizures at one quay, bench/p8-workload.ts) and resolves when it is ready.
 * @throws Error when it prints no URL within 280 s or exits first (with its stderr's tail).
 */
function startLargeCaseHost(seizures: number, atOnePlace = 0): Promise<LargeCaseHost> {
  const env = { ...process.env, LARGE_CASE_SEIZURES: String(seizures), LARGE_CASE_AT_ONE_PLACE: String(atOnePlace) };
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['test/e2e/large-case-host.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise<LargeCaseHost>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the large-case host printed no URL within 280 s.\n${out}\n${err.slice(-2000)}`)), 280_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = READY.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ child, url: out.slice(out.indexOf('http'), out.indexOf(' route=')), origin: m[1]!, route: m[2]!, volumeSeizure: /volumeSeizure=(\S+)/.exec(out)?.[1] ?? '', pickSeizure: /pickSeizure=(\S+)/.exec(out)?.[1] ?? '', volumePeriod: /volumePeriod=(\S+)/.exec(out)?.[1] ?? '' });
    });
    child.once('exit', (code) => reject(new Error(`the large-case host stopped (${code}): ${err.slice(-2000)}`)));
  });
}

/**
 * Registers Playwright's `beforeAll` (starts the host: `seizures` seizures, `atOnePlace` of them
 * at one quay; up to 300 s) and `afterAll` (SIGTERM to it) in the calling spec file, and returns
 * the running host's getter for the tests.
 * @throws Error from the getter when called before `beforeAll` has started the host.
 */
export function useLargeCaseHost(seizures: number, atOnePlace = 0): () => LargeCaseHost {
  let host: LargeCaseHost | null = null;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    host = await startLargeCaseHost(seizures, atOnePlace);
  });
  test.afterAll(() => {
    host?.child.kill('SIGTERM');
  });
  return () => {
    if (!host) throw new Error('the large-case host is not running (useLargeCaseHost registers beforeAll)');
    return host;
  };
}

/**
 * Opens `host`'s case on its map tab in `page` (a 1440×960 view) and waits up to 60 s until the
 * map says it shows `shown` seizures (its `data-shown`).
 * @returns the map's locator (`seizure-map`).
 */
export async function openLargeCaseMap(page: Page, host: LargeCaseHost, shown: number): Promise<Locator> {
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.goto(host.url);
  await page.goto(`${host.origin}/?open=1${host.route.replace(/\/seizures$/, '')}/map`);
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-shown', String(shown), { timeout: 60_000 });
  return map;
}
