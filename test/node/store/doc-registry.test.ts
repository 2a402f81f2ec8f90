/**
 * node/store/doc-registry.ts over real stores: concurrent opens share one load, idle docs are
 * compacted and unloaded (a new hold cancels that), the synchronous path and an async load
 * agree. (Compaction in the relay's worker thread while updates arrive is in
 * doc-registry-worker.test.ts: it takes seconds, too long to run for every mutant of the registry.)
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../node/log';
import { DocRegistry, LoadedDoc } from '../../../node/store/doc-registry';
import type { DocStore, StoredDoc } from '../../../node/store/doc-store';
import { migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { SqliteDocStore } from '../../../node/store/sqlite-doc-store';
import { tempDir } from '../../helpers/temp-dir';

const logger = createLogger('test', 'silent');

/** The real SQLite store, counting reads and making each take a while (so opens overlap). */
class CountingStore extends SqliteDocStore {
  reads = 0;
  override async read(name: string): Promise<StoredDoc> {
    this.reads++;
    await new Promise((r) => setTimeout(r, 30));
    return super.read(name);
  }
}

const toClose: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of toClose.splice(0).reverse()) await c.close();
});

function sqliteStore(file = path.join(tempDir(), 'docs.sqlite')): CountingStore {
  const db = openDatabase(file);
  migrate(db);
  const s = new CountingStore(db);
  toClose.push(s);
  return s;
}

function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** A registry whose owner appends every update of a loaded doc (as DocHost and the relay's hub do). */
function registry(store: DocStore, opts: { idleUnloadMs?: number; compactThreshold?: number; idleCompactMs?: number; readNow?: (n: string) => StoredDoc } = {}) {
  const appends: Promise<unknown>[] = [];
  const reg: DocRegistry<LoadedDoc> = new DocRegistry<LoadedDoc>(store, {
    create: (name, stored) => new LoadedDoc(name, stored),
    onUpdate: (e, u) => {
      appends.push(store.append(e.name, u, 'm').then(() => reg.noteAppended(e)));
    },
    idleUnloadMs: opts.idleUnloadMs ?? 60_000,
    logger,
    ...(opts.compactThreshold !== undefined ? { compactThreshold: opts.compactThreshold } : {}),
    ...(opts.idleCompactMs !== undefined ? { idleCompactMs: opts.idleCompactMs } : {}),
    ...(opts.readNow ? { readNow: opts.readNow } : {}),
  });
  toClose.push(reg);
  return { reg, appended: () => Promise.all(appends) };
}

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('DocRegistry', () => {
  it('shares one load between concurrent opens, and a failed load can be retried', async () => {
    const store = sqliteStore();
    await store.append('w/a', update('x', 1), 'm');
    const { reg } = registry(store);
    const [a, b, c] = await Promise.all([reg.open('w/a'), reg.retain('w/a'), reg.retain('w/a')]);
    expect(store.reads).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a.holds).toBe(2);
    expect(a.doc.getMap('m').get('x')).toBe(1);
    expect(reg.get('w/a')).toBe(a);
    await reg.open('w/a');
    expect(store.reads).toBe(1);

    let fail = true;
    const flaky = new DocRegistry<LoadedDoc>(store, {
      create: (name, stored) => {
        if (fail) throw new Error('create failed');
        return new LoadedDoc(name, stored);
      },
      idleUnloadMs: 60_000,
      logger,
    });
    toClose.push(flaky);
    await expect(Promise.all([flaky.open('w/a'), flaky.open('w/a')])).rejects.toThrow('create failed');
    expect(store.reads).toBe(2);
    fail = false;
    expect((await flaky.open('w/a')).doc.getMap('m').get('x')).toBe(1);
    expect(store.reads).toBe(3);
  });

  it('compacts and unloads a doc idle for idleUnloadMs; a hold in the meantime keeps it', async () => {
    const store = sqliteStore();
    const { reg, appended } = registry(store, { idleUnloadMs: 150 });
    const e = await reg.retain('w/a');
    for (let i = 0; i < 20; i++) e.doc.getMap('m').set(`k${i}`, i);
    await appended();
    expect(e.pending).toBe(20);
    reg.release(e);
    await new Promise((r) => setTimeout(r, 50));
    expect(await reg.retain('w/a')).toBe(e); // back before the timer fired: the unload is cancelled
    await new Promise((r) => setTimeout(r, 300));
    expect(reg.get('w/a')).toBe(e);
    reg.release(e);
    await until(() => reg.size === 0, 'the idle doc to unload');
    expect(await store.head('w/a')).toMatchObject({ pending: 0 });
    const again = await reg.open('w/a');
    expect(again).not.toBe(e);
    expect(again.pending).toBe(0);
    expect(again.doc.getMap('m').size).toBe(20);
  });

  it('retainNow loads without waiting; an async load in flight then keeps that entry', async () => {
    const store = sqliteStore();
    await store.append('w/a', update('x', 1), 'm');
    const { reg } = registry(store, { readNow: (n) => store.log.read(n) });
    const pendingOpen = reg.open('w/a');
    const now = reg.retainNow('w/a');
    expect(now.doc.getMap('m').get('x')).toBe(1);
    expect(await pendingOpen).toBe(now);
    expect(now.holds).toBe(1);
    const { reg: noSync } = registry(store);
    expect(() => noSync.retainNow('w/a')).toThrow(/cannot load without waiting/);
  });

  it('compacts at the threshold and when idle, and close compacts the rest and refuses opens', async () => {
    const store = sqliteStore();
    const { reg, appended } = registry(store, { compactThreshold: 10, idleCompactMs: 100 });
    const e = await reg.retain('w/a');
    for (let i = 0; i < 10; i++) e.doc.getMap('m').set(`k${i}`, i);
    await appended();
    await until(async () => (await store.head('w/a'))?.pending === 0, 'the threshold compaction');
    expect(e.pending).toBe(0);
    for (let i = 0; i < 3; i++) e.doc.getMap('m').set(`i${i}`, i);
    await appended();
    expect(e.pending).toBe(3);
    await until(async () => (await store.head('w/a'))?.pending === 0, 'the idle compaction');
    e.doc.getMap('m').set('last', 1);
    await appended();
    await reg.close();
    expect(await store.head('w/a')).toMatchObject({ pending: 0 });
    expect(reg.size).toBe(0);
    await expect(reg.open('w/b')).rejects.toThrow(/closed/);
    const stored = await store.read('w/a');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    expect(doc.getMap('m').size).toBe(14);
  });
});
