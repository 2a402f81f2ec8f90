/**
 * The relay's held mass deletions endpoints (admins only; relay/held-deletions.ts, docs/relay.md),
 * declared once: the relay answers with these shapes, the desktop builds the URLs and checks the
 * answers with the schemas. Requests carry the member token (`Authorization: Bearer <token>`);
 * a member who may not `history.view` gets 403 `forbidden`.
 *
 * - `GET /v1/held-deletions`: `{ held: HeldDeletion[] }`, the pending requests of the token's
 *   workspace, oldest first.
 * - `POST /v1/held-deletions/decide?id=<request id>&decision=approve|reject`: `{ decided, decision }`;
 *   404 `not-found` when that request is not pending (unknown, of another workspace, decided).
 * Isomorphic (zod).
 */
import { z } from 'zod';
import { MASS_DELETION_WINDOW_MS } from '../../permissions/deletion-rules';

/** The pending list's path. */
export const HELD_DELETIONS_PATH = '/v1/held-deletions';
/** The decision's path. */
export const HELD_DELETIONS_DECIDE_PATH = '/v1/held-deletions/decide';

/**
 * How long an approval lets the member's client re-send the deletion, ms: the mass-deletion
 * window (10 min). After that the member's next attempt is held again.
 */
export const APPROVAL_VALID_MS = MASS_DELETION_WINDOW_MS;

/** The decisions an admin may take. */
export const HELD_DECISIONS = ['approve', 'reject'] as const;

/** A decision on a held deletion. */
export type HeldDecision = (typeof HELD_DECISIONS)[number];

/** One pending held deletion: the alert that recorded it. */
export const heldDeletionSchema = z.object({
  /** The request id (its alert's id). */
  id: z.number().int().positive(),
  /** The doc the deletion was sent to. */
  doc: z.string(),
  /** The member whose update was held. */
  memberId: z.string(),
  /** Records the update would delete. */
  records: z.number().int().nonnegative(),
  /** When it was held, ms since epoch. */
  at: z.number().int(),
});

/** One pending held deletion. */
export type HeldDeletion = z.infer<typeof heldDeletionSchema>;

/** The response of `GET /v1/held-deletions`. */
export const heldDeletionsResponseSchema = z.object({ held: z.array(heldDeletionSchema) });

/** The response of `POST /v1/held-deletions/decide`. */
export const heldDecisionResponseSchema = z.object({ decided: heldDeletionSchema, decision: z.enum(HELD_DECISIONS) });

/** The URL of the pending list against `httpBase` (no trailing slash). */
export function heldDeletionsUrl(httpBase: string): string {
  return `${httpBase}${HELD_DELETIONS_PATH}`;
}

/** The URL of a decision against `httpBase`. */
export function heldDecisionUrl(httpBase: string, id: number, decision: HeldDecision): string {
  return `${httpBase}${HELD_DELETIONS_DECIDE_PATH}?${new URLSearchParams({ id: String(id), decision }).toString()}`;
}
