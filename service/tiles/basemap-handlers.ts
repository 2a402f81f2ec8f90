/**
 * Handlers of the basemap methods (shared/rpc/basemaps.ts), both trusted-only (Electron main):
 * registering the files its dialog returned, and answering one `app://basemaps/…` request with
 * the data service's BasemapRegistry — the same answer the browser host's routes send.
 */
import type { basemapsRpc } from '../../shared/rpc/basemaps';
import type { HandlerMap } from '../rpc/types';

export const basemapHandlers: HandlerMap<keyof typeof basemapsRpc> = {
  'basemaps.addFromPaths': (p, ctx) => ctx.basemaps.addFiles(p.paths),

  'basemaps.request': (p, ctx) => {
    const a = ctx.basemaps.answer({ method: p.method, path: p.path, range: p.range });
    return { status: a.status, headers: a.headers, base64: a.body ? a.body.toString('base64') : null };
  },
};
