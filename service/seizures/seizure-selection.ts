/**
 * The seizures a bulk action acts on (shared/rpc/seizure-edits.ts `bulkParams`): the ids it
 * names, or — "select all shown" in the seizure table (tester finding F4, session 27) — every live
 * seizure of the case matching the table's filter except those the member unticked, resolved here
 * from the projection when the action runs (the projection is written in the same turn as every
 * doc change of the data service, so it answers what the docs hold). The member saw a count; when
 * the selection no longer holds that many, the action is refused and nothing is written, so it
 * never acts on more or fewer seizures than the confirmation said.
 */
import type { SeizureMatch } from '../../shared/rpc/seizure-edits';
import { NestError } from '../../shared/errors';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** What names a bulk action's seizures. */
export interface BulkSelection {
  seizureIds?: string[] | undefined;
  matching?: SeizureMatch | undefined;
}

/**
 * The ids `sel` names in case `caseId`.
 * @throws NestError('validation', 'seizures.bulk-none') when it names none;
 *   NestError('validation', 'seizures.selection-changed') when `matching` now holds another number of seizures than its `count`.
 */
export function selectedSeizureIds(ws: Pick<WorkspaceRuntime, 'store'>, caseId: string, sel: BulkSelection): string[] {
  if (sel.seizureIds) return sel.seizureIds;
  const m = sel.matching;
  if (!m) throw new NestError('validation', { id: 'seizures.bulk-none' });
  const except = new Set(m.except);
  const ids = ws.store.projections.seizureIdsMatching(caseId, { text: m.text, flagged: m.flagged }).filter((id) => !except.has(id));
  if (!ids.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  if (ids.length !== m.count) throw new NestError('validation', { id: 'seizures.selection-changed', values: { expected: m.count, count: ids.length } });
  return ids;
}
