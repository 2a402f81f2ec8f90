/**
 * Who may open which doc: the one rule the relay, the data service and the UI share. Isomorphic:
 * a pure function of the workspace doc (as the caller holds it), the doc name and the member.
 *
 * - Before the workspace doc is initialised (no settings id yet) only an `admin` may open docs of
 *   the workspace, read-write: that admin uploads the first workspace doc. Everyone else is
 *   refused (`workspace-not-set-up`): there is no member list yet to check them against.
 * - Afterwards the member must have a record in the workspace doc (`not-a-member`) that is not
 *   removed (`member-removed`). The role and agency in that record (not the caller's claim)
 *   count, so an admin's change applies at once.
 * - The workspace doc: admins read-write, everyone else read-only (only admins change members,
 *   the case index and the shared reference lists).
 * - A case doc: admins always read-write. Others need the case's `access` (in the workspace doc's
 *   case index) to name them or their agency (trimmed, case-insensitive); without `access`, or
 *   without an index entry yet, every member may open it. Observers only ever read.
 * - Case registration (the relay, when it is about to store a case doc for a non-admin): a case
 *   not in the workspace index must be in the connecting member's registry doc, so every case doc
 *   the relay holds is known to the admins (`case-not-registered`, retryable: a desktop that
 *   created the case offline syncs its registry first). Callers that pass no registry (the
 *   desktop, the relay's re-checks and change lists) skip this: registration only gates storing.
 * - A volume doc (`<wid>/case/<caseId>/vol/<n>`, a case's seizures beyond the case doc) is decided
 *   exactly as its case doc: {@link accessRef} maps it to the case before any rule runs, so the
 *   relay and the data service cannot treat the two differently.
 * - A registry doc (`<wid>/registry/<memberId>`): its member writes it (observers, who create no
 *   cases, read it), admins read every registry, everyone else is refused (`not-your-registry`).
 *
 * The desktop's own replica ({@link LocalState}) differs in two ways, both because the relay is
 * the authority and the replica only holds what the relay (or this member) put there:
 * - a member the replica's workspace doc does not know yet (joined, first sync pending; or the
 *   workspace doc not received yet) acts with the role of its invitation;
 * - once the relay said this member was removed (`revoked`), or the replica's record says so,
 *   the member keeps reading their copy but writes nothing.
 * Per-case access lists apply on the desktop too: a member the list leaves out cannot open the
 * case even when an older copy is on the disk.
 */
import type { MemberRole } from '../domain/codes';
import { roleMayWrite } from '../domain/member';
import { parseDocName, type DocRef } from '../docs/names';
import type { CaseAccess, MemberRecord } from '../docs/workspace-doc';

/** What a member may do with a doc. */
export type DocAccess = 'write' | 'read';

/**
 * Why a doc was refused (stable codes, safe to log and to send to the client):
 * `workspace-not-set-up` (non-admin before the workspace doc exists), `not-a-member`,
 * `member-removed`, `no-case-access` (the case's access list leaves the member out),
 * `case-not-registered` (a non-admin's case that is neither indexed nor in their registry; retry
 * after syncing the registry), `not-your-registry` (another member's registry doc, for a
 * non-admin), `bad-doc-name` (not a doc name of this layout).
 */
export type AccessRefusal = 'workspace-not-set-up' | 'not-a-member' | 'member-removed' | 'no-case-access' | 'case-not-registered' | 'not-your-registry' | 'bad-doc-name';

/** The member as the caller knows them: from a verified token (relay) or the local settings (desktop). */
export interface PermissionSubject {
  memberId: string;
  role: MemberRole;
  /** Agency name as the member entered it (compared trimmed and case-insensitively). */
  agency: string;
}

/** The member as decisions act on them: the workspace doc's record, or the subject while bootstrapping. */
export type ActingMember = PermissionSubject;

/** The parts of a workspace doc the permission model reads ({@link WorkspaceDoc} implements it). */
export interface WorkspaceFacts {
  /** True once the workspace doc carries its settings id. */
  isInitialised(): boolean;
  /** The member's record, removed or not; null when there is none. */
  getMemberRecord(id: string): MemberRecord | null;
  /** The case's access list; null when every member may open it. */
  caseAccess(caseId: string): CaseAccess | null;
  /** The case's index entry (null when there is none or it was deleted). */
  getCase(caseId: string): object | null;
}

/** The connecting member's case registry (see shared/docs/case-registry.ts). */
export interface RegistryFacts {
  /** True when the member registered `caseId`. */
  has(caseId: string): boolean;
}

/** The desktop's own state, passed by the data service and the UI (never by the relay). */
export interface LocalState {
  /** True once the relay refused this member as removed or not a member (the desktop's `accessRevoked`). */
  revoked: boolean;
}

/** The outcome of {@link decideDocAccess}. */
export type DocDecision = { ok: true; access: DocAccess; member: ActingMember } | { ok: false; reason: AccessRefusal };

/** Whom decisions act on, or why nobody; see the module comment for the rules. */
export type Standing = { ok: true; member: ActingMember; readOnly: boolean } | { ok: false; reason: AccessRefusal };

/**
 * Resolves `subject` against `workspace`: the acting member (the record's role and agency) and
 * whether they are held to reading (desktop: revoked or removed), or the refusal.
 */
export function standing(subject: PermissionSubject, workspace: WorkspaceFacts, local?: LocalState): Standing {
  const own: ActingMember = { memberId: subject.memberId, role: subject.role, agency: subject.agency };
  if (!workspace.isInitialised()) {
    if (local) return { ok: true, member: own, readOnly: local.revoked };
    if (subject.role !== 'admin') return { ok: false, reason: 'workspace-not-set-up' };
    return { ok: true, member: own, readOnly: false };
  }
  const record = workspace.getMemberRecord(subject.memberId);
  if (!record) return local ? { ok: true, member: own, readOnly: local.revoked } : { ok: false, reason: 'not-a-member' };
  const member: ActingMember = { memberId: record.id, role: record.role, agency: record.agency };
  if (record.removed) return local ? { ok: true, member, readOnly: true } : { ok: false, reason: 'member-removed' };
  return { ok: true, member, readOnly: local?.revoked ?? false };
}

/**
 * Decides what `subject` may do with doc `ref`, with the acting member; see the module comment.
 * `registry`: the subject's case registry, passed only where a case doc is about to be stored.
 */
export function decideDocAccess(subject: PermissionSubject, docRef: DocRef, workspace: WorkspaceFacts, local?: LocalState, registry?: RegistryFacts): DocDecision {
  const ref = accessRef(docRef);
  const s = standing(subject, workspace, local);
  if (!s.ok) return s;
  const { member } = s;
  const mayWrite = !s.readOnly && roleMayWrite(member.role);
  if (ref.kind === 'workspace') return { ok: true, access: mayWrite && member.role === 'admin' ? 'write' : 'read', member };
  if (ref.kind === 'registry') {
    if (ref.memberId.toLowerCase() === member.memberId.toLowerCase()) return { ok: true, access: mayWrite ? 'write' : 'read', member };
    return member.role === 'admin' ? { ok: true, access: 'read', member } : { ok: false, reason: 'not-your-registry' };
  }
  if (member.role !== 'admin' && workspace.isInitialised()) {
    const access = workspace.caseAccess(ref.caseId);
    if (access !== null && !listsMember(access, member)) return { ok: false, reason: 'no-case-access' };
    if (registry && access === null && workspace.getCase(ref.caseId) === null && !registry.has(ref.caseId)) return { ok: false, reason: 'case-not-registered' };
  }
  return { ok: true, access: mayWrite ? 'write' : 'read', member };
}

/**
 * True when deciding `subject`'s access to `ref` needs their case registry (a non-admin's case
 * doc that is not in the workspace index), so the relay loads the registry only then.
 */
export function needsRegistry(subject: PermissionSubject, docRef: DocRef, workspace: WorkspaceFacts): boolean {
  const ref = accessRef(docRef);
  if (ref.kind !== 'case' || !workspace.isInitialised()) return false;
  const record = workspace.getMemberRecord(subject.memberId);
  return record !== null && record.role !== 'admin' && workspace.getCase(ref.caseId) === null && workspace.caseAccess(ref.caseId) === null;
}

/**
 * What `member` may do with the doc named `docName` in `workspace`: `'write'`, `'read'`, or the
 * refusal code. Pass `local` on the desktop (its revoked state); the relay passes nothing.
 */
export function docAccess(member: PermissionSubject, docName: string, workspace: WorkspaceFacts, local?: LocalState): DocAccess | AccessRefusal {
  const ref = parseDocName(docName);
  if (!ref) return 'bad-doc-name';
  const d = decideDocAccess(member, ref, workspace, local);
  return d.ok ? d.access : d.reason;
}

/** The doc whose access decides `ref`'s: a volume's case doc (same workspace, same case id), else `ref` itself. */
export function accessRef(ref: DocRef): Exclude<DocRef, { kind: 'volume' }> {
  return ref.kind === 'volume' ? { kind: 'case', workspaceId: ref.workspaceId, caseId: ref.caseId } : ref;
}

/** True when a case's `access` names the member or their agency. */
function listsMember(access: CaseAccess, m: ActingMember): boolean {
  if (access.members?.includes(m.memberId)) return true;
  const agency = normaliseAgency(m.agency);
  return agency !== '' && (access.agencies ?? []).some((a) => normaliseAgency(a) === agency);
}

function normaliseAgency(s: string): string {
  return s.trim().toLocaleLowerCase('en');
}
