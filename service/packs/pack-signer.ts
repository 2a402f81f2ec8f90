/**
 * Who signs a case pack on this desktop: the member's own Ed25519 signing key (made on first use,
 * kept only in this machine's encrypted workspace database as local setting `memberSigningKey`,
 * never synced) and a member certificate by which the workspace key vouches for it. The desktop
 * that holds the workspace key issues its own certificate (local setting `memberCertificate`);
 * every other member's certificate is issued by that desktop for the key the member published in
 * their registry doc, and arrives in the workspace doc (docs/case-packs.md, "Signing keys"). The
 * demo workspace, a local sandbox, has a workspace key of its own on this machine; so has every
 * workspace created on this desktop, made on first use even before it connects to a relay.
 */
import { publicJwkOf, type PrivateWorkspaceJwk, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import { readCertificate } from '../../shared/docs/member-keys';
import { workspaceDocName } from '../../shared/docs/names';
import { NestError } from '../../shared/errors';
import type { Member } from '../../shared/domain/member';
import { issueMemberCertificate, signManifestBytes, SIGNATURE_FORMAT, verifyMemberCertificate, type SignatureFile } from '../../shared/packs/signature';
import { holdsWorkspaceKey, keyInSetting, storedWorkspaceKey, workspaceKey as workspaceKeyOf } from '../relay-sync/workspace-key';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { publishMySigningKey } from './pack-keys';

/** Signs a manifest's bytes as `member` of `ws`. */
export type ManifestSigner = (manifest: Uint8Array) => Promise<SignatureFile>;

/** The member's signing key (generated and stored on first use). */
export function memberSigningKey(ws: WorkspaceRuntime): Promise<PrivateWorkspaceJwk> {
  return keyInSetting(ws, 'memberSigningKey');
}

/**
 * A signer for `member` on this desktop. With the workspace key here (the key holder's desktop),
 * the certificate is issued on the spot; otherwise it is the one an admin's desktop wrote into the
 * workspace doc for this member's published key (pack-keys.ts publishes it).
 * @param now ms since epoch, stamped into a newly issued certificate.
 * @throws NestError('forbidden', pack.awaiting-certificate) when no valid certificate for this
 *   member's key has arrived yet (the key is published, so the next admin sync will bring one).
 */
export async function packSigner(ws: WorkspaceRuntime, member: Member, now: number): Promise<ManifestSigner> {
  const key = await memberSigningKey(ws);
  const memberKey = publicJwkOf(key);
  // The holder makes the key on first use, as "Connect to relay" would (the same stored key then
  // serves both). A joined desktop waits for the holder's certificate.
  const workspaceKey = holdsWorkspaceKey(ws) ? await workspaceKeyOf(ws) : storedWorkspaceKey(ws);
  let certificate: string;
  let vouching: PublicWorkspaceJwk;
  if (workspaceKey) {
    vouching = publicJwkOf(workspaceKey);
    const stored = ws.store.getSetting<string | null>('memberCertificate', null);
    certificate = stored && (await certifies(stored, vouching, member, memberKey)) ? stored : await issueMemberCertificate(workspaceKey, { workspaceId: ws.id, memberId: member.id, name: member.name, agency: member.agency, role: member.role, memberKey, issuedAt: now });
    if (certificate !== stored) ws.store.setSetting('memberCertificate', certificate);
  } else {
    const record = ws.host.with(workspaceDocName(ws.id), (doc) => readCertificate(doc, member.id));
    if (!record || !(await certifies(record.certificate, record.workspaceKey, member, memberKey))) {
      await publishMySigningKey(ws, now);
      throw new NestError('forbidden', { id: 'pack.awaiting-certificate' });
    }
    certificate = record.certificate;
    vouching = record.workspaceKey;
  }
  return async (manifest) => ({ format: SIGNATURE_FORMAT, jws: await signManifestBytes(manifest, key), memberKey, memberCertificate: certificate, workspaceKey: vouching });
}

/** True when `cert` is signed by `vouching` and states this member (as now) and this key. */
async function certifies(cert: string, vouching: PublicWorkspaceJwk, member: Member, memberKey: PublicWorkspaceJwk): Promise<boolean> {
  const c = await verifyMemberCertificate(cert, vouching).catch(() => null);
  return !!c && c.memberKey.x === memberKey.x && c.memberId === member.id && c.role === member.role && c.name === member.name && c.agency === member.agency;
}
