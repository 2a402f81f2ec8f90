/**
 * Handlers of the map answered from clusters made here (shared/rpc/map.ts): each call finds its
 * scope in the cache (map-cache.ts), narrows it by the filter, and answers from the index;
 * single seizures and a cluster's page of seizures are read from the projection by id, so a
 * marker's popup gets every field it shows while the index holds only what clustering and
 * filtering read. The workspace-wide scope leaves out the cases this member may not read.
 */
import type { mapRpc } from '../../shared/rpc/map';
import type { MapItemDto } from '../../shared/rpc/map';
import type { HandlerMap } from '../rpc/types';
import type { RpcContext } from '../rpc/context';
import { NestError } from '../../shared/errors';
import { readableCases } from '../cases/case-handlers';
import { MapCache } from './map-cache';
import { placeQuery } from '../../shared/domain/map-filter';
import type { MapScope } from './map-index';

/** One cache for the data service's life (keyed by each open store's projection writer). */
const cache = new MapCache();

/** The scope of a call: case `caseId` or the workspace's readable cases, as the projection is now. */
function scopeOf(p: { workspaceId: string; caseId?: string | undefined }, ctx: Pick<RpcContext, 'workspaces'>): { scope: MapScope; version: string } {
  const ws = ctx.workspaces.get(p.workspaceId);
  const projector = ws.store.projector;
  const queries = ws.store.projections;
  let hidden: string[] = [];
  if (!p.caseId) {
    const readable = readableCases(ws);
    hidden = queries.caseIds().filter((id) => !readable(id));
  }
  return cache.scope({ owner: projector, version: projector.version, queries }, p.caseId, hidden);
}

export const mapHandlers: HandlerMap<keyof typeof mapRpc> = {
  'map.overview': (p, ctx) => {
    const { scope, version } = scopeOf(p, ctx);
    const ix = scope.filtered(p.filter);
    return { total: scope.total, shown: ix.shown, flagged: ix.flagged, bounds: ix.bounds(), sectors: scope.sectors(), months: scope.months(), version };
  },

  'map.clusters': (p, ctx) => {
    const { scope, version } = scopeOf(p, ctx);
    const items = scope.filtered(p.filter).query(p.bbox, p.zoom);
    const ids = items.flatMap((it) => (it.kind === 'point' ? [scope.idOf(it.row)] : []));
    const points = new Map(ctx.projections.of(p.workspaceId).mapPointsByIds(ids).map((pt) => [pt.id, pt]));
    const out: MapItemDto[] = [];
    for (const it of items) {
      if (it.kind === 'cluster') out.push(it);
      else {
        const point = points.get(scope.idOf(it.row));
        if (point) out.push({ kind: 'point', point });
      }
    }
    return { version, items: out };
  },

  'map.leaves': (p, ctx) => {
    const { scope } = scopeOf(p, ctx);
    let page: ReturnType<ReturnType<MapScope['filtered']>['leaves']>;
    try {
      page = scope.filtered(p.filter).leaves(p.clusterId, p.offset, p.limit, placeQuery(p.search));
    } catch {
      // supercluster throws for an id it does not know: the projection changed since the view.
      throw new NestError('not-found', { id: 'map.cluster-gone', values: { clusterId: p.clusterId } });
    }
    const points = ctx.projections.of(p.workspaceId).mapPointsByIds(page.rows.map((r) => scope.idOf(r)));
    return { total: page.total, matched: page.matched, expansionZoom: page.expansionZoom, colocated: page.colocated, places: page.places, offset: p.offset, points };
  },

  'map.facets': (p, ctx) => scopeOf(p, ctx).scope.facet(p.field, p.search, p.limit),
};
