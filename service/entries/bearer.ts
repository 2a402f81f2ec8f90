/**
 * The browser host's one way of reading the per-launch session token from a request: the
 * `Authorization: Bearer <token>` header. The file routes and the pack upload route both use it
 * (the page sends it with `fetch`; a foreign page cannot read the token, and `<img>`/navigation
 * requests carry capability URLs instead).
 */
import type { IncomingMessage } from 'node:http';

/** The token of an `Authorization: Bearer <token>` header, or undefined when absent or another scheme. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}
