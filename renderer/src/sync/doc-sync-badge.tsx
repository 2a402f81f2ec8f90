/**
 * One document's link to the relay, for the case header: "Synced", "Syncing…", "Offline",
 * "Access refused", "Sync error", read from `status.live[docName]` of the workspace's sync status.
 * Nothing is shown when the workspace does not sync (or the doc has no live link yet).
 */
import type { ReactNode } from 'react';
import { useSyncStatus } from './use-sync-status';
import { SYNC_STATE_LABELS, syncTone, type DocSyncState } from './sync-labels';
import './sync.css';

const TITLES: Record<DocSyncState, string> = {
  synced: 'This case is in step with the relay: colleagues see your changes as you make them.',
  'read-only': 'This case is in step with the relay; you may read it but not change it.',
  syncing: 'Exchanging this case’s changes with the relay…',
  offline: 'The relay cannot be reached: changes to this case are saved on this computer and sent when it is back.',
  refused: 'The relay refused access to this case.',
  error: 'This case could not be synced; NEST Desk keeps trying.',
};

/** The link state of doc `docName` in workspace `workspaceId`. */
export function DocSyncBadge(props: { workspaceId: string; docName: string }): ReactNode {
  const status = useSyncStatus(props.workspaceId);
  if (!status || status.state === 'off') return null;
  const state = status.live[props.docName];
  if (!state) return null;
  // A read-only link is shown as synced: the case header has its own "Read-only" badge.
  const shown: DocSyncState = state === 'read-only' ? 'synced' : state;
  return (
    <span className={`doc-sync sync-tone-${syncTone(shown)}`} data-testid="doc-sync-state" data-state={state} title={TITLES[state]}>
      <span className="sync-dot" aria-hidden="true" />
      {SYNC_STATE_LABELS[shown]}
      <span className="visually-hidden"> (this case’s link to the relay)</span>
    </span>
  );
}
