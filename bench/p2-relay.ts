/**
 * Benchmark P2: our relay vs the stock y-websocket server on the same workload in the same run.
 *
 * Workload (TOOLCHAIN.md's floor): 50 stock y-websocket clients in one process (disableBc), 10
 * rooms of 5, 10,000 small updates (one Y.Map key each, carrying its send time): 200 rounds in
 * which every client makes one edit, yielding to the event loop between rounds (a burst). Each
 * edit must reach the 4 other clients of its room: 40,000 deliveries.
 *
 * - throughput: updates / (first edit -> last delivery), updates/s;
 * - edit-to-remote latency: send time -> a remote client's doc has it, p50 and p99 over all deliveries.
 *
 * Both servers run as child processes (node + tsx): ours from relay/cli.ts with SQLite
 * synchronous=FULL in a temp folder, tokens and a workspace doc; the stock one from
 * bench/p2-stock-server.ts (memory only, no auth). After a warm-up, P2_RUNS (default 5) pairs run
 * back to back, alternating which server goes first; each ratio is the median of the pairs'
 * ratios. Goals: throughput >= 0.9x stock, p99 <= 1.2x stock.
 *
 * The same relay with its storage encrypted at rest (`--key-file`, SQLCipher scheme: issue 10) runs
 * the same workload in each round on its own data folder; its ratios to stock are printed beside
 * the clear ones, with encrypted/clear.
 *
 * `runP2()` returns printable lines, the first starting with "P2 "; `npx tsx bench/p2-relay.ts` prints them.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../shared/auth/keys';
import { signInvitation } from '../shared/auth/tokens';
import { webSocketWithToken } from '../relay/client';
import { caseDocName, workspaceDocName } from '../shared/docs/names';
import { WorkspaceDoc } from '../shared/docs/workspace-doc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS = 50;
const ROOMS = 10;
const UPDATES = 10_000;
const RUNS = Number(process.env.P2_RUNS ?? 5);

/** One run's figures. */
export interface P2Run {
  updatesPerS: number;
  p50Ms: number;
  p99Ms: number;
}

/** A spawned server (ours or the stock one). */
export interface Server {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns `node --import tsx <args>` and resolves once it prints "listening on ws://…". */
export async function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.YPERSISTENCE; // the stock server would persist to LevelDB (read at import time)
  const proc = spawn(process.execPath, [...(process.env.P2_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', ...args], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
  // P2_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles both servers (node refuses it in NODE_OPTIONS).
  // P2_RELAY_STDERR=<file> keeps the servers' logs (e.g. with P2_RELAY_LOG_LEVEL=trace for per-tick timings).
  if (process.env.P2_RELAY_STDERR) proc.stderr!.pipe(fs.createWriteStream(process.env.P2_RELAY_STDERR, { flags: 'a' }));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`)));
  });
  return {
    url,
    proc,
    stop: async () => {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function until(cond: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`P2: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Runs the workload once against `url` (or client i's server `url(i)`, to spread the clients over
 * several processes, P7); `wsClass(i)` gives client i's WebSocket class.
 */
export async function workload(url: string | ((i: number) => string), rooms: string[], wsClass: (i: number) => typeof globalThis.WebSocket): Promise<P2Run> {
  const clients: { doc: Y.Doc; provider: WebsocketProvider }[] = [];
  const latencies = new Float64Array(UPDATES * (CLIENTS / ROOMS - 1));
  let received = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(typeof url === 'string' ? url : url(i), rooms[i % ROOMS]!, doc, { WebSocketPolyfill: wsClass(i), disableBc: true });
    const map = doc.getMap<number>('m');
    map.observe((ev) => {
      if (ev.transaction.origin !== provider) return;
      const now = performance.now();
      for (const key of ev.keysChanged) {
        const sent = map.get(key);
        if (typeof sent === 'number' && received < latencies.length) latencies[received++] = now - sent;
      }
    });
    clients.push({ doc, provider });
  }
  await until(() => clients.every((c) => c.provider.synced), 'clients to sync');
  const rounds = UPDATES / CLIENTS;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < CLIENTS; i++) clients[i]!.doc.getMap<number>('m').set(`${i}:${r}`, performance.now());
    await new Promise((resolve) => setImmediate(resolve));
  }
  await until(() => received >= latencies.length, 'every update to reach every remote client');
  const seconds = (performance.now() - t0) / 1000;
  for (const c of clients) c.provider.destroy();
  const sorted = latencies.slice().sort();
  return { updatesPerS: UPDATES / seconds, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/** The median of `xs`. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Sets up the bench workspace through the relay at `url`: the workspace doc with {@link CLIENTS}
 * members, uploaded by its admin and read back, and `rounds` sets of {@link ROOMS} case rooms the
 * admin indexes (the relay stores a member's case doc only when an admin can see it). Resolves
 * with each client's token-carrying WebSocket class and the rooms (case ids) of each round.
 */
export async function benchWorkspace(urls: string | readonly string[], workspaceId: string, key: { privateJwk: Parameters<typeof signInvitation>[0] }, rounds: number): Promise<{ tokenWs: (typeof globalThis.WebSocket)[]; roomsByRun: string[][] }> {
  const expiresAt = Date.now() + 3_600_000;
  const adminId = randomUUID();
  const adminToken = await signInvitation(key.privateJwk, { memberId: adminId, workspaceId, name: 'Bench admin', agency: 'Bench', role: 'admin', expiresAt });
  const memberIds = Array.from({ length: CLIENTS }, () => randomUUID());
  const tokens = await Promise.all(
    memberIds.map((id, i) => signInvitation(key.privateJwk, { memberId: id, workspaceId, name: `Member ${i}`, agency: 'Bench', role: 'investigator', expiresAt })),
  );
  const roomsByRun = Array.from({ length: rounds }, () => Array.from({ length: ROOMS }, () => randomUUID()));
  // The same workspace doc on every relay given (P2: clear and encrypted).
  for (const url of typeof urls === 'string' ? [urls] : urls) {
    // The workspace doc with the 50 members, uploaded by the admin; a second reader confirms it arrived.
    const adminDoc = new Y.Doc();
    const admin = new WebsocketProvider(url, workspaceDocName(workspaceId), adminDoc, { WebSocketPolyfill: webSocketWithToken(adminToken), disableBc: true });
    await until(() => admin.synced, 'admin sync');
    const wd = new WorkspaceDoc(adminDoc);
    const w = { memberId: adminId };
    wd.init({ id: workspaceId, name: 'Bench', casePrefix: 'NEST', reportingCurrency: 'USD' }, { id: adminId, name: 'Bench admin', agency: 'Bench', role: 'admin', joinedAt: Date.now() }, w);
    memberIds.forEach((id, i) => wd.upsertMember({ id, name: `Member ${i}`, agency: 'Bench', role: 'investigator', joinedAt: Date.now() }, w));
    // Every room is a case the admin lists in the workspace index: the relay stores a member's case
    // doc only when an admin can see it (case registration, docs/relay.md).
    roomsByRun.flat().forEach((id, i) =>
      wd.upsertCase({ id, number: `NEST-2026-${String(i + 1).padStart(4, '0')}`, title: `Bench room ${i + 1}`, status: 'open', sector: 'wildlife', tlp: 'GREEN', createdBy: adminId, createdAt: Date.now() }, w),
    );
    const checkDoc = new Y.Doc();
    const check = new WebsocketProvider(url, workspaceDocName(workspaceId), checkDoc, { WebSocketPolyfill: webSocketWithToken(adminToken), disableBc: true });
    await until(() => check.synced && new WorkspaceDoc(checkDoc).listMembers().length === CLIENTS + 1, 'the workspace doc to reach the relay');
    check.destroy();
    admin.destroy();
  }

  return { tokenWs: tokens.map((t) => webSocketWithToken(t)), roomsByRun };
}

/** Runs P2 and returns printable lines; the first starts with "P2 ". */
export async function runP2(): Promise<string[]> {
  // Every WebsocketProvider adds a process 'exit' listener.
  process.setMaxListeners(Math.max(process.getMaxListeners(), CLIENTS * 2 + 20));
  // P2_DATA_DIR=/dev/shm (tmpfs) separates the disk's share of the latency from the rest (diagnosis only).
  const dataDir = fs.mkdtempSync(path.join(process.env.P2_DATA_DIR ?? os.tmpdir(), 'nest-p2-'));
  const workspaceId = randomUUID();
  const key = await generateWorkspaceKey();
  const encDir = path.join(dataDir, 'encrypted');
  const keyFile = path.join(dataDir, 'relay.key');
  const cli = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'relay/cli.ts', ...args], { cwd: ROOT });
  await cli(['add-workspace', '--data-dir', dataDir, '--id', workspaceId, '--public-key', JSON.stringify(key.publicJwk)]);
  await cli(['keygen', keyFile]);
  await cli(['add-workspace', '--data-dir', encDir, '--key-file', keyFile, '--id', workspaceId, '--public-key', JSON.stringify(key.publicJwk)]);
  const env = { NEST_LOG_LEVEL: process.env.P2_RELAY_LOG_LEVEL ?? 'warn' };
  const servers: Server[] = [];
  try {
    const ours = await spawnServer(['relay/cli.ts', 'serve', '--port', '0', '--data-dir', dataDir], env);
    servers.push(ours);
    const oursEnc = await spawnServer(['relay/cli.ts', 'serve', '--port', '0', '--data-dir', encDir, '--key-file', keyFile], env);
    servers.push(oursEnc);
    const stock = await spawnServer(['bench/p2-stock-server.ts'], env);
    servers.push(stock);
    const { tokenWs, roomsByRun } = await benchWorkspace([ours.url, oursEnc.url], workspaceId, key, RUNS + 1);
    const plainWs = WebSocket as unknown as typeof globalThis.WebSocket;
    const runs: { stock: P2Run[]; ours: P2Run[]; enc: P2Run[] } = { stock: [], ours: [], enc: [] };
    // Run 0 warms up both servers and this process (JIT) and is not counted.
    for (let r = 0; r <= RUNS; r++) {
      const rooms = roomsByRun[r]!.map((id) => caseDocName(workspaceId, id));
      // Alternate which server goes first, so neither always runs on a warmer (or busier) machine.
      let s: P2Run;
      let o: P2Run;
      if (r % 2 === 0) {
        s = await workload(stock.url, rooms, () => plainWs);
        o = await workload(ours.url, rooms, (i) => tokenWs[i]!);
      } else {
        o = await workload(ours.url, rooms, (i) => tokenWs[i]!);
        s = await workload(stock.url, rooms, () => plainWs);
      }
      // The encrypted relay runs right after, on fresh rooms of its own data folder.
      const e = await workload(oursEnc.url, rooms, (i) => tokenWs[i]!);
      if (r > 0) {
        runs.stock.push(s);
        runs.ours.push(o);
        runs.enc.push(e);
      }
    }
    // Each pair ran back to back on the same machine state: the median of the pair ratios is
    // steadier than the ratio of medians on a shared machine.
    const ratioOf = (xs: P2Run[], k: keyof P2Run): number => median(xs.map((o, i) => o[k] / runs.stock[i]![k]));
    const ratio = (k: keyof P2Run): number => ratioOf(runs.ours, k);
    const med = (xs: P2Run[], k: keyof P2Run): number => median(xs.map((x) => x[k]));
    const f = (n: number, d = 2): string => n.toFixed(d);
    const tputRatio = ratio('updatesPerS');
    const p99Ratio = ratio('p99Ms');
    const p50Ratio = ratio('p50Ms');
    const runText = (xs: P2Run[]): string => xs.map((x) => `${Math.round(x.updatesPerS)}/s p50=${f(x.p50Ms, 1)} p99=${f(x.p99Ms, 1)}`).join(' | ');
    return [
      `P2 relay-throughput ratio=${f(tputRatio)} (goal >= 0.9) ours=${Math.round(med(runs.ours, 'updatesPerS'))}/s stock=${Math.round(med(runs.stock, 'updatesPerS'))}/s ${tputRatio >= 0.9 ? 'PASS' : 'FAIL'}`,
      `P2 relay-p99 ratio=${f(p99Ratio)} (goal <= 1.2) ours=${f(med(runs.ours, 'p99Ms'), 1)}ms stock=${f(med(runs.stock, 'p99Ms'), 1)}ms ${p99Ratio <= 1.2 ? 'PASS' : 'FAIL'}`,
      `P2 relay-p50 ratio=${f(p50Ratio)} (no goal) ours=${f(med(runs.ours, 'p50Ms'), 1)}ms stock=${f(med(runs.stock, 'p50Ms'), 1)}ms`,
      ...encryptedLines(runs, ratioOf, med),
      `P2 workload: ${CLIENTS} clients, ${ROOMS} rooms, ${UPDATES} updates (burst); ratios are medians of ${RUNS} back-to-back pairs after a warm-up, alternating which server goes first; ours fans updates out at once and stores every update in SQLite (synchronous=FULL) before acknowledging it to its sender, stock keeps memory only`,
      `P2 runs ours:  ${runText(runs.ours)}`,
      `P2 runs stock: ${runText(runs.stock)}`,
      `P2 runs encrypted: ${runText(runs.enc)}`,
      `P2 machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    ];
  } finally {
    await Promise.all(servers.map((x) => x.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The encrypted relay's lines, beside the clear ones: its ratios to stock, and encrypted/clear. */
function encryptedLines(runs: { stock: P2Run[]; ours: P2Run[]; enc: P2Run[] }, ratioOf: (xs: P2Run[], k: keyof P2Run) => number, med: (xs: P2Run[], k: keyof P2Run) => number): string[] {
  const f = (n: number, d = 2): string => n.toFixed(d);
  const tput = ratioOf(runs.enc, 'updatesPerS');
  const p99 = ratioOf(runs.enc, 'p99Ms');
  const vsClear = (k: keyof P2Run): string => f(med(runs.enc, k) / med(runs.ours, k));
  return [
    `P2 encrypted relay-throughput ratio=${f(tput)} (goal >= 0.9) encrypted=${Math.round(med(runs.enc, 'updatesPerS'))}/s encrypted/clear=${vsClear('updatesPerS')} ${tput >= 0.9 ? 'PASS' : 'FAIL'}`,
    `P2 encrypted relay-p99 ratio=${f(p99)} (goal <= 1.2) encrypted=${f(med(runs.enc, 'p99Ms'), 1)}ms encrypted/clear=${vsClear('p99Ms')} ${p99 <= 1.2 ? 'PASS' : 'FAIL'}`,
    `P2 encrypted relay-p50 ratio=${f(ratioOf(runs.enc, 'p50Ms'))} (no goal) encrypted=${f(med(runs.enc, 'p50Ms'), 1)}ms encrypted/clear=${vsClear('p50Ms')} (relay.sqlite encrypted at rest with --key-file, SQLCipher scheme)`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const line of await runP2()) console.log(line);
  process.exit(0);
}
