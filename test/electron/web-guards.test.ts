/**
 * The guards on every webContents and on the session, driven through small recording objects
 * shaped like Electron's: navigation away from app://nest/ is prevented, no window is ever
 * created, only https links reach the OS browser, webviews never attach, every permission is
 * denied and network requests are cancelled.
 */
import { describe, expect, it } from 'vitest';
import { externalLinkToOpen, guardWebContents, hardenSession, isRemoteUrl, REMOTE_URL_PATTERNS, type GuardEvent, type GuardedContents, type HardenedSession, type NavigationEventLike } from '../../electron/main/web-guards';

type Listener = (e: NavigationEventLike) => void;

function contents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const c: GuardedContents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return c;
    },
    setWindowOpenHandler(h) {
      openHandler = h;
    },
  };
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    for (const l of listeners.get(event) ?? []) l({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { c, listeners, fire, open: (url: string) => openHandler!({ url }) };
}

describe('guardWebContents', () => {
  function setup() {
    const t = contents();
    const opened: string[] = [];
    const reports: GuardEvent[] = [];
    guardWebContents(t.c, { openExternal: (u) => opened.push(u), report: (e) => reports.push(e) });
    return { ...t, opened, reports };
  }

  it('lets the app navigate within app://nest/ only', () => {
    const t = setup();
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(t.fire(ev, 'app://nest/index.html#/cases'), ev).toBe(false);
      expect(t.fire(ev, 'https://evil.example/'), ev).toBe(true);
      expect(t.fire(ev, 'file:///etc/passwd'), ev).toBe(true);
      expect(t.fire(ev, 'app://nest.evil/'), ev).toBe(true);
      expect(t.fire(ev, 'javascript:alert(1)'), ev).toBe(true);
    }
    expect(t.reports).toContainEqual({ kind: 'navigation-blocked', target: 'https://evil.example' });
  });

  it('never opens a window; offers https links to the OS browser and drops everything else', () => {
    const t = setup();
    for (const u of ['https://www.unodc.org/report.pdf', 'app://nest/index.html', 'http://example.org/', 'file:///C:/Windows/system32/calc.exe', 'smb://share/x', 'javascript:alert(1)', 'ms-msdt:/id', 'https://user:pw@example.org/']) {
      expect(t.open(u), u).toEqual({ action: 'deny' });
    }
    expect(t.opened).toEqual(['https://www.unodc.org/report.pdf']);
    expect(t.reports.filter((r) => r.kind === 'window-blocked')).toHaveLength(7);
  });

  it('prevents every <webview>', () => {
    const t = setup();
    let prevented = false;
    for (const l of t.listeners.get('will-attach-webview') ?? []) l({ url: '', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('externalLinkToOpen', () => {
  it('accepts https URLs with a host and normalises them', () => {
    expect(externalLinkToOpen('https://Example.org/a b?q=1#x')).toBe('https://example.org/a%20b?q=1#x');
  });

  it('refuses other schemes, credentials, junk and overlong URLs', () => {
    for (const u of ['http://example.org/', 'HTTPS://', 'https://u@example.org/', 'file:///etc/passwd', 'mailto:a@b.c', 'not a url', `https://example.org/${'a'.repeat(2100)}`]) expect(externalLinkToOpen(u), u).toBeNull();
  });
});

describe('hardenSession', () => {
  function session() {
    const s = {
      request: null as null | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
      check: null as null | ((wc: unknown, p: string) => boolean),
      device: null as null | (() => boolean),
      filter: null as null | { urls: string[] },
      before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    };
    const api: HardenedSession = {
      setPermissionRequestHandler: (h) => void (s.request = h),
      setPermissionCheckHandler: (h) => void (s.check = h),
      setDevicePermissionHandler: (h) => void (s.device = h),
      webRequest: { onBeforeRequest: (f, l) => void ((s.filter = f), (s.before = l)) },
    };
    return { s, api };
  }

  it('denies every permission request and check, and device access', () => {
    const { s, api } = session();
    const reports: { kind: string; target: string }[] = [];
    hardenSession(api, (r) => reports.push(r));
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'unknown']) {
      let granted: boolean | null = null;
      s.request!({}, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
      expect(s.check!({}, p), p).toBe(false);
    }
    expect(s.device!()).toBe(false);
    expect(reports[0]).toEqual({ kind: 'permission-denied', target: 'media' });
  });

  it('cancels network requests of pages', () => {
    const { s, api } = session();
    hardenSession(api);
    expect(s.filter).toEqual({ urls: REMOTE_URL_PATTERNS });
    expect(REMOTE_URL_PATTERNS).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);
    let cancelled: boolean | null = null;
    s.before!({ url: 'https://tiles.example/1/2/3.png' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    expect(isRemoteUrl('WSS://relay.example/')).toBe(true);
    expect(isRemoteUrl('app://nest/index.html')).toBe(false);
    // Online tiles in Electron come through the app's own origin (the data service fetches them):
    // the page's tile URL is not remote, the tile server's stays cancelled.
    expect(isRemoteUrl('app://nest/basemaps/online/0b8f3c7e-2a51-4c43-9d7a-1f0e6b3c2d10/3/4/2')).toBe(false);
    s.before!({ url: 'https://tile.openstreetmap.org/3/4/2.png' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    expect(isRemoteUrl('devtools://devtools/bundled/x.html')).toBe(false);
  });
});
