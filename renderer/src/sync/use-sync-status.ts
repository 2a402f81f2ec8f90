/**
 * The sync status of a workspace, live: read once with `sync.status`, then kept current from the
 * data service's `sync.status` events, and read again after the connection to the data service
 * comes back (events sent meanwhile were missed).
 */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/rpc/sync';
import { useClient } from '../app/services';

/** The sync status of `workspaceId`, or null until it is known (or while `workspaceId` is null). */
export function useSyncStatus(workspaceId: string | null): SyncStatus | null {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);

  useEffect(() => {
    setStatus(null);
    if (!workspaceId) return;
    let live = true;
    // An event newer than a pending read wins over the read's (older) answer.
    let generation = 0;
    const read = (): void => {
      const asked = ++generation;
      client.call('sync.status', { workspaceId }).then(
        (s) => {
          if (live && asked === generation) setStatus(s);
        },
        () => undefined, // the header stays as it was; the connection indicator reports the failure
      );
    };
    read();
    const offEvent = client.on('sync.status', (s) => {
      if (s.workspaceId !== workspaceId) return;
      generation++;
      setStatus(s);
    });
    const offState = client.onState((st) => {
      if (st === 'open') read();
    });
    return () => {
      live = false;
      offEvent();
      offState();
    };
  }, [client, workspaceId]);

  return status;
}
