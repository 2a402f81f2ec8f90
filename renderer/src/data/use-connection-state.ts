/**
 * The data-service connection state (connecting / open / reconnecting), for the header.
 */
import { useEffect, useState } from 'react';
import type { ConnectionState } from './client';
import { useClient } from '../app/services';

/** The current connection state, updated live. */
export function useConnectionState(): ConnectionState {
  const client = useClient();
  const [state, setState] = useState<ConnectionState>(client.state);
  useEffect(() => {
    setState(client.state);
    return client.onState(setState);
  }, [client]);
  return state;
}
