/**
 * Benchmark P7 (issue 15): the P2 workload (bench/p2-relay.ts: 50 clients, 10 rooms, 10,000
 * small updates in a burst) against one relay process on PostgreSQL + Redis ÷ the same against
 * one relay on SQLite, in the same run; then the same workload with the clients spread over three
 * processes on that PostgreSQL and Redis (client i on process i mod 3, so each room's five clients
 * sit on different processes and every delivery between them crosses Redis).
 *
 * PostgreSQL and Redis are throw-away servers on Unix sockets (test/relay/support/servers.ts:
 * initdb + pg_ctl as the `postgres` user, fsync left on here so the comparison with SQLite's
 * synchronous=FULL is fair). After a warm-up, P7_RUNS (default 3) pairs SQLite/PostgreSQL run
 * back to back, alternating which goes first; each ratio is the median of the pairs' ratios.
 * Goals: throughput >= 0.7x SQLite, p99 <= 1.5x. The three-process figures have no goal: this
 * machine's two cores bound them (three relays, PostgreSQL, Redis and the clients share them).
 *
 * `runP7()` returns printable lines, the first starting with "P7 "; `npx tsx bench/p7-cluster.ts` prints them.
 * Skipped (one line saying why) when PostgreSQL or Redis is not installed.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generateWorkspaceKey } from '../shared/auth/keys';
import { caseDocName } from '../shared/docs/names';
import { postgresBin, startPostgres, startRedis, type PgCluster, type RedisServer } from '../test/relay/support/servers';
import { benchWorkspace, median, spawnServer, workload, type P2Run, type Server } from './p2-relay';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.P7_RUNS ?? 3);

async function cli(args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'relay/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, NEST_LOG_LEVEL: 'silent' } });
}

/** Runs P7 and returns printable lines; the first starts with "P7 ". */
export async function runP7(): Promise<string[]> {
  try {
    postgresBin();
    if (!fs.existsSync('/usr/bin/redis-server')) throw new Error('Redis is not installed (no /usr/bin/redis-server)');
  } catch (err) {
    return [`P7 skipped: ${(err as Error).message}`];
  }
  process.setMaxListeners(Math.max(process.getMaxListeners(), 200));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-p7-'));
  const servers: Server[] = [];
  let pgc: PgCluster | null = null;
  let redis: RedisServer | null = null;
  try {
    [pgc, redis] = await Promise.all([startPostgres({ fsync: true }), startRedis()]);
    const url = await pgc.freshDatabase();
    const workspaceId = randomUUID();
    const key = await generateWorkspaceKey();
    const pub = JSON.stringify(key.publicJwk);
    await cli(['add-workspace', '--data-dir', dataDir, '--id', workspaceId, '--public-key', pub]);
    await cli(['add-workspace', '--storage', url, '--id', workspaceId, '--public-key', pub]);
    const env = { NEST_LOG_LEVEL: process.env.P7_RELAY_LOG_LEVEL ?? 'warn' };
    const sqlite = await spawnServer(['relay/cli.ts', 'serve', '--port', '0', '--data-dir', dataDir], env);
    servers.push(sqlite);
    const pgArgs = ['relay/cli.ts', 'serve', '--port', '0', '--data-dir', dataDir, '--storage', url, '--redis', redis.url];
    const pgs = await Promise.all([0, 1, 2].map(() => spawnServer(pgArgs, env)));
    servers.push(...pgs);
    // One workspace doc per storage, each with its own members and rooms (RUNS pairs + warm-up, then RUNS spread runs).
    const onSqlite = await benchWorkspace(sqlite.url, workspaceId, key, RUNS + 1);
    const onPg = await benchWorkspace(pgs[0]!.url, workspaceId, key, 2 * RUNS + 1);
    const rooms = (ids: string[]): string[] => ids.map((id) => caseDocName(workspaceId, id));

    const runs: { sqlite: P2Run[]; pg: P2Run[]; three: P2Run[] } = { sqlite: [], pg: [], three: [] };
    for (let r = 0; r <= RUNS; r++) {
      const runSqlite = () => workload(sqlite.url, rooms(onSqlite.roomsByRun[r]!), (i) => onSqlite.tokenWs[i]!);
      const runPg = () => workload(pgs[0]!.url, rooms(onPg.roomsByRun[r]!), (i) => onPg.tokenWs[i]!);
      // Alternate which storage goes first, so neither always runs on a warmer (or busier) machine.
      let s: P2Run;
      let p: P2Run;
      if (r % 2 === 0) {
        s = await runSqlite();
        p = await runPg();
      } else {
        p = await runPg();
        s = await runSqlite();
      }
      if (r > 0) {
        runs.sqlite.push(s);
        runs.pg.push(p);
      }
    }
    for (let r = 0; r < RUNS; r++) {
      runs.three.push(await workload((i) => pgs[i % 3]!.url, rooms(onPg.roomsByRun[RUNS + 1 + r]!), (i) => onPg.tokenWs[i]!));
    }
    const ratio = (k: keyof P2Run): number => median(runs.pg.map((p, i) => p[k] / runs.sqlite[i]![k]));
    const med = (xs: P2Run[], k: keyof P2Run): number => median(xs.map((x) => x[k]));
    const f = (n: number, d = 2): string => n.toFixed(d);
    const tput = ratio('updatesPerS');
    const p99 = ratio('p99Ms');
    const runText = (xs: P2Run[]): string => xs.map((x) => `${Math.round(x.updatesPerS)}/s p50=${f(x.p50Ms, 1)} p99=${f(x.p99Ms, 1)}`).join(' | ');
    return [
      `P7 pg+redis/sqlite throughput ratio=${f(tput)} (goal >= 0.7) pg=${Math.round(med(runs.pg, 'updatesPerS'))}/s sqlite=${Math.round(med(runs.sqlite, 'updatesPerS'))}/s ${tput >= 0.7 ? 'PASS' : 'FAIL'}`,
      `P7 pg+redis/sqlite p99 ratio=${f(p99)} (goal <= 1.5) pg=${f(med(runs.pg, 'p99Ms'), 1)}ms sqlite=${f(med(runs.sqlite, 'p99Ms'), 1)}ms ${p99 <= 1.5 ? 'PASS' : 'FAIL'}`,
      `P7 pg+redis/sqlite p50 ratio=${f(ratio('p50Ms'))} (no goal) pg=${f(med(runs.pg, 'p50Ms'), 1)}ms sqlite=${f(med(runs.sqlite, 'p50Ms'), 1)}ms`,
      `P7 three processes (clients spread, every room across processes): ${Math.round(med(runs.three, 'updatesPerS'))}/s p50=${f(med(runs.three, 'p50Ms'), 1)}ms p99=${f(med(runs.three, 'p99Ms'), 1)}ms (no goal: 2 cores shared by 3 relays, PostgreSQL, Redis and the clients)`,
      `P7 runs sqlite: ${runText(runs.sqlite)}`,
      `P7 runs pg:     ${runText(runs.pg)}`,
      `P7 runs three:  ${runText(runs.three)}`,
      `P7 machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    ];
  } finally {
    await Promise.all(servers.map((x) => x.stop()));
    await redis?.stop();
    await pgc?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const line of await runP7()) console.log(line);
  process.exit(0);
}
