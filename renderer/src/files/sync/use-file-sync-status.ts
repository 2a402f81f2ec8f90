/**
 * The sync status of every file of a case (blob sync with the relay), kept fresh: the data
 * service's `files.syncStatus` answer, with each `files.status` event for this case merged in as
 * it arrives (uploads and downloads report progress several times a second). The answer is asked
 * again after a reconnect (events sent meanwhile were missed) and when "keep offline" changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FileSyncStatus } from '../../../../shared/rpc/files';
import { useLiveQuery } from '../../data/use-live-query';
import { useServiceEvent } from '../../data/use-service-event';

/** What {@link useFileSyncStatus} gives: statuses by file id, the keep-offline flag, load state. */
export interface FileSyncStatusState {
  /** file id → its status (files the service has not reported yet are absent). */
  byFile: ReadonlyMap<string, FileSyncStatus>;
  /** Whether this desktop keeps the case's files offline; undefined until known. */
  keepOffline: boolean | undefined;
  loading: boolean;
  error: Error | null;
  /** Asks the data service again. */
  reload: () => void;
}

/** The sync status of every file of case `caseId` of workspace `workspaceId`. */
export function useFileSyncStatus(workspaceId: string, caseId: string): FileSyncStatusState {
  const q = useLiveQuery('files.syncStatus', { workspaceId, caseId });
  // Events newer than the last answer, by file id; cleared when a new answer arrives.
  const [overlay, setOverlay] = useState<ReadonlyMap<string, FileSyncStatus>>(new Map());
  useEffect(() => setOverlay(new Map()), [q.data]);
  useServiceEvent('files.status', (e) => {
    if (e.workspaceId !== workspaceId || e.caseId !== caseId) return;
    setOverlay((prev) => {
      const next = new Map(prev);
      for (const f of e.files) next.set(f.fileId, f);
      return next;
    });
  });
  const byFile = useMemo(() => {
    const m = new Map<string, FileSyncStatus>();
    for (const f of q.data?.files ?? []) m.set(f.fileId, f);
    for (const [id, f] of overlay) m.set(id, f);
    return m;
  }, [q.data, overlay]);
  return { byFile, keepOffline: q.data?.keepOffline, loading: q.loading, error: q.error, reload: q.reload };
}
