/**
 * P1: loading a case doc with 10,000 seizures written as 50,000 updates, from SQLite (snapshot +
 * later updates, as the data service stores it with compaction every ~500 updates), divided by
 * `Y.applyUpdate` of the same state in memory, measured in the same run. Goal: ratio <= 1.2.
 * Printed for the clear database and for an encrypted copy of it (SQLCipher scheme, raw data key).
 *
 * W1: the update-log write rate (one transaction per update, synchronous=FULL, as the data
 * service writes since "saved" must survive a power cut) beside raw better-sqlite3 inserts of the
 * same bytes, one per transaction, into a bare table: the cost of the head/attribution
 * bookkeeping. The same with synchronous=NORMAL is printed beside it: the price of durability.
 * And the same at FULL in an encrypted database (better-sqlite3-multiple-ciphers, SQLCipher scheme,
 * a raw 32-byte data key, as every workspace database is since issue 10): encrypted vs clear.
 *
 * Run alone: npx tsx bench/p1-doc-load.ts
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { migrate } from '../node/store/migrations';
import { encryptDatabaseFile, openDatabase } from '../node/store/sqlite';
import { LoadedDoc } from '../node/store/doc-registry';
import { SqliteDocLog } from '../node/store/sqlite-doc-log';
import { CaseDoc } from '../shared/docs/case-doc';
import { newSeizureFields } from '../shared/domain/seizure';
import { fmt, medianMs } from './stats';

const SEIZURES = 10_000;
const UPDATES = 50_000;
const COMPACT_EVERY = 500;

/** Runs P1 and W1; returns printable lines. */
export async function runP1(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-bench-p1-'));
  try {
    const db = openDatabase(path.join(dir, 'p1.sqlite'));
    migrate(db);
    const store = new SqliteDocLog(db);
    const name = '00000000-0000-4000-8000-000000000001/case/00000000-0000-4000-8000-000000000002';

    // Build the doc through the real helpers, persisting and compacting as the DocHost does.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    let pending = 0;
    doc.on('update', (u: Uint8Array) => {
      updates.push(u);
      store.appendUpdate(name, u, 'bench', doc);
      if (++pending > COMPACT_EVERY) {
        store.compact(name, doc);
        pending = 0;
      }
    });
    const cd = new CaseDoc(doc);
    const w = { memberId: 'bench' };
    cd.init('00000000-0000-4000-8000-000000000002', 'NEST-2026-0001', { title: 'Bench', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['SG'], leadAgency: 'Customs', openedOn: '2026-01-01' }, w);
    const ids: string[] = [];
    const base = { ...newSeizureFields('2019-07-21'), country: 'SG' };
    for (let i = 0; i < SEIZURES; i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      cd.addSeizure(id, { ...base, country: 'SG', place: `Port ${i % 50}`, latitude: 1 + (i % 90) / 100, longitude: 103 + (i % 90) / 100, commodity: 'pangolin scales', quantity: 1 + i, unit: 'kg', reportedValue: 1000 + i, reportedCurrency: 'SGD', sourceTitle: `Report ${i}` }, w);
    }
    for (let i = 0; updates.length < UPDATES; i++) cd.updateSeizure(ids[i % SEIZURES]!, { quantity: 2 + i }, w);
    const stored = store.read(name);
    const state = Y.encodeStateAsUpdate(doc);

    // The desktop's load path: DocHost's registry builds a LoadedDoc from the stored state.
    const loadMs = medianMs(5, () => {
      new LoadedDoc(name, store.read(name)).destroy();
    });
    const memMs = medianMs(5, () => {
      const d = new Y.Doc();
      Y.applyUpdate(d, state);
      d.destroy();
    });
    // The same load from an encrypted copy (as every workspace database is since issue 10).
    const encFile = path.join(dir, 'p1-encrypted.sqlite');
    db.exec(`VACUUM INTO '${encFile.replace(/'/g, "''")}'`);
    const dataKey = randomBytes(32);
    encryptDatabaseFile(encFile, dataKey);
    const encStore = new SqliteDocLog(openDatabase(encFile, { key: dataKey }));
    const encLoadMs = medianMs(5, () => {
      new LoadedDoc(name, encStore.read(name)).destroy();
    });
    encStore.close();
    // Correctness of what was timed: the loaded doc equals the source.
    const check = new Y.Doc();
    store.loadInto(name, check);
    const same = new CaseDoc(check).seizureCount() === SEIZURES && Y.encodeStateVector(check).toString() === Y.encodeStateVector(doc).toString();
    const ratio = loadMs / memMs;

    // W1: write rate of the update log vs raw inserts of the same bytes, at FULL (what the data
    // service uses) and at NORMAL (for comparison).
    const sample = updates.slice(-10_000);
    const w1 = (level: 'FULL' | 'NORMAL', key?: Uint8Array): { logRate: number; rawRate: number } => {
      const wdb = openDatabase(path.join(dir, `w1-${level}${key ? '-encrypted' : ''}.sqlite`), { synchronous: level, ...(key ? { key } : {}) });
      migrate(wdb);
      const wstore = new SqliteDocLog(wdb);
      wdb.exec('CREATE TABLE raw (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
      const rawInsert = wdb.prepare('INSERT INTO raw (data) VALUES (?)');
      const rawOne = wdb.transaction((u: Uint8Array) => rawInsert.run(u));
      let t0 = performance.now();
      for (const u of sample) wstore.appendUpdate('w/doc', u, 'bench');
      const logRate = sample.length / ((performance.now() - t0) / 1000);
      t0 = performance.now();
      for (const u of sample) rawOne(u);
      const rawRate = sample.length / ((performance.now() - t0) / 1000);
      wstore.close();
      return { logRate, rawRate };
    };
    const full = w1('FULL');
    const normal = w1('NORMAL');
    const encrypted = w1('FULL', randomBytes(32));
    store.close();

    return [
      `P1 doc-load ratio=${fmt(ratio)} (goal <= 1.2) sqlite=${fmt(loadMs, 1)}ms in-memory=${fmt(memMs, 1)}ms seizures=${SEIZURES} updates=${updates.length} stored=snapshot ${(stored.snapshot?.byteLength ?? 0) / 1e6 >= 0 ? fmt((stored.snapshot?.byteLength ?? 0) / 1e6) : '0'}MB + ${stored.updates.length} updates state=${fmt(state.byteLength / 1e6)}MB loaded-equals-source=${same}`,
      `P1 encrypted doc-load ratio=${fmt(encLoadMs / memMs)} (goal <= 1.2) sqlite-encrypted=${fmt(encLoadMs, 1)}ms encrypted/clear=${fmt(encLoadMs / loadMs)} (same stored doc, SQLCipher scheme, raw data key)`,
      `W1 update-log-write ratio=${fmt(full.logRate / full.rawRate)} ours=${Math.round(full.logRate)} updates/s raw-insert=${Math.round(full.rawRate)} rows/s (one transaction per update, synchronous=FULL as the data service writes, ${sample.length} real updates); at NORMAL: ratio=${fmt(normal.logRate / normal.rawRate)} ours=${Math.round(normal.logRate)} updates/s`,
      `W1 encrypted (SQLCipher scheme, raw data key, synchronous=FULL) encrypted/clear=${fmt(encrypted.logRate / full.logRate)} ours=${Math.round(encrypted.logRate)} updates/s vs clear ${Math.round(full.logRate)} updates/s; raw-insert encrypted=${Math.round(encrypted.rawRate)} rows/s vs clear ${Math.round(full.rawRate)} rows/s`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  runP1().then((lines) => lines.forEach((l) => console.log(l)));
}
