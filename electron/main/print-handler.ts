/**
 * Prints the case pack's report for the data service (which runs in a utilityProcess and has no
 * renderer): the service posts `{ type: 'print-pdf', id, html, headerText }`
 * (shared/protocol/print-pdf.ts); main validates it, loads the HTML into a hidden window that is
 * sandboxed, has no preload, runs no JavaScript, lives in its own in-memory session whose remote
 * requests are cancelled (web-guards.ts hardenSession), cannot navigate or open windows, and
 * calls Chromium's `webContents.printToPDF` with the TLP marking in every page's header. The
 * window is destroyed after each print; the reply carries the PDF bytes or the reason it failed.
 * No Electron import: the window is created through `deps.createWindow`, so tests pass a
 * structural fake (the Electron binary is not on CI machines).
 */
import type { Logger } from '../../node/log';
import { footerTemplate, headerTemplate, isPrintRequest, printRequestSchema, type PrintReply, type PrintRequest } from '../../shared/protocol/print-pdf';
import { hardenSession, type HardenedSession, type NavigationEventLike } from './web-guards';

/** The in-memory session partition of print windows (no cookies, cache or storage on disk). */
export const PRINT_PARTITION = 'nest-print';

/** Electron's printToPDF options as used here (margins in inches). */
export interface PrintToPdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
}

/** The part of Electron's BrowserWindow (and its WebContents) the handler uses. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: {
    on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (e: NavigationEventLike) => void): unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
    session: HardenedSession;
  };
}

/** The BrowserWindow options of a print window. */
export interface PrintWindowOptions {
  show: false;
  width: number;
  height: number;
  webPreferences: {
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    nodeIntegrationInSubFrames: false;
    javascript: false;
    webSecurity: true;
    webviewTag: false;
    spellcheck: false;
    partition: string;
  };
}

/** Dependencies of {@link handlePrintMessage}. */
export interface PrintDeps {
  /** `new BrowserWindow(options)` in main.ts. */
  createWindow(options: PrintWindowOptions): PrintWindowLike;
  logger: Logger;
}

/** The options of every print window. */
export function printWindowOptions(): PrintWindowOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, javascript: false, webSecurity: true, webviewTag: false, spellcheck: false, partition: PRINT_PARTITION },
  };
}

const MM = 1 / 25.4;

/**
 * Prints one validated request in a fresh hidden window.
 * @returns the PDF's bytes.
 * @throws whatever loading or printing threw (the window is destroyed either way).
 */
export async function printInWindow(req: PrintRequest, deps: PrintDeps): Promise<Uint8Array> {
  const win = deps.createWindow(printWindowOptions());
  try {
    const block = (e: NavigationEventLike): void => e.preventDefault();
    win.webContents.on('will-navigate', block);
    win.webContents.on('will-frame-navigate', block);
    win.webContents.on('will-redirect', block);
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    hardenSession(win.webContents.session, (ev) => deps.logger.warn(ev, 'print window: blocked'));
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(req.html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      // The same header (TLP marking) and footer as the Chromium printer outside Electron.
      headerTemplate: headerTemplate(req.headerText),
      footerTemplate: footerTemplate(),
      preferCSSPageSize: true,
      margins: { top: 22 * MM, bottom: 20 * MM, left: 16 * MM, right: 16 * MM },
    });
    return new Uint8Array(pdf);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

/**
 * Handles one message from the data service process if it is a print request: validates it,
 * prints, and `reply`s with the result or the reason. Returns false (and does nothing) for any
 * other message, so the caller can pass the message on.
 */
export function handlePrintMessage(message: unknown, reply: (r: PrintReply) => void, deps: PrintDeps): boolean {
  if (!isPrintRequest(message)) return false;
  const parsed = printRequestSchema.safeParse(message);
  if (!parsed.success) {
    deps.logger.warn({ issue: parsed.error.issues[0]?.message }, 'print request refused');
    const id = (message as { id?: unknown }).id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) reply({ type: 'print-pdf-error', id, reason: 'the print request is not valid' });
    return true;
  }
  const req = parsed.data;
  printInWindow(req, deps).then(
    (pdf) => reply({ type: 'print-pdf-result', id: req.id, pdf: new Uint8Array(pdf) }),
    (err: unknown) => {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      deps.logger.error({ reason }, 'printing a report failed');
      reply({ type: 'print-pdf-error', id: req.id, reason });
    },
  );
  return true;
}
