/**
 * What is the relay's own in relay/storage/: synchronous=FULL, the desktop's format, workspace
 * keys, the worker thread passing errors back. The DocStore behaviour (appends, batches,
 * compaction, changes, refusing a newer database) is the shared suite of
 * test/node/store/doc-store.test.ts, run over both relay storages and the desktop's store.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../../shared/auth/keys';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { WorkerRelayStorage } from '../../relay/storage/worker-relay-storage';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import { openDatabase } from '../../node/store/sqlite';
import { loadMigrations } from '../../node/store/migrations';
import { PostgresRelayStorage } from '../../relay/storage/postgres/postgres-relay-storage';
import { tempDir } from './helpers';
import { startPostgres, type PgCluster } from './support/servers';

let cluster: Promise<PgCluster> | null = null;
afterAll(async () => {
  if (cluster) await (await cluster).stop();
});

/** A PostgresRelayStorage on a fresh database of this file's cluster. */
async function pgStorage(): Promise<PostgresRelayStorage> {
  const s = await PostgresRelayStorage.open(await (await (cluster ??= startPostgres())).freshDatabase());
  open.push(s);
  return s;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

function storage(file = path.join(tempDir(), 'relay.sqlite')): SqliteRelayStorage {
  const s = SqliteRelayStorage.open(file);
  open.push(s);
  return s;
}

function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

describe('SqliteRelayStorage', () => {
  it('opens with synchronous=FULL, WAL and every migration including the relay keys table', () => {
    const s = storage();
    const db = openDatabase(s.file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'relay_workspace_keys'").pluck().get()).toBe('relay_workspace_keys');
    db.close();
    // The relay's own connection runs with FULL.
    expect((s as unknown as { db: { pragma(p: string, o: object): unknown } }).db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('appends a batch in order with increasing seqs, in the desktop format (SqliteDocLog reads it)', async () => {
    const s = storage();
    const a = `${randomUUID()}/case/${randomUUID()}`;
    const b = `${randomUUID()}/workspace`;
    const seqs = await s.appendBatch([
      { docName: a, update: update('x', 1), memberId: 'm1' },
      { docName: b, update: update('y', 2), memberId: 'm2' },
      { docName: a, update: update('z', 3), memberId: 'm1' },
    ]);
    expect(seqs).toEqual([1, 2, 3]);
    const db = openDatabase(s.file);
    const desktop = new SqliteDocLog(db);
    const doc = new Y.Doc();
    expect(desktop.loadInto(a, doc)).toBe(3);
    expect(doc.getMap('m').toJSON()).toEqual({ x: 1, z: 3 });
    expect(db.prepare('SELECT member_id FROM doc_updates ORDER BY seq').pluck().all()).toEqual(['m1', 'm2', 'm1']);
    db.close();
  });

  it.each(['sqlite', 'postgres'])('registers, lists and removes workspace keys; adding twice is harmless (%s)', async (kind) => {
    const s = kind === 'sqlite' ? storage() : await pgStorage();
    const wid = randomUUID();
    const k1 = await generateWorkspaceKey();
    const k2 = await generateWorkspaceKey();
    const r1 = await s.addWorkspaceKey(wid.toUpperCase(), k1.publicJwk, 'first');
    expect(r1).toMatchObject({ workspaceId: wid, kid: k1.kid, publicJwk: k1.publicJwk, label: 'first' });
    await s.addWorkspaceKey(wid, k1.publicJwk, 'again');
    await s.addWorkspaceKey(wid, k2.publicJwk);
    expect((await s.workspaceKeys(wid)).map((k) => [k.kid, k.label])).toEqual([
      [k1.kid, 'first'],
      [k2.kid, ''],
    ]);
    expect(await s.removeWorkspaceKey(wid, k1.kid)).toBe(true);
    expect(await s.removeWorkspaceKey(wid, k1.kid)).toBe(false);
    expect((await s.allWorkspaceKeys()).map((k) => k.kid)).toEqual([k2.kid]);
    await expect(s.addWorkspaceKey(wid, k1.privateJwk)).rejects.toThrow(/private key/);
  });
});

describe('WorkerRelayStorage', () => {
  it('does the same work in a worker thread, in order, and passes errors back with their codes', async () => {
    const file = path.join(tempDir(), 'relay.sqlite');
    const s = await WorkerRelayStorage.open(file);
    try {
      const name = `${randomUUID()}/case/${randomUUID()}`;
      const batches = await Promise.all([1, 2, 3].map((i) => s.appendBatch([{ docName: name, update: update(`k${i}`, i), memberId: 'm' }])));
      expect(batches).toEqual([[1], [2], [3]]);
      const stored = await s.read(name);
      const doc = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      expect(doc.getMap('m').toJSON()).toEqual({ k1: 1, k2: 2, k3: 3 });
      expect(await s.compact(name)).toMatchObject({ outcome: 'compacted', merged: 3 });
      const k = await generateWorkspaceKey();
      await expect(s.addWorkspaceKey(randomUUID(), k.privateJwk)).rejects.toThrow(/private key/);
      expect((await s.changedSince(0, name.split('/')[0]!)).clock).toBe(3);
    } finally {
      await s.close();
    }
  });
});
