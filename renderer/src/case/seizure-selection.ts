/**
 * What the member ticked in the seizure table (tester finding F4, session 27: "Select all shown
 * seizures" ticked only the 20 rows the virtual table had rendered of 59, the box showing fully
 * checked). Two kinds:
 * - `ids`: the seizures ticked one by one;
 * - `all`: every seizure the table shows — the case's live seizures matching the table's filter
 *   (`seizures.page`'s text and "Flagged for review") — except those unticked since. It is never
 *   turned into ids here (a case may hold 100,000 seizures, the table loads a page at a time): the
 *   bulk actions send it as `matching` and the data service resolves it from the projection
 *   (service/seizures/seizure-selection.ts), refusing when it no longer holds the count shown.
 */
import type { SeizureMatch } from '../../../shared/rpc/seizure-edits';

/** The table's filter a selection of every shown seizure stands for. */
export interface ShownFilter {
  text: string;
  flagged: boolean;
}

/** What is ticked (see the module comment). */
export type SeizureSelection =
  | { kind: 'ids'; ids: ReadonlySet<string> }
  | { kind: 'all'; filter: ShownFilter; except: ReadonlySet<string> };

/** Nothing ticked. */
export const NO_SELECTION: SeizureSelection = { kind: 'ids', ids: new Set() };

/** Every seizure matching `filter` ticked. */
export function selectAllShown(filter: ShownFilter): SeizureSelection {
  return { kind: 'all', filter: { ...filter }, except: new Set() };
}

/** `sel` with seizures `ids` ticked (`on`) or unticked. */
export function checkSeizures(sel: SeizureSelection, ids: readonly string[], on: boolean): SeizureSelection {
  if (sel.kind === 'ids') {
    const next = new Set(sel.ids);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    return { kind: 'ids', ids: next };
  }
  const except = new Set(sel.except);
  for (const id of ids) if (on) except.delete(id); else except.add(id);
  return { ...sel, except };
}

/** Whether seizure `id` (a row the table shows) is ticked. */
export function isSeizureChecked(sel: SeizureSelection, id: string): boolean {
  return sel.kind === 'ids' ? sel.ids.has(id) : !sel.except.has(id);
}

/**
 * How many seizures `sel` holds. `live(ids)` keeps the ticked ids still live (those a peer
 * deleted or moved leave the selection). For `all`: the shown total less the unticked seizures
 * that still match (`exceptShown`, counted by the service; while unknown, every unticked one).
 */
export function selectedCount(sel: SeizureSelection, shownTotal: number, live: (ids: readonly string[]) => string[], exceptShown: number | null): number {
  if (sel.kind === 'ids') return live([...sel.ids]).length;
  return Math.max(0, shownTotal - (exceptShown ?? sel.except.size));
}

/**
 * The header checkbox: `all` only when every shown seizure is ticked, `some` when some are (or
 * ticked seizures lie outside the shown list), `none` when none is.
 * @param count {@link selectedCount}.
 * @param shownChecked how many of the shown seizures are ticked (for `all`: `count`).
 */
export function headerState(sel: SeizureSelection, count: number, shownTotal: number, shownChecked: number): 'all' | 'some' | 'none' {
  if (!count) return 'none';
  const onShown = sel.kind === 'all' ? count : shownChecked;
  return shownTotal > 0 && onShown >= shownTotal ? 'all' : 'some';
}

/** What a bulk action acts on: the ids ticked, or every shown seizure (`matching`, with the count the member was shown). */
export type BulkTarget = readonly string[] | { readonly matching: SeizureMatch };

/** The {@link BulkTarget} of `sel` holding `count` seizures; `live` as in {@link selectedCount}. */
export function bulkTarget(sel: SeizureSelection, count: number, live: (ids: readonly string[]) => string[]): BulkTarget {
  if (sel.kind === 'ids') return live([...sel.ids]);
  return { matching: { text: sel.filter.text, flagged: sel.filter.flagged, except: [...sel.except], count } };
}

/** The params naming `target`'s seizures in a bulk RPC (`seizureIds` or `matching`). */
export function bulkParamsOf(target: BulkTarget): { seizureIds: string[] } | { matching: SeizureMatch } {
  return 'matching' in target ? { matching: target.matching } : { seizureIds: [...(target as readonly string[])] };
}
