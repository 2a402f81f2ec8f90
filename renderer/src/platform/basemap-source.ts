/**
 * Where the page finds the offline basemaps (docs/map.md § Basemaps). Both transports serve the
 * same answers (service/tiles/basemap-registry.ts) on the page's own origin:
 * - Electron: `app://nest/basemaps/…` (electron/main/basemap-protocol.ts);
 * - browser mode: `/basemaps/<key>/…`, `<key>` = SHA-256 (base64url) of the per-launch token, the
 *   capability service/entries/basemap-routes.ts checks (tiles are `<img>`s, which carry no header).
 */
import { basemapInfoSchema, type AddBasemapsResult, type BasemapInfo } from '../../../shared/rpc/basemaps';
import { browserToken } from './connect';
import { desktopApi } from './desktop';

/** SHA-256 of `text` (UTF-8), base64url without padding: the page's side of `tileKey`. */
export async function sha256Base64url(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

let base: Promise<string | null> | null = null;

/** The basemap root URL without a trailing slash, or null in browser mode without a token. */
export function basemapBase(): Promise<string | null> {
  base ??= (async () => {
    if (desktopApi()) return `${window.location.origin}/basemaps`;
    const token = browserToken();
    return token ? `${window.location.origin}/basemaps/${await sha256Base64url(token)}` : null;
  })();
  return base;
}

/**
 * The registered offline basemaps (none when the host has none, or no token).
 * @throws Error when the list cannot be read or is malformed.
 */
export async function listBasemaps(): Promise<BasemapInfo[]> {
  const root = await basemapBase();
  if (!root) return [];
  const res = await fetch(`${root}/list.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return basemapInfoSchema.array().parse(await res.json());
}

/**
 * The URL template the map loads the workspace's online tiles from. Electron: its own origin,
 * `app://nest/basemaps/online/<workspaceId>/{z}/{x}/{y}` — the data service fetches each tile from
 * the admin's template (service/tiles/online-tile-fetcher.ts), so the page's CSP and the session's
 * network block stay as they are. Browser mode: the template itself (the host's CSP names its origin).
 */
export function onlineTileUrl(workspaceId: string, template: string): string {
  return desktopApi() ? `${window.location.origin}/basemaps/online/${encodeURIComponent(workspaceId)}/{z}/{x}/{y}` : template;
}

/** Whether this desktop can add basemap files from a native dialog (Electron only; browser mode uses the host's `--basemaps` folder). */
export function canAddBasemaps(): boolean {
  return desktopApi() !== null;
}

/** Electron's "Add basemap files" dialog; null in browser mode. */
export function addBasemapFiles(): Promise<AddBasemapsResult> | null {
  return desktopApi()?.addBasemaps() ?? null;
}
