/**
 * node/store/doc-registry.ts at its edges, over the real SQLite store (issue 16, docs/testing.md):
 * eviction without compaction, holds that never go below zero, no idle timer after close, what
 * `compact(name)` does for a loaded and an unloaded doc and when the store fails, the hooks' order
 * (onLoad, onUnload before the doc is destroyed), pending counts, the idle compaction re-armed by
 * each append, and `errorName`, which is all a log line may say about an error.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocRegistry, errorName, LoadedDoc } from '../../../node/store/doc-registry';
import type { StoredDoc } from '../../../node/store/doc-store';
import { migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { reclaimMemory } from '../../../service/import/reclaim-memory';
import { SqliteDocStore } from '../../../node/store/sqlite-doc-store';
import { tempDir } from '../../helpers/temp-dir';

interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

const toClose: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of toClose.splice(0).reverse()) await c.close();
});

function store(): SqliteDocStore {
  const db = openDatabase(path.join(tempDir(), 'docs.sqlite'));
  migrate(db);
  const s = new SqliteDocStore(db);
  toClose.push(s);
  return s;
}

function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** A registry over `s` whose log lines (debug and up) are kept, and whose hooks record what they saw. */
function registry(s: SqliteDocStore, opts: { idleUnloadMs?: number; compactThreshold?: number; idleCompactMs?: number } = {}) {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const events: string[] = [];
  const reg = new DocRegistry<LoadedDoc>(s, {
    create: (name, stored) => new LoadedDoc(name, stored, 'load'),
    idleUnloadMs: opts.idleUnloadMs ?? 60_000,
    logger: pino({ level: 'debug' }, sink),
    onLoad: (e) => events.push(`load ${e.name}`),
    // The doc is still whole here: it is destroyed right after.
    onUnload: (e) => events.push(`unload ${e.name} ${String(e.doc.getMap('m').get('x'))}`),
    ...(opts.compactThreshold !== undefined ? { compactThreshold: opts.compactThreshold } : {}),
    ...(opts.idleCompactMs !== undefined ? { idleCompactMs: opts.idleCompactMs } : {}),
  });
  toClose.push(reg);
  return { reg, logs, events };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('LoadedDoc', () => {
  it('builds the doc from snapshot and updates; pending = the updates after the snapshot', () => {
    const base = new Y.Doc();
    base.getMap('m').set('a', 1);
    const stored: StoredDoc = { snapshot: Y.encodeStateAsUpdate(base), uptoSeq: 1, updates: [update('b', 2), update('c', 3)], lastSeq: 3 };
    const e = new LoadedDoc('w/x', stored, 'marker');
    expect(e.name).toBe('w/x');
    expect(e.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 });
    expect([e.pending, e.holds, e.compacting, e.idleTimer, e.compactTimer]).toEqual([2, 0, false, null, null]);
    const empty = new LoadedDoc('w/y', { snapshot: null, uptoSeq: 0, updates: [], lastSeq: 0 });
    expect(empty.doc.getMap('m').size).toBe(0);
    expect(empty.pending).toBe(0);
    e.destroy();
    empty.destroy();
  });

  it('destroy stops both timers', async () => {
    const e = new LoadedDoc('w/x', { snapshot: null, uptoSeq: 0, updates: [], lastSeq: 0 });
    let fired = 0;
    e.idleTimer = setTimeout(() => fired++, 20);
    e.compactTimer = setTimeout(() => fired++, 20);
    e.destroy();
    expect([e.idleTimer, e.compactTimer]).toEqual([null, null]);
    await sleep(50);
    expect(fired).toBe(0);
    expect(e.doc.isDestroyed).toBe(true);
  });
});

describe('DocRegistry edges', () => {
  it('evict drops the doc without compacting, calls onUnload first; a stale entry is left alone', async () => {
    const s = store();
    await s.append('w/a', update('x', 7), 'm');
    const { reg, events } = registry(s);
    const e = await reg.retain('w/a');
    reg.evict(e);
    expect(reg.get('w/a')).toBeUndefined();
    expect(events).toEqual(['load w/a', 'unload w/a 7']);
    expect(e.doc.isDestroyed).toBe(true);
    expect(await s.head('w/a')).toMatchObject({ pending: 1 }); // not compacted
    const again = await reg.open('w/a');
    reg.evict(e); // the old entry: nothing happens to the new one
    expect(reg.get('w/a')).toBe(again);
    expect(again.doc.isDestroyed).toBe(false);
  });

  it('unloadIdle frees the doc at once: a synchronous reader does not keep the docs it unloaded until it returns (tester F11)', async () => {
    const s = store();
    const { reg } = registry(s);
    const names = ['w/v1', 'w/v2', 'w/v3', 'w/v4'];
    // Loaded and filled in a function, so that nothing here keeps a doc reachable.
    const load = async (): Promise<void> => {
      for (const name of names) {
        const e = await reg.retain(name);
        e.doc.getArray<string>('a').push(Array.from({ length: 100_000 }, (_, i) => `${name}-${i}`));
        reg.release(e);
      }
    };
    reclaimMemory();
    const before = process.memoryUsage().heapUsed;
    await load();
    reclaimMemory();
    const loaded = process.memoryUsage().heapUsed - before;
    expect(loaded).toBeGreaterThan(10_000_000);
    // One synchronous stretch, as readCaseMatchFields's walk over a case's volumes: unload, collect, measure.
    for (const name of names) void reg.unloadIdle(name, { compact: false });
    expect(reg.size).toBe(0);
    reclaimMemory();
    // Before the fix unloadIdle's suspended async frame held each doc until the promise jobs ran: all of `loaded` stayed.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(loaded / 4);
  });

  it('holds never go below zero, and a doc released after close gets no idle timer', async () => {
    const s = store();
    const { reg } = registry(s, { idleUnloadMs: 20 });
    const e = await reg.open('w/a');
    reg.release(e);
    expect(e.holds).toBe(0);
    await reg.retain('w/a');
    expect(e.holds).toBe(1); // not 0: the extra release did not count
    reg.release(e);
    expect(e.idleTimer).not.toBeNull();
    const f = await reg.retain('w/b');
    await reg.close();
    reg.release(f);
    expect(f.idleTimer).toBeNull();
  });

  it('an idle doc unloads after idleUnloadMs, not before, and logs it', async () => {
    const s = store();
    const { reg, logs, events } = registry(s, { idleUnloadMs: 80 });
    const e = await reg.retain('w/a');
    e.doc.getMap('m').set('x', 1);
    reg.release(e);
    await sleep(30);
    expect(reg.get('w/a')).toBe(e);
    const end = Date.now() + 3000;
    while (reg.size > 0 && Date.now() < end) await sleep(10);
    expect(reg.size).toBe(0);
    expect(events).toEqual(['load w/a', 'unload w/a 1']);
    expect(logs.filter((l) => l.msg === 'doc unloaded').map((l) => l.doc)).toEqual(['w/a']);
  });

  it('compact(name): a loaded doc with its live doc, an unloaded one from the store; pending drops by what was merged', async () => {
    const s = store();
    for (let i = 0; i < 3; i++) await s.append('w/a', update(`k${i}`, i), 'm');
    for (let i = 0; i < 2; i++) await s.append('w/b', update(`k${i}`, i), 'm');
    const { reg, logs } = registry(s);
    const a = await reg.open('w/a');
    expect(a.pending).toBe(3);
    await s.append('w/a', update('late', 1), 'other'); // stored, not reported to the registry
    expect(await reg.compact('w/a')).toMatchObject({ outcome: 'compacted', merged: 4 });
    expect(a.pending).toBe(0); // 3 − 4, not below zero
    expect(await reg.compact('w/b')).toMatchObject({ outcome: 'compacted', merged: 2 });
    expect(reg.get('w/b')).toBeUndefined();
    expect(await s.head('w/b')).toMatchObject({ pending: 0 });
    const lines = logs.filter((l) => l.msg === 'doc compacted');
    expect(lines.map((l) => [l.doc, l.outcome, l.merged])).toEqual([
      ['w/a', 'compacted', 4],
      ['w/b', 'compacted', 2],
    ]);
    expect(lines.every((l) => typeof l.bytes === 'number' && (l.bytes as number) > 0 && typeof l.ms === 'number')).toBe(true);
  });

  it('a compaction that fails resolves null, logs the error by name, and leaves the log as it was', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    const { reg, logs } = registry(s);
    const e = await reg.open('w/a');
    await s.close();
    expect(await reg.compact('w/a')).toBeNull();
    expect(e.pending).toBe(1);
    const line = logs.find((l) => l.msg === 'compaction failed')!;
    expect(line).toMatchObject({ level: 50, doc: 'w/a' });
    expect(line.err).toBe(errorName(await s.read('w/a').catch((err: unknown) => err)));
  });

  it('an unload whose compaction throws is logged, not thrown', async () => {
    const s = store();
    const { reg, logs } = registry(s, { idleUnloadMs: 10 });
    const e = await reg.retain('w/a');
    e.pending = 1; // so the unload compacts first
    await s.close(); // the compaction then fails: logged, and the unload goes on

    reg.release(e);
    const end = Date.now() + 3000;
    while (!logs.some((l) => l.msg === 'compaction failed') && Date.now() < end) await sleep(10);
    expect(logs.some((l) => l.msg === 'compaction failed' && l.doc === 'w/a')).toBe(true);
    while (reg.size > 0 && Date.now() < end) await sleep(10);
    expect(reg.get('w/a')).toBeUndefined(); // unloaded all the same: the updates are in the log
  });

  it('noteAppended counts n updates; the threshold compaction runs once, on the next turn', async () => {
    const s = store();
    const { reg } = registry(s, { compactThreshold: 5 });
    const e = await reg.retain('w/a');
    for (let i = 0; i < 5; i++) await s.append('w/a', update(`k${i}`, i), 'm');
    reg.noteAppended(e, 4);
    expect(e.pending).toBe(4);
    expect(e.compacting).toBe(false); // 4 < 5
    reg.noteAppended(e, 1);
    expect(e.pending).toBe(5);
    expect(e.compacting).toBe(true); // queued, not yet run
    reg.maybeCompact(e); // already queued: no second compaction
    await sleep(0);
    const end = Date.now() + 3000;
    while (e.compacting && Date.now() < end) await sleep(5);
    expect(e.pending).toBe(0);
    expect(await s.head('w/a')).toMatchObject({ pending: 0 });
  });

  it('each append pushes the idle compaction back', async () => {
    const s = store();
    const { reg } = registry(s, { idleCompactMs: 80 });
    const e = await reg.retain('w/a');
    // Fake setTimeout only, so the 40 ms steps are exact (real sleeps overshot past 80 ms under load).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (let i = 0; i < 4; i++) {
      await s.append('w/a', update(`k${i}`, i), 'm');
      reg.noteAppended(e);
      vi.advanceTimersByTime(40); // less than idleCompactMs since the last append
    }
    expect(await s.head('w/a')).toMatchObject({ pending: 4 });
    vi.advanceTimersByTime(40); // 80 ms after the last append
    vi.useRealTimers();
    const end = Date.now() + 3000;
    while ((await s.head('w/a'))?.pending !== 0 && Date.now() < end) await sleep(10);
    expect(await s.head('w/a')).toMatchObject({ pending: 0 });
    expect(e.pending).toBe(0);
  });

  it('retainNow refuses once closed; open and retain too', async () => {
    const s = store();
    const reg = new DocRegistry<LoadedDoc>(s, { create: (n, st) => new LoadedDoc(n, st), idleUnloadMs: 1000, logger: pino({ level: 'silent' }), readNow: (n) => s.log.read(n) });
    await reg.close();
    expect(() => reg.retainNow('w/a')).toThrow('the doc registry is closed');
    await expect(reg.retain('w/a')).rejects.toThrow('the doc registry is closed');
  });
});

describe('errorName', () => {
  it('gives the class and code of an error, never its message', () => {
    expect(errorName(new TypeError('secret case text'))).toBe('TypeError');
    expect(errorName(Object.assign(new Error('secret'), { code: 'SQLITE_BUSY' }))).toBe('Error:SQLITE_BUSY');
    expect(errorName(Object.assign(new RangeError('x'), { code: '' }))).toBe('RangeError');
    expect(errorName('secret')).toBe('string');
    expect(errorName(undefined)).toBe('undefined');
    expect(errorName({ message: 'secret' })).toBe('object');
  });
});
