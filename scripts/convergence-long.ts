/**
 * The long convergence run (issue 3): the property of test/sync/convergence.test.ts with many
 * more schedules. `npm run test:convergence -- [options]`:
 *
 *   --runs N          schedules on the deterministic network (default 2000)
 *   --e2e N           schedules through the chaos proxy, the real relay and sync engines, with the
 *                     "never falsely synced" invariant checked at every step (default 2000; 0 skips)
 *   --seed S          fast-check seed (default: random; always printed, so a failure can be replayed)
 *   --max-commands N  longest command sequence (default 40 on the deterministic network, 25 end to end)
 *   --no-shrink       report the first failing schedule as it is (shrinking end-to-end runs is slow)
 *   --path P          with --seed: replay only the schedule fast-check reported as `path` (e.g. "61")
 *
 * Prints the seed, then per property the runs, wall time and what the schedules did; on a failure
 * the counterexample (the command list) and its trace, and exits with status 1.
 */
import fc from 'fast-check';
import { convergenceProperty } from '../test/sync/model-schedule';
import { newStats, type ScheduleStats } from '../test/sync/schedule-support';
import { relayConvergenceProperty } from '../test/sync/relay-schedule';

interface Options {
  runs: number;
  e2e: number;
  seed: number;
  maxCommands: number | undefined;
  shrink: boolean;
  path: string | undefined;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { runs: 2000, e2e: 2000, seed: Math.floor(Math.random() * 2 ** 31), maxCommands: undefined, shrink: true, path: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v)) throw new Error(`${flag} needs a whole number`);
      return v;
    };
    if (flag === '--runs') o.runs = value();
    else if (flag === '--e2e') o.e2e = value();
    else if (flag === '--seed') o.seed = value();
    else if (flag === '--max-commands') o.maxCommands = value();
    else if (flag === '--no-shrink') o.shrink = false;
    else if (flag === '--path') o.path = argv[++i];
    else throw new Error(`unknown option ${flag} (see the comment at the top of scripts/convergence-long.ts)`);
  }
  return o;
}

function summary(stats: ScheduleStats, ms: number, network: boolean): string {
  const commands = Object.entries(stats.commands).sort(([a], [b]) => a.localeCompare(b));
  const total = commands.reduce((n, [, k]) => n + k, 0);
  const skipped = Object.values(stats.skippedEdits).reduce((n, k) => n + k, 0);
  const per = (x: number): string => (x / Math.max(1, stats.runs)).toFixed(1);
  return [
    `  ${stats.runs} schedules in ${(ms / 1000).toFixed(1)} s (${(ms / Math.max(1, stats.runs)).toFixed(0)} ms each), ${total} commands (${per(total)} per schedule)`,
    `  commands: ${commands.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `  edits skipped (no target on that replica yet): ${skipped}`,
    ...(Object.keys(stats.faults).length ? [`  chaos proxy: ${Object.entries(stats.faults).map(([k, n]) => `${k} ${n}`).join(', ')}`] : []),
    ...(network ? [`  relay refusals: ${stats.refusals}; rounds of the final drain: ${per(stats.drainRounds)} per schedule`] : []),
  ].join('\n');
}

async function run<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IAsyncPropertyWithHooks<Ts>, stats: ScheduleStats, numRuns: number, o: Options): Promise<boolean> {
  console.log(`\n${name}: ${numRuns} schedules, seed ${o.seed}`);
  const t0 = Date.now();
  const details = await fc.check(property, { numRuns, seed: o.seed, endOnFailure: !o.shrink, ...(o.path !== undefined ? { path: o.path } : {}) });
  console.log(summary(stats, Date.now() - t0, stats.drainRounds > 0));
  if (!details.failed) return true;
  console.log(fc.defaultReportMessage(details));
  const err = details.errorInstance;
  if (err instanceof Error) console.log(err.message);
  return false;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  console.log(`convergence: seed ${o.seed} (replay with --seed ${o.seed})`);
  let ok = true;
  if (o.runs > 0) {
    const stats = newStats();
    ok = (await run('deterministic network, real relay hub and storage', convergenceProperty({ stats, maxCommands: o.maxCommands }), stats, o.runs, o)) && ok;
  }
  if (ok && o.e2e > 0) {
    const stats = newStats();
    ok = (await run('chaos proxy, real relay over WebSockets, real sync engines', relayConvergenceProperty({ stats, maxCommands: o.maxCommands }), stats, o.e2e, o)) && ok;
  }
  console.log(ok ? '\nall schedules converged' : '\nFAILED');
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
