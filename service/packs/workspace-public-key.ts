/**
 * The workspace public key this desktop trusts, one rule for the Workspace key card
 * (`workspaceKey.get`) and for the in-app verifier (`packs.verify`), so the card's fingerprint is
 * the one a pack from this workspace verifies under: the key held here (made on first use on the
 * holder's desktop, workspace-key.ts), else the key that vouched for this member's signing key in
 * the workspace doc (which only admins write; the relay enforces it).
 */
import { keyId, publicJwkOf, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import { readCertificate } from '../../shared/docs/member-keys';
import { workspaceDocName } from '../../shared/docs/names';
import { holdsWorkspaceKey, storedWorkspaceKey, workspaceKey } from '../relay-sync/workspace-key';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** The trusted workspace public key and where it came from. */
export interface TrustedWorkspaceKey {
  jwk: PublicWorkspaceJwk;
  /** RFC 7638 thumbprint ({@link keyId}): the fingerprint the verifier prints. */
  kid: string;
  /** `this-desktop`: held here; `certificate`: the key that vouched for this member. */
  source: 'this-desktop' | 'certificate';
  /** When it vouched for this member (ms since epoch), for source `certificate`. */
  certifiedAt: number | null;
}

/** The trusted workspace public key of `ws`, or null on a joined desktop not yet vouched for. */
export async function trustedWorkspaceKey(ws: WorkspaceRuntime): Promise<TrustedWorkspaceKey | null> {
  const own = holdsWorkspaceKey(ws) ? await workspaceKey(ws) : storedWorkspaceKey(ws);
  if (own) {
    const jwk = publicJwkOf(own);
    return { jwk, kid: await keyId(jwk), source: 'this-desktop', certifiedAt: null };
  }
  const me = permissionContext(ws).subject.memberId;
  const record = ws.host.with(workspaceDocName(ws.id), (doc) => readCertificate(doc, me));
  if (!record) return null;
  const jwk = { kty: record.workspaceKey.kty, crv: record.workspaceKey.crv, x: record.workspaceKey.x };
  return { jwk, kid: await keyId(jwk), source: 'certificate', certifiedAt: record.at };
}
