/**
 * Handlers of the case domain: the case list, case creation, map points and search, answered
 * from the projections (projections/queries.ts).
 */
import type { casesRpc } from '../../shared/rpc/cases';
import type { HandlerMap } from '../rpc/types';
import { createCase } from './create-case';

export const caseHandlers: HandlerMap<keyof typeof casesRpc> = {
  'cases.list': (p, { projections }) => projections.of(p.workspaceId).listCases(p),

  'cases.create': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const { id } = createCase(ws, p.fields);
    return ws.store.projections.getCase(id);
  },

  'cases.get': (p, { projections }) => projections.of(p.workspaceId).getCase(p.caseId),

  'seizures.mapPoints': (p, { projections }) => projections.of(p.workspaceId).mapPoints(p.caseId),

  'search.query': (p, { projections }) => projections.of(p.workspaceId).search(p.text, p.limit),
};
