/**
 * The imports (and previews) running in this process that can be stopped (`import.abort`,
 * shared/rpc/import.ts; the CLI's Ctrl-C): each run that names itself with an `importId` is
 * registered here for its lifetime with an AbortController. Stopping one aborts its signal; the
 * parse worker (parse-off-thread.ts) ends a parse at once and the writer (write-import.ts) stops
 * at its next safe point, between two transactions — never inside one.
 *
 * Module state, like write-import.ts's queue of imports per case: ids are UUIDs the caller made,
 * keyed with the workspace, so two data services in one process (tests) never meet.
 */
import { NestError } from '../../shared/errors';
import type { ImportReport } from '../../shared/rpc/import';
import type { ImportWritten } from './write-import';

const runs = new Map<string, AbortController>();

const keyOf = (workspaceId: string, importId: string): string => `${workspaceId}/${importId}`;

/** One registered run: its signal, and `end` to call when it settles (in a finally). */
export interface RunningImport {
  readonly signal: AbortSignal;
  end(): void;
}

/** A signal nobody aborts, for runs without an id (they cannot be stopped). */
const NEVER: RunningImport = { signal: new AbortController().signal, end: () => undefined };

/**
 * Registers run `importId` of workspace `workspaceId` (none when `importId` is undefined).
 * @throws NestError('validation') when a run with that id is already registered (a reused id
 *   would let one abort stop the wrong run).
 */
export function startImport(workspaceId: string, importId: string | undefined): RunningImport {
  if (importId === undefined) return NEVER;
  const key = keyOf(workspaceId, importId);
  if (runs.has(key)) throw new NestError('validation', { id: 'import.id-in-use', values: { importId } });
  const controller = new AbortController();
  runs.set(key, controller);
  return {
    signal: controller.signal,
    end: () => {
      if (runs.get(key) === controller) runs.delete(key);
    },
  };
}

/**
 * Asks run `importId` to stop. Returns 'stopping' when it was running (its own call answers once
 * it stopped), 'not-running' when no run has that id (it ended, or never started).
 */
export function abortImport(workspaceId: string, importId: string): 'stopping' | 'not-running' {
  const controller = runs.get(keyOf(workspaceId, importId));
  if (!controller) return 'not-running';
  controller.abort();
  return 'stopping';
}

/** The error of a run stopped before it wrote anything: the case is as it was. */
export function cancelledBeforeWriting(fileName: string): NestError {
  return new NestError('cancelled', { id: 'import.cancelled-nothing-written', values: { fileName } });
}

/** @throws {@link cancelledBeforeWriting} when `signal` was aborted. */
export function throwIfStopped(signal: AbortSignal, fileName: string): void {
  if (signal.aborted) throw cancelledBeforeWriting(fileName);
}

/**
 * Makes `report` say what a stopped write did (`written` from writeImport): `cancelled` with the
 * seizures written and planned and the last file line written, `imported` the seizures written,
 * `unmapped` and `flagged` of the written rows only, no routes (a stopped import writes none).
 * Does nothing when the write ran to its end.
 */
export function reportStopped(report: ImportReport, written: Pick<ImportWritten, 'seizures' | 'cancelled'>): void {
  if (!written.cancelled) return;
  const through = written.cancelled.throughLine ?? null;
  report.cancelled = { written: written.seizures, planned: written.cancelled.planned, throughLine: through };
  report.imported = written.seizures;
  report.unmapped = written.cancelled.unmapped ?? report.unmapped;
  if (through !== null) report.flagged = report.flagged.filter((f) => f.line <= through);
  report.routes = 0;
  report.patrolRoutes = 0;
}
