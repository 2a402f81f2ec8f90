/**
 * Handlers of the held mass deletions (shared/rpc/held-deletions.ts): the data service asks the
 * workspace's relay through the history client (relay-history.ts, the one HTTP client of the
 * relay's admin endpoints) and adds what the relay cannot know: the case number and title from
 * this desktop's projections. A workspace that does not sync has nothing held: an empty list.
 */
import { NestError } from '../../shared/errors';
import { parseDocName } from '../../shared/docs/names';
import { APPROVAL_VALID_MS, type HeldDeletion } from '../../shared/protocol/relay/held-deletions';
import type { heldDeletionsRpc, HeldDeletionRow } from '../../shared/rpc/held-deletions';
import type { RpcContext } from '../rpc/context';
import type { HandlerMap } from '../rpc/types';
import { relayHistory } from './relay-history';

/** `held` with its case (when this desktop holds it) and the expiry an approval given now would have. */
function rowOf(held: HeldDeletion, workspaceId: string, ctx: RpcContext): HeldDeletionRow {
  const ref = parseDocName(held.doc);
  const caseId = ref?.kind === 'case' ? ref.caseId : null;
  let summary: { number: string; title: string } | null = null;
  if (caseId) {
    try {
      summary = ctx.projections.of(workspaceId).getCase(caseId);
    } catch (err) {
      // A case this desktop never received (e.g. a member's unindexed case): shown by its id.
      if (!(err instanceof NestError && err.code === 'not-found')) throw err;
    }
  }
  return { ...held, caseId, caseNumber: summary?.number ?? null, caseTitle: summary?.title ?? null, approvalExpiresAt: ctx.clock.now() + APPROVAL_VALID_MS };
}

function isNoRelay(err: unknown): boolean {
  return err instanceof NestError && err.messageRef?.id === 'service.sync.no-relay';
}

export const heldDeletionsHandlers: HandlerMap<keyof typeof heldDeletionsRpc> = {
  'deletions.held': async (p, ctx) => {
    const ws = ctx.workspaces.get(p.workspaceId);
    let held: HeldDeletion[];
    try {
      held = await relayHistory(ws).held();
    } catch (err) {
      if (isNoRelay(err)) return { held: [], relay: false };
      throw err;
    }
    return { held: held.map((h) => rowOf(h, p.workspaceId, ctx)), relay: true };
  },

  'deletions.decide': async (p, ctx) => {
    const decided = await relayHistory(ctx.workspaces.get(p.workspaceId)).decide(p.id, p.decision);
    return { decided: rowOf(decided, p.workspaceId, ctx) };
  },
};
