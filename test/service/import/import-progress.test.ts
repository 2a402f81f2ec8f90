import { describe, expect, it } from 'vitest';
import { importReporter, recentRate, PROGRESS_EVERY_MS, RATE_WINDOW_MS } from '../../../service/import/import-progress';
import type { ImportProgress } from '../../../shared/rpc/import';

describe('recentRate', () => {
  it('answers the rate since the phase start until the window has passed', () => {
    const rate = recentRate(1000);
    expect(rate(1000, 0)).toBe(0); // no time passed
    expect(rate(15_000, 2000)).toBe(143); // a slow start: 2,000 rows in 14 s
  });

  it('answers the recent rate once a report lies before the window, not the average since the start', () => {
    const rate = recentRate(0);
    rate(14_000, 2000); // 14 s of start-up for the first 2,000 rows
    rate(15_000, 4000);
    rate(16_000, 6000);
    rate(17_000, 8000);
    // Window [15 s, 18 s]: 2,000 rows a second, where the average since the start would be 555.
    expect(rate(18_000, 10_000)).toBe(2000);
    expect(rate(19_000, 12_000)).toBe(2000);
    // A stall shows at once in the rate.
    expect(rate(22_000, 12_000)).toBe(0);
  });

  it('keeps the last report at or before the window start, so the rate spans the whole window', () => {
    const rate = recentRate(0);
    rate(1000, 1000);
    rate(5000, 5000);
    // At 6.5 s the window starts at 3.5 s: the report at 1 s is dropped, the one at 5 s is after it,
    // so the rate runs from 1 s (the last before the window): (6,500 − 1,000) / 5.5 s.
    expect(rate(6500, 6500)).toBe(1000);
    expect(RATE_WINDOW_MS).toBe(3000);
  });
});

describe('importReporter', () => {
  it('sends the first and last event of a phase, at most one per interval between, with the recent rate', () => {
    const sent: ImportProgress[] = [];
    let clock = 0;
    const reporter = importReporter((p) => sent.push(p), { workspaceId: 'w', caseId: 'c', fileName: 'f.csv' }, () => clock);
    const report = reporter.phase('writing');
    report(0, 10_000);
    clock = 10;
    report(100, 10_000); // within the interval: not sent
    clock = PROGRESS_EVERY_MS + 1;
    report(200, 10_000);
    clock = 4000;
    report(9000, 10_000);
    clock = 4001;
    report(10_000, 10_000); // the last always goes
    expect(sent.map((p) => p.done)).toEqual([0, 200, 9000, 10_000]);
    expect(sent[0]).toMatchObject({ workspaceId: 'w', caseId: 'c', fileName: 'f.csv', phase: 'writing', total: 10_000, rowsPerSecond: 0 });
    // At 4 s the window starts at 1 s: from the report at 101 ms (200 rows) to 9,000 rows at 4 s.
    expect(sent[2]!.rowsPerSecond).toBe(Math.round((9000 - 200) / ((4000 - 101) / 1000)));
  });
});
