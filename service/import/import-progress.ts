/**
 * Progress of one long import as `import.progress` events (shared/rpc/import.ts): a reporter per
 * import that turns "done of total" calls into events with the phase's rate in rows per second,
 * at most one per {@link PROGRESS_EVERY_MS} and always the last of each phase, so a 100,000-row
 * import sends a few dozen events, not one per slice.
 */
import type { ImportProgress } from '../../shared/rpc/import';

/** Least time between two events of one phase, ms (the first and the last of a phase always go). */
export const PROGRESS_EVERY_MS = 100;

/** Reports one phase's progress: `done` of `total` rows. */
export type PhaseReporter = (done: number, total: number) => void;

/** An import's reporter: one {@link PhaseReporter} per phase. */
export interface ImportReporter {
  phase(phase: ImportProgress['phase']): PhaseReporter;
}

/**
 * A reporter sending `import.progress` events through `send` for the import named by `base`.
 * `now` is the clock in ms (a monotonic one: rates are differences).
 */
export function importReporter(send: (p: ImportProgress) => void, base: Pick<ImportProgress, 'workspaceId' | 'caseId' | 'fileName'>, now: () => number): ImportReporter {
  return {
    phase(phase) {
      const rate = recentRate(now());
      let last = -Infinity;
      return (done, total) => {
        const at = now();
        const rowsPerSecond = rate(at, done);
        if (done < total && done > 0 && at - last < PROGRESS_EVERY_MS) return;
        last = at;
        send({ ...base, phase, done: Math.min(done, total), total, rowsPerSecond });
      };
    },
  };
}

/** The window of {@link recentRate}, ms. */
export const RATE_WINDOW_MS = 3000;

/**
 * A phase's rate in rows per second over about the last {@link RATE_WINDOW_MS}, not since its
 * start: a phase whose first rows wait for a worker to start (~14 s before the first 2,000 rows
 * of a 100,000-row CLI import) would otherwise read "143 rows a second" and climb slowly to its
 * real ~1,900 (tester B2). Returns a function taking each report's time (ms) and rows done,
 * answering the rate from the last report at or before the window's start (the phase's start at
 * first), rounded; 0 when no time has passed.
 */
export function recentRate(started: number): (at: number, done: number) => number {
  const samples: { at: number; done: number }[] = [{ at: started, done: 0 }];
  return (at, done) => {
    samples.push({ at, done });
    // Keep one sample at or before the window's start: the rate covers the whole window.
    while (samples.length > 2 && samples[1]!.at <= at - RATE_WINDOW_MS) samples.shift();
    const from = samples[0]!;
    const seconds = (at - from.at) / 1000;
    return seconds > 0 ? Math.round((done - from.done) / seconds) : 0;
  };
}
