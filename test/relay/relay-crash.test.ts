/**
 * `kill -9` of the real relay process under load loses no acknowledged update: every update any
 * client received from the relay (it sends an update only after appending it to SQLite with
 * synchronous=FULL) is in the relay's database after the crash, and served after a restart.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../node/store/sqlite';
import { SqliteDocStore } from '../../node/store/sqlite-doc-store';
import { caseDocName } from '../../shared/docs/names';
import { connect, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, tempDir, waitFor } from './helpers';

it('kill -9 under load: every update a client saw from the relay is in its database and served after restart', async () => {
  const dataDir = tempDir();
  const relay = await spawnRelay({ dataDir });
  const ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  const people = Array.from({ length: 6 }, () => member('investigator'));
  const admin = await setUpWorkspaceDoc(relay.url, ws, people);
  const rooms = [caseDocName(ws.id, randomUUID()), caseDocName(ws.id, randomUUID())];
  // Per room: two writers and one silent reader; everyone records what reaches it from the relay.
  const clients = await Promise.all(
    people.map(async (p, i) => ({ room: rooms[i % 2]!, writer: i < 4, tag: `w${i}`, c: connect(relay.url, rooms[i % 2]!, await ws.token(p)) })),
  );
  await Promise.all(clients.map((x) => x.c.synced));
  const seen = rooms.map(() => new Set<string>());
  for (const x of clients) {
    const map = x.c.doc.getMap<number>('m');
    map.observe((ev) => {
      if (ev.transaction.origin !== x.c.provider) return; // only what came from the relay
      for (const k of ev.keysChanged) seen[rooms.indexOf(x.room)]!.add(k);
    });
  }

  // Load: each writer sets 20 keys every millisecond or so until the relay dies.
  let stop = false;
  let written = 0;
  const writers = clients.filter((x) => x.writer);
  const load = (async () => {
    let n = 0;
    while (!stop) {
      for (const x of writers) {
        for (let k = 0; k < 20; k++) x.c.doc.getMap<number>('m').set(`${x.tag}:${n + k}`, n + k);
        written += 20;
      }
      n += 20;
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  await waitFor(() => seen[0]!.size + seen[1]!.size >= 4000, 'load to build up');
  await relay.kill9();
  expect(relay.proc.signalCode).toBe('SIGKILL');
  stop = true;
  await load;
  // Whatever the clients still had buffered from the relay was sent before it died: give them a moment.
  await new Promise((r) => setTimeout(r, 200));
  for (const x of clients) x.c.destroy();
  admin.destroy();
  const acknowledged = seen.map((s) => [...s]);
  expect(acknowledged[0]!.length + acknowledged[1]!.length).toBeGreaterThanOrEqual(4000);
  expect(written).toBeGreaterThan(acknowledged[0]!.length + acknowledged[1]!.length);

  // 1. The database as the crash left it (SQLite recovers the WAL on open).
  const db = openDatabase(path.join(dataDir, 'relay.sqlite'));
  const store = new SqliteDocStore(db);
  for (const [i, room] of rooms.entries()) {
    const doc = new Y.Doc();
    store.loadInto(room, doc);
    const keys = new Set(doc.getMap('m').keys());
    const missing = acknowledged[i]!.filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
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
