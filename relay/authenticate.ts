/**
 * Authentication of a request: the bearer token of its `Authorization` header, verified with
 * the public keys registered for the workspace it is about. Never logs or returns the token.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { bearerToken } from '../shared/protocol/relay';
import { peekWorkspaceId, TokenError, verifyToken, type InvitationClaims, type TokenRejection } from '../shared/auth/tokens';
import type { RelayStorage } from './storage/relay-storage';

/** Outcome of {@link authenticate}. */
export type AuthOutcome =
  | { ok: true; claims: InvitationClaims; kid: string }
  | { ok: false; reason: TokenRejection | 'missing-token' | 'unknown-workspace' };

/**
 * Verifies the request's bearer token for `workspaceId` (or, when null, for the workspace the
 * token names).
 */
export async function authenticate(headers: IncomingHttpHeaders, workspaceId: string | null, storage: RelayStorage, now: number): Promise<AuthOutcome> {
  const token = bearerToken(headers.authorization);
  if (!token) return { ok: false, reason: 'missing-token' };
  const wid = workspaceId ?? peekWorkspaceId(token);
  if (!wid) return { ok: false, reason: 'malformed' };
  const keys = await storage.workspaceKeys(wid);
  if (keys.length === 0) return { ok: false, reason: 'unknown-workspace' };
  try {
    const { claims, kid } = await verifyToken(token, keys, { now, workspaceId: wid });
    return { ok: true, claims, kid };
  } catch (err) {
    if (err instanceof TokenError) return { ok: false, reason: err.reason };
    throw err;
  }
}
