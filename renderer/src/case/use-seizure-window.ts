/**
 * The seizure table's rows, fetched a page at a time from the data service's projection
 * (`seizures.page`, issue 11 item 4) as the table scrolls: the renderer never holds a large
 * case's seizures, and seizures that live in volume docs appear like the case doc's own.
 * The paging itself (pages cached per sort and filter, old rows kept until the new query's first
 * page arrives) is data/use-paged-window.ts; a change of the case's projection refetches the pages
 * in view and drops the others.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { useClient } from '../app/services';
import { REFETCH_DEBOUNCE_MS } from '../data/use-live-query';
import { usePagedWindow, type PagedWindow } from '../data/use-paged-window';
import { useServiceEvent } from '../data/use-service-event';
import type { SeizureSort } from './seizure-sort';

/** Rows per `seizures.page` call. */
export const SEIZURE_PAGE_SIZE = 100;

/** What {@link useSeizureWindow} returns: the paged rows (every live seizure without a filter). */
export type SeizureWindow = Omit<PagedWindow<SeizureRow>, 'refetch'>;

interface SeizureQuery {
  workspaceId: string;
  caseId: string;
  sortBy: SeizureSort['key'];
  sortDir: SeizureSort['dir'];
  text: string;
  flagged: boolean;
}

/** The paged rows of case `caseId`'s seizure table in `sort` order, filtered by `text` (and, with `flagged`, to those flagged for review). */
export function useSeizureWindow(workspaceId: string, caseId: string, sort: SeizureSort, text: string, flagged = false): SeizureWindow {
  const client = useClient();
  const fetchPage = useCallback((q: SeizureQuery, offset: number, limit: number) => client.call('seizures.page', { ...q, offset, limit }), [client]);
  const win = usePagedWindow<SeizureQuery, SeizureRow>({ workspaceId, caseId, sortBy: sort.key, sortDir: sort.dir, text, flagged }, fetchPage, SEIZURE_PAGE_SIZE);
  const { refetch } = win;

  // The case's projection changed (an edit, an import, a sync): refetch what is in view.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useServiceEvent('projection.changed', (p) => {
    if (p.workspaceId !== workspaceId || !p.caseIds.includes(caseId)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(refetch, REFETCH_DEBOUNCE_MS);
  });
  return win;
}
