/**
 * What the held deletions screen and its sidebar link share: how a held deletion's case is named,
 * and when the pending list is asked again (the relay is asked, so only on the workspace's sync
 * status changes, e.g. after a sync round brought an alert).
 */
import { t } from '../../../shared/messages';
import type { HeldDeletionRow } from '../../../shared/rpc/held-deletions';
import { syncStatusOf, type LiveQueryOptions } from '../data/use-live-query';

/** "TFA-2026-0001 · Rosewood", or the case id / doc name when this desktop does not hold the case. */
export function heldCaseLabel(r: Pick<HeldDeletionRow, 'caseId' | 'caseNumber' | 'caseTitle' | 'doc'>): string {
  if (r.caseNumber !== null) return `${r.caseNumber} · ${r.caseTitle ?? ''}`;
  return r.caseId ? t('ui.held.unknown-case', { id: r.caseId.slice(0, 8) }) : t('ui.held.not-a-case', { doc: r.doc });
}

/** The live query options of `deletions.held` for workspace `workspaceId`. */
export function heldQueryOptions(workspaceId: string): LiveQueryOptions {
  return { refetchOn: [syncStatusOf(workspaceId)], keepPrevious: true };
}
