/**
 * The members of a workspace, from its workspace doc view — the one way the renderer reads
 * members — so a member added or removed here, in another window or on another desktop shows
 * at once, in lists, "updated by" columns and the audit trail alike.
 */
import { useMemo } from 'react';
import { WorkspaceDoc } from '../../../shared/docs/workspace-doc';
import { workspaceDocName } from '../../../shared/docs/names';
import type { Member } from '../../../shared/domain/member';
import { useDocView } from '../data/use-doc-view';

/** Members of a workspace, by id in name order; `synced` false until the workspace doc has synced. */
export interface WorkspaceMembers {
  byId: Map<string, Member>;
  synced: boolean;
}

/** The members of `workspaceId`, live; empty until the workspace doc has synced. */
export function useWorkspaceMembers(workspaceId: string): WorkspaceMembers {
  const dv = useDocView(workspaceDocName(workspaceId), WorkspaceDoc);
  const view = dv?.view;
  const version = dv?.version;
  const byId = useMemo(() => new Map((view?.listMembers() ?? []).map((m) => [m.id, m])), [view, version]);
  return { byId, synced: dv?.synced ?? false };
}

/** Members of `workspaceId` by id (name order); empty until the workspace doc has synced. */
export function useMembers(workspaceId: string): Map<string, Member> {
  return useWorkspaceMembers(workspaceId).byId;
}
