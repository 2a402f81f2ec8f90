/** The in-memory queue of updates the database refused: order, holds, state, retries. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsavedUpdates, errorCode, type PendingUpdate, type StorageState } from '../../../service/workspace/unsaved-updates';

function full(): Error {
  return Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}

function harness(opts: { retryMs?: number } = {}) {
  const written: string[] = [];
  const holds: string[] = [];
  const states: StorageState[] = [];
  let refuse = false;
  const q = new UnsavedUpdates({
    write: (p: PendingUpdate) => {
      if (refuse) throw full();
      written.push(`${p.name}:${p.update[0]}:${p.memberId}`);
    },
    hold: (n) => holds.push(`+${n}`),
    unhold: (n) => holds.push(`-${n}`),
    changed: (s) => states.push(s),
    now: () => 1_700_000_000_000,
    ...opts,
  });
  return { q, written, holds, states, setRefuse: (v: boolean) => (refuse = v) };
}

const up = (name: string, n: number): PendingUpdate => ({ name, update: new Uint8Array([n]), memberId: 'm1' });

afterEach(() => vi.useRealTimers());

describe('UnsavedUpdates', () => {
  it('writes straight through while the database takes writes, without state events', () => {
    const h = harness();
    expect(h.q.write(up('a', 1))).toBe(true);
    expect(h.q.write(up('b', 2))).toBe(true);
    expect(h.written).toEqual(['a:1:m1', 'b:2:m1']);
    expect(h.states).toEqual([]);
    expect(h.holds).toEqual([]);
    expect(h.q.state()).toEqual({ saved: true, unsaved: 0, since: null, error: null });
  });

  it('queues refused updates in order, holds each doc once, and writes them in order when the disk has room', () => {
    const h = harness();
    h.setRefuse(true);
    expect(h.q.write(up('a', 1))).toBe(false);
    expect(h.q.write(up('b', 2))).toBe(false);
    expect(h.q.write(up('a', 3))).toBe(false);
    expect(h.q.state()).toEqual({ saved: false, unsaved: 3, since: 1_700_000_000_000, error: 'SQLITE_FULL' });
    expect(h.holds).toEqual(['+a', '+b']);
    expect(h.states.map((s) => s.unsaved)).toEqual([1, 2, 3]);
    expect(h.q.flush()).toBe(false);
    h.setRefuse(false);
    // A new update is written only after the queued ones: the log's order is the edit order.
    expect(h.q.write(up('b', 4))).toBe(true);
    expect(h.written).toEqual(['a:1:m1', 'b:2:m1', 'a:3:m1', 'b:4:m1']);
    // b is released after its last queued update, a after its own last one.
    expect(h.holds).toEqual(['+a', '+b', '-b', '-a']);
    expect(h.q.state()).toEqual({ saved: true, unsaved: 0, since: null, error: null });
    expect(h.states.at(-1)).toEqual({ saved: true, unsaved: 0, since: null, error: null });
  });

  it('keeps what it could not write after a partial flush, and reports the smaller count', () => {
    let room = 0;
    const written: number[] = [];
    const states: number[] = [];
    const q = new UnsavedUpdates({
      write: (p) => {
        if (room <= 0) throw full();
        room--;
        written.push(p.update[0]!);
      },
      hold: () => {},
      unhold: () => {},
      changed: (s) => states.push(s.unsaved),
    });
    q.write(up('x', 1));
    q.write(up('x', 2));
    expect(states).toEqual([1, 2]);
    room = 1;
    expect(q.flush()).toBe(false);
    expect(written).toEqual([1]);
    expect(q.state()).toMatchObject({ saved: false, unsaved: 1, error: 'SQLITE_FULL', since: expect.any(Number) });
    expect(states).toEqual([1, 2, 1]);
    room = 5;
    expect(q.flush()).toBe(true);
    expect(written).toEqual([1, 2]);
    expect(states).toEqual([1, 2, 1, 0]);
  });

  it('retries on its timer and stops the timer when everything is written', () => {
    vi.useFakeTimers();
    const h = harness({ retryMs: 1000 });
    h.setRefuse(true);
    h.q.write(up('a', 1));
    vi.advanceTimersByTime(3000);
    expect(h.written).toEqual([]);
    h.setRefuse(false);
    vi.advanceTimersByTime(999);
    expect(h.written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(h.written).toEqual(['a:1:m1']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('names an error by its SQLite code, else its class, never its message', () => {
    expect(errorCode(full())).toBe('SQLITE_FULL');
    expect(errorCode(new TypeError('secret case text'))).toBe('TypeError');
    expect(errorCode('boom')).toBe('string');
  });
});
