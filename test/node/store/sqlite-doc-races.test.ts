/**
 * The doc log's compaction proofs and races (node/store/sqlite-doc-log.ts, sqlite-doc-store.ts),
 * aimed at the mutants that lose stored updates (issue 16, docs/testing.md): two connections on one
 * file whose compactions really race, an update landing between prepare and commit, compaction
 * with a fresh doc or one of two live docs, a live doc that never loaded stored state, close().
 *
 * Which path a compaction took is observed with a probe: a change made in the live doc but never
 * appended. It reaches the snapshot only when the live doc is encoded (the fast path), so a test can
 * tell "encoded the live doc" from "replayed the log" without looking inside the log.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { SqliteDocLog } from '../../../node/store/sqlite-doc-log';
import { SqliteDocStore } from '../../../node/store/sqlite-doc-store';
import { tempDir } from '../../helpers/temp-dir';

const UNLOGGED = 'unlogged';

function openLog(file = path.join(tempDir(), 'docs.sqlite')): { log: SqliteDocLog; file: string } {
  const db = openDatabase(file);
  migrate(db);
  return { log: new SqliteDocLog(db), file };
}

/** A doc whose updates are appended from it (as DocHost does), except those made with origin UNLOGGED. */
function live(log: SqliteDocLog, name: string): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== UNLOGGED) log.appendUpdate(name, u, 'm', doc);
  });
  return doc;
}

/** An update setting m[key] = value, written by some other doc (another process, a peer). */
function foreign(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** Makes a change in `doc` that is never appended: it is in the snapshot only if the doc was encoded. */
function probe(doc: Y.Doc): void {
  doc.transact(() => doc.getMap('probe').set('p', true), UNLOGGED);
}

function stored(log: SqliteDocLog, name: string): Record<string, unknown> {
  const d = new Y.Doc();
  const s = log.read(name);
  if (s.snapshot) Y.applyUpdate(d, s.snapshot);
  for (const u of s.updates) Y.applyUpdate(d, u);
  return { ...d.getMap('m').toJSON(), ...(d.getMap('probe').size ? { probe: true } : {}) };
}

describe('compaction races between two connections on one file', () => {
  it('a compaction prepared before another one merged a later update gives up instead of dropping it', () => {
    const { log: a, file } = openLog();
    const b = new SqliteDocLog(openDatabase(file));
    a.appendUpdate('d', foreign('x', 1), 'm');
    a.appendUpdate('d', foreign('y', 2), 'm');
    const first = a.prepareCompaction('d'); // covers seqs 1..2
    const seq3 = b.appendUpdate('d', foreign('z', 3), 'm');
    const second = b.prepareCompaction('d'); // covers seqs 1..3
    expect(b.commitCompaction(second)).toEqual({ outcome: 'compacted', merged: 3, uptoSeq: seq3, snapshotBytes: second.state.byteLength });
    expect(a.read('d').updates).toHaveLength(0);
    // Committing `first` now would replace the snapshot (x, y, z) by (x, y): z would be gone for good.
    expect(a.commitCompaction(first)).toEqual({ outcome: 'raced', merged: 0, uptoSeq: seq3, snapshotBytes: 0 });
    expect(stored(a, 'd')).toEqual({ x: 1, y: 2, z: 3 });
    expect(a.read('d').uptoSeq).toBe(seq3);
    b.close();
    a.close();
  });

  it('an update appended between prepare and commit stays in the log and in the next snapshot', () => {
    const { log } = openLog();
    const doc = live(log, 'd');
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    const p = log.prepareCompaction('d', doc);
    expect(p.uptoSeq).toBe(2);
    doc.getMap('m').set('c', 3); // seq 3, after the prepared state was encoded
    expect(log.commitCompaction(p)).toMatchObject({ outcome: 'compacted', merged: 2, uptoSeq: 2 });
    const after = log.read('d');
    expect(after.uptoSeq).toBe(2);
    expect(after.updates).toHaveLength(1);
    expect(log.head('d')!.pending).toBe(1);
    expect(stored(log, 'd')).toEqual({ a: 1, b: 2, c: 3 });
    // The live doc still proves seq 3 (appended from it after the commit's range): the next compaction encodes it.
    probe(doc);
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 3 });
    expect(stored(log, 'd')).toEqual({ a: 1, b: 2, c: 3, probe: true });
    expect(log.head('d')!.pending).toBe(0);
    log.close();
  });

  it('a live doc does not encode over an update another connection appended and compacted away', () => {
    const { log, file } = openLog();
    const other = new SqliteDocLog(openDatabase(file));
    other.appendUpdate('d', foreign('x', 1), 'm');
    const doc = new Y.Doc();
    log.loadInto('d', doc); // covers seq 1
    doc.on('update', (u: Uint8Array) => log.appendUpdate('d', u, 'm', doc));
    other.appendUpdate('d', foreign('y', 2), 'm'); // seq 2: not in doc
    expect(other.compact('d')).toMatchObject({ outcome: 'compacted', uptoSeq: 2 }); // snapshot now beyond the doc's proof
    doc.getMap('m').set('z', 3); // seq 3, appended from doc
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 3 });
    expect(stored(log, 'd')).toEqual({ x: 1, y: 2, z: 3 });
    other.close();
    log.close();
  });
});

describe('which doc a compaction may encode', () => {
  it('never encodes a fresh doc that is not the one the log holds', () => {
    const { log } = openLog();
    const doc = live(log, 'd');
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    expect(log.compact('d', new Y.Doc())).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(stored(log, 'd')).toEqual({ a: 1, b: 2 });
    log.close();
  });

  it('with two live docs of one name, replays the log: neither holds the other one’s edits', () => {
    const { log } = openLog();
    const one = live(log, 'd');
    const two = live(log, 'd');
    one.getMap('m').set('a', 1);
    two.getMap('m').set('b', 2);
    one.getMap('m').set('c', 3);
    probe(one); // (not in `two`: its later edit would then depend on a change the log never saw)
    expect(log.compact('d', one)).toMatchObject({ outcome: 'compacted', merged: 3 });
    expect(stored(log, 'd')).toEqual({ a: 1, b: 2, c: 3 });
    two.getMap('m').set('d', 4);
    expect(log.compact('d', two)).toMatchObject({ outcome: 'compacted', merged: 1 });
    expect(stored(log, 'd')).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    log.close();
  });

  it('a live doc that never loaded stored state is encoded only when the store had nothing before it', () => {
    const { log } = openLog();
    log.appendUpdate('old', foreign('x', 1), 'm'); // stored before the live doc existed
    const late = live(log, 'old');
    late.getMap('m').set('y', 2);
    probe(late);
    expect(log.compact('old', late)).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(stored(log, 'old')).toEqual({ x: 1, y: 2 }); // replayed: x kept, the unlogged probe not stored

    const fresh = live(log, 'new'); // the store had nothing for 'new': the doc holds everything
    fresh.getMap('m').set('a', 1);
    fresh.getMap('m').set('z', 0); // two updates: a lone one is taken as the snapshot as is (below)
    probe(fresh);
    expect(log.compact('new', fresh)).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(stored(log, 'new')).toEqual({ a: 1, z: 0, probe: true });
    log.close();
  });

  it('a loaded doc is encoded; a replay does not extend its proof over an update it lacks', () => {
    const { log } = openLog();
    log.appendUpdate('d', foreign('x', 1), 'm');
    const doc = new Y.Doc();
    expect(log.loadInto('d', doc)).toBe(1);
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== UNLOGGED) log.appendUpdate('d', u, 'm', doc);
    });
    doc.getMap('m').set('a', 1);
    probe(doc);
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 2, uptoSeq: 2 });
    expect(stored(log, 'd')).toEqual({ x: 1, a: 1, probe: true });

    log.appendUpdate('d', foreign('y', 2), 'peer'); // seq 3, not in doc
    expect(log.compact('d')).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 3 }); // replay
    doc.getMap('m').set('b', 3); // seq 4, from doc
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 4 });
    expect(stored(log, 'd')).toEqual({ x: 1, a: 1, probe: true, y: 2, b: 3 });
    log.close();
  });

  it('a forgotten doc is not encoded; forgetting another doc keeps the proof', () => {
    const { log } = openLog();
    const doc = live(log, 'd');
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('z', 0);
    log.forget('d', new Y.Doc());
    probe(doc);
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(stored(log, 'd')).toEqual({ a: 1, z: 0, probe: true });
    doc.getMap('m').set('b', 2);
    log.forget('d', doc);
    doc.transact(() => doc.getMap('probe').set('q', 1), UNLOGGED);
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', merged: 1 });
    const d = new Y.Doc();
    Y.applyUpdate(d, log.read('d').snapshot!);
    expect(d.getMap('probe').get('q')).toBeUndefined();
    expect(d.getMap('m').toJSON()).toEqual({ a: 1, z: 0, b: 2 });
    log.close();
  });

  it('the async store passes the live doc and the appending doc through to the log', async () => {
    const { log } = openLog();
    const store = new SqliteDocStore(log);
    expect(store.log).toBe(log);
    const doc = new Y.Doc();
    const seqs: Promise<number>[] = [];
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== UNLOGGED) seqs.push(store.appendFrom('d', u, 'm', doc));
    });
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('z', 0);
    expect(await Promise.all(seqs)).toEqual([1, 2]);
    probe(doc);
    expect(await store.compact('d', { liveDoc: doc })).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(stored(log, 'd')).toEqual({ a: 1, z: 0, probe: true });
    expect(await store.appendBatch([])).toEqual([]);
    expect(log.clock()).toBe(2);
    await store.close();
  });
});

describe('the async store over the log', () => {
  it('reads, heads, state vectors, changes, lists and counts what the log holds', async () => {
    const { log } = openLog();
    const store = new SqliteDocStore(log.db, { now: () => 1234 });
    const ux = foreign('x', 1);
    expect(await store.appendBatch([
      { docName: 'ws/a', update: ux, memberId: 'm1' },
      { docName: 'ws/b', update: foreign('y', 2), memberId: 'm2' },
    ])).toEqual([1, 2]);
    expect(await store.append('other', foreign('z', 3), 'm3')).toBe(3);
    const a = await store.read('ws/a');
    expect(a).toMatchObject({ snapshot: null, uptoSeq: 0, lastSeq: 1 });
    expect(a.updates).toHaveLength(1);
    expect(await store.head('ws/b')).toEqual({ docName: 'ws/b', lastSeq: 2, pending: 1, updatedAt: 1234 });
    expect(await store.head('nope')).toBeNull();
    const d = new Y.Doc();
    Y.applyUpdate(d, ux);
    expect(await store.stateVector('ws/a')).toEqual(Y.encodeStateVector(d));
    expect(await store.compact('ws/a')).toMatchObject({ outcome: 'compacted', merged: 1 });
    expect(await store.stateVector('ws/a')).toEqual(Y.encodeStateVector(d));
    expect(await store.changedSince(1)).toEqual({ clock: 3, heads: [expect.objectContaining({ docName: 'ws/b' }), expect.objectContaining({ docName: 'other' })] });
    expect((await store.changedSince(0, 'ws/')).heads.map((h) => h.docName)).toEqual(['ws/a', 'ws/b']);
    expect(await store.listDocs()).toEqual(['other', 'ws/a', 'ws/b']);
    expect(await store.listDocs('ws/')).toEqual(['ws/a', 'ws/b']);
    expect(await store.docCount()).toBe(3);
    await store.close();
  });
});

describe('nothing to compact, and the log read directly', () => {
  it('a live doc with nothing pending compacts to nothing and leaves the snapshot alone', () => {
    const { log } = openLog();
    const doc = live(log, 'd');
    doc.getMap('m').set('a', 1);
    expect(log.compact('d', doc)).toMatchObject({ outcome: 'compacted', uptoSeq: 1 });
    const snap = log.read('d');
    expect(log.compact('d', doc)).toEqual({ outcome: 'nothing', merged: 0, uptoSeq: 1, snapshotBytes: 0 });
    expect(log.compact('never-stored', doc)).toEqual({ outcome: 'nothing', merged: 0, uptoSeq: 0, snapshotBytes: 0 });
    expect(log.read('d')).toEqual(snap);
    log.close();
  });
  it('lists all docs and all changes when no prefix is given', () => {
    const { log } = openLog();
    log.appendUpdate('b', foreign('x', 1), 'm');
    log.appendUpdate('a', foreign('y', 2), 'm');
    expect(log.listDocs()).toEqual(['a', 'b']);
    expect(log.docCount()).toBe(2);
    expect(log.changes(1).heads.map((h) => h.docName)).toEqual(['a']);
    expect(log.changes(0)).toMatchObject({ clock: 2 });
    expect(log.changes(0).heads.map((h) => h.docName)).toEqual(['b', 'a']);
    log.close();
  });
});

describe('state vectors', () => {
  it('counts the updates appended after the snapshot, not only the snapshot’s stored vector', () => {
    // A stale vector would make a peer's sync step 1 skip the later updates: they would never be sent.
    const { log } = openLog();
    const ua = foreign('a', 1);
    const ub = foreign('b', 2);
    log.appendUpdate('d', ua, 'm');
    expect(log.compact('d')).toMatchObject({ outcome: 'compacted', uptoSeq: 1 });
    const snapOnly = new Y.Doc();
    Y.applyUpdate(snapOnly, ua);
    expect(log.stateVector('d')).toEqual(Y.encodeStateVector(snapOnly));
    log.appendUpdate('d', ub, 'm');
    const both = new Y.Doc();
    Y.applyUpdate(both, ua);
    Y.applyUpdate(both, ub);
    expect(log.stateVector('d')).toEqual(Y.encodeStateVector(both));
    expect(Y.decodeStateVector(log.stateVector('d')).size).toBe(2);
    expect(log.stateVector('never-stored')).toEqual(Y.encodeStateVector(new Y.Doc()));
    log.close();
  });
});

describe('a lone update over no snapshot', () => {
  it('becomes the snapshot byte for byte, without encoding the live doc, and the live doc keeps its proof', () => {
    const { log } = openLog();
    const doc = new Y.Doc();
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === UNLOGGED) return;
      update = u;
      log.appendUpdate('v', u, 'm', doc);
    });
    // One transaction, as an import writes a volume.
    doc.transact(() => {
      for (let i = 0; i < 50; i++) doc.getMap('m').set(`k${i}`, i);
    });
    probe(doc);
    expect(log.compact('v', doc)).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 1, snapshotBytes: update!.byteLength });
    const snap = log.read('v');
    expect(snap).toMatchObject({ uptoSeq: 1, lastSeq: 1, updates: [] });
    expect(Buffer.from(snap.snapshot!).equals(Buffer.from(update!))).toBe(true);
    // Not the live doc: its unlogged probe is not in the snapshot.
    expect(stored(log, 'v')).toEqual(Object.fromEntries(Array.from({ length: 50 }, (_v, i) => [`k${i}`, i])));
    // The vector is not stored ("not computed") but still answered, from the snapshot.
    expect((log.db.prepare('SELECT state_vector FROM doc_snapshots WHERE doc_id = ?').pluck().get('v') as Buffer).byteLength).toBe(0);
    const only = new Y.Doc();
    Y.applyUpdate(only, update!);
    expect(log.stateVector('v')).toEqual(Y.encodeStateVector(only));
    // The proof moved past the snapshot: with the next update the live doc is encoded (probe stored).
    doc.getMap('m').set('after', 1);
    expect(log.compact('v', doc)).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 2 });
    expect(stored(log, 'v')).toMatchObject({ k0: 0, k49: 49, after: 1, probe: true });
    expect((log.db.prepare('SELECT state_vector FROM doc_snapshots WHERE doc_id = ?').pluck().get('v') as Buffer).byteLength).toBeGreaterThan(0);
    log.close();
  });

  it('from another writer (no live doc) is taken as is too; a snapshot plus one update is merged', () => {
    const { log } = openLog();
    const ux = foreign('x', 1);
    log.appendUpdate('d', ux, 'peer');
    expect(log.compact('d')).toMatchObject({ outcome: 'compacted', merged: 1 });
    expect(Buffer.from(log.read('d').snapshot!).equals(Buffer.from(ux))).toBe(true);
    log.appendUpdate('d', foreign('y', 2), 'peer');
    expect(log.compact('d')).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: 2 });
    expect(stored(log, 'd')).toEqual({ x: 1, y: 2 });
    log.close();
  });
});

describe('close', () => {
  it('closes the database, once; later calls throw', async () => {
    const { log } = openLog();
    log.appendUpdate('d', foreign('x', 1), 'm');
    log.close();
    expect(log.db.open).toBe(false);
    expect(() => log.close()).not.toThrow();
    expect(() => log.read('d')).toThrow();
    const { log: log2 } = openLog();
    const store = new SqliteDocStore(log2.db);
    await store.close();
    expect(log2.db.open).toBe(false);
    await expect(store.read('d')).rejects.toThrow();
    // An empty batch never reaches the database (no transaction is opened), so it cannot fail.
    expect(await store.appendBatch([])).toEqual([]);
    await expect(store.appendBatch([{ docName: 'd', update: foreign('y', 2), memberId: 'm' }])).rejects.toThrow();
  });
});
