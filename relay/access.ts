/**
 * Who may open which doc, decided from the workspace doc the relay holds (the token only says who
 * the member is). Isomorphic: a pure function of the workspace doc, the doc name and the member.
 *
 * - Before the workspace doc is initialised (no settings id yet) only a token with role `admin`
 *   may connect, to any doc of the workspace: that admin uploads the first workspace doc.
 * - Afterwards the member must have a record in the workspace doc and not be removed; the role
 *   and agency in that record (not the token's) count, so an admin's change applies at once.
 * - The workspace doc: admins read-write, everyone else read-only.
 * - A case doc: admins always read-write; others need the case's `access` to name them or their
 *   agency (no `access`, or no index entry yet: every member); observers read-only.
 */
import type { MemberRole } from '../shared/domain/codes';
import { roleMayWrite } from '../shared/domain/member';
import type { DocRef } from '../shared/docs/names';
import type { WorkspaceDoc } from '../shared/docs/workspace-doc';

/** What a connection may do with its doc. */
export type DocAccess = 'write' | 'read';

/** Why access was refused (stable codes, safe to log and to send to the client). */
export type AccessRefusal = 'workspace-not-set-up' | 'not-a-member' | 'member-removed' | 'no-case-access';

/** The member as the relay acts on it: from the workspace doc, or from the token while bootstrapping. */
export interface ActingMember {
  memberId: string;
  role: MemberRole;
  agency: string;
}

/** The outcome of {@link decideAccess}. */
export type AccessDecision = { ok: true; access: DocAccess; member: ActingMember } | { ok: false; reason: AccessRefusal };

/**
 * Decides what `claims` (a verified token's member id and role) may do with doc `ref`, from
 * `workspace` (the workspace doc of `ref.workspaceId` as the relay holds it).
 */
export function decideAccess(workspace: WorkspaceDoc, ref: DocRef, claims: { memberId: string; role: MemberRole; agency: string }): AccessDecision {
  if (!workspace.isInitialised()) {
    if (claims.role !== 'admin') return { ok: false, reason: 'workspace-not-set-up' };
    return { ok: true, access: 'write', member: { memberId: claims.memberId, role: 'admin', agency: claims.agency } };
  }
  const record = workspace.getMemberRecord(claims.memberId);
  if (!record) return { ok: false, reason: 'not-a-member' };
  if (record.removed) return { ok: false, reason: 'member-removed' };
  const member: ActingMember = { memberId: record.id, role: record.role, agency: record.agency };
  if (ref.kind === 'workspace') return { ok: true, access: record.role === 'admin' ? 'write' : 'read', member };
  if (record.role !== 'admin') {
    const access = workspace.caseAccess(ref.caseId);
    if (access !== null && !listsMember(access, member)) return { ok: false, reason: 'no-case-access' };
  }
  return { ok: true, access: roleMayWrite(record.role) ? 'write' : 'read', member };
}

function listsMember(access: { agencies?: string[]; members?: string[] }, m: ActingMember): boolean {
  if (access.members?.includes(m.memberId)) return true;
  const agency = normaliseAgency(m.agency);
  return agency !== '' && (access.agencies ?? []).some((a) => normaliseAgency(a) === agency);
}

function normaliseAgency(s: string): string {
  return s.trim().toLocaleLowerCase('en');
}
