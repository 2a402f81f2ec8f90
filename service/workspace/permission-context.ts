/**
 * The permission model's inputs as this desktop knows them for one workspace: the member (local
 * settings; agency from the workspace doc's record), the replica's workspace doc and whether the
 * relay revoked this member's access (local setting `accessRevoked`, kept by the sync engine).
 */
import type { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import type { LocalState, PermissionSubject } from '../../shared/permissions';
import type { WorkspaceRuntime } from './workspace-runtime';

/** The member, workspace doc and local state that `can` and `docAccess` take for workspace `ws`. */
export function permissionContext(ws: WorkspaceRuntime): { subject: PermissionSubject; target: { workspace: WorkspaceDoc; local: LocalState } } {
  const local = ws.local();
  const workspace = ws.workspaceDoc();
  const agency = workspace.getMemberRecord(local.memberId)?.agency ?? '';
  const revoked = ws.store.getSetting<string | null>('accessRevoked', null) !== null;
  return { subject: { memberId: local.memberId, role: local.role, agency }, target: { workspace, local: { revoked } } };
}
