/**
 * RPC methods for the mass deletions the relay holds for an admin's decision (issue 10 item 2;
 * relay/held-deletions.ts): the pending list, with the case each one is about, and approving or
 * rejecting one. The data service asks the workspace's relay (shared/protocol/relay/
 * held-deletions.ts) with this desktop's member token. Listing needs `history.view`, deciding
 * `deletions.decide` (both admins only, shared/permissions/actions.ts); the relay checks again.
 */
import { z } from 'zod';
import { HELD_DECISIONS, heldDeletionSchema } from '../protocol/relay/held-deletions';
import { method } from './define';

const workspaceId = z.string().uuid();

/** A held deletion as the screen shows it: the relay's request and the case it is about (null: not a case doc, or a case this desktop does not hold). */
export const heldDeletionRowSchema = heldDeletionSchema.extend({
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  caseTitle: z.string().nullable(),
  /** Until when an approval given now would let the member re-send it, ms since epoch: now + the approval window. */
  approvalExpiresAt: z.number().int(),
});

/** One row of the held deletions screen. */
export type HeldDeletionRow = z.infer<typeof heldDeletionRowSchema>;

export const heldDeletionsRpc = {
  'deletions.held': method(
    z.object({ workspaceId }),
    z.object({ held: z.array(heldDeletionRowSchema), relay: z.boolean() }),
    'The mass deletions the relay holds for an admin’s decision, oldest first (relay: false when the workspace does not sync).',
    'history.view',
  ),
  'deletions.decide': method(
    z.object({ workspaceId, id: z.number().int().positive(), decision: z.enum(HELD_DECISIONS) }),
    z.object({ decided: heldDeletionRowSchema }),
    'Approves or rejects one held mass deletion; the relay records the decision in its alert log.',
    'deletions.decide',
  ),
} as const;
