/**
 * Presence (awareness) through the real relay: stock clients see each other, and one connection
 * can neither replace nor remove another client's presence, nor make the relay hold unbounded
 * presence (oversized states close it with 4400; it may own at most 16 client ids). Observers may
 * send presence too, so this is a read-only member's reach as well.
 */
import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { authorizationHeader } from '../../shared/auth/bearer';
import { caseDocName } from '../../shared/docs/names';
import { connect, makeWorkspace, member, registerWorkspace, setUpWorkspaceDoc, spawnRelay, waitFor, type RelayProcess, type TestClient, type TestWorkspace } from './helpers';

let relay: RelayProcess;
let ws: TestWorkspace;
const inv = member('investigator');
const obs = member('observer', 'Wildlife NGO');
const open: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  relay = await spawnRelay();
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  open.push(await setUpWorkspaceDoc(relay.url, ws, [inv, obs]));
});
afterAll(async () => {
  for (const c of open) c.destroy();
  for (const s of sockets) s.close();
  await relay?.stop();
});

async function raw(docName: string, token: string): Promise<WebSocket> {
  const sock = new WebSocket(`${relay.url}/${docName}`, { headers: { authorization: authorizationHeader(token) } });
  sockets.push(sock);
  await new Promise<void>((resolve, reject) => sock.once('open', () => resolve()).once('error', reject));
  return sock;
}

/** An awareness message with `entries` [client id, clock, state]. */
function presence(entries: [number, number, unknown][]): Uint8Array {
  const u = encoding.createEncoder();
  encoding.writeVarUint(u, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(u, id);
    encoding.writeVarUint(u, clock);
    encoding.writeVarString(u, JSON.stringify(state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(u));
  return encoding.toUint8Array(e);
}

async function twoClients(): Promise<{ room: string; a: TestClient; b: TestClient }> {
  const room = caseDocName(ws.id, randomUUID());
  const a = connect(relay.url, room, await ws.token(inv));
  const b = connect(relay.url, room, await ws.token(inv));
  open.push(a, b);
  await Promise.all([a.synced, b.synced]);
  a.provider.awareness.setLocalStateField('user', { name: 'Ivy' });
  await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Ivy', "a's presence at b");
  return { room, a, b };
}

it("a connection cannot replace or remove another client's presence", async () => {
  const { room, a, b } = await twoClients();
  const hostile = await raw(room, await ws.token(obs));
  hostile.send(presence([[a.doc.clientID, 1_000_000, { user: { name: 'SPOOFED' } }]]));
  hostile.send(presence([[a.doc.clientID, 2_000_000, null]]));
  // A marker the hostile client may set (its own id) shows that its messages were handled.
  hostile.send(presence([[777_001, 1, { user: { name: 'marker' } }]]));
  await waitFor(() => b.provider.awareness.getStates().has(777_001), 'the marker');
  expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ivy' } });
  // Its own state goes away with it.
  hostile.close();
  await waitFor(() => !b.provider.awareness.getStates().has(777_001), 'the marker to go');
  expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ivy' } });
});

it('a connection owns at most 16 presence client ids, and a state over 64 KiB closes it (4400)', async () => {
  const { room, b } = await twoClients();
  const many = await raw(room, await ws.token(obs));
  many.send(presence(Array.from({ length: 20 }, (_, i): [number, number, unknown] => [888_000 + i, 1, { i }])));
  many.send(presence([[889_999, 1, { last: true }]]));
  // A last update of an id it owns: once b sees it, the relay has handled every message before it.
  many.send(presence([[888_000, 2, { done: true }]]));
  await waitFor(() => (b.provider.awareness.getStates().get(888_000) as { done?: boolean } | undefined)?.done === true, 'the last message');
  const theirs = [...b.provider.awareness.getStates().keys()].filter((id) => id >= 888_000 && id < 890_000);
  expect(theirs.sort()).toEqual(Array.from({ length: 16 }, (_, i) => 888_000 + i));

  const big = await raw(room, await ws.token(obs));
  const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
  big.send(presence([[999_001, 1, { blob: 'x'.repeat(65 * 1024) }]]));
  expect(await closed).toBe(4400);
  expect(b.provider.awareness.getStates().has(999_001)).toBe(false);
  // The log line may reach stderr after the close frame reaches us.
  await waitFor(() => relay.stderr().includes('awareness-too-large'), 'the 4400 reason in the log');
  expect(b.closeCodes).toEqual([]);
});
