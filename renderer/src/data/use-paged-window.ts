/**
 * A long list read from the data service a page at a time as a table scrolls (issue 11 item 4):
 * the renderer never holds a large case's rows. Pages are cached per query; a new query keeps the
 * old rows on screen until its first page arrives (no flicker); `refetch` (a change of the data
 * behind the list) reloads the pages in view and drops the others. Used by the seizure table
 * (case/use-seizure-window.ts, `seizures.page`) and the Valuation tab's table
 * (valuation/use-valuation-window.ts, `valuation.caseRows`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VirtualWindow } from '../ui/data-table';

/** One page of a list: its rows and how many rows the whole query matches. */
export interface ListPage<R> {
  total: number;
  rows: readonly R[];
}

/** Fetches the page of `query` starting at `offset`, at most `limit` rows. */
export type PageFetcher<Q, R> = (query: Q, offset: number, limit: number) => Promise<ListPage<R>>;

/** What the table shows: the pages loaded, and how many rows match. */
interface WindowState<R> {
  /** Which query and which refetch these pages answer. */
  version: string;
  pages: ReadonlyMap<number, readonly R[]>;
  /** Rows matching the query; null until the first page arrives. */
  total: number | null;
  error: Error | null;
}

/** What {@link usePagedWindow} returns. */
export interface PagedWindow<R> {
  /** Rows matching the query; null until known. */
  total: number | null;
  /** The row at `index` in the query's order, when its page is loaded. */
  rowAt: (index: number) => R | undefined;
  /** Every loaded row, in order. */
  loaded: () => R[];
  /** Asks for the pages covering rows `start` … `end - 1` (fetched once each). */
  need: (start: number, end: number) => void;
  /** Reloads the pages in view (the data behind the list changed); the rows shown stay until they arrive. */
  refetch: () => void;
  /** The last failure of a page fetch (cleared by the next success). */
  error: Error | null;
  /** True while the rows shown answer an older query than the one asked for. */
  stale: boolean;
}

/**
 * The paged rows of `query` (compared by value, JSON), `pageSize` rows per fetch.
 * `fetchPage` may change between renders; the latest one is used.
 */
export function usePagedWindow<Q, R>(query: Q, fetchPage: PageFetcher<Q, R>, pageSize: number): PagedWindow<R> {
  const key = JSON.stringify(query);
  const [state, setState] = useState<WindowState<R>>({ version: '', pages: new Map(), total: null, error: null });
  const gen = useRef(0);
  const version = useRef(`${key}#0`);
  const current = useRef<Q>(query);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const wanted = useRef<[number, number]>([0, 1]);
  const inflight = useRef(new Set<string>());
  /** Pages that failed for a version: not asked again until the next version (no retry loop). */
  const failed = useRef(new Set<string>());

  const fetchOne = useCallback(
    (page: number): void => {
      const v = version.current;
      const id = `${v}@${page}`;
      if (inflight.current.has(id) || failed.current.has(id)) return;
      inflight.current.add(id);
      fetcher
        .current(current.current, page * pageSize, pageSize)
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
    [pageSize],
  );

  /** Fetches the wanted pages not loaded for the current version. */
  const fill = useCallback(
    (loaded: ReadonlyMap<number, unknown> | null): void => {
      const [a, b] = wanted.current;
      for (let p = Math.floor(a / pageSize); p <= Math.floor(Math.max(a, b - 1) / pageSize); p++) if (!loaded?.has(p)) fetchOne(p);
    },
    [fetchOne, pageSize],
  );

  // A new query: a new version; the old rows stay until its first page arrives.
  useEffect(() => {
    gen.current++;
    version.current = `${key}#${gen.current}`;
    current.current = JSON.parse(key) as Q;
    wanted.current = [0, Math.max(wanted.current[1] - wanted.current[0], 1)];
    fill(null);
  }, [key, fill]);

  const refetch = useCallback((): void => {
    gen.current++;
    version.current = `${version.current.slice(0, version.current.lastIndexOf('#'))}#${gen.current}`;
    fill(null);
  }, [fill]);

  const need = useCallback(
    (start: number, end: number): void => {
      wanted.current = [start, end];
      fill(state.version === version.current ? state.pages : null);
    },
    [fill, state],
  );
  return {
    total: state.total,
    rowAt: (i) => state.pages.get(Math.floor(i / pageSize))?.[i % pageSize],
    loaded: () => [...state.pages.keys()].sort((a, b) => a - b).flatMap((p) => state.pages.get(p)!),
    need,
    refetch,
    error: state.error,
    // From the render itself (not the version ref, set in an effect after it): the render that
    // follows a new sort must already say so, as nothing renders again until its answer arrives.
    stale: state.version !== '' && state.version.slice(0, state.version.lastIndexOf('#')) !== key,
  };
}

/**
 * The rows to draw of a virtually scrolled table over `win`: the longest loaded run among rows
 * `view.start` … `view.end - 1` (a page still on its way is blank space), and the table's
 * `virtual` window for them (`view.rowHeight` px a row).
 */
export function loadedRun<R>(win: Pick<PagedWindow<R>, 'rowAt' | 'total'>, view: { start: number; end: number; rowHeight: number }): { rows: R[]; virtual: VirtualWindow } {
  const total = win.total ?? 0;
  const rows: R[] = [];
  let first = view.start;
  for (let i = view.start; i < view.end; i++) {
    const r = win.rowAt(i);
    if (r) rows.push(r);
    else if (!rows.length) first = i + 1;
    else break;
  }
  return { rows, virtual: { firstIndex: first, rowCount: total, padTop: first * view.rowHeight, padBottom: Math.max(0, total - first - rows.length) * view.rowHeight } };
}
