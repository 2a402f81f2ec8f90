/**
 * The DocStore interface (node/store/doc-store.ts), one contract suite run over every
 * implementation: the desktop's SqliteDocStore, the relay's SqliteRelayStorage, its worker-thread
 * WorkerRelayStorage and the relay's PostgresRelayStorage (a throw-away cluster for this file, a
 * fresh database per test). Appends, loads, state vectors, compaction (also racing appends and
 * other compactions on a second store of the same database), changes since a clock, listing,
 * closing, and refusing a newer database untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../../../node/store/doc-store';
import { migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { SqliteDocStore } from '../../../node/store/sqlite-doc-store';
import { SqliteRelayStorage } from '../../../relay/storage/sqlite-relay-storage';
import { WorkerRelayStorage } from '../../../relay/storage/worker-relay-storage';
import { PostgresRelayStorage } from '../../../relay/storage/postgres/postgres-relay-storage';
import { NestError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';
import { startPostgres, type PgCluster } from '../../relay/support/servers';

interface Impl {
  name: string;
  /** Where a fresh, empty store lives (a file path or a database URL). */
  location(): Promise<string>;
  /** Opens (creating and migrating) the store at `loc`. */
  open(loc: string): Promise<DocStore>;
  /** Marks the closed store at `loc` as written by a newer version. */
  makeNewer(loc: string): Promise<void>;
  /** Everything stored at `loc`, to compare before and after (closed store). */
  contents(loc: string): Promise<string>;
}

const sqliteFile = async () => path.join(tempDir(), 'docs.sqlite');
const sqliteNewer = async (file: string) => {
  const db = openDatabase(file);
  db.pragma('user_version = 999');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
};
const sqliteContents = async (file: string) => fs.readFileSync(file).toString('base64');

let cluster: Promise<PgCluster> | null = null;
afterAll(async () => {
  if (cluster) await (await cluster).stop();
});
/** Runs `sql` on the database at `url` and returns the rows. */
async function pgQuery(url: string, sql: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

const impls: Impl[] = [
  {
    name: 'SqliteDocStore (desktop)',
    location: sqliteFile,
    open: async (file) => {
      const db = openDatabase(file);
      try {
        migrate(db, undefined, file);
      } catch (err) {
        db.close();
        throw err;
      }
      return new SqliteDocStore(db);
    },
    makeNewer: sqliteNewer,
    contents: sqliteContents,
  },
  { name: 'SqliteRelayStorage (relay)', location: sqliteFile, open: async (file) => SqliteRelayStorage.open(file), makeNewer: sqliteNewer, contents: sqliteContents },
  { name: 'WorkerRelayStorage (relay, worker threads)', location: sqliteFile, open: (file) => WorkerRelayStorage.open(file), makeNewer: sqliteNewer, contents: sqliteContents },
  {
    name: 'PostgresRelayStorage (relay, several processes)',
    location: async () => (await (cluster ??= startPostgres())).freshDatabase(),
    open: (url) => PostgresRelayStorage.open(url),
    makeNewer: async (url) => void (await pgQuery(url, "INSERT INTO relay_schema_migrations VALUES (999, 'future', 0)")),
    contents: async (url) => JSON.stringify([await pgQuery(url, 'SELECT * FROM relay_schema_migrations ORDER BY version'), await pgQuery(url, 'SELECT seq, doc_id, data FROM doc_updates ORDER BY seq')]),
  },
];

const opened: DocStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined);
});

/** A Yjs update setting `key` to `value` in map "m", from a fresh client. */
function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** The doc a stored state describes. */
async function loaded(store: DocStore, name: string): Promise<Y.Doc> {
  const stored = await store.read(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.each(impls)('DocStore: $name', (impl) => {
  async function open(loc?: string): Promise<DocStore> {
    const s = await impl.open(loc ?? (await impl.location()));
    opened.push(s);
    return s;
  }

  it('appends with increasing seqs and loads snapshot + later updates; an unknown doc is empty', async () => {
    const s = await open();
    const a1 = await s.append('w/a', update('x', 1), 'm1');
    const [b1, a2] = await s.appendBatch([
      { docName: 'w/b', update: update('y', 2), memberId: 'm2' },
      { docName: 'w/a', update: update('z', 3), memberId: 'm1' },
    ]);
    expect([a1, b1, a2]).toEqual([1, 2, 3]);
    expect(await s.appendBatch([])).toEqual([]);
    const stored = await s.read('w/a');
    expect(stored).toMatchObject({ snapshot: null, uptoSeq: 0, lastSeq: 3 });
    expect(stored.updates).toHaveLength(2);
    expect((await loaded(s, 'w/a')).getMap('m').toJSON()).toEqual({ x: 1, z: 3 });
    expect(await s.head('w/a')).toMatchObject({ docName: 'w/a', lastSeq: 3, pending: 2 });
    expect(await s.read('nope')).toEqual({ snapshot: null, uptoSeq: 0, updates: [], lastSeq: 0 });
    expect(await s.head('nope')).toBeNull();
  });

  it('an append is visible to another store on the same file once it resolved', async () => {
    const loc = await impl.location();
    const s = await open(loc);
    const other = await open(loc);
    await s.append('w/a', update('x', 1), 'm');
    expect((await loaded(other, 'w/a')).getMap('m').toJSON()).toEqual({ x: 1 });
  });

  it('a batch is all or nothing', async () => {
    const s = await open();
    await expect(s.appendBatch([{ docName: 'w/a', update: update('x', 1), memberId: 'm' }, { docName: 'w/a', update: null as unknown as Uint8Array, memberId: 'm' }])).rejects.toThrow();
    expect((await s.read('w/a')).updates).toEqual([]);
    expect(await s.docCount()).toBe(0);
  });

  it('gives the state vector of the stored doc, before and after compaction', async () => {
    const s = await open();
    expect(await s.stateVector('nope')).toEqual(Y.encodeStateVector(new Y.Doc()));
    await s.appendBatch([1, 2, 3].map((i) => ({ docName: 'w/a', update: update(`k${i}`, i), memberId: '' })));
    const expected = Y.encodeStateVector(await loaded(s, 'w/a'));
    expect(await s.stateVector('w/a')).toEqual(expected);
    expect((await s.compact('w/a')).outcome).toBe('compacted');
    expect(await s.stateVector('w/a')).toEqual(expected);
  });

  it('compacts into a snapshot equal to the log it replaces, deleting only what it covers', async () => {
    const s = await open();
    const seqs = await s.appendBatch(Array.from({ length: 50 }, (_, i) => ({ docName: 'w/a', update: update(`k${i % 7}`, i), memberId: '' })));
    const before = (await loaded(s, 'w/a')).getMap('m').toJSON();
    const r = await s.compact('w/a');
    expect(r).toMatchObject({ outcome: 'compacted', merged: 50, uptoSeq: seqs[49] });
    expect(r.snapshotBytes).toBeGreaterThan(0);
    const after = await s.read('w/a');
    expect(after).toMatchObject({ uptoSeq: seqs[49], lastSeq: seqs[49], updates: [] });
    expect((await loaded(s, 'w/a')).getMap('m').toJSON()).toEqual(before);
    expect(await s.head('w/a')).toMatchObject({ lastSeq: seqs[49], pending: 0 });
    expect((await s.compact('w/a')).outcome).toBe('nothing');
    const late = await s.append('w/a', update('late', 1), '');
    expect(await s.read('w/a')).toMatchObject({ uptoSeq: seqs[49], lastSeq: late });
    expect(await s.compact('w/a')).toMatchObject({ outcome: 'compacted', merged: 1, uptoSeq: late });
    expect((await loaded(s, 'w/a')).getMap('m').get('late')).toBe(1);
  });

  it('loses nothing when appends and compactions of two stores on one file interleave', async () => {
    const loc = await impl.location();
    const a = await open(loc);
    const b = await open(loc);
    const work: Promise<unknown>[] = [];
    const outcomes: string[] = [];
    for (let i = 0; i < 120; i++) {
      work.push((i % 2 ? a : b).append('w/a', update(`k${i}`, i), ''));
      if (i % 10 === 0) for (const s of [a, b]) work.push(s.compact('w/a').then((r) => outcomes.push(r.outcome)));
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(work);
    await a.compact('w/a');
    const m = (await loaded(b, 'w/a')).getMap('m');
    for (let i = 0; i < 120; i++) expect(m.get(`k${i}`), `update k${i}`).toBe(i);
    expect(outcomes).toContain('compacted');
    expect(outcomes.every((o) => ['compacted', 'nothing', 'raced'].includes(o))).toBe(true);
    expect((await a.read('w/a')).updates).toEqual([]);
  });

  it('lists the docs changed since a clock, for one prefix or all, and the docs stored', async () => {
    const s = await open();
    await s.appendBatch([
      { docName: 'w1/workspace', update: update('a', 1), memberId: '' },
      { docName: 'w2/workspace', update: update('b', 1), memberId: '' },
      { docName: 'w1/case/c', update: update('c', 1), memberId: '' },
    ]);
    const first = await s.changedSince(0, 'w1/');
    expect(first.clock).toBe(3);
    expect(first.heads.map((h) => [h.docName, h.lastSeq])).toEqual([
      ['w1/workspace', 1],
      ['w1/case/c', 3],
    ]);
    await s.append('w1/case/c', update('d', 2), '');
    expect(await s.changedSince(first.clock, 'w1/')).toMatchObject({ clock: 4, heads: [{ docName: 'w1/case/c', lastSeq: 4 }] });
    expect((await s.changedSince(0)).heads.map((h) => h.docName)).toEqual(['w1/workspace', 'w2/workspace', 'w1/case/c']);
    await s.compact('w1/case/c');
    expect((await s.changedSince(3)).clock).toBe(4);
    expect(await s.listDocs()).toEqual(['w1/case/c', 'w1/workspace', 'w2/workspace']);
    expect(await s.listDocs('w1/')).toEqual(['w1/case/c', 'w1/workspace']);
    expect(await s.listDocs('w3/')).toEqual([]);
    expect(await s.docCount()).toBe(3);
  });

  it('refuses calls after close', async () => {
    const s = await impl.open(await impl.location());
    await s.close();
    await expect(s.read('w/a')).rejects.toThrow();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const loc = await impl.location();
    const s = await impl.open(loc);
    await s.append('w/a', update('x', 1), '');
    await s.close();
    await impl.makeNewer(loc);
    const before = await impl.contents(loc);
    const err = await impl.open(loc).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).code).toBe('database-too-new');
    expect(await impl.contents(loc)).toBe(before);
  });
});
