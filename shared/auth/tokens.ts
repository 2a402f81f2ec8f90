/**
 * Member tokens ("invitations"): compact JWTs signed with a workspace's Ed25519 key (alg EdDSA,
 * header `kid` = the key's thumbprint). A token says who the member is and for which workspace:
 *
 *   { sub: memberId, wid: workspaceId, name, agency, role, iat, exp }   (iat/exp in seconds)
 *
 * The relay verifies every connection with the workspace's registered public keys; what the
 * member may then open is decided from the workspace doc, not from the token. A token is a
 * bearer secret: send it only in an `Authorization: Bearer` header, never in a URL or a log.
 * Isomorphic (jose on WebCrypto, zod), so the desktop can use it as it is.
 */
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { MEMBER_ROLES, type MemberRole } from '../domain/codes';
import { idSchema } from '../domain/fields';
import { NestError, describeIssues, type ErrorMessage } from '../errors';
import { keyId, parsePrivateJwk, type PrivateWorkspaceJwk, type PublicWorkspaceJwk } from './keys';

/** The JWS algorithm of member tokens (Ed25519 signatures). */
export const TOKEN_ALG = 'EdDSA';

/** Clock difference tolerated between the signer and the verifier (5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Longest validity a token may claim (2 years + a day; invitations are at most 730 days, an admin's own token 365). */
export const MAX_TOKEN_LIFETIME_MS = 731 * 24 * 60 * 60 * 1000;

/** What a member token carries. Times are ms since epoch (whole seconds on the wire). */
export interface InvitationClaims {
  memberId: string;
  workspaceId: string;
  name: string;
  agency: string;
  role: MemberRole;
  issuedAt: number;
  expiresAt: number;
}

/** What {@link signInvitation} needs: the claims without `issuedAt`, which it stamps. */
export type InvitationInput = Omit<InvitationClaims, 'issuedAt'> & { issuedAt?: number };

/** A workspace public key with its id, as the relay stores it. */
export interface VerificationKey {
  kid: string;
  publicJwk: PublicWorkspaceJwk;
}

/** Why a token was refused (stable codes, safe to log). */
export type TokenRejection = 'malformed' | 'unknown-key' | 'bad-signature' | 'expired' | 'bad-claims' | 'wrong-workspace';

/** A refused token: `NestError('unauthorized')` with the reason. Its message never contains the token. */
export class TokenError extends NestError {
  /** Why the token was refused. */
  readonly reason: TokenRejection;
  constructor(reason: TokenRejection, message: ErrorMessage) {
    super('unauthorized', message);
    this.reason = reason;
  }
}

const payloadSchema = z.object({
  sub: z.string().min(1).max(100),
  wid: idSchema,
  name: z.string().max(120),
  agency: z.string().max(200),
  role: z.enum(MEMBER_ROLES),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
});

/**
 * Signs a member token with the workspace's private key.
 * @param privateJwk the workspace's Ed25519 private JWK.
 * @param claims member, workspace, role and `expiresAt` (ms since epoch; rounded down to a second).
 * @throws NestError('invalid-params') for a bad key; NestError('validation') for bad claims.
 */
export async function signInvitation(privateJwk: PrivateWorkspaceJwk, claims: InvitationInput): Promise<string> {
  const key = parsePrivateJwk(privateJwk);
  const issuedAt = claims.issuedAt ?? Date.now();
  const payload = {
    sub: claims.memberId,
    wid: claims.workspaceId,
    name: claims.name,
    agency: claims.agency,
    role: claims.role,
    iat: Math.floor(issuedAt / 1000),
    exp: Math.floor(claims.expiresAt / 1000),
  };
  const r = payloadSchema.safeParse(payload);
  if (!r.success) throw new NestError('validation', { id: 'auth.claims-invalid', values: { detail: describeIssues(r.error.issues) } });
  const { sub, iat, exp, ...rest } = r.data;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: TOKEN_ALG, typ: 'JWT', kid: await keyId(key) })
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
}

/**
 * The workspace a token claims to be for, read WITHOUT verifying it (to pick the keys to verify
 * with), or null when it is not a readable JWT.
 */
export function peekWorkspaceId(token: string): string | null {
  try {
    const wid = decodeJwt(token).wid;
    return typeof wid === 'string' && idSchema.safeParse(wid).success ? wid : null;
  } catch {
    return null;
  }
}

/**
 * The id (`kid` header) of the workspace key a token says it was signed with, read WITHOUT
 * verifying it, or null when it is not a readable JWT or names no key. The relay verifies a token
 * only with the key of that id (see {@link verifyToken}), so a token it accepted proves that the
 * relay holds that key.
 */
export function peekKeyId(token: string): string | null {
  try {
    const kid = decodeProtectedHeader(token).kid;
    return typeof kid === 'string' && kid.length > 0 ? kid : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a member token with a workspace's keys (any of them, for key rotation; the one named
 * by the token's `kid` when present) and checks its claims and expiry.
 * @param opts.now current time in ms (default `Date.now()`); opts.workspaceId the workspace the
 *        token must be for.
 * @returns the claims and the id of the key that verified it.
 * @throws TokenError (`NestError('unauthorized')`) with the reason.
 */
export async function verifyToken(
  token: string,
  keys: readonly VerificationKey[],
  opts: { now?: number; workspaceId?: string } = {},
): Promise<{ claims: InvitationClaims; kid: string }> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== TOKEN_ALG) throw new TokenError('malformed', { id: 'auth.token-wrong-alg', values: { alg: TOKEN_ALG } });
    kid = typeof header.kid === 'string' ? header.kid : undefined;
  } catch (err) {
    if (err instanceof TokenError) throw err;
    throw new TokenError('malformed', { id: 'auth.token-not-jwt' });
  }
  const candidates = kid === undefined ? keys : keys.filter((k) => k.kid === kid);
  if (candidates.length === 0) throw new TokenError('unknown-key', { id: 'auth.token-unknown-key' });
  const currentDate = new Date(opts.now ?? Date.now());
  let lastError: TokenError = new TokenError('bad-signature', { id: 'auth.token-bad-signature' });
  for (const k of candidates) {
    try {
      const { payload } = await jwtVerify(token, k.publicJwk, { algorithms: [TOKEN_ALG], currentDate, requiredClaims: ['sub', 'exp', 'iat'] });
      const r = payloadSchema.safeParse(payload);
      if (!r.success) throw new TokenError('bad-claims', { id: 'auth.token-claims-invalid', values: { fields: r.error.issues.map((i) => i.path.join('.')).join(', ') } });
      const p = r.data;
      if (opts.workspaceId !== undefined && p.wid.toLowerCase() !== opts.workspaceId.toLowerCase()) {
        throw new TokenError('wrong-workspace', { id: 'auth.token-wrong-workspace' });
      }
      const nowMs = currentDate.getTime();
      if (p.iat * 1000 > nowMs + MAX_CLOCK_SKEW_MS) throw new TokenError('bad-claims', { id: 'auth.token-issued-in-future' });
      if ((p.exp - p.iat) * 1000 > MAX_TOKEN_LIFETIME_MS) throw new TokenError('bad-claims', { id: 'auth.token-lifetime-too-long' });
      const claims: InvitationClaims = {
        memberId: p.sub,
        workspaceId: p.wid,
        name: p.name,
        agency: p.agency,
        role: p.role,
        issuedAt: p.iat * 1000,
        expiresAt: p.exp * 1000,
      };
      return { claims, kid: k.kid };
    } catch (err) {
      if (err instanceof TokenError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new TokenError('expired', { id: 'auth.token-expired' });
      if (err instanceof joseErrors.JWTClaimValidationFailed) throw new TokenError('bad-claims', { id: 'auth.token-claim-invalid', values: { claim: err.claim } });
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) lastError = new TokenError('bad-signature', { id: 'auth.token-bad-signature' });
      else lastError = new TokenError('malformed', { id: 'auth.token-unverifiable' });
    }
  }
  throw lastError;
}
