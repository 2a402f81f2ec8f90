/**
 * Event loop during a large case pack export (docs/case-packs.md "Event loop during an export"):
 * a generated case of PACK_LOOP_N (default 100,000) seizures (bench/p8-workload.ts: 1,000 in the
 * case doc, the rest in volumes of 5,000) exported over the real RPC with the report printed by
 * Chromium, while a 10 ms timer notes every gap over 100 ms and the phase it fell in. Prints each
 * phase's start (s after the export began), the whole time, and the longest gaps. A measurement
 * to run by hand (`npx tsx bench/pack-loop.ts`, add `node --cpu-prof` through NODE_OPTIONS to
 * profile), not a goal: its numbers depend on the machine's load, so they are reported with it.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { newCaseFields } from '../shared/domain/case';
import type { PacksProgress } from '../shared/rpc/packs';
import fs from 'node:fs';
import path from 'node:path';
import { DataService } from '../service/data-service';
import { DataClient } from '../renderer/src/data/client';
import { transportPair } from '../test/helpers/transport-pair';
import { preparePdfPrinter } from '../service/packs/pdf/printer-registry';
import { fillCase } from './p8-workload';

/** One long pause of the event loop: when it began (ms after the export began), how long, in which phase. */
interface Gap {
  at: number;
  ms: number;
  phase: string;
}

async function main(): Promise<void> {
  const n = Number(process.env.PACK_LOOP_N ?? 100_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-pack-loop-'));
  const service = DataService.open({ dataDir, mode: 'browser' });
  // As browser mode's entry does when it starts serving (the driver's load is one long step, once per process).
  await preparePdfPrinter();
  // Frames arrive on later turns of the event loop, as over the page's socket.
  const [a, b] = transportPair({ macrotask: true });
  service.connect(a);
  const c = new DataClient(b);
  const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'Kenya Wildlife Service', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const made = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Register', tlp: 'GREEN' } });
  const f0 = performance.now();
  fillCase(service.workspace(ws.id), made.id, n, me.memberId, 7);
  console.log(`generated ${n} seizures in ${Math.round(performance.now() - f0)} ms; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  // PACK_LOOP_PROFILE=<file>: a CPU profile of the export alone (its time 0 is the export's start), and <file>.gaps.json.
  const profileTo = process.env.PACK_LOOP_PROFILE;
  const inspector = profileTo ? new Session() : null;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const exportId = randomUUID();
  let phase = 'start';
  const starts: string[] = [];
  const t0 = performance.now();
  c.on('packs.progress', (p: PacksProgress) => {
    if (p.exportId !== exportId || p.phase === phase) return;
    phase = p.phase;
    starts.push(`${p.phase} ${((performance.now() - t0) / 1000).toFixed(1)}`);
  });
  const gaps: Gap[] = [];
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    if (now - last > 110) gaps.push({ at: Math.round(last - t0), ms: Math.round(now - last - 10), phase });
    last = now;
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const r = await c.call('packs.export', { workspaceId: ws.id, caseId: made.id, exportId, handlingConfirmed: true });
  delay.disable();
  clearInterval(tick);
  if (inspector && profileTo) {
    const { profile } = await inspector.post('Profiler.stop');
    fs.writeFileSync(profileTo, JSON.stringify(profile));
    fs.writeFileSync(`${profileTo}.gaps.json`, JSON.stringify(gaps));
    inspector.disconnect();
  }
  const total = (performance.now() - t0) / 1000;
  const ms = (v: number): string => (v / 1e6).toFixed(0);
  console.log(`export of ${n} seizures: ${total.toFixed(1)} s, ${(r.counts.zipBytes / 1024 / 1024).toFixed(1)} MiB, ${r.counts.entries} files in the pack; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`phases began (s): ${starts.join(', ')}`);
  console.log(`event-loop delay max ${ms(delay.max)} ms, p99 ${ms(delay.percentile(99))} ms, mean ${ms(delay.mean)} ms`);
  console.log(`longest gaps: ${JSON.stringify([...gaps].sort((a, b) => b.ms - a.ms).slice(0, 12))}`);
  const v = await c.call('packs.verify', { workspaceId: ws.id, stagedId: r.stagedId! });
  console.log(`verify: ${v.ok ? 'ok' : JSON.stringify(v.problems)}`);
  service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
