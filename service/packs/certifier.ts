/**
 * On a desktop that holds the workspace key (an admin's): gives every current member whose
 * registry doc publishes a signing key a certificate for its newest key, in the workspace doc
 * (shared/docs/member-keys.ts). Runs when a registry doc or the member list changes; issues only
 * what is missing or out of date (another key, name, agency, role or workspace key), so repeated
 * runs write nothing.
 */
import { keyId, publicJwkOf } from '../../shared/auth/keys';
import { registryDocName, workspaceDocName } from '../../shared/docs/names';
import { publishedSigningKeys, readCertificate, writeCertificate } from '../../shared/docs/member-keys';
import { issueMemberCertificate, verifyMemberCertificate } from '../../shared/packs/signature';
import { storedWorkspaceKey } from '../relay-sync/workspace-key';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * Issues the missing or outdated certificates.
 * @param now ms since epoch (the certificates' issue time).
 * @returns the ids of the members certified now (empty on a desktop without the workspace key).
 */
export async function certifyMembers(ws: WorkspaceRuntime, now: number): Promise<string[]> {
  const key = storedWorkspaceKey(ws);
  if (!key) return [];
  const wsPublic = publicJwkOf(key);
  const wsKid = await keyId(wsPublic);
  const wsDoc = ws.workspaceDoc();
  const docName = workspaceDocName(ws.id);
  const issued: string[] = [];
  for (const m of wsDoc.listMembers()) {
    const regName = registryDocName(ws.id, m.id);
    if (!ws.host.exists(regName)) continue;
    const [newest] = ws.host.with(regName, (reg) => publishedSigningKeys(reg));
    if (!newest) continue;
    const current = ws.host.with(docName, (doc) => readCertificate(doc, m.id));
    if (current && (await keyId(current.workspaceKey)) === wsKid) {
      const claims = await verifyMemberCertificate(current.certificate, wsPublic).catch(() => null);
      if (claims && claims.memberKey.x === newest.jwk.x && claims.name === m.name && claims.agency === m.agency && claims.role === m.role && claims.workspaceId === ws.id) continue;
    }
    const certificate = await issueMemberCertificate(key, { workspaceId: ws.id, memberId: m.id, name: m.name, agency: m.agency, role: m.role, memberKey: newest.jwk, issuedAt: now });
    ws.host.with(docName, (doc) => doc.transact(() => writeCertificate(doc, m.id, { certificate, workspaceKey: wsPublic, at: now }), { memberId: ws.local().memberId }));
    issued.push(m.id);
  }
  return issued;
}
