/**
 * Guards on every webContents and on the session (Electron security checklist §§ 5, 12–15):
 * - navigation (`will-navigate`, `will-frame-navigate`, `will-redirect`) is allowed only within
 *   `app://nest/`;
 * - `window.open` and `target=_blank` never create a window; an `https:` link is offered to the
 *   OS browser (seizure sources cite https pages) once the user confirms the full URL in a native
 *   dialog (main.ts), so a script cannot silently carry data out in a URL; anything else is dropped;
 * - `<webview>` is never attached;
 * - every permission request and check is denied, device access too;
 * - requests to the network (http, https, ws, wss, ftp) from pages are cancelled: the app's pages
 *   load only `app://` files and talk to the data service over a MessagePort.
 *
 * Typed structurally (Electron's WebContents and Session satisfy these shapes), so tests can
 * drive the guards with small recording objects.
 */
import { isAppUrl } from './app-url';
import { describeUrl } from './ipc-validation';

/** Longest URL handed to the OS browser. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The URL to open in the OS browser for a link the page tried to open, or null to drop it: only
 * `https:` URLs with a host, without user name or password, at most 2,048 characters.
 * `shell.openExternal` with other schemes (file:, smb:, custom handlers) can run programs.
 */
export function externalLinkToOpen(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null;
  return u.href;
}

/** Schemes of network requests cancelled for every page. */
const REMOTE_SCHEMES = ['http', 'https', 'ws', 'wss', 'ftp'];

/** The `webRequest` URL filter matching {@link REMOTE_SCHEMES}. */
export const REMOTE_URL_PATTERNS = REMOTE_SCHEMES.map((s) => `${s}://*/*`);

/** True for a URL the page must not fetch (network schemes). */
export function isRemoteUrl(url: string): boolean {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return !!m && REMOTE_SCHEMES.includes(m[1]!.toLowerCase());
}

/** A navigation event as the guards read it (Electron's `Event<WebContentsWillNavigateEventParams>` and kin). */
export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (e: NavigationEventLike) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (e: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What the guards report, for the log (scheme and host only). */
export interface GuardEvent {
  kind: 'navigation-blocked' | 'window-blocked' | 'external-opened' | 'webview-blocked';
  target: string;
}

/** Dependencies of {@link guardWebContents}. */
export interface GuardDeps {
  /** Offers an already-validated https URL to the OS browser (main.ts: confirm, then `shell.openExternal`). */
  openExternal(url: string): void;
  /** Told about every blocked or redirected action. */
  report(event: GuardEvent): void;
}

/** Installs the navigation, new-window and webview guards on `contents`. */
export function guardWebContents(contents: GuardedContents, deps: GuardDeps): void {
  const navigation = (e: NavigationEventLike): void => {
    if (isAppUrl(e.url)) return;
    e.preventDefault();
    deps.report({ kind: 'navigation-blocked', target: describeUrl(e.url) });
  };
  contents.on('will-navigate', navigation);
  contents.on('will-frame-navigate', navigation);
  contents.on('will-redirect', navigation);
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    deps.report({ kind: 'webview-blocked', target: '<webview>' });
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkToOpen(url);
    if (external) {
      deps.openExternal(external);
      deps.report({ kind: 'external-opened', target: describeUrl(external) });
    } else {
      deps.report({ kind: 'window-blocked', target: describeUrl(url) });
    }
    return { action: 'deny' };
  });
}

/** The part of Electron's Session the hardening uses. */
export interface HardenedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Permissions any page may use. Empty: NEST Desk needs no camera, location, notifications… */
export const ALLOWED_PERMISSIONS: readonly string[] = [];

/** Denies every permission and device request and cancels network requests on `session`. */
export function hardenSession(session: HardenedSession, report: (event: { kind: 'permission-denied' | 'request-blocked'; target: string }) => void = () => {}): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    const ok = ALLOWED_PERMISSIONS.includes(permission);
    if (!ok) report({ kind: 'permission-denied', target: permission });
    callback(ok);
  });
  session.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.includes(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (details, callback) => {
    const cancel = isRemoteUrl(details.url);
    if (cancel) report({ kind: 'request-blocked', target: describeUrl(details.url) });
    callback({ cancel });
  });
}
