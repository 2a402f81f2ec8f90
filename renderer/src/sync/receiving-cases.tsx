/**
 * The empty case list of a workspace that is still receiving its cases from the relay (just
 * joined, or catching up): "Receiving cases from the relay…" instead of "No cases yet".
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
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
      <h3 role="status">{t('sync.receiving.title')}</h3>
      <p>{t('sync.receiving.text')}</p>
    </div>
  );
}
