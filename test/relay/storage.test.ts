/**
 * relay/storage/sqlite-relay-storage.ts: batches, the desktop's format, keys, changes.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../../shared/auth/keys';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { WorkerRelayStorage } from '../../relay/storage/worker-relay-storage';
import { NestError } from '../../shared/errors';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import { openDatabase } from '../../node/store/sqlite';
import { loadMigrations } from '../../node/store/migrations';
import { tempDir } from './helpers';

const open: SqliteRelayStorage[] = [];
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

  it('a batch is all or nothing', async () => {
    const s = storage();
    const a = `${randomUUID()}/case/${randomUUID()}`;
    await expect(s.appendBatch([{ docName: a, update: update('x', 1), memberId: 'm' }, { docName: a, update: null as unknown as Uint8Array, memberId: 'm' }])).rejects.toThrow();
    expect((await s.read(a)).updates).toEqual([]);
    expect(await s.docCount()).toBe(0);
  });

  it('lists changes since a clock for one workspace only, and compacts without losing anything', async () => {
    const s = storage();
    const w1 = randomUUID();
    const w2 = randomUUID();
    const c1 = `${w1}/case/${randomUUID()}`;
    await s.appendBatch([
      { docName: `${w1}/workspace`, update: update('a', 1), memberId: '' },
      { docName: `${w2}/workspace`, update: update('b', 1), memberId: '' },
      { docName: c1, update: update('c', 1), memberId: '' },
    ]);
    const first = await s.changedSince(0, `${w1}/`);
    expect(first.clock).toBe(3);
    expect(first.heads.map((h) => [h.docName, h.lastSeq])).toEqual([
      [`${w1}/workspace`, 1],
      [c1, 3],
    ]);
    await s.appendBatch([{ docName: c1, update: update('d', 2), memberId: '' }]);
    const next = await s.changedSince(first.clock, `${w1}/`);
    expect(next).toMatchObject({ clock: 4, heads: [{ docName: c1, lastSeq: 4 }] });
    expect(await s.compact(c1)).toMatchObject({ outcome: 'compacted', merged: 2 });
    const doc = new Y.Doc();
    const stored = await s.read(c1);
    Y.applyUpdate(doc, stored.snapshot!);
    expect(doc.getMap('m').toJSON()).toEqual({ c: 1, d: 2 });
    expect(await s.docCount()).toBe(3);
  });

  it('registers, lists and removes workspace keys; adding twice is harmless', async () => {
    const s = storage();
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
    // A database written by a newer version: refused with its code, from the worker.
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    const err = await WorkerRelayStorage.open(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).code).toBe('database-too-new');
  });
});
