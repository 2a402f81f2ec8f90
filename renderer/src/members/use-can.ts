/**
 * What the UI hides or disables comes from the permission model (shared/permissions), the same
 * table the data service checks at RPC dispatch, so a button is shown exactly when its call would
 * be allowed. Screens know the workspace summary (this member's id and role), not the workspace
 * doc, so the role decides; a doc the member may only read additionally says so through its
 * replica's `read-only` status.
 */
import { useCallback } from 'react';
import { can, type Action } from '../../../shared/permissions';
import type { WorkspaceSummary } from '../../../shared/rpc/app';

/** True when the member of workspace summary `ws` may do `action` (by their role; see the module comment). */
export function canIn(ws: Pick<WorkspaceSummary, 'memberId' | 'role'>, action: Action): boolean {
  return can({ memberId: ws.memberId, role: ws.role, agency: '' }, action, { local: { revoked: false } });
}

/** A stable `(action) => boolean` for workspace summary `ws` (undefined while it loads: nothing is allowed). */
export function useCan(ws: Pick<WorkspaceSummary, 'memberId' | 'role'> | undefined): (action: Action) => boolean {
  const memberId = ws?.memberId;
  const role = ws?.role;
  return useCallback((action: Action) => (memberId !== undefined && role !== undefined ? canIn({ memberId, role }, action) : false), [memberId, role]);
}
