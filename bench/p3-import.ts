/**
 * Benchmark P3: importing a generated P3_ROWS-row (default 100,000) seizure CSV into one case
 * through the real import path, against the floor of its design, in the same run.
 *
 * - ours: `import.commit` on a DataService (a fresh data folder, one case): decode and check every
 *   row in the parse worker, the duplicate check against the case, the write into the case doc
 *   and its volume docs (service/import/write-import.ts), each update appended to the SQLite
 *   update log, and the projection of every seizure.
 * - floor: the same bytes streamed through papaparse (header mode), the same Y.Map records (one
 *   `Y.Map` of fields per seizure, every field of a seizure as the import writes them) built in
 *   ONE transaction of one Y.Doc and encoded once, and a raw SQLite insert of the rows (one
 *   prepared statement, one transaction, no index but the primary key).
 * - raw: papaparse + the raw SQLite insert alone (no Yjs).
 * Ratios = ours ÷ floor (goal <= 1.3) and ours ÷ raw, each the median of P3_RUNS (default 3)
 * pairs alternating which goes first; also ours ÷ floor in process CPU time (every thread, the
 * parse worker's included), which a shared machine's load moves less than wall time. Peak memory: the highest RSS sampled every 20 ms during
 * ours (the parse worker's memory is in the same process) minus the RSS before it, the worker
 * already started by a one-row preview (goal <= 500 MB).
 *
 * `runP3()` returns printable lines starting with "P3 "; `npx tsx bench/p3-import.ts` prints them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { createLogger } from '../node/log';
import { DataService } from '../service/data-service';
import { newCaseFields } from '../shared/domain/case';
import { newSeizureFields } from '../shared/domain/seizure';
import type { ImportProgress } from '../shared/rpc/import';
import { fmt } from './stats';
import { seizureCsv } from './p3-csv';

/** One run of ours: wall ms, process CPU ms, the phases' ms from the progress events, peak RSS growth in bytes. */
interface OursRun {
  ms: number;
  cpuMs: number;
  readingMs: number;
  writingMs: number;
  peakBytes: number;
  imported: number;
}

async function ours(csv: Buffer, rows: number): Promise<OursRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-p3-'));
  const service = DataService.open({ dataDir, mode: 'browser', logger: createLogger('p3', 'error') });
  try {
    await service.invoke('identity.create', { name: 'Bench', agency: 'P3', role: 'admin' });
    const ws = await service.invoke('workspaces.create', { name: 'P3', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await service.invoke('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'National register' } });
    const phases = new Map<ImportProgress['phase'], { first: number; last: number }>();
    const off = service.onEvent('import.progress', (e) => {
      const p = phases.get(e.phase) ?? { first: performance.now(), last: 0 };
      p.last = performance.now();
      phases.set(e.phase, p);
    });
    // The parse worker starts on first use and stays (parse-off-thread.ts): started before the
    // measure, as in an app that has imported before, so its start-up (and, from the sources,
    // tsx compiling it) is not counted as the import's.
    await service.invoke('import.preview', { workspaceId: ws.id, caseId: k.id, fileName: 'warm-up.csv', contentBase64: Buffer.from(seizureCsv(1)).toString('base64') });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await service.invoke('import.commit', { workspaceId: ws.id, caseId: k.id, fileName: 'national.csv', contentBase64: csv.toString('base64') });
    const ms = performance.now() - t0;
    const cpuMs = cpuSince(cpu0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    off();
    if (report.imported !== rows) throw new Error(`ours imported ${report.imported} of ${rows} rows`);
    const span = (p: ImportProgress['phase']) => {
      const x = phases.get(p);
      return x ? x.last - x.first : 0;
    };
    return { ms, cpuMs, readingMs: span('reading'), writingMs: span('writing'), peakBytes: peak - before, imported: report.imported };
  } finally {
    service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The seizure columns of the raw table, in the order the floor binds them. */
const COLUMNS = ['id', 'seizure_date', 'country', 'place', 'commodity', 'quantity', 'unit', 'sector'] as const;

/** Streams `csv` through papaparse, calling `row` per data row. */
async function papaRows(csv: Buffer, row: (r: Record<string, string>) => void): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, string>>(Readable.from([csv]) as unknown as File, {
      header: true,
      skipEmptyLines: true,
      step: (r) => row(r.data),
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
}

/**
 * Process CPU ms (user + system, every thread: the parse worker's too) since `from`. On a shared
 * machine wall time measures the run queue as much as the code; CPU time is the steadier figure.
 */
function cpuSince(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}

/** One run of the floor or the raw baseline: wall ms and process CPU ms. */
interface FloorRun {
  ms: number;
  cpuMs: number;
}

/** The floor (with `yjs`) or the raw baseline (without). */
async function floor(csv: Buffer, rows: number, yjs: boolean): Promise<FloorRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-p3-floor-'));
  const db = new Database(path.join(dir, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE seizures (${COLUMNS.map((c) => (c === 'id' ? 'id TEXT PRIMARY KEY' : `${c}`)).join(', ')})`);
    const insert = db.prepare(`INSERT INTO seizures VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const doc = new Y.Doc();
    const seizures = doc.getMap<Y.Map<unknown>>('seizures');
    const base = newSeizureFields('');
    let n = 0;
    const insertAll = db.transaction((batch: unknown[][]) => {
      for (const r of batch) insert.run(r);
    });
    const batch: unknown[][] = [];
    const records: [string, Record<string, unknown>][] = [];
    await papaRows(csv, (r) => {
      const id = `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
      const fields = { ...base, seizureDate: r.seizure_date, country: r.country, place: r.place, commodity: r.commodity, quantity: Number(r.quantity), unit: r.unit, sector: r.sector };
      if (yjs) records.push([id, { ...fields, createdBy: 'p3', createdAt: 0, updatedBy: 'p3', updatedAt: 0 }]);
      batch.push([id, r.seizure_date, r.country, r.place, r.commodity, Number(r.quantity), r.unit, r.sector]);
    });
    if (yjs) {
      doc.transact(() => {
        for (const [id, fields] of records) {
          const rec = new Y.Map<unknown>();
          for (const [key, value] of Object.entries(fields)) rec.set(key, value);
          seizures.set(id, rec);
        }
      });
      Y.encodeStateAsUpdate(doc);
    }
    insertAll(batch);
    const ms = performance.now() - t0;
    const cpuMs = cpuSince(cpu0);
    if (n !== rows) throw new Error(`the floor read ${n} of ${rows} rows`);
    return { ms, cpuMs };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs P3 and returns its lines. */
export async function runP3(): Promise<string[]> {
  const rows = Number(process.env.P3_ROWS ?? 100_000);
  const runs = Number(process.env.P3_RUNS ?? 3);
  const csv = Buffer.from(seizureCsv(rows));
  const oursRuns: OursRun[] = [];
  const floors: FloorRun[] = [];
  const raws: FloorRun[] = [];
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    if (first) oursRuns.push(await ours(csv, rows));
    floors.push(await floor(csv, rows, true));
    raws.push(await floor(csv, rows, false));
    if (!first) oursRuns.push(await ours(csv, rows));
  }
  const o = median(oursRuns.map((r) => r.ms));
  const f = median(floors.map((x) => x.ms));
  const r = median(raws.map((x) => x.ms));
  const oCpu = median(oursRuns.map((x) => x.cpuMs));
  const fCpu = median(floors.map((x) => x.cpuMs));
  const peak = Math.max(...oursRuns.map((x) => x.peakBytes)) / (1024 * 1024);
  const mid = oursRuns.find((x) => x.ms === o)!;
  return [
    `P3 import ${rows} rows (${fmt(csv.length / (1024 * 1024), 1)} MiB CSV), median of ${runs}: ours ${fmt(o, 0)} ms (${fmt(rows / (o / 1000), 0)} rows/s; reading ${fmt(mid.readingMs, 0)} ms, writing ${fmt(mid.writingMs, 0)} ms), floor ${fmt(f, 0)} ms, raw parse+insert ${fmt(r, 0)} ms`,
    `P3 CPU time, median of ${runs}: ours ${fmt(oCpu, 0)} ms, floor ${fmt(fCpu, 0)} ms, ours/floor=${fmt(oCpu / fCpu)} (process CPU, every thread; load average ${fmt(os.loadavg()[0]!, 1)})`,
    `P3 ours/floor=${fmt(o / f)} (goal <= 1.3) ours/raw=${fmt(o / r)} peak memory +${fmt(peak, 0)} MB (goal <= 500 MB)`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runP3().then((lines) => {
    for (const l of lines) console.log(l);
    process.exit(0);
  });
}
