/**
 * The `health` list of a workspace's sync status: one row per doc the engine knows about (open,
 * being synced, edited, or acknowledged since it started), named from the workspace's case index
 * so the renderer can say "case TFA-2026-0001 · Ivory via Singapore" without opening the doc.
 */
import { parseDocName } from '../../shared/docs/names';
import type { DocHealthRow } from '../../shared/rpc/sync';
import type { DocHealthBook } from './doc-health';
import type { DocSyncState } from './sync-status';

/** What the rows are built from. */
export interface HealthRowsInput {
  workspaceId: string;
  book: DocHealthBook;
  /** Link states by doc name, live links first (they win over a transient link of the same doc). */
  states: readonly ReadonlyMap<string, DocSyncState>[];
  /** Docs whose update the relay refused (close 4409), with the reason code. */
  refusals?: ReadonlyMap<string, string>;
  /** False while the relay cannot be reached at all (the last round failed to reach it). */
  relayReachable: boolean;
  /** A case's number and title from the case index, or null when it is not (yet) listed. */
  caseEntry: (caseId: string) => { number: string; title: string } | null;
}

const KIND_ORDER = { workspace: 0, case: 1, registry: 2 } as const;

/**
 * The rows, refused by the relay first, then overdue, then docs with something waiting, then the workspace doc, cases (by
 * number) and registries. Docs of other workspaces are left out.
 */
export function healthRows(i: HealthRowsInput): DocHealthRow[] {
  const names = new Set<string>(i.book.docs());
  for (const m of i.states) for (const n of m.keys()) names.add(n);
  const rows: DocHealthRow[] = [];
  for (const doc of names) {
    const ref = parseDocName(doc);
    if (!ref || ref.workspaceId !== i.workspaceId) continue;
    let state: DocSyncState | null = null;
    for (const m of i.states) state ??= m.get(doc) ?? null;
    const h = i.book.health(doc, state, i.relayReachable);
    // A volume doc (a case's seizures beyond the case doc) is shown as part of its case; its name says which volume.
    const caseId = ref.kind === 'case' || ref.kind === 'volume' ? ref.caseId : null;
    const entry = caseId !== null ? i.caseEntry(caseId) : null;
    rows.push({
      ...h,
      kind: ref.kind === 'volume' ? 'case' : ref.kind,
      caseId,
      caseNumber: entry?.number ?? null,
      caseTitle: entry?.title ?? null,
      refusedUpdate: i.refusals?.get(doc) ?? null,
    });
  }
  const rank = (r: DocHealthRow): number => (r.refusedUpdate ? 0 : r.warning ? 1 : r.waiting.updates > 0 ? 2 : 3);
  return rows.sort(
    (a, b) => rank(a) - rank(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.caseNumber ?? a.doc).localeCompare(b.caseNumber ?? b.doc),
  );
}
