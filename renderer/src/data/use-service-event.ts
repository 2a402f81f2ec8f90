/**
 * Events the data service pushes (`projection.changed`, `workspaces.changed`, `sync.status`, …),
 * as a hook whose subscription lives and dies with the component.
 */
import { useEffect, useRef } from 'react';
import type { RpcEventName, RpcEvents } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';

/**
 * Calls `handler` with each `name` event while the component is mounted. The latest `handler`
 * is used (an inline function is fine: it does not re-subscribe on every render).
 */
export function useServiceEvent<E extends RpcEventName>(name: E, handler: (payload: RpcEvents[E]) => void): void {
  const client = useClient();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => client.on(name, (p) => latest.current(p)), [client, name]);
}
