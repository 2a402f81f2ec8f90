/**
 * The seizure table's rows, fetched a page at a time from the data service's projection
 * (`seizures.page`, issue 11 item 4) as the table scrolls: the renderer never holds a large
 * case's seizures, and seizures that live in volume docs appear like the case doc's own.
 * Pages are cached per sort and filter; a new sort or filter keeps the old rows on screen until
 * its first page arrives (no flicker), and a change of the case's projection refetches the pages
 * in view and drops the others.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { useClient } from '../app/services';
import { REFETCH_DEBOUNCE_MS } from '../data/use-live-query';
import { useServiceEvent } from '../data/use-service-event';
import type { SeizureSort } from './seizure-sort';

/** Rows per `seizures.page` call. */
export const SEIZURE_PAGE_SIZE = 100;

/** What the table shows: the pages loaded, and how many rows match. */
interface WindowState {
  /** Which query and which refetch these pages answer. */
  version: string;
  pages: ReadonlyMap<number, readonly SeizureRow[]>;
  /** Rows matching the filter; null until the first page arrives. */
  total: number | null;
  error: Error | null;
}

/** What {@link useSeizureWindow} returns. */
export interface SeizureWindow {
  /** Rows matching the filter (every live seizure without one); null until known. */
  total: number | null;
  /** The row at `index` in the current order, when its page is loaded. */
  rowAt: (index: number) => SeizureRow | undefined;
  /** Every loaded row (for "select all shown"). */
  loaded: () => SeizureRow[];
  /** Asks for the pages covering rows `start` … `end - 1` (fetched once each). */
  need: (start: number, end: number) => void;
  /** The last failure of a page fetch (cleared by the next success). */
  error: Error | null;
  /** True while the rows shown answer an older sort or filter than the one asked for. */
  stale: boolean;
}

/** The paged rows of case `caseId`'s seizure table in `sort` order, filtered by `text`. */
export function useSeizureWindow(workspaceId: string, caseId: string, sort: SeizureSort, text: string): SeizureWindow {
  const client = useClient();
  const key = JSON.stringify([workspaceId, caseId, sort.key, sort.dir, text]);
  const [state, setState] = useState<WindowState>({ version: '', pages: new Map(), total: null, error: null });
  const gen = useRef(0);
  const version = useRef(`${key}#0`);
  const wanted = useRef<[number, number]>([0, 1]);
  const inflight = useRef(new Set<string>());
  /** Pages that failed for a version: not asked again until the next version (no retry loop). */
  const failed = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number): void => {
      const v = version.current;
      const id = `${v}@${page}`;
      if (inflight.current.has(id) || failed.current.has(id)) return;
      inflight.current.add(id);
      const [ws, cs, sortBy, sortDir, filter] = JSON.parse(v.slice(0, v.lastIndexOf('#'))) as [string, string, SeizureSort['key'], SeizureSort['dir'], string];
      client
        .call('seizures.page', { workspaceId: ws, caseId: cs, sortBy, sortDir, text: filter, offset: page * SEIZURE_PAGE_SIZE, limit: SEIZURE_PAGE_SIZE })
        .then(
          (res) => {
            if (version.current !== v) return; // an answer to an older query or refetch
            setState((s) => (s.version === v ? { version: v, pages: new Map(s.pages).set(page, res.rows), total: res.total, error: null } : { version: v, pages: new Map([[page, res.rows]]), total: res.total, error: null }));
          },
          (err: unknown) => {
            failed.current.add(id);
            if (version.current === v) setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)) }));
          },
        )
        .finally(() => inflight.current.delete(id));
    },
    [client],
  );

  /** Fetches the wanted pages not loaded for the current version. */
  const fill = useCallback(
    (loaded: ReadonlyMap<number, unknown> | null): void => {
      const [a, b] = wanted.current;
      for (let p = Math.floor(a / SEIZURE_PAGE_SIZE); p <= Math.floor(Math.max(a, b - 1) / SEIZURE_PAGE_SIZE); p++) if (!loaded?.has(p)) fetchPage(p);
    },
    [fetchPage],
  );

  // A new sort or filter: a new version; the old rows stay until its first page arrives.
  useEffect(() => {
    gen.current++;
    version.current = `${key}#${gen.current}`;
    wanted.current = [0, Math.max(wanted.current[1] - wanted.current[0], 1)];
    fill(null);
  }, [key, fill]);

  // The case's projection changed (an edit, an import, a sync): refetch what is in view.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useServiceEvent('projection.changed', (p) => {
    if (p.workspaceId !== workspaceId || !p.caseIds.includes(caseId)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      gen.current++;
      version.current = `${key}#${gen.current}`;
      fill(null);
    }, REFETCH_DEBOUNCE_MS);
  });

  const current = state.version === version.current;
  const need = useCallback(
    (start: number, end: number): void => {
      wanted.current = [start, end];
      fill(state.version === version.current ? state.pages : null);
    },
    [fill, state],
  );
  return {
    total: state.total,
    rowAt: (i) => state.pages.get(Math.floor(i / SEIZURE_PAGE_SIZE))?.[i % SEIZURE_PAGE_SIZE],
    loaded: () => [...state.pages.keys()].sort((a, b) => a - b).flatMap((p) => state.pages.get(p)!),
    need,
    error: state.error,
    stale: !current && state.version.slice(0, state.version.lastIndexOf('#')) !== key,
  };
}
