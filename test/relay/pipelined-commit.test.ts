/**
 * The group commit keeps applying and fanning out while an append's fsync runs (bench P2 p50,
 * issue 9), and still acknowledges nothing before it is stored. The storage here is the real
 * SQLite storage with its appends held at a gate, standing in for a slow disk: while the first
 * append is held, a peer must receive later edits, no reply may leave, and once the gate opens
 * every update is stored in the order it was applied.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { authorizationHeader } from '../../shared/auth/bearer';
import { caseDocName } from '../../shared/docs/names';
import { hubTuning } from '../../relay/config';
import { startRelay } from '../../relay/server';
import type { AppendEntry } from '../../relay/storage/relay-storage';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { connect, makeWorkspace, member, setUpWorkspaceDoc, tempDir, waitFor, emptyStep1 } from './helpers';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The real storage, with `appendBatch` held until {@link Gate.open} (a disk that is slow to fsync). */
interface Gate {
  storage: SqliteRelayStorage;
  /** The batches appendBatch was called with, in order. */
  batches: AppendEntry[][];
  /** Lets every held and later append through. */
  open(): void;
  /** Holds the next appends again. */
  close(): void;
}

function gatedStorage(file: string): Gate {
  const real = SqliteRelayStorage.open(file);
  const batches: AppendEntry[][] = [];
  let release: (() => void) | null = null;
  let gate: Promise<void> = Promise.resolve();
  const storage = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'appendBatch') {
        return async (entries: readonly AppendEntry[]) => {
          batches.push([...entries]);
          await gate;
          return target.appendBatch(entries);
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    storage,
    batches,
    open: () => {
      release?.();
      release = null;
      gate = Promise.resolve();
    },
    close: () => {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

it('fans edits out while an append is in flight, replies only once stored, stores in order', async () => {
  const dir = tempDir();
  const gate = gatedStorage(path.join(dir, 'relay.sqlite'));
  const ws = await makeWorkspace();
  await gate.storage.addWorkspaceKey(ws.id, ws.key.publicJwk);
  const settings = { host: '127.0.0.1', port: 0, dataDir: dir, maxMessageBytes: 1 << 24, idleUnloadMs: 30_000, keyCheckMs: 60_000, pingIntervalMs: 30_000, compactThreshold: 100_000 };
  const relay = await startRelay({ ...settings, ...hubTuning(settings), storage: gate.storage, log: pino({ level: 'silent' }), now: Date.now });
  cleanup.push(() => relay.close());
  const inv = member('investigator');
  const admin = await setUpWorkspaceDoc(relay.url, ws, [inv]);
  cleanup.push(() => admin.destroy());
  const token = await ws.token(inv);
  const room = caseDocName(ws.id, randomUUID());
  const a = connect(relay.url, room, token);
  const b = connect(relay.url, room, token);
  cleanup.push(() => a.destroy(), () => b.destroy());
  await Promise.all([a.synced, b.synced]);

  gate.close();
  const before = gate.batches.length;
  const m = a.doc.getMap<number>('m');
  m.set('first', 1);
  await waitFor(() => gate.batches.length > before, 'the first append to be issued');
  // The first append is held. Later edits are applied and reach the peer all the same.
  m.set('second', 2);
  m.set('third', 3);
  await waitFor(() => b.doc.getMap('m').get('third') === 3, 'the peer to receive edits made during the held append');
  expect(b.doc.getMap('m').toJSON()).toEqual({ first: 1, second: 2, third: 3 });

  // A reply (the answer to a sync step 1) must wait for the append holding its tick.
  const sock = new WebSocket(`${relay.url}/${room}`, { headers: { authorization: authorizationHeader(token) } });
  cleanup.push(() => sock.close());
  await new Promise<void>((resolve, reject) => sock.once('open', () => resolve()).once('error', reject));
  let released = false;
  const replyArrivals: boolean[] = [];
  sock.on('message', (d: Buffer) => {
    if (d[0] === 0 && d[1] === 1) replyArrivals.push(released);
  });
  sock.send(emptyStep1());
  await new Promise((r) => setTimeout(r, 300));
  expect(replyArrivals).toEqual([]);
  released = true;
  gate.open();
  await waitFor(() => replyArrivals.length === 1, 'the reply once stored');
  expect(replyArrivals).toEqual([true]);

  // Every update is stored, in the order applied: `first` in the held batch, the others after
  // (second and third may share one update: one slice of one connection is one transaction).
  const storedDoc = async (): Promise<{ doc: Y.Doc; order: string[] }> => {
    const doc = new Y.Doc();
    const order: string[] = [];
    doc.getMap('m').observe((e) => order.push(...[...e.keysChanged].sort()));
    for (const u of (await gate.storage.read(room)).updates) Y.applyUpdate(doc, u);
    return { doc, order };
  };
  await waitFor(async () => (await storedDoc()).doc.getMap('m').size === 3, 'all three updates stored');
  const { doc, order } = await storedDoc();
  expect(doc.getMap('m').toJSON()).toEqual({ first: 1, second: 2, third: 3 });
  expect(order).toEqual(['first', 'second', 'third']);
  const firstBatch = gate.batches[before]!;
  expect(firstBatch).toHaveLength(1);
  expect(gate.batches.slice(before + 1).flat().length).toBeGreaterThanOrEqual(1);
});
