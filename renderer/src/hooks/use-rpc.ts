/**
 * Runs an RPC query and keeps its result fresh: re-runs when its params change, when the data
 * service reports that a workspace's projections changed (`projection.changed`, optionally only
 * for one case), on `workspaces.changed` when asked, and after a reconnect. The previous result
 * stays on screen while a refresh runs, so lists do not flicker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RpcMethod, RpcParams, RpcResult } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';

/** When a query should refresh by itself. */
export interface RefreshOn {
  /** Refresh when this workspace's projections change. */
  workspaceId?: string;
  /** With `workspaceId`: only when this case is among the changed ones. */
  caseId?: string;
  /** Refresh on `workspaces.changed`. */
  workspaces?: boolean;
  /**
   * Keep showing the previous result while the query for new params runs (filters, search),
   * instead of showing nothing. Leave off when new params mean a different thing (another case).
   */
  keepPrevious?: boolean;
}

/** State of a query. `data` is the last successful result (kept during refreshes). */
export interface RpcQuery<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/** Delay that coalesces bursts of change events (e.g. typing in a summary) into one refresh, in ms. */
const REFRESH_DEBOUNCE_MS = 120;

/**
 * Calls `method` with `params` (skipped while `params` is null) and refreshes per `refreshOn`.
 * Params are compared by value (JSON), so inline objects are fine.
 */
export function useRpc<M extends RpcMethod>(method: M, params: RpcParams<M> | null, refreshOn: RefreshOn = {}): RpcQuery<RpcResult<M>> {
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
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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

  const { workspaceId, caseId, workspaces } = refreshOn;
  useEffect(() => {
    const later = (): void => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(reload, REFRESH_DEBOUNCE_MS);
    };
    const offs: (() => void)[] = [];
    if (workspaceId) {
      offs.push(
        client.on('projection.changed', (p) => {
          if (p.workspaceId === workspaceId && (!caseId || p.caseIds.includes(caseId))) later();
        }),
      );
    }
    if (workspaces) offs.push(client.on('workspaces.changed', later));
    offs.push(
      client.onState((s) => {
        if (s === 'open') later();
      }),
    );
    return () => {
      for (const off of offs) off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [client, workspaceId, caseId, workspaces, reload]);

  const fresh = state.key === key || (refreshOn.keepPrevious === true && key !== null);
  return { data: fresh ? state.data : undefined, error: state.error, loading: state.loading, reload };
}
