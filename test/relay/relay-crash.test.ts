/**
 * `kill -9` of the real relay process under load loses no acknowledged update. A client knows an
 * update is acknowledged when the relay answers a sync step 1 it sent after the update (the relay
 * sends replies only after appending with synchronous=FULL; it fans updates out to other clients
 * before that, for latency). Every acknowledged update must be in the relay's database after the
 * crash and served after a restart; updates peers saw but the relay had not stored come back from
 * the clients' next sync.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../node/store/sqlite';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import { caseDocName } from '../../shared/docs/names';
import { connect, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, tempDir, waitFor, type TestClient } from './helpers';

/** Wraps a stock client so it can send sync step 1 probes and learn which of its writes were acknowledged. */
function withProbes(c: TestClient, tag: string): { write(n: number): void; probe(): void; acked: () => string[]; written: () => number } {
  const probes: number[] = []; // number of keys written when each probe was sent
  let written = 0;
  let ackedUpTo = 0;
  let synced = false;
  void c.synced.then(() => (synced = true));
  const original = c.provider.messageHandlers[0]!;
  c.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, messageType) => {
    const sub = decoding.peekVarUint(decoder);
    original(encoder, decoder, provider, emitSynced, messageType);
    if (sub === syncProtocol.messageYjsSyncStep2 && synced && probes.length) ackedUpTo = probes.shift()!;
  };
  return {
    write(n) {
      const m = c.doc.getMap<number>('m');
      c.doc.transact(() => {
        for (let k = 0; k < n; k++) m.set(`${tag}:${written + k}`, written + k);
      });
      written += n;
    },
    probe() {
      const ws = c.provider.ws;
      if (!synced || !ws || ws.readyState !== 1) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, c.doc);
      probes.push(written);
      ws.send(encoding.toUint8Array(e));
    },
    acked: () => Array.from({ length: ackedUpTo }, (_, i) => `${tag}:${i}`),
    written: () => written,
  };
}

it('kill -9 under load: every acknowledged update is in the relay database and served after restart', async () => {
  const dataDir = tempDir();
  const relay = await spawnRelay({ dataDir });
  const ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  const people = Array.from({ length: 6 }, () => member('investigator'));
  const admin = await setUpWorkspaceDoc(relay.url, ws, people);
  const rooms = [caseDocName(ws.id, randomUUID()), caseDocName(ws.id, randomUUID())];
  // Per room: two writers with probes, and one silent reader.
  const clients = await Promise.all(people.map(async (p, i) => ({ room: rooms[i % 2]!, writer: i < 4, tag: `w${i}`, c: connect(relay.url, rooms[i % 2]!, await ws.token(p)) })));
  await Promise.all(clients.map((x) => x.c.synced));
  const writers = clients.filter((x) => x.writer).map((x) => ({ ...x, p: withProbes(x.c, x.tag) }));

  // Load: each writer sets 20 keys and sends a probe every millisecond or so until the relay dies.
  let stop = false;
  const load = (async () => {
    while (!stop) {
      for (const w of writers) {
        w.p.write(20);
        w.p.probe();
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  await waitFor(() => writers.reduce((n, w) => n + w.p.acked().length, 0) >= 4000, 'acknowledged load to build up');
  await relay.kill9();
  expect(relay.proc.signalCode).toBe('SIGKILL');
  stop = true;
  await load;
  await new Promise((r) => setTimeout(r, 200)); // replies already on the wire
  for (const x of clients) x.c.destroy();
  admin.destroy();
  const acknowledged = rooms.map((room) => writers.filter((w) => w.room === room).flatMap((w) => w.p.acked()));
  const total = acknowledged[0]!.length + acknowledged[1]!.length;
  expect(total).toBeGreaterThanOrEqual(4000);
  expect(writers.reduce((n, w) => n + w.p.written(), 0)).toBeGreaterThan(total); // the crash cut some writes short

  // 1. The database as the crash left it (SQLite recovers the WAL on open).
  const db = openDatabase(path.join(dataDir, 'relay.sqlite'));
  const store = new SqliteDocLog(db);
  for (const [i, room] of rooms.entries()) {
    const doc = new Y.Doc();
    store.loadInto(room, doc);
    const keys = new Set(doc.getMap('m').keys());
    expect(acknowledged[i]!.filter((k) => !keys.has(k))).toEqual([]);
  }
  db.close();

  // 2. A restarted relay serves them.
  const again = await spawnRelay({ dataDir });
  try {
    for (const [i, room] of rooms.entries()) {
      await readBack(again.url, room, await ws.token(people[5]!), (d) => acknowledged[i]!.every((k) => d.getMap('m').has(k)), `${room} after restart`);
    }
  } finally {
    await again.stop();
  }
}, 120_000);
