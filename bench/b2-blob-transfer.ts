/**
 * Benchmark B2: relay blob transfer throughput against a raw HTTP transfer, in the same run.
 *
 * Workload: one file of B2_MIB (default 256) MiB of incompressible bytes, listed in a case doc
 * of a workspace registered on a relay process (relay/cli.ts serve, its own data dir).
 * - ours, upload: the desktop's RelayBlobClient (service/blob-sync/relay-blob-client.ts) asks
 *   `has`, then PUTs the file in 64 MiB chunks streamed from disk; the relay authorises each
 *   request (token, case access, the case doc lists the hash), appends to the part, re-hashes it
 *   on completion, fsyncs and renames it into its store;
 * - ours, download: the same client GETs it into a desktop blob store, re-hashed on arrival;
 * - baseline: the same bytes PUT to, and GET from, a plain HTTP server process on loopback
 *   (bench/b2-raw-server.ts: no auth, no hashing, no fsync).
 * Ratio = ours MiB/s ÷ baseline MiB/s, each direction the median of 3 pairs alternating which goes
 * first. Goal >= 0.7. Peak memory: the highest RSS of this (the desktop's) process sampled every
 * 20 ms during ours, minus the RSS before it.
 *
 * `runB2()` returns printable lines starting with "B2 "; `npx tsx bench/b2-blob-transfer.ts` prints them.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { FsBlobStore } from '../node/blobs/fs-blob-store';
import { webSocketWithToken } from '../relay/client';
import { generateWorkspaceKey } from '../shared/auth/keys';
import { signInvitation } from '../shared/auth/tokens';
import { CaseDoc } from '../shared/docs/case-doc';
import { CaseFiles } from '../shared/docs/case-files';
import { caseDocName, workspaceDocName } from '../shared/docs/names';
import { WorkspaceDoc } from '../shared/docs/workspace-doc';
import { RelayBlobClient } from '../service/blob-sync/relay-blob-client';
import { measured, randomFileOf } from './b1-blob-intake';
import { fmt } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIB = 1024 * 1024;

async function spawnServer(args: string[], pattern: RegExp): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, NEST_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = pattern.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`)));
  });
  return { url, proc };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 30_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function rawPut(base: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/upload`, { method: 'PUT', headers: { 'content-length': fs.statSync(file).size }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

function rawGet(base: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get(`${base}/upload`, { agent: false }, (res) => void pipeline(res, fs.createWriteStream(dest)).then(resolve, reject)).on('error', reject);
  });
}

/** Runs B2 and returns its lines. */
export async function runB2(): Promise<string[]> {
  const mib = Number(process.env.B2_MIB ?? 256);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-b2-'));
  const procs: ChildProcess[] = [];
  try {
    const src = path.join(dir, 'source.bin');
    await randomFileOf(src, mib);
    const bytes = fs.statSync(src).size;
    const hash = createHash('sha256').update(fs.readFileSync(src)).digest('hex');
    // A workspace on a relay, with a case listing the file.
    const relayDir = path.join(dir, 'relay');
    const workspaceId = randomUUID();
    const caseId = randomUUID();
    const key = await generateWorkspaceKey();
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'relay/cli.ts', 'add-workspace', '--data-dir', relayDir, '--id', workspaceId, '--public-key', JSON.stringify(key.publicJwk)], { cwd: ROOT });
    const relay = await spawnServer(['relay/cli.ts', 'serve', '--port', '0', '--data-dir', relayDir], /listening on (ws:\/\/\S+)/);
    procs.push(relay.proc);
    const raw = await spawnServer(['bench/b2-raw-server.ts', dir], /listening on (http:\/\/\S+)/);
    procs.push(raw.proc);
    const adminId = randomUUID();
    const token = await signInvitation(key.privateJwk, { memberId: adminId, workspaceId, name: 'Bench admin', agency: 'Bench', role: 'admin', expiresAt: Date.now() + 3_600_000 });
    const w = { memberId: adminId };
    const wsDoc = new Y.Doc();
    const wsLink = new WebsocketProvider(relay.url, workspaceDocName(workspaceId), wsDoc, { WebSocketPolyfill: webSocketWithToken(token), disableBc: true });
    await until(() => wsLink.synced, 'the workspace doc');
    const wd = new WorkspaceDoc(wsDoc);
    wd.init({ id: workspaceId, name: 'Bench', casePrefix: 'NEST', reportingCurrency: 'USD' }, { id: adminId, name: 'Bench admin', agency: 'Bench', role: 'admin', joinedAt: Date.now() }, w);
    wd.upsertCase({ id: caseId, number: 'NEST-2026-0001', title: 'Bench', status: 'open', sector: 'wildlife', tlp: 'GREEN', createdBy: adminId, createdAt: Date.now() }, w);
    const doc = caseDocName(workspaceId, caseId);
    const caseDoc = new Y.Doc();
    const caseLink = new WebsocketProvider(relay.url, doc, caseDoc, { WebSocketPolyfill: webSocketWithToken(token), disableBc: true });
    await until(() => caseLink.synced, 'the case doc');
    new CaseDoc(caseDoc).init(caseId, 'NEST-2026-0001', { title: 'Bench', status: 'open', sector: 'wildlife', tlp: 'GREEN', jurisdictions: [], leadAgency: 'Bench', openedOn: '2026-12-06' } as never, w);
    new CaseFiles(caseDoc).add(randomUUID(), { hash, size: bytes, mediaType: 'application/octet-stream', name: 'bench.bin' }, w);
    const httpBase = relay.url.replace(/^ws/, 'http');
    const client = new RelayBlobClient({ httpBase, token: () => token });
    // The relay must hold the case doc's file list before it takes the bytes.
    for (let i = 0; ; i++) {
      try {
        await client.has(doc, [hash]);
        break;
      } catch (err) {
        if (i > 100) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const relayBlob = path.join(relayDir, 'blobs', 'sha256', hash.slice(0, 2), hash.slice(2));
    const up: number[] = [];
    const down: number[] = [];
    const runs: string[] = [];
    let peak = 0;
    await rawPut(raw.url, src); // warm up
    for (let i = 0; i < 3; i++) {
      fs.rmSync(relayBlob, { force: true });
      const store = new FsBlobStore(path.join(dir, `desk-${i}`), { maxBytes: 4 * 1024 ** 3 });
      const oursUp = (): ReturnType<typeof measured> => measured(bytes, () => client.upload(doc, hash, src, bytes, 0));
      const oursDown = (): ReturnType<typeof measured> => measured(bytes, () => client.download(doc, hash, bytes, store));
      const baseUp = (): ReturnType<typeof measured> => measured(bytes, () => rawPut(raw.url, src));
      const baseDown = (): ReturnType<typeof measured> => measured(bytes, () => rawGet(raw.url, path.join(dir, `got-${i}.bin`)));
      let ou, bu, od, bd;
      if (i % 2 === 0) {
        ou = await oursUp();
        bu = await baseUp();
        od = await oursDown();
        bd = await baseDown();
      } else {
        bu = await baseUp();
        ou = await oursUp();
        bd = await baseDown();
        od = await oursDown();
      }
      if ((await store.check(hash)) !== 'ok') throw new Error('the downloaded blob does not match');
      peak = Math.max(peak, ou.peak, od.peak);
      up.push(ou.mibS / bu.mibS);
      down.push(od.mibS / bd.mibS);
      runs.push(`up ${fmt(ou.mibS, 0)} vs ${fmt(bu.mibS, 0)}, down ${fmt(od.mibS, 0)} vs ${fmt(bd.mibS, 0)} MiB/s`);
      fs.rmSync(store.root, { recursive: true, force: true });
      fs.rmSync(path.join(dir, `got-${i}.bin`), { force: true });
    }
    wsLink.destroy();
    caseLink.destroy();
    const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[1]!;
    const [u, d] = [med(up), med(down)];
    return [
      `B2 blob-transfer upload ratio=${fmt(u)} download ratio=${fmt(d)} (goal >= 0.7) ${u >= 0.7 && d >= 0.7 ? 'PASS' : 'FAIL'} peak-rss=+${fmt(peak / MIB, 0)} MiB (desktop side) for a ${fmt(bytes / MIB, 0)} MiB file`,
      `B2 runs (relay blob endpoint vs raw HTTP on loopback): ${runs.join(' | ')}`,
    ];
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runB2()
    .then((lines) => console.log(lines.join('\n')))
    .finally(() => process.exit());
}
