/**
 * The timeline's seizures for a case of any size (issue 11 item 4), from the data service's
 * projection — case doc and volume docs alike — never from the window's replica:
 * `seizures.periods` counts them per timeline period (shared/timeline/timeline.ts
 * `timelinePeriod`); a case of at most {@link ALL_AT_ONCE} seizures is then read whole in one
 * `seizures.page`, a larger one a period at a time, {@link PERIOD_PAGE} rows per request, when the
 * reader opens that period. A change of the case's projection reads again what is shown.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PeriodCount } from '../../../shared/rpc/case-stats';
import { SEIZURE_PAGE_MAX, type SeizureRow } from '../../../shared/rpc/cases';
import { timelinePeriod } from '../../../shared/timeline/timeline';
import { useClient } from '../app/services';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useServiceEvent } from '../data/use-service-event';

/** Up to this many seizures the timeline shows them all at once (one request). */
export const ALL_AT_ONCE = SEIZURE_PAGE_MAX;
/** Rows per request when a period of a large case is opened or extended. */
export const PERIOD_PAGE = 100;

/** What {@link useTimelineSeizures} returns. */
export interface TimelineSeizures {
  /** Live seizures per period, in timeline order; undefined until known. */
  periods: readonly PeriodCount[] | undefined;
  /** True when every seizure is shown (a case of at most {@link ALL_AT_ONCE}); else periods open on demand. */
  whole: boolean;
  /** The seizures of `period` read so far, in date order; undefined when none are read (or it is closed). */
  rowsOf: (period: string) => readonly SeizureRow[] | undefined;
  /** True when `period` is open (its seizures shown). */
  isOpen: (period: string) => boolean;
  /** Opens a closed period (reading its first rows) or closes an open one. */
  toggle: (period: string) => void;
  /** Reads the next rows of an open period. */
  more: (period: string) => void;
  /** The last failure of a read (cleared by the next success). */
  error: Error | null;
}

/** The seizures of case `caseId`'s timeline (see the module doc). */
export function useTimelineSeizures(workspaceId: string, caseId: string): TimelineSeizures {
  const client = useClient();
  const refetchOn = [projectionChanged(workspaceId, caseId)];
  const periods = useLiveQuery('seizures.periods', { workspaceId, caseId }, { refetchOn, keepPrevious: true });
  const total = periods.data?.reduce((n, p) => n + p.count, 0);
  const whole = total !== undefined && total <= ALL_AT_ONCE;
  const all = useLiveQuery('seizures.page', whole && total > 0 ? { workspaceId, caseId, sortBy: 'date', sortDir: 'asc', limit: ALL_AT_ONCE } : null, { refetchOn, keepPrevious: true });
  const allByPeriod = useMemo(() => {
    const m = new Map<string, SeizureRow[]>();
    for (const r of all.data?.rows ?? []) {
      const p = timelinePeriod(r.seizureDate, r.datePrecision);
      m.set(p, [...(m.get(p) ?? []), r]);
    }
    return m;
  }, [all.data]);

  // A large case: the periods the reader opened, and the rows read for each.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [pages, setPages] = useState<ReadonlyMap<string, readonly SeizureRow[]>>(new Map());
  const [error, setError] = useState<Error | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const generation = useRef(0);

  const read = useCallback(
    (period: string, offset: number): void => {
      const gen = generation.current;
      client
        .call('seizures.page', { workspaceId, caseId, period, sortBy: 'date', sortDir: 'asc', offset, limit: PERIOD_PAGE })
        .then((res) => {
          if (gen !== generation.current) return; // an answer from before the projection changed
          setError(null);
          setPages((m) => new Map(m).set(period, [...(m.get(period) ?? []).slice(0, offset), ...res.rows]));
        })
        .catch((err: unknown) => setError(err instanceof Error ? err : new Error(String(err))));
    },
    [client, workspaceId, caseId],
  );

  // The projection changed: what was read may be stale; read each open period's first rows again.
  useServiceEvent('projection.changed', (p) => {
    if (!refetchOn[0]!.when!(p)) return;
    generation.current += 1;
    setPages(new Map());
    for (const period of openRef.current) read(period, 0);
  });

  const toggle = useCallback(
    (period: string): void => {
      const next = new Set(openRef.current);
      if (next.delete(period)) {
        setOpen(next);
        return;
      }
      next.add(period);
      setOpen(next);
      if (!pagesRef.current.has(period)) read(period, 0);
    },
    [read],
  );
  const more = useCallback((period: string): void => read(period, pagesRef.current.get(period)?.length ?? 0), [read]);

  return {
    periods: periods.data,
    whole,
    rowsOf: (period) => (whole ? (allByPeriod.get(period) ?? (all.data ? [] : undefined)) : open.has(period) ? pages.get(period) : undefined),
    isOpen: (period) => whole || open.has(period),
    toggle,
    more,
    error: periods.error ?? all.error ?? error,
  };
}
