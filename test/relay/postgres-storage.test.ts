/**
 * What is PostgreSQL's own in relay/storage/postgres/ (the shared behaviour is the DocStore
 * contract suite of test/node/store/doc-store.test.ts): migrations raced by processes starting
 * together, exactly one compaction of a doc at a time (advisory lock), and a compaction whose
 * session dies mid-transaction leaving storage as it was.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresRelayStorage } from '../../relay/storage/postgres/postgres-relay-storage';
import { pgMigrations } from '../../relay/storage/postgres/pg-migrate';
import { reportMissingServers, startPostgres, type PgCluster } from './support/servers';

const missing = reportMissingServers('postgres-storage.test.ts', { redis: false });

let cluster: PgCluster;
beforeAll(async () => {
  if (!missing) cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.stop();
});

function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** A storage whose compactions run `hook` inside their transaction, before writing. */
class HookedStorage extends PostgresRelayStorage {
  hook: (c: pg.PoolClient) => Promise<void> = async () => undefined;
  protected override async beforeCompactionCommit(c: pg.PoolClient): Promise<void> {
    await this.hook(c);
  }
}

async function values(s: PostgresRelayStorage, name: string): Promise<Record<string, unknown>> {
  const stored = await s.read(name);
  const d = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(d, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(d, u);
  return d.getMap('m').toJSON();
}

describe.skipIf(missing !== null)('PostgresRelayStorage', () => {
  it('migrates once when four processes open a fresh database at the same time', async () => {
    const url = await cluster.freshDatabase();
    const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresRelayStorage.open(url)));
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const rows = (await c.query('SELECT version, name FROM relay_schema_migrations ORDER BY version')).rows;
    await c.end();
    expect(rows).toEqual(pgMigrations().map((m) => ({ version: m.version, name: m.name })));
    expect(await stores[0]!.append('w/a', update('x', 1), 'm')).toBe(1);
    for (const s of stores) await s.close();
  });

  it('lets exactly one process compact a doc at a time: the other reports raced and writes nothing', async () => {
    const url = await cluster.freshDatabase();
    const a = (await HookedStorage.open(url)) as HookedStorage;
    const b = await PostgresRelayStorage.open(url);
    try {
      await a.appendBatch([1, 2, 3].map((i) => ({ docName: 'w/a', update: update(`k${i}`, i), memberId: '' })));
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      a.hook = async () => {
        entered();
        await new Promise<void>((r) => (release = r));
      };
      const first = a.compact('w/a');
      await inside;
      expect(await b.compact('w/a')).toMatchObject({ outcome: 'raced', merged: 0 });
      await b.append('w/a', update('late', 4), '');
      release();
      expect(await first).toMatchObject({ outcome: 'compacted', merged: 3, uptoSeq: 3 });
      // The update appended during the compaction is after the snapshot and still in the log.
      expect(await b.read('w/a')).toMatchObject({ uptoSeq: 3, lastSeq: 4 });
      expect(await values(b, 'w/a')).toEqual({ k1: 1, k2: 2, k3: 3, late: 4 });
      expect(await b.head('w/a')).toMatchObject({ lastSeq: 4, pending: 1 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('leaves storage as it was when the compacting session is killed mid-transaction', async () => {
    const url = await cluster.freshDatabase();
    const a = (await HookedStorage.open(url)) as HookedStorage;
    const b = await PostgresRelayStorage.open(url);
    try {
      await a.appendBatch([1, 2, 3, 4].map((i) => ({ docName: 'w/a', update: update(`k${i}`, i), memberId: 'm' })));
      // Another connection terminates the compacting backend, as a crashed relay host would lose it.
      a.hook = async (c) => {
        const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
        await b.ping();
        const killer = new pg.Client({ connectionString: url });
        await killer.connect();
        await killer.query('SELECT pg_terminate_backend($1)', [pid]);
        await killer.end();
      };
      await expect(a.compact('w/a')).rejects.toThrow();
      expect(await b.read('w/a')).toMatchObject({ snapshot: null, uptoSeq: 0, lastSeq: 4 });
      expect((await b.read('w/a')).updates).toHaveLength(4);
      expect(await b.head('w/a')).toMatchObject({ pending: 4 });
      // The advisory lock died with the session: the next compaction goes through.
      expect(await b.compact('w/a')).toMatchObject({ outcome: 'compacted', merged: 4 });
      expect(await values(b, 'w/a')).toEqual({ k1: 1, k2: 2, k3: 3, k4: 4 });
      expect((await b.provenance('w/a', 0, 10)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(await b.verifyProvenance()).toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('backs the database up with pg_dump', async () => {
    const url = await cluster.freshDatabase();
    const s = await PostgresRelayStorage.open(url);
    try {
      await s.append('w/a', update('x', 1), 'm');
      const file = `${cluster.dir}/backup.dump`;
      await s.backup(file);
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    } finally {
      await s.close();
    }
  });
});
