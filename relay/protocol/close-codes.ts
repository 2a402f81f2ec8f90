/**
 * WebSocket close codes the relay uses. y-websocket (3.x) clients stop reconnecting on 4400–4499
 * ("reconnecting cannot fix this") and retry with backoff on every other code.
 */
export const CLOSE = {
  /** The relay is shutting down (clients retry). */
  GOING_AWAY: 1001,
  /** A message over the size limit (sent by ws itself; clients retry). */
  TOO_BIG: 1009,
  /** Storage failed: the doc was unloaded; clients retry and resync. */
  INTERNAL_ERROR: 1011,
  /** The client does not read what the relay sends (outbound buffer over the limit); clients retry and resync. */
  TRY_AGAIN_LATER: 1013,
  /** A malformed message: bad varint, unknown type, a Yjs update or awareness update that does not decode, a text frame. */
  BAD_MESSAGE: 4400,
  /** The token expired, or the key that signed it was removed: the client needs a new token. */
  UNAUTHORIZED: 4401,
  /** The member was removed, or may no longer open this doc. */
  FORBIDDEN: 4403,
} as const;
