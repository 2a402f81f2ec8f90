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
import { t } from '../../shared/messages';
import { MAX_LISTED_DUPLICATES, type ImportReport } from '../../shared/rpc/import';
import { unlistedWarning, type UnlistedCommodity } from './commodity-check';
import { taxonWarnings, type TaxonTallies } from './taxon-check';
import type { DuplicateCheck } from './import-batching';
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
 * no routes (a stopped import writes none), and every count of rows of the written part only —
 * the file's rows up to that line (tester finding F10: the notes counted the whole file):
 * `unmapped`, `flagged`, the rejected rows, the matching rows (from `file.duplicates`, the whole
 * check, with its warnings) and the unlisted commodities (from `file.unlisted`, with its warning;
 * the matching rows left out are not written, so not counted), and likewise the taxa (from `file.taxa`). Does nothing when the write ran to its end.
 */
export function reportStopped(
  report: ImportReport,
  written: Pick<ImportWritten, 'seizures' | 'cancelled'>,
  file: { duplicates?: DuplicateCheck; keepDuplicates?: boolean; unlisted?: readonly UnlistedCommodity[]; taxa?: TaxonTallies } = {},
): void {
  if (!written.cancelled) return;
  const through = written.cancelled.throughLine ?? null;
  report.cancelled = { written: written.seizures, planned: written.cancelled.planned, throughLine: through };
  report.imported = written.seizures;
  report.unmapped = written.cancelled.unmapped ?? report.unmapped;
  report.routes = 0;
  report.patrolRoutes = 0;
  if (through === null) return;
  const inPart = (line: number): boolean => line <= through;
  report.flagged = report.flagged.filter((f) => inPart(f.line));
  report.rejected = report.rejected.filter((r) => inPart(r.line));
  report.rejectedRows = new Set(report.rejected.map((r) => r.line)).size;
  /** Replaces the warning `before` (as worded for the whole file) with `after` (null: dropped). */
  const reword = (before: string | null, after: string | null): void => {
    const i = before === null ? -1 : report.warnings.indexOf(before);
    if (i < 0) return;
    if (after === null) report.warnings.splice(i, 1);
    else report.warnings[i] = after;
  };
  const all = file.duplicates?.rows ?? [];
  const matching = all.filter((d) => inPart(d.line));
  if (file.duplicates) {
    const count = (n: number, id: 'import.warning.duplicates' | 'import.warning.duplicates-skipped') => (n ? t(id, { count: n }) : null);
    reword(count(report.duplicateRows, 'import.warning.duplicates'), count(matching.length, 'import.warning.duplicates'));
    reword(count(report.skippedDuplicates, 'import.warning.duplicates-skipped'), count(file.keepDuplicates ? 0 : matching.length, 'import.warning.duplicates-skipped'));
    report.duplicateRows = matching.length;
    report.duplicates = matching.slice(0, MAX_LISTED_DUPLICATES);
    report.skippedDuplicates = file.keepDuplicates ? 0 : matching.length;
  }
  if (file.unlisted) {
    const left = new Set(file.keepDuplicates ? [] : all.map((d) => d.line));
    reword(unlistedWarning(file.unlisted), unlistedWarning(file.unlisted, (line) => inPart(line) && !left.has(line)));
  }
  if (file.taxa) {
    const left = new Set(file.keepDuplicates ? [] : all.map((d) => d.line));
    const before = taxonWarnings(file.taxa);
    const after = taxonWarnings(file.taxa, (line) => inPart(line) && !left.has(line));
    reword(before.unknown, after.unknown);
    reword(before.undeclared, after.undeclared);
  }
}
