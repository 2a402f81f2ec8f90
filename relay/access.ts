/**
 * The relay's door to the permission model (shared/permissions): who may open which doc, decided
 * from the workspace doc the relay holds (the token only says who the member is). The rules live
 * in shared/permissions/doc-access.ts; this adapter keeps the relay's call sites unchanged.
 */
import type { MemberRole } from '../shared/domain/codes';
import type { DocRef } from '../shared/docs/names';
import type { WorkspaceDoc } from '../shared/docs/workspace-doc';
import { decideDocAccess, type AccessRefusal, type ActingMember, type DocAccess, type DocDecision, type RegistryFacts } from '../shared/permissions';

export type { AccessRefusal, ActingMember, DocAccess };

/** The outcome of {@link decideAccess}. */
export type AccessDecision = DocDecision;

/**
 * Decides what `claims` (a verified token's member id, role and agency) may do with doc `ref`,
 * from `workspace` (the workspace doc of `ref.workspaceId` as the relay holds it), with the
 * relay's view (no local state: non-members and removed members are refused). `registry`: the
 * member's case registry (relay/registration.ts), where a non-admin's unindexed case doc is about
 * to be opened or listed; without it registration is not checked.
 */
export function decideAccess(workspace: WorkspaceDoc, ref: DocRef, claims: { memberId: string; role: MemberRole; agency: string }, registry?: RegistryFacts): AccessDecision {
  return decideDocAccess(claims, ref, workspace, undefined, registry);
}
