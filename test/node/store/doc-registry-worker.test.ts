/**
 * node/store/doc-registry.ts over the relay's worker-thread storage: compaction while updates
 * arrive (from the doc and from another writer, compacting in the worker thread) keeps every
 * update. Split from doc-registry.test.ts because it takes seconds (14 s on a loaded machine),
 * too long to run for every mutant of the registry's mutation group (docs/testing.md).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../node/log';
import { DocRegistry, LoadedDoc } from '../../../node/store/doc-registry';
import type { DocStore } from '../../../node/store/doc-store';
import { WorkerRelayStorage } from '../../../relay/storage/worker-relay-storage';
import { tempDir } from '../../helpers/temp-dir';

const logger = createLogger('test', 'silent');

const toClose: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of toClose.splice(0).reverse()) await c.close();
});

function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** A registry whose owner appends every update of a loaded doc (as the relay's hub does). */
function registry(store: DocStore, compactThreshold: number) {
  const appends: Promise<unknown>[] = [];
  const reg: DocRegistry<LoadedDoc> = new DocRegistry<LoadedDoc>(store, {
    create: (name, stored) => new LoadedDoc(name, stored),
    onUpdate: (e, u) => {
      appends.push(store.append(e.name, u, 'm').then(() => reg.noteAppended(e)));
    },
    idleUnloadMs: 60_000,
    logger,
    compactThreshold,
  });
  toClose.push(reg);
  return { reg, appended: () => Promise.all(appends) };
}

describe('DocRegistry over WorkerRelayStorage', () => {
  it('keeps every update when compactions (in a worker thread) run while updates arrive from the doc and from another writer', async () => {
    const store = await WorkerRelayStorage.open(path.join(tempDir(), 'relay.sqlite'));
    toClose.push(store);
    const { reg, appended } = registry(store, 15);
    const name = 'w/case/busy';
    const e = await reg.retain(name);
    const remote: Promise<number>[] = [];
    let snapshots = 0;
    // At least 300 updates, and on until a compaction has been seen to land while they arrive
    // (a loaded machine may need more turns for the worker's first compaction; bounded).
    let n = 0;
    for (; n < 300 || (snapshots === 0 && n < 3000); n++) {
      const i = n;
      e.doc.getMap('m').set(`local${i}`, i);
      if (i % 3 === 0) remote.push(store.append(name, update(`remote${i}`, i), 'other'));
      if (i % 10 === 0) {
        await new Promise((r) => setImmediate(r));
        if ((await store.read(name)).uptoSeq > 0) snapshots++;
      }
    }
    await Promise.all([appended(), ...remote]);
    expect(snapshots).toBeGreaterThan(0);
    await reg.close();
    const stored = await store.read(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    const m = doc.getMap('m');
    for (let i = 0; i < n; i++) {
      expect(m.get(`local${i}`), `local update ${i}`).toBe(i);
      if (i % 3 === 0) expect(m.get(`remote${i}`), `remote update ${i}`).toBe(i);
    }
  });
});
