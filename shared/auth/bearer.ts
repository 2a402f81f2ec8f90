/**
 * The `Authorization: Bearer <token>` header that carries a member token on every request to the
 * relay (WebSocket upgrade and HTTP). Isomorphic.
 */

/** The header value for a token: `Bearer <token>`. */
export function authorizationHeader(token: string): string {
  return `Bearer ${token}`;
}

/**
 * The token of an `Authorization` header value, or null when the header is missing, not Bearer,
 * or empty. At most 8 KiB is accepted (member tokens are ~400 bytes).
 */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.length > 8192) return null;
  const m = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}
