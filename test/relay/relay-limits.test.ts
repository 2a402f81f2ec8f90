/**
 * The real relay process under bad input: 1,000 malformed frames, an oversized message and a
 * flooding client. Each bad connection is closed alone; everyone else keeps being served.
 */
import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { authorizationHeader } from '../../shared/auth/bearer';
import { caseDocName } from '../../shared/docs/names';
import {
  connect,
  httpGet,
  makeWorkspace,
  member,
  readBack,
  registerWorkspace,
  setUpWorkspaceDoc,
  spawnRelay,
  waitFor,
  type RelayProcess,
  type TestClient,
  type TestWorkspace,
} from './helpers';

const MAX = 64 * 1024;
let relay: RelayProcess;
let ws: TestWorkspace;
const inv = member('investigator');
const open: TestClient[] = [];

beforeAll(async () => {
  relay = await spawnRelay({ args: ['--max-message-bytes', String(MAX)] });
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  open.push(await setUpWorkspaceDoc(relay.url, ws, [inv]));
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
});

/** A raw ws connection with the member's token; resolves once open. */
async function raw(docName: string, token: string): Promise<WebSocket> {
  const sock = new WebSocket(`${relay.url}/${docName}`, { headers: { authorization: authorizationHeader(token) } });
  await new Promise<void>((resolve, reject) => {
    sock.once('open', () => resolve());
    sock.once('error', reject);
  });
  return sock;
}

function closeCode(sock: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (sock.readyState === WebSocket.CLOSED) resolve(-1);
    sock.once('close', (code) => resolve(code));
  });
}

function syncMessage(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
}

/** Bytes taken by the varUint at `pos` (lib0 encoding). */
function varUintLength(d: Uint8Array, pos: number): number {
  let n = 1;
  while (d[pos + n - 1]! >= 0x80) n++;
  return n;
}

const MALFORMED: { name: string; data: Uint8Array | string }[] = [
  { name: 'empty', data: new Uint8Array(0) },
  { name: 'bad varint', data: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]) },
  { name: 'unknown type', data: Uint8Array.of(42, 1, 2) },
  { name: 'unknown sync type', data: Uint8Array.of(0, 9, 0) },
  { name: 'truncated payload', data: Uint8Array.of(0, 2, 200, 1, 2, 3) },
  { name: 'garbage update', data: syncMessage((e) => syncProtocol.writeUpdate(e, Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 1, 2, 3))) },
  { name: 'garbage step 2', data: syncMessage((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, Uint8Array.of(9, 9, 9)))) },
  { name: 'garbage state vector', data: syncMessage((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Uint8Array.of(5, 1)))) },
  { name: 'garbage awareness', data: Uint8Array.of(1, 4, 3, 1, 0xff, 0xff) },
  { name: 'text frame', data: 'hello relay' },
];

describe('malformed frames', () => {
  it('1,000 malformed frames each close only their own connection (4400); other rooms and the same room keep syncing', async () => {
    const token = await ws.token(inv);
    const badRoom = caseDocName(ws.id, randomUUID());
    const goodRoom = caseDocName(ws.id, randomUUID());
    const neighbour = connect(relay.url, badRoom, token);
    const a = connect(relay.url, goodRoom, token);
    const b = connect(relay.url, goodRoom, token);
    open.push(neighbour, a, b);
    await Promise.all([neighbour.synced, a.synced, b.synced]);

    const codes = new Map<number, number>();
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < 1000) {
        const m = MALFORMED[sent++ % MALFORMED.length]!;
        const sock = await raw(sent % 2 ? badRoom : goodRoom, token);
        const closed = closeCode(sock);
        sock.send(m.data, { binary: typeof m.data !== 'string' });
        const code = await closed;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (sent % 100 === 0) a.doc.getMap('m').set(`during-${sent}`, sent);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(Object.fromEntries(codes)).toEqual({ 4400: sent });

    a.doc.getMap('m').set('after', 'still served');
    neighbour.doc.getMap('m').set('neighbour', 'still served');
    await waitFor(() => b.doc.getMap('m').get('after') === 'still served' && b.doc.getMap('m').get('during-1000') === 1000, 'the good room to keep syncing');
    await readBack(relay.url, badRoom, token, (d) => d.getMap('m').get('neighbour') === 'still served');
    expect([neighbour.closeCodes, a.closeCodes, b.closeCodes]).toEqual([[], [], []]);
    expect(relay.proc.exitCode).toBeNull();
    expect((await httpGet(relay, '/health')).body).toMatchObject({ status: 'ok' });
    const warnings = relay.stderr().split('\n').filter((l) => l.includes('malformed message'));
    expect(warnings.length).toBeGreaterThanOrEqual(1000);
    expect(warnings.some((l) => l.includes('hello relay'))).toBe(false);
  });

  it('a message over --max-message-bytes closes that connection (1009); one just under it syncs', async () => {
    const token = await ws.token(inv);
    const room = caseDocName(ws.id, randomUUID());
    const reader = connect(relay.url, room, token);
    open.push(reader);
    await reader.synced;
    const big = await raw(room, token);
    const closed = closeCode(big);
    big.send(new Uint8Array(MAX + 1));
    expect(await closed).toBe(1009);

    const writer = connect(relay.url, room, token);
    open.push(writer);
    await writer.synced;
    writer.doc.getText('summary').insert(0, 'x'.repeat(MAX - 1024));
    await waitFor(() => reader.doc.getText('summary').length === MAX - 1024, 'the large update');
    expect(reader.closeCodes).toEqual([]);
  });
});

describe('flooding', () => {
  it('a client flooding one room does not starve an edit round trip in another room, and nothing it sent is dropped', { retry: 2 }, async () => {
    const token = await ws.token(inv);
    const floodRoom = caseDocName(ws.id, randomUUID());
    const quietRoom = caseDocName(ws.id, randomUUID());
    // The flood room's watcher only stores what it receives (decoding it would slow this process
    // down, not the relay); it applies everything at the end.
    const watcher = await raw(floodRoom, token);
    const received: Uint8Array[] = [];
    watcher.on('message', (d: Buffer) => received.push(new Uint8Array(d)));
    const q1 = connect(relay.url, quietRoom, token);
    const q2 = connect(relay.url, quietRoom, token);
    open.push(q1, q2);
    await Promise.all([q1.synced, q2.synced]);

    // 30,000 small valid updates, sent as fast as ws can queue them.
    const N = 30_000;
    const src = new Y.Doc();
    const messages: Uint8Array[] = [];
    src.on('update', (u: Uint8Array) => messages.push(syncMessage((e) => syncProtocol.writeUpdate(e, u))));
    for (let i = 0; i < N; i++) src.getMap('m').set(`f${i}`, i);
    const flooder = await raw(floodRoom, token);
    const before = received.length;
    for (const m of messages) flooder.send(m);

    const t = `${Date.now()}`;
    let whenServed = -1;
    q2.doc.getMap('m').observe(() => {
      if (whenServed < 0 && q2.doc.getMap('m').get('ping') === t) whenServed = received.length;
    });
    q1.doc.getMap('m').set('ping', t);
    await waitFor(() => whenServed >= 0, 'the quiet room round trip');

    const mirror = new Y.Doc();
    const applied = (): number => {
      while (applyFrom < received.length) {
        const d = received[applyFrom++]!;
        if (d[0] === 0 && d[1] === 2) Y.applyUpdate(mirror, d.subarray(2 + varUintLength(d, 2)));
      }
      return mirror.getMap('m').size;
    };
    let applyFrom = before;
    await waitFor(() => applied() === N, 'every flooded update to reach the watcher', 60_000);
    // The quiet room was served while the flood was still coming: a starved room would be served
    // only after the whole flood (~100 %). Seen here: 25-56 % depending on load; the bound is 75 %
    // (it was 50 %, which failed at 53-56 % whenever another process shared the 2 cores). Once,
    // in a fresh-clone run (2026-12-07), 82 %: where the scheduler lands the ping is a matter of
    // chance, so the test runs up to 3 times; a relay that starves the room fails every time.
    expect(whenServed - before).toBeLessThan(((received.length - before) * 3) / 4);
    expect(flooder.readyState).toBe(WebSocket.OPEN);
    watcher.close();
    flooder.close();
  });
});
