/**
 * The relay's provenance log (relay/storage/provenance.ts, postgres/pg-provenance.ts) on every relay storage: written with
 * every append, kept through compaction, past states rebuilt from it, the hash chain verified,
 * and the table refusing updates and deletes.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../node/store/sqlite';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { WorkerRelayStorage } from '../../relay/storage/worker-relay-storage';
import type { RelayStorage } from '../../relay/storage/relay-storage';
import { PostgresRelayStorage } from '../../relay/storage/postgres/postgres-relay-storage';
import { tempDir } from './helpers';
import { startPostgres, type PgCluster } from './support/servers';

let cluster: Promise<PgCluster> | null = null;
afterAll(async () => {
  if (cluster) await (await cluster).stop();
});

const open: RelayStorage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const kinds = {
  sqlite: async (file: string) => SqliteRelayStorage.open(file),
  worker: async (file: string) => WorkerRelayStorage.open(file),
  postgres: async () => PostgresRelayStorage.open(await (await (cluster ??= startPostgres())).freshDatabase()),
};

describe.each(Object.keys(kinds) as (keyof typeof kinds)[])('provenance on %s storage', (kind) => {
  it('records every append (member, size, hash), keeps it through compaction and rebuilds any past state', async () => {
    const file = path.join(tempDir(), 'relay.sqlite');
    const s = await kinds[kind](file);
    open.push(s);
    const name = `${randomUUID()}/case/${randomUUID()}`;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('summary');
    text.insert(0, 'ivory 40 kg');
    text.insert(0, 'seized: ');
    text.delete(0, text.length); // the erase
    const seqs: number[] = [];
    for (const [i, u] of updates.entries()) seqs.push(await s.append(name, u, `member-${i}`));
    expect((await s.compact(name)).outcome).toBe('compacted');
    expect((await s.read(name)).updates).toHaveLength(0);

    const log = await s.provenance(name, 0, 10);
    expect(log.map((e) => [e.seq, e.memberId, e.size, e.sha256])).toEqual(updates.map((u, i) => [seqs[i], `member-${i}`, u.byteLength, createHash('sha256').update(u).digest('hex')]));
    expect(await s.provenance(name, seqs[0]!, 1)).toEqual([log[1]]);

    const past = new Y.Doc();
    Y.applyUpdate(past, await s.stateAt(name, seqs[1]!));
    expect(past.getText('summary').toString()).toBe('seized: ivory 40 kg');
    const now = new Y.Doc();
    Y.applyUpdate(now, await s.stateAt(name, seqs[2]!));
    expect(now.getText('summary').toString()).toBe('');
    expect(await s.verifyProvenance()).toBeNull();
  });
});

describe('the provenance table', () => {
  it('refuses updates and deletes, and a row changed behind the relay breaks the chain', async () => {
    const file = path.join(tempDir(), 'relay.sqlite');
    const s = SqliteRelayStorage.open(file);
    open.push(s);
    const name = `${randomUUID()}/workspace`;
    const d = new Y.Doc();
    d.getMap('m').set('a', 1);
    await s.appendBatch([{ docName: name, update: Y.encodeStateAsUpdate(d), memberId: 'm1' }, { docName: name, update: Y.encodeStateAsUpdate(d), memberId: 'm2' }]);
    const db = openDatabase(file);
    expect(() => db.prepare('DELETE FROM relay_provenance').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE relay_provenance SET member_id = 'x'").run()).toThrow(/append-only/);
    // Someone with the file drops the triggers and rewrites who sent the second update.
    db.exec("DROP TRIGGER relay_provenance_no_update; UPDATE relay_provenance SET member_id = 'forged' WHERE member_id = 'm2'");
    db.close();
    const bad = (await s.provenance(name, 0, 10))[1]!.seq;
    expect(await s.verifyProvenance()).toBe(bad);
  });

  it('on PostgreSQL too: refuses updates, deletes and truncation, and a row changed behind the relay breaks the chain', async () => {
    const url = await (await (cluster ??= startPostgres())).freshDatabase();
    const s = await PostgresRelayStorage.open(url);
    open.push(s);
    const name = `${randomUUID()}/workspace`;
    const d = new Y.Doc();
    d.getMap('m').set('a', 1);
    await s.appendBatch([{ docName: name, update: Y.encodeStateAsUpdate(d), memberId: 'm1' }, { docName: name, update: Y.encodeStateAsUpdate(d), memberId: 'm2' }]);
    expect((await s.compact(name)).outcome).toBe('compacted');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await expect(c.query('DELETE FROM relay_provenance')).rejects.toThrow(/append-only/);
      await expect(c.query("UPDATE relay_provenance SET member_id = 'x'")).rejects.toThrow(/append-only/);
      await expect(c.query('TRUNCATE relay_provenance')).rejects.toThrow(/append-only/);
      expect(await s.verifyProvenance()).toBeNull();
      await c.query("ALTER TABLE relay_provenance DISABLE TRIGGER relay_provenance_no_update; UPDATE relay_provenance SET member_id = 'forged' WHERE member_id = 'm2'");
    } finally {
      await c.end();
    }
    const bad = (await s.provenance(name, 0, 10))[1]!.seq;
    expect(await s.verifyProvenance()).toBe(bad);
  });

  it.each(['sqlite', 'postgres'] as const)('keeps alerts per workspace (%s)', async (kind) => {
    const s = await kinds[kind](path.join(tempDir(), 'relay.sqlite'));
    open.push(s);
    const wid = randomUUID();
    const id = await s.addAlert({ workspaceId: wid, kind: 'mass-deletion', doc: `${wid}/case/x`, memberId: 'm1', records: 30 });
    expect(await s.alerts(wid, 0)).toEqual([expect.objectContaining({ id, kind: 'mass-deletion', memberId: 'm1', records: 30 })]);
    expect(await s.alerts(wid, id)).toEqual([]);
    expect(await s.alerts(randomUUID(), 0)).toEqual([]);
  });
});
