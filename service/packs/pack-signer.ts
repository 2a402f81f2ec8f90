/**
 * Who signs a case pack on this desktop: the member's own Ed25519 signing key (made on first use,
 * kept only in this machine's encrypted workspace database as local setting `memberSigningKey`,
 * never synced) and a member certificate by which the workspace key vouches for it (local setting
 * `memberCertificate`). A desktop that holds the workspace key (an admin's) issues the certificate
 * itself; any other desktop cannot sign yet and says so (docs/case-packs.md, "Signing keys").
 */
import { publicJwkOf, type PrivateWorkspaceJwk } from '../../shared/auth/keys';
import { NestError } from '../../shared/errors';
import type { Member } from '../../shared/domain/member';
import { issueMemberCertificate, signManifestBytes, SIGNATURE_FORMAT, verifyMemberCertificate, type SignatureFile } from '../../shared/packs/signature';
import { keyInSetting, storedWorkspaceKey } from '../relay-sync/workspace-key';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** Signs a manifest's bytes as `member` of `ws`. */
export type ManifestSigner = (manifest: Uint8Array) => Promise<SignatureFile>;

/** The member's signing key (generated and stored on first use). */
export function memberSigningKey(ws: WorkspaceRuntime): Promise<PrivateWorkspaceJwk> {
  return keyInSetting(ws, 'memberSigningKey');
}

/**
 * A signer for `member` on this desktop.
 * @param now ms since epoch, stamped into a newly issued certificate.
 * @throws NestError('forbidden', pack.cannot-sign) when this desktop holds no workspace key.
 */
export async function packSigner(ws: WorkspaceRuntime, member: Member, now: number): Promise<ManifestSigner> {
  const workspaceKey = storedWorkspaceKey(ws);
  if (!workspaceKey) throw new NestError('forbidden', { id: 'pack.cannot-sign' });
  const vouching = publicJwkOf(workspaceKey);
  const key = await memberSigningKey(ws);
  const memberKey = publicJwkOf(key);
  let cert = ws.store.getSetting<string | null>('memberCertificate', null);
  // A certificate for an older key, another member record or another workspace key is re-issued.
  const claims = cert ? await verifyMemberCertificate(cert, vouching).catch(() => null) : null;
  if (!claims || claims.memberKey.x !== memberKey.x || claims.memberId !== member.id || claims.role !== member.role || claims.name !== member.name || claims.agency !== member.agency) {
    cert = await issueMemberCertificate(workspaceKey, { workspaceId: ws.id, memberId: member.id, name: member.name, agency: member.agency, role: member.role, memberKey, issuedAt: now });
    ws.store.setSetting('memberCertificate', cert);
  }
  const certificate = cert!;
  return async (manifest) => ({ format: SIGNATURE_FORMAT, jws: await signManifestBytes(manifest, key), memberKey, memberCertificate: certificate, workspaceKey: vouching });
}
