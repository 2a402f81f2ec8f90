/**
 * The synchronous SQLite doc log (node/store/sqlite-doc-log.ts): append and load, compaction equal to the log it replaces, nothing lost
 * when another writer appends during compactions, a raced compaction gives up, change clocks.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { SqliteDocLog } from '../../../node/store/sqlite-doc-log';
import { tempDir } from '../../helpers/temp-dir';

function openStore(file = path.join(tempDir(), 'docs.sqlite')): { store: SqliteDocLog; file: string } {
  const db = openDatabase(file);
  migrate(db);
  return { store: new SqliteDocLog(db), file };
}

function liveDoc(store: SqliteDocLog, name: string, member = 'm1'): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => store.appendUpdate(name, u, member, doc));
  return doc;
}

function liveDocWith(key: string, value: number): Y.Doc {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return d;
}

function load(store: SqliteDocLog, name: string): Y.Doc {
  const d = new Y.Doc();
  store.loadInto(name, d);
  return d;
}

describe('SqliteDocLog', () => {
  it('appends updates with increasing seqs, attributes them and loads them back', () => {
    const { store } = openStore();
    const doc = liveDoc(store, 'ws/x', 'alice');
    doc.getMap('m').set('a', 1);
    doc.getText('t').insert(0, 'hello');
    const loaded = load(store, 'ws/x');
    expect(loaded.getMap('m').get('a')).toBe(1);
    expect(loaded.getText('t').toString()).toBe('hello');
    const head = store.head('ws/x')!;
    expect(head.pending).toBe(2);
    expect(head.lastSeq).toBe(store.clock());
    expect(store.read('ws/x').updates.length).toBe(2);
    expect(store.head('nope')).toBeNull();
    expect(store.read('nope')).toEqual({ snapshot: null, uptoSeq: 0, updates: [], lastSeq: 0 });
    store.close();
  });

  it('compacts the log into a snapshot equal to replaying it, both with and without the live doc', () => {
    const { store } = openStore();
    const doc = liveDoc(store, 'd');
    for (let i = 0; i < 600; i++) doc.getMap('m').set(`k${i % 97}`, i);
    const expected = doc.getMap('m').toJSON();

    const r1 = store.compact('d', doc);
    expect(r1.outcome).toBe('compacted');
    expect(r1.merged).toBe(600);
    expect(store.read('d').updates).toHaveLength(0);
    expect(store.head('d')!.pending).toBe(0);
    expect(load(store, 'd').getMap('m').toJSON()).toEqual(expected);

    for (let i = 0; i < 10; i++) doc.getMap('m').set(`late${i}`, i);
    const r2 = store.compact('d'); // replay path
    expect(r2.outcome).toBe('compacted');
    expect(r2.merged).toBe(10);
    expect(load(store, 'd').getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(store.compact('d').outcome).toBe('nothing');
    store.close();
  });

  it('keeps the updates that arrive during a compaction (seq above the merged range)', () => {
    const { store } = openStore();
    const doc = liveDoc(store, 'd');
    doc.getMap('m').set('before', 1);
    const pending = store.read('d');
    // Simulate an update landing between reading the log and committing: append it directly.
    const other = new Y.Doc();
    other.getMap('m').set('during', 2);
    const late = Y.encodeStateAsUpdate(other);
    const seqLate = store.appendUpdate('d', late, 'other');
    expect(seqLate).toBeGreaterThan(pending.lastSeq);
    const r = store.compact('d', doc); // live doc lacks "during": the store must notice and replay
    expect(r.outcome).toBe('compacted');
    const after = load(store, 'd');
    expect(after.getMap('m').get('before')).toBe(1);
    expect(after.getMap('m').get('during')).toBe(2);
    store.close();
  });

  it('loses nothing when another connection appends while this one compacts repeatedly', async () => {
    const { store, file } = openStore();
    const name = 'ws/case/concurrent';
    const doc = liveDoc(store, name, 'main');
    const COUNT = 1500;
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../helpers/doc-writer-process.ts', import.meta.url)), file, name, String(COUNT)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let done = false;
    const finished = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('done')) {
          done = true;
          resolve();
        }
      });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer process exited ${code}`))));
    });
    let mine = 0;
    let compactions = 0;
    while (!done) {
      doc.getMap('m').set(`m${mine}`, mine);
      mine++;
      if (mine % 7 === 0) {
        const r = store.compact(name, mine % 14 === 0 ? doc : undefined);
        if (r.outcome === 'compacted') compactions++;
      }
      await new Promise((r) => setImmediate(r));
    }
    await finished;
    store.compact(name);
    const final = load(store, name).getMap('m');
    for (let i = 0; i < COUNT; i++) expect(final.get(`w${i}`), `worker update w${i}`).toBe(i);
    for (let i = 0; i < mine; i++) expect(final.get(`m${i}`), `own update m${i}`).toBe(i);
    expect(compactions).toBeGreaterThan(3);
    expect(store.read(name).updates).toHaveLength(0);
    store.close();
  }, 60_000);

  it('gives up a compaction that lost a race with another compaction, writing nothing, and keeps an update that arrived between load and commit', () => {
    const { store, file } = openStore();
    const doc = liveDoc(store, 'd');
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    // Two connections on one file both read the log (the same snapshot state) and build their snapshots...
    const other = new SqliteDocLog(openDatabase(file));
    const mine = store.prepareCompaction('d', doc);
    const theirs = other.prepareCompaction('d');
    expect(mine.merged).toBe(2);
    expect(theirs.merged).toBe(2);
    // ...an update lands between their reads and their commits...
    const seqLate = other.appendUpdate('d', Y.encodeStateAsUpdate(liveDocWith('during', 3)), 'late');
    // ...the first commit wins and deletes only what its snapshot covers; the second gives up.
    expect(other.commitCompaction(theirs)).toMatchObject({ outcome: 'compacted', merged: 2 });
    const snapAfterWin = store.read('d');
    expect(snapAfterWin.uptoSeq).toBeLessThan(seqLate);
    expect(snapAfterWin.updates).toHaveLength(1);
    expect(store.commitCompaction(mine)).toMatchObject({ outcome: 'raced', merged: 0, uptoSeq: snapAfterWin.uptoSeq });
    expect(store.read('d')).toEqual(snapAfterWin);
    expect(load(store, 'd').getMap('m').toJSON()).toEqual({ a: 1, b: 2, during: 3 });
    // The live doc lacks the late update: the next compaction must replay the log, not encode the doc.
    doc.getMap('m').set('c', 4);
    expect(store.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(load(store, 'd').getMap('m').toJSON()).toEqual({ a: 1, b: 2, during: 3, c: 4 });
    other.close();
    store.close();
  });

  it('lists docs changed since a clock', () => {
    const { store } = openStore();
    const a = liveDoc(store, 'a');
    const b = liveDoc(store, 'b');
    a.getMap('m').set('x', 1);
    const clock = store.clock();
    b.getMap('m').set('y', 1);
    expect(store.changedSince(clock).map((h) => h.docName)).toEqual(['b']);
    expect(store.changedSince(0).map((h) => h.docName)).toEqual(['a', 'b']);
    store.compact('a');
    expect(store.clock()).toBe(store.head('b')!.lastSeq);
    store.close();
  });
});
