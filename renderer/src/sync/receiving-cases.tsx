/**
 * The empty case list of a workspace that is still receiving its cases from the relay (just
 * joined, or catching up): "Receiving cases from the relay…" instead of "No cases yet".
 */
import type { ReactNode } from 'react';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

/** Shows a "receiving" notice while `workspaceId` syncs, else `children` (the usual empty state). */
export function WhileReceivingCases(props: { workspaceId: string; children: ReactNode }): ReactNode {
  const status = useSyncStatus(props.workspaceId);
  const receiving = status !== null && (status.state === 'syncing' || (status.state === 'synced' && status.lastSyncedAt === null));
  if (!receiving) return props.children;
  return (
    <div className="empty receiving" data-testid="receiving-cases">
      <span className="spinner spinner-lg" aria-hidden="true" />
      <h3 role="status">Receiving cases from the relay…</h3>
      <p>The workspace’s cases appear here as they arrive. You can keep this page open; nothing needs to be done.</p>
    </div>
  );
}
