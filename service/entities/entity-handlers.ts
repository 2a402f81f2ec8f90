/**
 * Handlers of the entity queries across cases (shared/rpc/entities.ts), answered from the
 * identifier index. Like the case list, they leave out the cases this member may not read: the
 * rows of a restricted case can still be on this disk from before the restriction.
 */
import type { entitiesRpc } from '../../shared/rpc/entities';
import type { HandlerMap } from '../rpc/types';
import { readableCases } from '../cases/case-handlers';

export const entityHandlers: HandlerMap<keyof typeof entitiesRpc> = {
  'entities.alsoIn': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return ws.store.identifiers.matchesOf(p.caseId, p.entityId ?? null, readableCases(ws));
  },
  'entities.sharedIdentifiers': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return ws.store.identifiers.shared(readableCases(ws), p.limit);
  },
};
