/**
 * Handlers of the basemap methods (shared/rpc/basemaps.ts): the workspace's online tile layer
 * (read; set by admins, checked once at dispatch by `workspace.settings`), and the two trusted-only
 * ones of Electron main — registering the files its dialog returned, and answering one
 * `app://nest/basemaps/…` request with the data service's BasemapRegistry (the same answer the
 * browser host's routes send).
 */
import type { basemapsRpc } from '../../shared/rpc/basemaps';
import type { HandlerMap } from '../rpc/types';

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

  'basemaps.request': (p, ctx) => {
    const a = ctx.basemaps.answer({ method: p.method, path: p.path, range: p.range });
    return { status: a.status, headers: a.headers, base64: a.body ? a.body.toString('base64') : null };
  },
};
