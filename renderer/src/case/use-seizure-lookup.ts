/**
 * Seizures named by id — link ends, exhibits' seizures — read from the data service's projection
 * (`seizures.page` with `ids`, issue 11 item 4), wherever they live: the case doc or a volume doc
 * the window never loads. Asked in slices of 500 ids (the method's bound) and asked again when
 * the case's projection changes. Until every slice has answered, `pending` is true: an id without
 * a row is then not yet known, not proven gone.
 */
import { useEffect, useMemo, useState } from 'react';
import { SEIZURE_PAGE_MAX, type SeizureRow } from '../../../shared/rpc/cases';
import { useClient } from '../app/services';
import { projectionChanged, REFETCH_DEBOUNCE_MS } from '../data/use-live-query';
import { useServiceEvent } from '../data/use-service-event';

/** What {@link useSeizureLookup} returns. */
export interface SeizureLookup {
  /** The live seizures found, by id (an id asked and answered without a row is no live seizure of the case). */
  rows: ReadonlyMap<string, SeizureRow>;
  /** True until the ids asked now have all been answered. */
  pending: boolean;
  /** The last failure (the rows of the previous answer stay). */
  error: Error | null;
}

/** The live seizures among `ids` of case `caseId`, by id (see the module doc). */
export function useSeizureLookup(workspaceId: string, caseId: string, ids: readonly string[]): SeizureLookup {
  const client = useClient();
  // Sorted and unique, so the same set asked twice is one key and one request.
  const key = useMemo(() => JSON.stringify([...new Set(ids)].sort()), [ids]);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; rows: ReadonlyMap<string, SeizureRow>; error: Error | null }>({ key: '', rows: new Map(), error: null });
  const trigger = projectionChanged(workspaceId, caseId);
  useServiceEvent('projection.changed', (p) => {
    if (trigger.when?.(p)) setTimeout(() => setTick((n) => n + 1), REFETCH_DEBOUNCE_MS);
  });

  useEffect(() => {
    const wanted = JSON.parse(key) as string[];
    if (!wanted.length) {
      setState({ key, rows: new Map(), error: null });
      return;
    }
    let live = true;
    const slices: string[][] = [];
    for (let i = 0; i < wanted.length; i += SEIZURE_PAGE_MAX) slices.push(wanted.slice(i, i + SEIZURE_PAGE_MAX));
    Promise.all(slices.map((slice) => client.call('seizures.page', { workspaceId, caseId, ids: slice, sortBy: 'date', sortDir: 'asc', limit: SEIZURE_PAGE_MAX })))
      .then((pages) => {
        if (live) setState({ key, rows: new Map(pages.flatMap((p) => p.rows).map((r) => [r.id, r])), error: null });
      })
      .catch((err: unknown) => {
        if (live) setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)) }));
      });
    return () => {
      live = false;
    };
  }, [client, workspaceId, caseId, key, tick]);

  return { rows: state.rows, pending: state.key !== key, error: state.error };
}
