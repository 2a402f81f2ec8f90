/**
 * `manifest.sig`: who signed a pack, and with what authority.
 *
 * - The exporting member signs the manifest's exact bytes with their own Ed25519 key: a detached
 *   JWS (RFC 7515 with RFC 7797 unencoded payload, `alg: EdDSA`), so any JOSE library can check it
 *   against `manifest.json` as it is.
 * - The member's public key is vouched for by a **member certificate**: a compact JWS signed by the
 *   workspace key (typ `nest-member-cert+jwt`) binding the member's id, name, agency and role to
 *   that public key.
 * - The workspace public key is included so that a verifier can say which key vouched; it is
 *   trusted only when the verifier is given the same key (or its id) out of band.
 *
 * Isomorphic (jose on WebCrypto), so the desktop, the CLI and the relay can all use it.
 */
import { compactVerify, CompactSign, decodeProtectedHeader, flattenedVerify, FlattenedSign } from 'jose';
import { z } from 'zod';
import { MEMBER_ROLES, type MemberRole } from '../domain/codes';
import { keyId, parsePrivateJwk, parsePublicJwk, publicJwkOf, publicJwkSchema, type PrivateWorkspaceJwk, type PublicWorkspaceJwk } from '../auth/keys';

/** The signature file's format tag. */
export const SIGNATURE_FORMAT = 'nest-pack-signature/1';
/** The JWS `typ` of a member certificate. */
export const MEMBER_CERT_TYP = 'nest-member-cert+jwt';

/** What a member certificate states (times in ms since epoch). */
export interface MemberCertificateClaims {
  workspaceId: string;
  memberId: string;
  name: string;
  agency: string;
  role: MemberRole;
  /** The member's signing key (Ed25519 public JWK). */
  memberKey: PublicWorkspaceJwk;
  issuedAt: number;
}

// The schemas are built by functions, afresh on each call, not when the module loads, so that
// mutation testing can tell which test reached each of their mutants (see manifest.ts).

/** A member certificate's payload (JWT-style claim names; `iat` in seconds). */
function certPayloadSchema() {
  return z.object({
    wid: z.string().min(1).max(100),
    sub: z.string().min(1).max(100),
    name: z.string().max(120),
    agency: z.string().max(200),
    role: z.enum(MEMBER_ROLES),
    key: publicJwkSchema,
    iat: z.number().int().nonnegative(),
  });
}

/**
 * A detached JWS in compact form: `<protected header>..<signature>`, both base64url (no padding, no
 * `+` or `/`), the payload part empty. Captures the header (1) and the signature (2).
 */
function detachedJwsPattern(): RegExp {
  return /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/;
}

/** The contents of `manifest.sig`. */
export function signatureFileSchema() {
  return z.object({
    format: z.literal(SIGNATURE_FORMAT),
    /** Detached JWS over manifest.json's bytes: `<protected header>..<signature>`. */
    jws: z.string().regex(detachedJwsPattern()),
    /** The signing member's public key. */
    memberKey: publicJwkSchema,
    /** Compact JWS by the workspace key vouching for {@link memberKey}. */
    memberCertificate: z.string().max(10_000),
    /** The workspace public key that signed the certificate. */
    workspaceKey: publicJwkSchema,
  });
}
/** The contents of `manifest.sig`. */
export type SignatureFile = z.infer<ReturnType<typeof signatureFileSchema>>;

/**
 * The workspace key vouches for a member's signing key.
 * @throws NestError('invalid-params') for a malformed key.
 */
export async function issueMemberCertificate(workspaceKey: PrivateWorkspaceJwk, claims: MemberCertificateClaims): Promise<string> {
  const key = parsePrivateJwk(workspaceKey);
  const payload = certPayloadSchema().parse({
    wid: claims.workspaceId,
    sub: claims.memberId,
    name: claims.name,
    agency: claims.agency,
    role: claims.role,
    key: parsePublicJwk(claims.memberKey),
    iat: Math.floor(claims.issuedAt / 1000),
  });
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: MEMBER_CERT_TYP, kid: await keyId(publicJwkOf(key)) })
    .sign(key);
}

/**
 * Checks a member certificate against a workspace public key.
 * @returns its claims.
 * @throws Error with a sentence when the signature, type or content does not hold.
 */
export async function verifyMemberCertificate(cert: string, workspaceKey: PublicWorkspaceJwk): Promise<MemberCertificateClaims> {
  const header = decodeProtectedHeader(cert);
  if (header.typ !== MEMBER_CERT_TYP) throw new Error(`not a member certificate (typ ${String(header.typ)})`);
  const { payload } = await compactVerify(cert, workspaceKey, { algorithms: ['EdDSA'] });
  const p = certPayloadSchema().parse(JSON.parse(new TextDecoder().decode(payload)));
  return { workspaceId: p.wid, memberId: p.sub, name: p.name, agency: p.agency, role: p.role, memberKey: p.key, issuedAt: p.iat * 1000 };
}

/** Signs `manifest` (its exact bytes) with the member's private key: a detached, unencoded-payload JWS. */
export async function signManifestBytes(manifest: Uint8Array, memberKey: PrivateWorkspaceJwk): Promise<string> {
  const key = parsePrivateJwk(memberKey);
  const jws = await new FlattenedSign(manifest).setProtectedHeader({ alg: 'EdDSA', b64: false, crit: ['b64'], kid: await keyId(publicJwkOf(key)) }).sign(key);
  return `${jws.protected!}..${jws.signature}`;
}

/**
 * Checks a detached JWS over `manifest` with the member's public key.
 * @returns true when it holds; false for any mismatch, for an `alg` other than EdDSA, and for
 *   anything but the detached form `<header>..<signature>` (a JWS carrying its own payload is not
 *   a signature of this manifest's bytes).
 */
export async function manifestSignatureHolds(manifest: Uint8Array, jws: string, memberKey: PublicWorkspaceJwk): Promise<boolean> {
  const parts = detachedJwsPattern().exec(jws);
  if (!parts) return false;
  const [, protectedHeader, signature] = parts as unknown as [string, string, string];
  try {
    await flattenedVerify({ protected: protectedHeader, payload: manifest, signature }, memberKey, { algorithms: ['EdDSA'] });
    return true;
  } catch {
    return false;
  }
}
