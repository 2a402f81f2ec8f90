/**
 * Handlers of the basemap methods (shared/rpc/basemaps.ts): the workspace's online tile layer
 * (read; set by admins, checked once at dispatch by `workspace.settings`), and the two trusted-only
 * ones of Electron main — registering the files its dialog returned, and answering one
 * `app://nest/basemaps/…` request with the data service's BasemapRegistry (the same answer the
 * browser host's routes send) or, under `/online/`, a tile of the workspace's enabled online layer
 * fetched by the data service (online-tile-fetcher.ts).
 */
import type { basemapsRpc } from '../../shared/rpc/basemaps';
import type { OnlineTiles } from '../../shared/domain/online-tiles';
import type { HandlerMap, RpcContext } from '../rpc/types';
import { fetchOnlineTile, ONLINE_TILE_PREFIX, parseOnlineTilePath, type OnlineTileAnswer } from './online-tile-fetcher';

/**
 * An `app://nest/basemaps/online/<workspaceId>/<z>/<x>/<y>` request (Electron's online tiles,
 * online-tile-fetcher.ts): the tile of that workspace's enabled layer, or a refusal — logged with
 * its reason (the page sees only the status: a tile is an `<img>`).
 */
async function onlineAnswer(method: string, path: string, ctx: RpcContext): Promise<OnlineTileAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD' }, body: null };
  const req = parseOnlineTilePath(path);
  if (!req) return { status: 400, headers: {}, body: null };
  let tiles: OnlineTiles | null;
  try {
    tiles = ctx.workspaces.get(req.workspaceId).workspaceDoc().readOnlineTiles();
  } catch {
    return { status: 404, headers: {}, body: null };
  }
  const a = await fetchOnlineTile(tiles, req);
  if (a.reason) ctx.logger.warn({ status: a.status, reason: a.reason }, 'online tile refused');
  return a;
}

export const basemapHandlers: HandlerMap<keyof typeof basemapsRpc> = {
  'basemaps.onlineTiles': (p, ctx) => ctx.workspaces.get(p.workspaceId).workspaceDoc().readOnlineTiles(),

  'basemaps.setOnlineTiles': (p, ctx) => {
    const ws = ctx.workspaces.get(p.workspaceId);
    ws.workspaceDoc().setOnlineTiles(p.onlineTiles, { memberId: ws.local().memberId });
    // Pages reload their CSP with the host's next answer (docs/map.md): tell them it changed.
    ctx.events.broadcast('workspaces.changed', {});
    return {};
  },

  'basemaps.addFromPaths': (p, ctx) => ctx.basemaps.addFiles(p.paths),

  'basemaps.request': async (p, ctx) => {
    const a = p.path.startsWith(ONLINE_TILE_PREFIX) ? await onlineAnswer(p.method, p.path, ctx) : ctx.basemaps.answer({ method: p.method, path: p.path, range: p.range });
    return { status: a.status, headers: a.headers, base64: a.body && p.method !== 'HEAD' ? a.body.toString('base64') : null };
  },
};
