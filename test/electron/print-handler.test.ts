/**
 * Main's report printer with a structural fake of BrowserWindow (the Electron binary is not on
 * this machine): a print request gets a hidden, sandboxed window without preload or JavaScript in
 * an in-memory session whose remote requests are cancelled; navigation and new windows are
 * refused; the HTML is loaded as a data: URL and printed A4 with the TLP header; the reply carries
 * the bytes under the request's id and the window is destroyed — also when printing fails.
 * Invalid requests are answered with an error, other messages are left alone.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { handlePrintMessage, PRINT_PARTITION, type PrintToPdfOptions, type PrintWindowLike, type PrintWindowOptions } from '../../electron/main/print-handler';
import type { PrintReply } from '../../shared/protocol/print-pdf';
import type { NavigationEventLike } from '../../electron/main/web-guards';
import { waitFor } from './helpers/wait-for';

class FakeWindow implements PrintWindowLike {
  loaded: string | null = null;
  printed: PrintToPdfOptions | null = null;
  destroyed = false;
  readonly listeners = new Map<string, (e: NavigationEventLike) => void>();
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  readonly blockedFilters: string[][] = [];
  requestListener: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
  constructor(
    readonly options: PrintWindowOptions,
    private readonly fail: boolean,
  ) {}
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  webContents = {
    on: (event: string, listener: (e: NavigationEventLike) => void): unknown => this.listeners.set(event, listener),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }): void => {
      this.openHandler = h;
    },
    printToPDF: (o: PrintToPdfOptions): Promise<Uint8Array> => {
      this.printed = o;
      return this.fail ? Promise.reject(new Error('printing crashed')) : Promise.resolve(new TextEncoder().encode('%PDF-1.4 fake'));
    },
    session: {
      setPermissionRequestHandler: (): void => {},
      setPermissionCheckHandler: (): void => {},
      setDevicePermissionHandler: (): void => {},
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, listener: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void): void => {
          this.blockedFilters.push(filter.urls);
          this.requestListener = listener;
        },
      },
    },
  };
}

function setup(fail = false) {
  const windows: FakeWindow[] = [];
  const replies: PrintReply[] = [];
  const deps = {
    createWindow: (o: PrintWindowOptions) => {
      const w = new FakeWindow(o, fail);
      windows.push(w);
      return w;
    },
    logger: createLogger('test', 'silent'),
  };
  const send = (m: unknown): boolean => handlePrintMessage(m, (r) => replies.push(r), deps);
  return { windows, replies, send };
}

describe('handlePrintMessage', () => {
  it('prints in a hidden sandboxed window without script or navigation, and replies with the bytes', async () => {
    const { windows, replies, send } = setup();
    expect(send({ type: 'print-pdf', id: 7, html: '<p dir="auto">عاج</p>', headerText: 'TLP:RED · SGNEST-2026-0001 · Case report' })).toBe(true);
    await waitFor(() => replies.length === 1, 'the print reply');
    expect(replies[0]).toEqual({ type: 'print-pdf-result', id: 7, pdf: new TextEncoder().encode('%PDF-1.4 fake') });
    const w = windows[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, partition: PRINT_PARTITION });
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    expect(Buffer.from(w.loaded!.replace(/^data:text\/html;charset=utf-8;base64,/, ''), 'base64').toString('utf8')).toBe('<p dir="auto">عاج</p>');
    expect(w.printed).toMatchObject({ pageSize: 'A4', displayHeaderFooter: true, printBackground: true });
    expect(w.printed!.headerTemplate).toContain('TLP:RED · SGNEST-2026-0001 · Case report');
    expect(w.printed!.margins.top).toBeCloseTo(22 / 25.4, 5);
    expect(w.destroyed).toBe(true);
    // Navigation of every kind is refused; new windows are denied; remote requests are cancelled.
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      let prevented = false;
      w.listeners.get(ev)!({ url: 'https://example.org/', preventDefault: () => (prevented = true) });
      expect(prevented, ev).toBe(true);
    }
    expect(w.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    let cancelled: boolean | null = null;
    w.requestListener!({ url: 'https://tiles.example.org/1/2/3.png' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
  });

  it('answers a failed print with its reason and still destroys the window', async () => {
    const { windows, replies, send } = setup(true);
    send({ type: 'print-pdf', id: 3, html: '<p>x</p>', headerText: 'TLP:CLEAR' });
    await waitFor(() => replies.length === 1, 'the print reply');
    expect(replies[0]).toEqual({ type: 'print-pdf-error', id: 3, reason: 'printing crashed' });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('refuses an invalid request without opening a window, and leaves other messages alone', () => {
    const { windows, replies, send } = setup();
    expect(send({ type: 'print-pdf', id: 4, html: 42, headerText: 'x' })).toBe(true);
    expect(send({ type: 'print-pdf', id: 5, html: '<p>x</p>', headerText: 'x', extra: true })).toBe(true);
    expect(replies).toEqual([
      { type: 'print-pdf-error', id: 4, reason: 'the print request is not valid' },
      { type: 'print-pdf-error', id: 5, reason: 'the print request is not valid' },
    ]);
    expect(send({ type: 'ready' })).toBe(false);
    expect(send(null)).toBe(false);
    expect(windows).toHaveLength(0);
  });
});
