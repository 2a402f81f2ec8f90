/**
 * Handlers of the case domain: the case list, case creation, map points and search, answered
 * from the projections (projections/queries.ts). Workspace-wide answers (list, search, the whole
 * map) leave out the cases this member may not read (a case access list that omits them), whose
 * rows can still be on this disk from before the restriction: dispatch checks only the workspace.
 */
import type { casesRpc } from '../../shared/rpc/cases';
import type { caseStatsRpc } from '../../shared/rpc/case-stats';
import type { HandlerMap } from '../rpc/types';
import { createCase } from './create-case';
import { can } from '../../shared/permissions';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { geoHandlers } from '../geo/geo-handlers';
import { readSeizure, usdConverter } from './seizure-read';

/** A test of whether this desktop's member may read case `caseId` of `ws` (`case.read`). */
export function readableCases(ws: WorkspaceRuntime): (caseId: string) => boolean {
  const { subject, target } = permissionContext(ws);
  return (caseId) => can(subject, 'case.read', { ...target, caseId });
}

export const caseHandlers: HandlerMap<keyof typeof casesRpc | keyof typeof caseStatsRpc> = {
  ...geoHandlers,

  'cases.list': (p, { projections, workspaces }) => {
    const readable = readableCases(workspaces.get(p.workspaceId));
    return projections.of(p.workspaceId).listCases(p).filter((k) => readable(k.id));
  },

  'cases.create': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const { id } = createCase(ws, p.fields, undefined, p.templateId);
    return ws.store.projections.getCase(id);
  },

  'cases.get': (p, { projections }) => projections.of(p.workspaceId).getCase(p.caseId),

  // getCase first: an unknown case is refused as not-found, never answered with zeros.
  'cases.stats': (p, { projections }) => {
    const q = projections.of(p.workspaceId);
    q.getCase(p.caseId);
    return q.seizureStats(p.caseId);
  },

  'seizures.periods': (p, { projections }) => {
    const q = projections.of(p.workspaceId);
    q.getCase(p.caseId);
    return q.seizurePeriods(p.caseId);
  },

  'cases.linkedFrom': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return ws.store.caseLinks.linkedFrom(p.caseId, readableCases(ws));
  },

  'seizures.mapPoints': (p, { projections, workspaces }) => {
    const readable = readableCases(workspaces.get(p.workspaceId));
    return projections.of(p.workspaceId).mapPoints(p.caseId).filter((pt) => readable(pt.caseId));
  },

  // The value sort alone needs the workspace's rates; other sorts never read them.
  'seizures.page': (p, { projections, workspaces }) =>
    projections.of(p.workspaceId).seizurePage(p.caseId, p, p.sortBy === 'value' ? usdConverter(workspaces.get(p.workspaceId)) : () => null),

  'seizures.get': (p, { workspaces }) => readSeizure(workspaces.get(p.workspaceId), p.caseId, p.seizureId),

  // Filtered after the limit: a restricted case's hits can shorten a page, never leak into it.
  // Hidden cases are left out inside the query, before the limit (a hidden case's hits must not
  // push out readable ones or order the groups); the filter after it is a second lock.
  'search.query': (p, { projections, workspaces }) => {
    const readable = readableCases(workspaces.get(p.workspaceId));
    const q = projections.of(p.workspaceId);
    return q.search(p.text, p.limit, q.caseIds().filter((id) => !readable(id))).filter((hit) => readable(hit.caseId));
  },

  'search.grouped': (p, { projections, workspaces }) => {
    const readable = readableCases(workspaces.get(p.workspaceId));
    const q = projections.of(p.workspaceId);
    return q
      .searchGrouped(p.text, p.limitPerKind, q.caseIds().filter((id) => !readable(id)))
      .map((g) => ({ kind: g.kind, hits: g.hits.filter((hit) => readable(hit.caseId)) }))
      .filter((g) => g.hits.length);
  },
};
