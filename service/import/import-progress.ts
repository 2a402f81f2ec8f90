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
      const started = now();
      let last = -Infinity;
      return (done, total) => {
        const at = now();
        if (done < total && done > 0 && at - last < PROGRESS_EVERY_MS) return;
        last = at;
        const seconds = (at - started) / 1000;
        send({ ...base, phase, done: Math.min(done, total), total, rowsPerSecond: seconds > 0 ? Math.round(done / seconds) : 0 });
      };
    },
  };
}
