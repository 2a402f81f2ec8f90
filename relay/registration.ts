/**
 * Case registration at the relay: a non-admin's case doc that is not in the workspace index is
 * stored (or even opened) only when the case is in that member's registry doc
 * (`<wid>/registry/<memberId>`, shared/docs/case-registry.ts), so every case doc the relay holds
 * is known to the workspace's admins. The rule is shared/permissions' `case-not-registered`; this
 * module only loads the member's registry when the rule needs it.
 */
import { CaseRegistry } from '../shared/docs/case-registry';
import { registryDocName, type DocRef } from '../shared/docs/names';
import type { WorkspaceDoc } from '../shared/docs/workspace-doc';
import { needsRegistry, type PermissionSubject, type RegistryFacts } from '../shared/permissions';
import type { RoomRegistry } from './rooms';

/**
 * The case registry of `claims`' member when deciding on `ref` needs it (a non-admin's
 * unindexed case doc), else undefined. Holds the registry room only while reading it.
 */
export async function registryFor(rooms: RoomRegistry, workspace: WorkspaceDoc, ref: DocRef, claims: PermissionSubject): Promise<RegistryFacts | undefined> {
  if (!needsRegistry(claims, ref, workspace)) return undefined;
  const room = await rooms.acquire(registryDocName(ref.workspaceId, claims.memberId));
  try {
    const reg = new CaseRegistry(room.doc);
    const ids = new Set(reg.caseIds());
    return { has: (caseId) => ids.has(caseId) };
  } finally {
    rooms.release(room);
  }
}
