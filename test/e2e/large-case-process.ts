/**
 * Starts the large-case host (large-case-host.ts, under tsx) with `seizures` seizures and waits
 * for the URL it prints once the case is written; shared by the large-case specs.
 */
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
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
export function startLargeCaseHost(seizures: number, atOnePlace = 0): Promise<LargeCaseHost> {
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
