/**
 * WebSocket close codes the relay uses, and the stable reason codes it sends with them (the close
 * frame's reason text). y-websocket (3.x) clients stop reconnecting on 4400–4499 ("reconnecting
 * cannot fix this") and retry with backoff on every other code. Table in docs/relay.md.
 * Isomorphic.
 */

/** The close codes (numbers are fixed on the wire; never renumber). */
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
  /**
   * An update was refused by the deletion rules (shared/permissions/deletion-rules.ts): nothing of
   * it was stored; the client keeps its local data and shows the refusal (reason below).
   */
  REFUSED: 4409,
} as const;

/** A close code of {@link CLOSE}. */
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/**
 * Every reason code the relay closes a connection with, and the close code it goes with. Access
 * refusals (e.g. `member-removed`, `no-case-access`) are sent with {@link CLOSE.FORBIDDEN} too;
 * their codes belong to the permission model, not to this table.
 */
export const CLOSE_REASONS = {
  'shutting-down': CLOSE.GOING_AWAY,
  'storage-failure': CLOSE.INTERNAL_ERROR,
  'slow-consumer': CLOSE.TRY_AGAIN_LATER,
  'pending-backlog': CLOSE.TRY_AGAIN_LATER,
  'text-frame': CLOSE.BAD_MESSAGE,
  'bad-frame': CLOSE.BAD_MESSAGE,
  'bad-state-vector': CLOSE.BAD_MESSAGE,
  'bad-update': CLOSE.BAD_MESSAGE,
  'bad-awareness': CLOSE.BAD_MESSAGE,
  'awareness-too-large': CLOSE.BAD_MESSAGE,
  'token-expired': CLOSE.UNAUTHORIZED,
  'key-removed': CLOSE.UNAUTHORIZED,
  'append-only': CLOSE.REFUSED,
  'record-removal-denied': CLOSE.REFUSED,
  'mass-deletion': CLOSE.REFUSED,
} as const satisfies Record<string, CloseCode>;

/** A reason code of {@link CLOSE_REASONS}. */
export type CloseReason = keyof typeof CLOSE_REASONS;

/** A reason code for a malformed message (closed with {@link CLOSE.BAD_MESSAGE}). */
export type BadMessageReason = { [K in CloseReason]: (typeof CLOSE_REASONS)[K] extends typeof CLOSE.BAD_MESSAGE ? K : never }[CloseReason];

/**
 * True when a close with `code` means the client must not reconnect with the same token: its
 * token expired or its key was removed (4401), or its access was removed (4403). A malformed
 * message (4400) is a client bug, which a fresh connection may not repeat.
 */
export function closeRefusesAccess(code: number): boolean {
  return code === CLOSE.UNAUTHORIZED || code === CLOSE.FORBIDDEN;
}
