/**
 * The hub's tick budget holds inside a connection's slice: a message can be costly (a sync step 1
 * on a large doc encodes all of it for the answer), so a client sending 32 of them in a row must
 * not keep the loop, and every other room, waiting for 32 whole-doc encodings.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { authorizationHeader } from '../../shared/auth/bearer';
import { caseDocName } from '../../shared/docs/names';
import { hubTuning } from '../../relay/config';
import { startRelay, type RelayOptions, type RelayServer } from '../../relay/server';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { connect, makeWorkspace, member, readBack, setUpWorkspaceDoc, tempDir, waitFor, type TestClient, emptyStep1 } from './helpers';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** An in-process relay on a fresh folder with one workspace and one investigator, and a fresh case room. */
async function setUp(overrides: Partial<RelayOptions> = {}): Promise<{ relay: RelayServer; token: string; room: string; clients: TestClient[] }> {
  const dir = tempDir();
  const storage = SqliteRelayStorage.open(path.join(dir, 'relay.sqlite'));
  const ws = await makeWorkspace();
  await storage.addWorkspaceKey(ws.id, ws.key.publicJwk);
  const settings = { host: '127.0.0.1', port: 0, dataDir: dir, maxMessageBytes: 1 << 24, idleUnloadMs: 30_000, keyCheckMs: 60_000, pingIntervalMs: 30_000, compactThreshold: 100_000 };
  const relay = await startRelay({ ...settings, ...hubTuning(settings), storage, log: pino({ level: 'silent' }), now: Date.now, ...overrides });
  cleanup.push(() => relay.close());
  const inv = member('investigator');
  const clients: TestClient[] = [await setUpWorkspaceDoc(relay.url, ws, [inv])];
  cleanup.push(() => clients.forEach((c) => c.destroy()));
  return { relay, token: await ws.token(inv), room: caseDocName(ws.id, randomUUID()), clients };
}

/** A raw WebSocket to `room` with `token`, open; closed after the test. */
async function openRaw(url: string, room: string, token: string): Promise<WebSocket> {
  const sock = new WebSocket(`${url}/${room}`, { headers: { authorization: authorizationHeader(token) } });
  cleanup.push(() => sock.close());
  await new Promise<void>((resolve, reject) => sock.once('open', () => resolve()).once('error', reject));
  return sock;
}

it('a slice of costly messages stops at the tick deadline (one message past it at most)', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const { relay, token, room, clients } = await setUp({ maxTickMs: 1, log: pino({ level: 'trace' }, sink) });
  // 100,000 map entries: encoding the doc for a sync step 2 takes well over 1 ms.
  const writer = connect(relay.url, room, token);
  clients.push(writer);
  await writer.synced;
  const m = writer.doc.getMap<number>('m');
  for (let t = 0; t < 50; t++) writer.doc.transact(() => Array.from({ length: 2000 }, (_, i) => m.set(`k${t}-${i}`, i)));
  await readBack(relay.url, room, token, (d) => d.getMap('m').size === 100_000, 'the large doc');

  const spammer = await openRaw(relay.url, room, token);
  let replies = 0;
  spammer.on('message', (d: Buffer) => {
    if (d[0] === 0 && d[1] === 1) replies++;
  });
  const step1 = emptyStep1();
  const from = lines.length;
  for (let i = 0; i < 32; i++) spammer.send(step1);
  await waitFor(() => replies === 32, 'the 32 answers');

  const ticks = lines
    .slice(from)
    .map((l) => JSON.parse(l) as { msg: string; messages?: number })
    .filter((l) => l.msg === 'tick');
  expect(ticks.reduce((n, t) => n + (t.messages ?? 0), 0)).toBe(32);
  // Before the fix: one tick of 32 whole-doc encodings.
  expect(Math.max(...ticks.map((t) => t.messages ?? 0))).toBeLessThanOrEqual(2);
});

it('ticks with nothing to store still let the event loop read sockets between them', async () => {
  const { relay, token, room, clients } = await setUp();
  const writer = connect(relay.url, room, token);
  clients.push(writer);
  await writer.synced;
  const m = writer.doc.getMap<number>('m');
  for (let t = 0; t < 10; t++) writer.doc.transact(() => Array.from({ length: 2000 }, (_, i) => m.set(`k${t}-${i}`, i)));
  await readBack(relay.url, room, token, (d) => d.getMap('m').size === 20_000, 'the doc');

  // 1,000 sync step 1s (each answered with a whole-doc step 2, nothing stored), queued at once.
  const spammer = await openRaw(relay.url, room, token);
  let replies = 0;
  spammer.on('message', (d: Buffer) => {
    if (d[0] === 0 && d[1] === 1) replies++;
  });
  const step1 = emptyStep1();
  // The relay runs in this process: the longest gap between two 5 ms timer callbacks is how long
  // it held the event loop in one go.
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  cleanup.push(() => clearInterval(timer));
  for (let i = 0; i < 1000; i++) spammer.send(step1);
  await waitFor(() => replies === 1000, 'the 1,000 answers', 60_000);
  clearInterval(timer);
  // Before the fix: one block for the whole queue (1,000 encodings; seconds).
  expect(longest).toBeLessThan(400);
});

it('updates piling up with a missing dependency reset the doc: clients resync, nothing stored is lost', async () => {
  const { relay, token, room, clients } = await setUp({ maxPendingUpdates: 50 });
  const colleague = connect(relay.url, room, token);
  clients.push(colleague);
  await colleague.synced;
  colleague.doc.getMap<string>('m').set('before', 'kept');
  await readBack(relay.url, room, token, (d) => d.getMap('m').get('before') === 'kept', 'the colleague’s edit');

  // A client sends 60 updates whose first dependency (its clock 0) never arrives.
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i <= 60; i++) source.getMap<number>('m').set(`orphan-${i}`, i);
  const sender = await openRaw(relay.url, room, token);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => sender.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  for (const u of updates.slice(1)) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, u);
    sender.send(encoding.toUint8Array(e));
  }
  // The 51st pending update resets the doc: everyone in it is told to come back (1013).
  expect(await closed).toEqual({ code: 1013, reason: 'pending-backlog' });
  await waitFor(() => colleague.closeCodes.includes(1013), 'the colleague to be closed too');
  expect(relay.stats().backlogResets).toBe(1);
  // The colleague reconnects and keeps working on the reloaded doc; the orphans are gone.
  await waitFor(() => colleague.provider.synced && colleague.provider.wsconnected, 'the colleague to reconnect');
  colleague.doc.getMap<string>('m').set('after', 'also kept');
  const back = await readBack(relay.url, room, token, (d) => d.getMap('m').get('after') === 'also kept', 'the edit after the reset');
  expect(back.getMap('m').get('before')).toBe('kept');
  expect([...back.getMap('m').keys()].some((k) => k.startsWith('orphan-'))).toBe(false);
  expect(back.store.pendingStructs).toBeNull();
});
