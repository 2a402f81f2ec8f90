/**
 * service/relay-sync/status-emitter.ts: a status goes out only when it changed, once per burst,
 * and again by itself when a waiting doc becomes overdue (fake timers drive the clock: no sleeps).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocHealthBook, UNACKED_WARNING_MS } from '../../../service/relay-sync/doc-health';
import { healthRows } from '../../../service/relay-sync/health-rows';
import { StatusEmitter } from '../../../service/relay-sync/status-emitter';
import type { WorkspaceSyncStatus } from '../../../service/relay-sync/sync-engine';

const WS = '11111111-1111-4111-8111-111111111111';
const CASE = `${WS}/case/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa`;

afterEach(() => {
  vi.useRealTimers();
});

describe('status emitter', () => {
  it('sends changes once per burst, and the warning when it falls due', () => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
    const health = new DocHealthBook({ now: () => Date.now() });
    const compute = (): WorkspaceSyncStatus => ({
      workspaceId: WS,
      state: 'syncing',
      detail: null,
      relayUrl: 'ws://relay',
      lastSyncedAt: null,
      docs: { syncing: 1 },
      live: { [CASE]: 'syncing' },
      health: healthRows({ workspaceId: WS, book: health, states: [new Map([[CASE, 'syncing']])], relayReachable: true, caseEntry: () => null }),
      warnAfterMs: health.warnAfterMs,
    });
    const sent: WorkspaceSyncStatus[] = [];
    const emitter = new StatusEmitter({ compute, onStatus: (s) => sent.push(s), health });

    emitter.emit();
    emitter.emit(); // unchanged: not sent again
    expect(sent).toHaveLength(1);

    for (let i = 0; i < 5; i++) {
      health.noteLocal(CASE, 10);
      emitter.emitSoon();
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.health[0]).toMatchObject({ waiting: { updates: 5, bytes: 50 }, warning: false });

    vi.advanceTimersByTime(UNACKED_WARNING_MS);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.health[0]).toMatchObject({ doc: CASE, warning: true });

    emitter.stop();
    health.noteAcked(CASE);
    emitter.emitSoon();
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });
});
