/**
 * service/relay-sync/doc-health.ts and health-rows.ts: waiting counts and bytes, the last
 * acknowledgement time, the warning threshold (only while the relay is reachable), "sync now"
 * waits, and the rows' names and order — with an injected clock, no sleeps.
 */
import { describe, expect, it } from 'vitest';
import { DocHealthBook, isOverdue, reachable, UNACKED_WARNING_MS } from '../../../service/relay-sync/doc-health';
import { healthRows } from '../../../service/relay-sync/health-rows';
import type { DocSyncState } from '../../../service/relay-sync/sync-status';

const WS = '11111111-1111-4111-8111-111111111111';
const CASE_A = `${WS}/case/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa`;
const CASE_B = `${WS}/case/bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb`;
const WS_DOC = `${WS}/workspace`;

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('doc health', () => {
  it('counts local updates and their bytes since the first unacknowledged one, and clears them on acknowledgement', () => {
    const c = clock();
    const book = new DocHealthBook({ now: c.now });
    expect(book.waiting(CASE_A)).toEqual({ updates: 0, bytes: 0, since: null });
    book.noteLocal(CASE_A, 120);
    c.advance(5_000);
    book.noteLocal(CASE_A, 30);
    book.noteLocal(CASE_A, 7);
    expect(book.waiting(CASE_A)).toEqual({ updates: 3, bytes: 157, since: 1_000_000 });
    expect(book.health(CASE_A, 'syncing', true).lastAckAt).toBeNull();

    c.advance(1_000);
    expect(book.noteAcked(CASE_A)).toBe(true);
    expect(book.health(CASE_A, 'synced', true)).toEqual({ doc: CASE_A, state: 'synced', lastAckAt: 1_006_000, waiting: { updates: 0, bytes: 0, since: null }, warning: false });

    // The next edit starts a new wait at its own time.
    c.advance(2_000);
    book.noteLocal(CASE_A, 10);
    expect(book.waiting(CASE_A)).toEqual({ updates: 1, bytes: 10, since: 1_008_000 });
    expect(book.health(CASE_A, 'syncing', true).lastAckAt).toBe(1_006_000);
  });

  it('reports a periodic re-proof of an idle doc as news only every 10 s', () => {
    const c = clock();
    const book = new DocHealthBook({ now: c.now });
    expect(book.noteAcked(CASE_A)).toBe(true); // first proof
    c.advance(2_000);
    expect(book.noteAcked(CASE_A)).toBe(false);
    expect(book.health(CASE_A, 'synced', true).lastAckAt).toBe(1_002_000); // still recorded
    c.advance(10_000);
    expect(book.noteAcked(CASE_A)).toBe(true);
    book.noteLocal(CASE_A, 1);
    c.advance(100);
    expect(book.noteAcked(CASE_A)).toBe(true); // something was waiting
  });

  it('warns only after the threshold, and only while the relay is reachable', () => {
    const c = clock();
    const book = new DocHealthBook({ now: c.now });
    expect(UNACKED_WARNING_MS).toBe(120_000);
    book.noteLocal(CASE_A, 50);
    expect(book.nextWarningAt()).toBe(1_000_000 + UNACKED_WARNING_MS);
    c.advance(UNACKED_WARNING_MS - 1);
    expect(book.health(CASE_A, 'syncing', true).warning).toBe(false);
    c.advance(1);
    expect(book.health(CASE_A, 'syncing', true).warning).toBe(true);
    expect(book.nextWarningAt()).toBeNull(); // already overdue: nothing left to arm
    expect(book.health(CASE_A, 'offline', true).warning).toBe(false); // offline waits are expected
    expect(book.health(CASE_A, 'syncing', false).warning).toBe(false); // the relay is down
    expect(book.health(CASE_A, 'refused', true).warning).toBe(false); // refusal has its own message
    expect(book.health(CASE_A, null, true).warning).toBe(true); // a background doc between rounds
    book.noteAcked(CASE_A);
    expect(book.health(CASE_A, 'synced', true).warning).toBe(false);
  });

  it('takes edits of an earlier session as one waiting change since their time, and a custom threshold', () => {
    const c = clock();
    const book = new DocHealthBook({ now: c.now, warnAfterMs: 60_000 });
    book.noteEarlierEdits(CASE_B, 900_000);
    expect(book.waiting(CASE_B)).toEqual({ updates: 1, bytes: 0, since: 900_000 });
    expect(book.health(CASE_B, null, true).warning).toBe(true); // 100 s > 60 s
    book.noteLocal(CASE_B, 9);
    expect(book.waiting(CASE_B)).toEqual({ updates: 2, bytes: 9, since: 900_000 });
    book.noteReadOnly(CASE_B); // the relay will never take them: nothing waits, nothing was confirmed
    expect(book.health(CASE_B, 'read-only', true)).toMatchObject({ lastAckAt: null, waiting: { updates: 0, bytes: 0, since: null }, warning: false });
  });

  it('isOverdue and reachable are the rule the rows use', () => {
    const w = { updates: 2, bytes: 10, since: 0 };
    expect(isOverdue(w, UNACKED_WARNING_MS, true)).toBe(true);
    expect(isOverdue(w, UNACKED_WARNING_MS - 1, true)).toBe(false);
    expect(isOverdue({ ...w, updates: 0 }, 10 * UNACKED_WARNING_MS, true)).toBe(false);
    expect(isOverdue(w, UNACKED_WARNING_MS, false)).toBe(false);
    expect(reachable('syncing', true)).toBe(true);
    expect(reachable(null, true)).toBe(true);
    expect(reachable('offline', true)).toBe(false);
    expect(reachable('synced', false)).toBe(false);
  });

  it('"sync now" waits resolve true on the next acknowledgement of that doc, false on timeout or cancel', async () => {
    const c = clock();
    const book = new DocHealthBook({ now: c.now });
    const a = book.whenAcked(CASE_A, 60_000);
    const b = book.whenAcked(CASE_B, 60_000);
    const quick = book.whenAcked(CASE_B, 1);
    book.noteAcked(CASE_A);
    expect(await a).toBe(true);
    expect(await quick).toBe(false);
    book.cancelWaits(CASE_B);
    expect(await b).toBe(false);
  });
});

describe('health rows', () => {
  it('names case docs from the index and puts overdue, then waiting docs first', () => {
    const c = clock();
    const book = new DocHealthBook({ now: c.now });
    book.noteLocal(CASE_B, 40);
    c.advance(UNACKED_WARNING_MS + 1);
    book.noteLocal(CASE_A, 8);
    book.noteAcked(WS_DOC);
    const live = new Map<string, DocSyncState>([[WS_DOC, 'synced'], [CASE_A, 'syncing'], ['22222222-2222-4222-8222-222222222222/workspace', 'synced']]);
    const transient = new Map<string, DocSyncState>([[CASE_A, 'offline'], [CASE_B, 'syncing']]);
    const rows = healthRows({
      workspaceId: WS,
      book,
      states: [live, transient],
      relayReachable: true,
      caseEntry: (id) => (id.startsWith('bbbb') ? { number: 'TFA-2026-0002', title: 'Pangolin scales' } : null),
    });
    expect(rows.map((r) => [r.doc, r.kind, r.state, r.waiting.updates, r.warning, r.caseNumber, r.caseTitle])).toEqual([
      [CASE_B, 'case', 'syncing', 1, true, 'TFA-2026-0002', 'Pangolin scales'],
      [CASE_A, 'case', 'syncing', 1, false, null, null], // the live link's state wins
      [WS_DOC, 'workspace', 'synced', 0, false, null, null],
    ]);
    expect(rows[2]!.lastAckAt).toBe(c.now());
    expect(rows[0]!.caseId).toBe('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
  });
});
