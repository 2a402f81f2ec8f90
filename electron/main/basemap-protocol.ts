/**
 * Offline basemaps in Electron (docs/desktop.md, docs/map.md § Basemaps): the `app://nest/basemaps/…`
 * requests of the app's pages and the native "Add basemap files" dialog.
 *
 * - {@link createBasemapProtocolHandler}: main.ts routes every `app://nest/basemaps/<rest>` request
 *   here; it carries method, `<rest>` and the Range header to the data service's trusted
 *   `basemaps.request` (the BasemapRegistry there gives the very answers the browser host's
 *   `/basemaps/<key>/<rest>` routes give: one implementation, two transports) and turns the
 *   answer into a fetch `Response` with the app's CSP and security headers. The basemaps sit on the
 *   app's own origin, as in browser mode: Leaflet's `<img>` tiles and the pmtiles reader's Range
 *   fetches need no CORS and no wider CSP. No key in the path: only the app's own pages load
 *   `app://` URLs (web-guards.ts).
 * - {@link registerBasemapDialog}: `nest:add-basemaps` (invoke, no payload) shows "Open" (several
 *   `.mbtiles` / `.pmtiles` files) attached to the asking window and registers the chosen files
 *   through the trusted `basemaps.addFromPaths` (the page never names a path); resolves to
 *   `{ added, skipped }`, both empty when cancelled.
 *
 * Electron's objects come in through the deps, so tests drive both without Electron.
 */
import { z } from 'zod';
import type { Logger } from '../../node/log';
import { securityHeaders } from '../../node/web/csp';
import { NestError } from '../../shared/errors';
import { IPC, type AddBasemapsResult } from '../../shared/desktop-api';
import type { RpcParams, RpcResult } from '../../shared/rpc/contract';
import { APP_ORIGIN } from './app-url';
import { checkArgs, checkSender, type WindowRegistry } from './ipc-validation';
import type { IpcMainLike } from './ipc-handlers';

/** The path prefix of basemap requests on the app's origin (the browser host's is `/basemaps/<key>`). */
export const BASEMAP_PATH_PREFIX = '/basemaps';

/** Calls the data service's `basemaps.request` over main's trusted session. */
export type BasemapRequestCall = (params: RpcParams<'basemaps.request'>) => Promise<RpcResult<'basemaps.request'>>;

/** `<rest>` of an `app://nest/basemaps/<rest>` URL (with its leading slash), or null for any other URL. */
export function basemapRest(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (`${u.protocol}//${u.host}` !== APP_ORIGIN || !u.pathname.startsWith(`${BASEMAP_PATH_PREFIX}/`)) return null;
  return u.pathname.slice(BASEMAP_PATH_PREFIX.length);
}

/**
 * The handler for `app://nest/basemaps/…` requests (main.ts checks {@link basemapRest} first).
 * A failed call (data service down, restarting) is a 503; `onError` hears why (never the path).
 */
export function createBasemapProtocolHandler(call: BasemapRequestCall, onError: (reason: string) => void = () => {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const rest = basemapRest(request.url);
    const base = { ...securityHeaders(), 'Cache-Control': 'no-cache' };
    if (rest === null || rest.length > 300) return new Response(null, { status: 404, headers: base });
    let a: RpcResult<'basemaps.request'>;
    try {
      a = await call({ method: request.method, path: rest, ...(request.headers.get('range') ? { range: request.headers.get('range')! } : {}) });
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
      return new Response(null, { status: 503, headers: base });
    }
    const body = a.base64 === null || request.method === 'HEAD' ? null : new Uint8Array(Buffer.from(a.base64, 'base64'));
    return new Response(a.status === 204 ? null : body, { status: a.status, headers: { ...base, ...a.headers } });
  };
}

/** Dependencies of {@link registerBasemapDialog}. */
export interface BasemapDialogDeps {
  ipcMain: IpcMainLike<{ close(): void }>;
  ourWebContentsIds: WindowRegistry;
  /** "Open" (.mbtiles / .pmtiles, several) for the sender's window: the chosen absolute paths, none when cancelled. */
  showOpenBasemaps(webContentsId: number): Promise<string[]>;
  /** `basemaps.addFromPaths` over main's trusted session. */
  addFromPaths(paths: string[]): Promise<AddBasemapsResult>;
  logger: Logger;
}

/** `nest:add-basemaps` takes no arguments. */
const noArgs = z.tuple([], { error: 'takes no arguments' });

/** Registers `nest:add-basemaps`. */
export function registerBasemapDialog(deps: BasemapDialogDeps): void {
  const { logger } = deps;
  deps.ipcMain.handle(IPC.addBasemaps, async (event, ...raw): Promise<AddBasemapsResult> => {
    const sender = checkSender(event, deps.ourWebContentsIds);
    const payload = sender.ok ? checkArgs(noArgs, raw) : sender;
    if (!payload.ok) {
      logger.warn({ channel: IPC.addBasemaps, reason: payload.reason }, 'IPC refused');
      throw new NestError(sender.ok ? 'invalid-params' : 'forbidden', `${IPC.addBasemaps} refused: ${payload.reason}`);
    }
    const files = await deps.showOpenBasemaps(event.sender.id);
    if (files.length === 0) return { added: [], skipped: [] };
    const r = await deps.addFromPaths(files);
    logger.info({ added: r.added.length, skipped: r.skipped.length }, 'basemaps added');
    return r;
  });
}
