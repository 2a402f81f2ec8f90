/**
 * A type-ahead search over ALL of a case's seizures — the case doc's and those held in volume docs
 * (issue 11 item 4) — through the projection's `seizures.page`, never the window's replica. The
 * seizure picker and "Assign a price" read here. The text is debounced so a burst of typing asks
 * once; the previous answer stays on screen while the next runs; a change of the case's
 * projection asks again.
 */
import type { CrimeSector } from '../../../shared/domain/codes';
import type { SeizurePage, SeizurePageQuery } from '../../../shared/rpc/cases';
import { projectionChanged, useLiveQuery, type LiveQuery } from '../data/use-live-query';
import { useSettled } from '../hooks/use-settled';

/** Wait after the last keystroke before asking the data service, in ms. */
export const SEIZURE_SEARCH_DEBOUNCE_MS = 180;

/** What to search for. */
export interface SeizureSearch {
  workspaceId: string;
  caseId: string;
  /** Words that must all occur in the seizure's filter text (shared/domain/seizure-order.ts); '' for all. */
  text: string;
  /** Only seizures of this crime sector (absent: every sector). */
  sector?: CrimeSector | undefined;
  /** The fields `text` searches (`seizures.page` `match`; absent: every field). */
  match?: SeizurePageQuery['match'];
  sortBy?: SeizurePageQuery['sortBy'];
  sortDir?: SeizurePageQuery['sortDir'];
  /** Most rows asked for (≤ SEIZURE_PAGE_MAX); `total` still counts every match. */
  limit: number;
  /** False: ask nothing (a closed picker). */
  enabled: boolean;
}

/** A search's answer; `current` is false while the rows shown may answer an earlier text or sector. */
export type SeizureSearchResult = LiveQuery<SeizurePage> & { current: boolean };

/** The first `limit` matching seizures and how many match, kept fresh as described above. */
export function useSeizureSearch(s: SeizureSearch): SeizureSearchResult {
  const typed = s.text.trim();
  const text = useSettled(typed, SEIZURE_SEARCH_DEBOUNCE_MS);
  const params = s.enabled
    ? {
        workspaceId: s.workspaceId,
        caseId: s.caseId,
        text,
        sortBy: s.sortBy ?? 'date',
        sortDir: s.sortDir ?? 'desc',
        offset: 0,
        limit: s.limit,
        ...(s.sector ? { sector: s.sector } : {}),
        ...(s.match ? { match: s.match } : {}),
      }
    : null;
  const q = useLiveQuery('seizures.page', params, { refetchOn: [projectionChanged(s.workspaceId, s.caseId)], keepPrevious: true });
  return { ...q, current: text === typed && !q.loading && q.data !== undefined };
}
