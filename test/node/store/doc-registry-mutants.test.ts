/**
 * node/store/doc-registry.ts, one test per mutant the first mutation run left alive (issue 16,
 * docs/testing.md "registry"): each asserts the value the mutant changes — whether an idle or
 * compaction timer is armed (read from the entry, `idleTimer` / `compactTimer`), how many
 * compactions ran (the store counts them, the log lines name them), the re-checks of an unload
 * whose compaction was slow, `close()` with a slow compaction, and the fields of the log lines.
 * All over the real SQLite store; a subclass only counts compactions and can hold one until the
 * test lets it go (so a race is real, not simulated).
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocRegistry, LoadedDoc } from '../../../node/store/doc-registry';
import type { CompactOptions, CompactResult } from '../../../node/store/doc-store';
import { migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { SqliteDocStore } from '../../../node/store/sqlite-doc-store';
import { tempDir } from '../../helpers/temp-dir';

interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

/** The real store; counts compactions and, while `gate` is set, makes each wait for it. */
class GatedStore extends SqliteDocStore {
  compactions: string[] = [];
  /** The live doc each compaction was given as a hint (undefined: none). */
  liveDocs: (Y.Doc | undefined)[] = [];
  gate: Promise<void> | null = null;
  override async compact(name: string, opts: CompactOptions = {}): Promise<CompactResult> {
    this.compactions.push(name);
    this.liveDocs.push(opts.liveDoc);
    if (this.gate) await this.gate;
    return super.compact(name, opts);
  }
}

const toClose: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of toClose.splice(0).reverse()) await c.close();
});

function store(): GatedStore {
  const db = openDatabase(path.join(tempDir(), 'docs.sqlite'));
  migrate(db);
  const s = new GatedStore(db);
  toClose.push(s);
  return s;
}

function update(key: string, value: number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

/** A gate the test opens by hand. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((r) => {
    open = r;
  });
  return { wait, open };
}

interface Opts {
  idleUnloadMs?: number;
  compactThreshold?: number;
  idleCompactMs?: number;
  onUnload?: (e: LoadedDoc) => void;
}

/** A registry over `s` whose log lines (debug and up) are kept; `unloads` names each doc unloaded. */
function registry(s: GatedStore, opts: Opts = {}) {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const unloads: string[] = [];
  const reg = new DocRegistry<LoadedDoc>(s, {
    create: (name, stored) => new LoadedDoc(name, stored),
    idleUnloadMs: opts.idleUnloadMs ?? 60_000,
    logger: pino({ level: 'debug' }, sink),
    onUnload: (e) => {
      unloads.push(e.name);
      opts.onUnload?.(e);
    },
    ...(opts.compactThreshold !== undefined ? { compactThreshold: opts.compactThreshold } : {}),
    ...(opts.idleCompactMs !== undefined ? { idleCompactMs: opts.idleCompactMs } : {}),
  });
  toClose.push(reg);
  const lines = (msg: string) => logs.filter((l) => l.msg === msg);
  return { reg, logs, lines, unloads };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** One turn of the event loop (setImmediate callbacks queued before it have run). */
const turn = () => new Promise<void>((r) => setImmediate(r));

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe('release: the idle timer', () => {
  it('is armed only when the last hold goes, once, and not for an evicted entry', async () => {
    const s = store();
    const { reg } = registry(s);
    const e = await reg.retain('w/a');
    await reg.retain('w/a');
    reg.release(e);
    expect(e.holds).toBe(1);
    expect(e.idleTimer).toBeNull(); // one holder left
    reg.release(e);
    const armed = e.idleTimer;
    expect(armed).not.toBeNull();
    expect(armed!.hasRef()).toBe(false); // unref'd: an idle doc does not keep the process alive
    reg.release(e); // a release too many: the same timer, not a second one
    expect(e.idleTimer).toBe(armed);

    const f = await reg.retain('w/b');
    reg.evict(f);
    reg.release(f);
    expect(f.idleTimer).toBeNull(); // evicted: nothing to unload
  });

  it('a new hold clears the armed timer', async () => {
    const s = store();
    const { reg } = registry(s, { idleUnloadMs: 30 });
    const e = await reg.retain('w/a');
    reg.release(e);
    expect(e.idleTimer).not.toBeNull();
    await reg.retain('w/a');
    expect(e.idleTimer).toBeNull();
    await sleep(80);
    expect(reg.get('w/a')).toBe(e);
    reg.release(e); // armed again: the old timer is not in the way
    expect(e.idleTimer).not.toBeNull();
    await until(() => reg.size === 0, 'the idle unload');
  });

  it('a hold stops the armed timer itself: released again, the doc stays its full idle time', async () => {
    const s = store();
    const { reg } = registry(s, { idleUnloadMs: 100 });
    const e = await reg.retain('w/a');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    reg.release(e); // due at 100
    vi.advanceTimersByTime(50);
    await reg.retain('w/a');
    vi.advanceTimersByTime(10);
    reg.release(e); // due at 160
    vi.advanceTimersByTime(60); // 120: a timer left running from the first release would have unloaded it
    expect(reg.get('w/a')).toBe(e);
    vi.advanceTimersByTime(40); // 160
    expect(reg.get('w/a')).toBeUndefined();
  });

  it('a doc whose load finished after close gets no idle timer', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    const { reg } = registry(s);
    const loading = reg.retain('w/a'); // the read is in flight while the registry closes
    await reg.close();
    const e = await loading;
    reg.release(e);
    expect(e.holds).toBe(0);
    expect(e.idleTimer).toBeNull();
  });

  it('an unload that throws is logged with the doc and the error class', async () => {
    const s = store();
    const { reg, lines } = registry(s, {
      idleUnloadMs: 5,
      onUnload: () => {
        throw new RangeError('hook failed');
      },
    });
    const e = await reg.retain('w/a');
    reg.release(e);
    await until(() => lines('unloading failed').length > 0, 'the failure line');
    expect(lines('unloading failed')).toMatchObject([{ level: 50, doc: 'w/a', err: 'RangeError' }]);
  });
});

describe('noteAppended: the idle compaction timer', () => {
  it('is not armed without idleCompactMs, nor after close', async () => {
    const s = store();
    const { reg, lines } = registry(s);
    const e = await reg.retain('w/a');
    await s.append('w/a', update('x', 1), 'm');
    reg.noteAppended(e);
    expect(e.pending).toBe(1);
    expect(e.compactTimer).toBeNull();
    await sleep(20);
    expect(lines('doc compacted')).toEqual([]);

    const { reg: timed } = registry(s, { idleCompactMs: 10 });
    const f = await timed.retain('w/b');
    await timed.close();
    timed.noteAppended(f);
    expect(f.compactTimer).toBeNull();
  });

  it('each append replaces the timer: the first one no longer fires', async () => {
    const s = store();
    const { reg, lines } = registry(s, { idleCompactMs: 40 });
    const e = await reg.retain('w/a');
    await s.append('w/a', update('x', 1), 'm');
    await s.append('w/a', update('y', 2), 'm');
    // Fake setTimeout only (the store and the log need no timers): the times below are exact.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    reg.noteAppended(e); // due at 40
    const first = e.compactTimer;
    vi.advanceTimersByTime(25);
    reg.noteAppended(e); // due at 65; the first is cleared
    expect(e.compactTimer).not.toBeNull();
    expect(e.compactTimer).not.toBe(first);
    expect(e.compactTimer!.hasRef()).toBe(false); // unref'd: a pending compaction does not keep the process alive
    vi.advanceTimersByTime(20); // 45: past the first's time
    expect(s.compactions).toEqual([]);
    vi.advanceTimersByTime(20); // 65
    expect(s.compactions).toEqual(['w/a']);
    expect(e.compactTimer).toBeNull();
    vi.useRealTimers();
    await until(() => e.pending === 0, 'the idle compaction');
    expect(lines('doc compacted')).toMatchObject([{ doc: 'w/a', merged: 2 }]);
  });

  it('does not compact when nothing is pending by then, nor an entry no longer registered', async () => {
    const s = store();
    const { reg } = registry(s, { idleCompactMs: 30 });
    const e = await reg.retain('w/a');
    await s.append('w/a', update('x', 1), 'm');
    reg.noteAppended(e);
    await reg.compact('w/a'); // compacted before the timer fires
    expect(e.pending).toBe(0);
    expect(s.compactions).toEqual(['w/a']);
    await sleep(80);
    expect(s.compactions).toEqual(['w/a']); // nothing pending: the timer did not compact again

    const f = await reg.retain('w/b');
    await s.append('w/b', update('x', 1), 'm');
    reg.noteAppended(f);
    reg.evict(f);
    expect(f.compactTimer).toBeNull();
    // Arm it again by hand on the evicted entry: it must still not compact a doc it no longer holds.
    reg.noteAppended(f);
    expect(f.compactTimer).not.toBeNull();
    await sleep(80);
    expect(s.compactions).toEqual(['w/a']);
    expect(await s.head('w/b')).toMatchObject({ pending: 1 });
  });
});

describe('maybeCompact: the threshold compaction', () => {
  it('the default threshold is 500 pending updates', async () => {
    const s = store();
    const { reg } = registry(s);
    const e = await reg.retain('w/a');
    reg.noteAppended(e, 499);
    expect(e.compacting).toBe(false);
    reg.noteAppended(e, 1);
    expect(e.compacting).toBe(true);
  });

  it('queues one compaction, on the next turn, and clears the flag when it is done', async () => {
    const s = store();
    const { reg, lines } = registry(s, { compactThreshold: 3 });
    const e = await reg.retain('w/a');
    for (let i = 0; i < 3; i++) await s.append('w/a', update(`k${i}`, i), 'm');
    reg.noteAppended(e, 3);
    expect(e.compacting).toBe(true);
    reg.maybeCompact(e);
    reg.noteAppended(e, 0);
    expect(s.compactions).toEqual([]); // not yet: on the next turn
    await turn();
    await until(() => !e.compacting, 'the compaction to finish');
    await sleep(20);
    expect(s.compactions).toEqual(['w/a']); // one, though asked three times
    expect(lines('doc compacted')).toMatchObject([{ doc: 'w/a', outcome: 'compacted', merged: 3 }]);
    expect(e.pending).toBe(0);
  });

  it('a queued compaction of an entry evicted meanwhile does not run', async () => {
    const s = store();
    const { reg } = registry(s, { compactThreshold: 1 });
    const e = await reg.retain('w/a');
    await s.append('w/a', update('x', 1), 'm');
    reg.noteAppended(e);
    expect(e.compacting).toBe(true);
    reg.evict(e);
    await turn();
    await sleep(20);
    expect(s.compactions).toEqual([]);
    expect(e.compacting).toBe(false);
    expect(await s.head('w/a')).toMatchObject({ pending: 1 });
  });

  it('nothing is queued after close; one queued before close does not run a second compaction', async () => {
    const s = store();
    const { reg } = registry(s, { compactThreshold: 1 });
    const e = await reg.retain('w/a');
    await s.append('w/a', update('x', 1), 'm');
    const g = gate();
    s.gate = g.wait; // close's compaction waits, so the entry is still registered when the queued one runs
    reg.noteAppended(e); // queued for the next turn
    const closing = reg.close();
    expect(s.compactions).toEqual(['w/a']); // close's own
    await turn();
    await sleep(20);
    expect(s.compactions).toEqual(['w/a']); // the queued one saw the registry closed
    g.open();
    await closing;
    expect(await s.head('w/a')).toMatchObject({ pending: 0 });

    const f = new LoadedDoc('w/b', { snapshot: null, uptoSeq: 0, updates: [], lastSeq: 0 });
    f.pending = 5;
    reg.maybeCompact(f);
    expect(f.compacting).toBe(false);
    f.destroy();
  });
});

describe('close', () => {
  it('compacts only docs with pending updates, drops each once, and refuses later opens', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    const { reg, lines, unloads } = registry(s);
    const a = await reg.retain('w/a');
    const b = await reg.retain('w/b'); // nothing pending
    const g = gate();
    s.gate = g.wait;
    const closing = reg.close();
    reg.evict(a); // dropped while its compaction waits: close must not drop it a second time
    g.open();
    await closing;
    expect(s.compactions).toEqual(['w/a']);
    expect(lines('doc compacted').map((l) => l.doc)).toEqual(['w/a']);
    expect(unloads).toEqual(['w/b', 'w/a']); // w/b at once (nothing to compact), w/a by the eviction
    expect(b.doc.isDestroyed).toBe(true);
    expect(reg.size).toBe(0);
    await expect(reg.open('w/c')).rejects.toThrow('the doc registry is closed');
    expect(() => reg.retainNow('w/c')).toThrow('the doc registry is closed');
  });
});

describe('unload: the re-checks after a slow compaction', () => {
  it('a doc retained again while its unload compacts stays loaded', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    const { reg, lines, unloads } = registry(s, { idleUnloadMs: 5 });
    const e = await reg.retain('w/a');
    const g = gate();
    s.gate = g.wait;
    reg.release(e);
    await until(() => s.compactions.length === 1, 'the unload to start compacting');
    expect(await reg.retain('w/a')).toBe(e);
    g.open();
    await until(() => lines('doc compacted').length === 1, 'the compaction');
    await sleep(20);
    expect(reg.get('w/a')).toBe(e);
    expect(e.doc.isDestroyed).toBe(false);
    expect(unloads).toEqual([]);
    expect(lines('doc unloaded')).toEqual([]);
  });

  it('a doc evicted while its unload compacts is not dropped again', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    const { reg, lines, unloads } = registry(s, { idleUnloadMs: 5 });
    const e = await reg.retain('w/a');
    const g = gate();
    s.gate = g.wait;
    reg.release(e);
    await until(() => s.compactions.length === 1, 'the unload to start compacting');
    reg.evict(e);
    const again = await reg.retain('w/a'); // a new entry under the same name
    g.open();
    await until(() => lines('doc compacted').length === 1, 'the compaction');
    await sleep(20);
    expect(unloads).toEqual(['w/a']); // the eviction's only
    expect(reg.get('w/a')).toBe(again);
    expect(again.doc.isDestroyed).toBe(false);
    expect(lines('doc unloaded')).toEqual([]);
  });

  it('an idle doc with nothing pending unloads without compacting', async () => {
    const s = store();
    const { reg, lines } = registry(s, { idleUnloadMs: 5 });
    const e = await reg.retain('w/a');
    reg.release(e);
    await until(() => reg.size === 0, 'the idle unload');
    expect(s.compactions).toEqual([]);
    expect(lines('doc unloaded')).toMatchObject([{ level: 20, doc: 'w/a' }]);
  });
});

describe('retainNow and compact', () => {
  it('retainNow of a loaded doc holds that entry, without reading the store again', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    let reads = 0;
    const reg = new DocRegistry<LoadedDoc>(s, {
      create: (n, st) => new LoadedDoc(n, st),
      idleUnloadMs: 60_000,
      logger: pino({ level: 'silent' }),
      readNow: (n) => {
        reads++;
        return s.log.read(n);
      },
    });
    toClose.push(reg);
    const e = await reg.open('w/a');
    expect(reg.retainNow('w/a')).toBe(e);
    expect([reads, e.holds, reg.size]).toEqual([0, 1, 1]);
  });

  it('a loaded doc is compacted with its live doc as the hint, an unloaded one without', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    await s.append('w/b', update('x', 1), 'm');
    const { reg } = registry(s);
    const e = await reg.open('w/a');
    await reg.compact('w/a');
    await reg.compact('w/b');
    expect(s.compactions).toEqual(['w/a', 'w/b']);
    expect(s.liveDocs[0]).toBe(e.doc);
    expect(s.liveDocs[1]).toBeUndefined();
  });
});

describe('log lines', () => {
  it("'doc loaded' names the doc and its pending count; 'doc compacted' its timing in ms", async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    await s.append('w/a', update('y', 2), 'm');
    const { reg, lines } = registry(s);
    const t0 = performance.now();
    await reg.open('w/a');
    expect(lines('doc loaded')).toMatchObject([{ level: 20, doc: 'w/a', pending: 2 }]);
    await reg.compact('w/a');
    const took = performance.now() - t0;
    const [line] = lines('doc compacted');
    expect(line).toMatchObject({ level: 20, doc: 'w/a', outcome: 'compacted', merged: 2 });
    expect(line!.ms).toBeGreaterThanOrEqual(0);
    expect(line!.ms).toBeLessThanOrEqual(Math.ceil(took) + 1);
  });
});

describe('unloadIdle: a writer done with a doc (an import leaving a full volume)', () => {
  it('compacts and unloads an unheld doc at once, and leaves a held, unknown or closed one alone', async () => {
    const s = store();
    await s.append('w/a', update('x', 1), 'm');
    const { reg, unloads } = registry(s);
    const held = await reg.retain('w/h');
    const e = await reg.retain('w/a');
    reg.release(e);
    expect(e.idleTimer).not.toBeNull();
    e.pending = 1; // one stored update not yet compacted
    await reg.unloadIdle('w/a');
    expect(unloads).toEqual(['w/a']);
    expect(reg.get('w/a')).toBeUndefined();
    expect(s.compactions).toEqual(['w/a']);
    expect(e.idleTimer).toBeNull();
    await reg.unloadIdle('w/h');
    await reg.unloadIdle('w/unknown');
    expect(reg.get('w/h')).toBe(held);
    expect(unloads).toEqual(['w/a']);
    reg.release(held);
    await reg.close();
    await reg.unloadIdle('w/h');
    expect(unloads).toEqual(['w/a', 'w/h']); // closed: the close unloaded it, unloadIdle did nothing more
  });

  it('with compact: false unloads at once without compacting: the stored update stays pending in the log', async () => {
    const s = store();
    await s.append('w/v', update('x', 1), 'm');
    const { reg, unloads } = registry(s);
    const e = await reg.retain('w/v');
    reg.release(e);
    e.pending = 1;
    const done = reg.unloadIdle('w/v', { compact: false });
    expect(unloads).toEqual(['w/v']); // unloaded when the call returns: nothing awaited
    await done;
    expect(reg.get('w/v')).toBeUndefined();
    expect(s.compactions).toEqual([]);
    const again = await reg.retain('w/v'); // loads from the log alone
    expect(again.doc.getMap('m').get('x')).toBe(1);
    reg.release(again);
    await reg.unloadIdle('w/v'); // the default still compacts
    expect(s.compactions).toEqual(['w/v']);
    await reg.close();
  });
});
