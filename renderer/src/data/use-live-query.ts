/**
 * Live queries: an RPC query whose result stays fresh. It runs again when its params change,
 * when the data service emits one of the events named in `refetchOn` (optionally filtered by
 * payload), and after the connection comes back (events sent meanwhile were missed). The previous
 * result stays on screen while a refetch runs, so lists do not flicker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RpcEventName, RpcEvents, RpcMethod, RpcParams, RpcResult } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';

/** An event that makes a query refetch; `when` filters by payload (absent: every such event). */
export interface EventTrigger<E extends RpcEventName = RpcEventName> {
  event: E;
  when?: (payload: RpcEvents[E]) => boolean;
}

/** Events that make a query refetch: names, or triggers with a payload filter. */
export type RefetchOn = readonly (RpcEventName | EventTrigger<'projection.changed'> | EventTrigger<'workspaces.changed'> | EventTrigger<'sync.status'> | EventTrigger<'storage.status'> | EventTrigger<'protocol.error'>)[];

/** Options of {@link useLiveQuery}. */
export interface LiveQueryOptions {
  /** Events after which the query runs again (coalesced: a burst gives one refetch). */
  refetchOn?: RefetchOn;
  /**
   * Keep showing the previous result while the query for new params runs (filters, search),
   * instead of showing nothing. Leave off when new params mean a different thing (another case).
   */
  keepPrevious?: boolean;
}

/** State of a live query. `data` is the last successful result (kept during refetches). */
export interface LiveQuery<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  /**
   * True while `data` answers other params than the current ones (kept by `keepPrevious` while
   * the new query runs): a count or a list shown from it must say it is updating, not claim it.
   */
  stale: boolean;
  /** Runs the query again now. */
  reload: () => void;
}

/** Delay that coalesces bursts of change events (e.g. typing in a summary) into one refetch, in ms. */
export const REFETCH_DEBOUNCE_MS = 120;

/**
 * Refetch when workspace `workspaceId`'s projections change — with `caseId`, only when that case
 * is among them. A null or undefined `workspaceId` (none chosen yet) matches nothing.
 */
export function projectionChanged(workspaceId: string | null | undefined, caseId?: string): EventTrigger<'projection.changed'> {
  return { event: 'projection.changed', when: (p) => Boolean(workspaceId) && p.workspaceId === workspaceId && (!caseId || p.caseIds.includes(caseId)) };
}

/** Refetch on `sync.status` events of workspace `workspaceId`. */
export function syncStatusOf(workspaceId: string): EventTrigger<'sync.status'> {
  return { event: 'sync.status', when: (s) => s.workspaceId === workspaceId };
}

/**
 * Calls `method` with `params` (skipped while `params` is null) and keeps the result fresh as
 * described above. Params are compared by value (JSON), so inline objects are fine; so are
 * inline `refetchOn` arrays (only their event names decide the subscriptions).
 */
export function useLiveQuery<M extends RpcMethod>(method: M, params: RpcParams<M> | null, options: LiveQueryOptions = {}): LiveQuery<RpcResult<M>> {
  const client = useClient();
  const key = params === null ? null : JSON.stringify(params);
  const [state, setState] = useState<{ data: RpcResult<M> | undefined; error: Error | null; loading: boolean; key: string | null }>({
    data: undefined,
    error: null,
    loading: params !== null,
    key,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, ...(s.key !== key ? { error: null } : {}) }));
    client
      .call(method, JSON.parse(key) as RpcParams<M>)
      .then((data) => live && setState({ data, error: null, loading: false, key }))
      .catch((error: unknown) => live && setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false })));
    return () => {
      live = false;
    };
  }, [client, method, key, tick]);

  const triggers = useRef<RefetchOn>([]);
  triggers.current = options.refetchOn ?? [];
  const names = [...new Set(triggers.current.map((t) => (typeof t === 'string' ? t : t.event)))].sort().join(' ');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, REFETCH_DEBOUNCE_MS);
    };
    const offs = names
      .split(' ')
      .filter(Boolean)
      .map((name) =>
        client.on(name as RpcEventName, (payload) => {
          const hit = triggers.current.some((t) => {
            if (typeof t === 'string') return t === name;
            if (t.event !== name) return false;
            return !t.when || (t.when as (p: unknown) => boolean)(payload);
          });
          if (hit) later();
        }),
      );
    offs.push(
      client.onState((s) => {
        if (s === 'open') later();
      }),
    );
    return () => {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
    };
  }, [client, names, reload]);

  const fresh = state.key === key || (options.keepPrevious === true && key !== null);
  const data = fresh ? state.data : undefined;
  return { data, error: state.error, loading: state.loading, stale: data !== undefined && state.key !== key, reload };
}
