/**
 * The words of an import's progress (`import.progress` events, shared/rpc/import.ts), one
 * sentence for the import dialog's bar (renderer/src/import/import-progress.tsx) and the CLI's
 * progress line (service/entries/import-cli.ts), from the message catalogue.
 */
import { t } from '../messages';
import type { ImportProgress } from '../rpc/import';

/** The whole percentage of `done` of `total`, rounded down (0 for an empty total; 100 only when done). */
export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 0;
}

/**
 * "Writing seizures: 42,000 of 100,000 rows (42%), 3,100 rows a second" for one progress event.
 * `again`: the rows were already checked once (the import dialog's dry run), so the reading phase
 * says "Checking rows again before writing" — the commit checks the file anew, and says so.
 */
export function importProgressText(p: ImportProgress, again = false): string {
  const phase = again && p.phase === 'reading' ? 'recheck' : p.phase;
  return t('import.progress', { phase, done: p.done, total: p.total, percent: percentOf(p.done, p.total), rate: p.rowsPerSecond });
}

/**
 * The CLI's sentence after `--undo` of batch `batchId`: the seizures marked deleted and the routes
 * removed, naming only what the import had (a routes-only file: "1 route removed", B4 session 28).
 */
export function undoneSentence(batchId: string, seizures: number, routes: number): string {
  const which = !routes ? 'seizures' : seizures ? 'both' : 'routes';
  return t('import.cli.undone', { batchId, count: seizures, routes, which });
}
