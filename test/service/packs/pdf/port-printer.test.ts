/**
 * The data service's printer inside Electron, wired to main's real handler through an in-memory
 * parent port (the fake window "prints" the HTML's bytes): each print gets its own reply by id,
 * main's failure becomes the catalogue error with main's reason, a reply that does not validate
 * is ignored, and no reply at all times out with report.print.timeout.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../node/log';
import { handlePrintMessage, type PrintWindowLike } from '../../../../electron/main/print-handler';
import { portPrinter, type PrintPort } from '../../../../service/packs/pdf/port-printer';
import { NestError } from '../../../../shared/errors';

/** A window whose "PDF" is the HTML it was given (or a failure when the HTML says so). */
function fakeWindow(): PrintWindowLike {
  let html = '';
  return {
    loadURL: (url) => {
      html = Buffer.from(url.split(',')[1]!, 'base64').toString('utf8');
      return Promise.resolve();
    },
    destroy: () => {},
    isDestroyed: () => false,
    webContents: {
      on: () => undefined,
      setWindowOpenHandler: () => {},
      printToPDF: () => (html.includes('FAIL') ? Promise.reject(new Error('renderer gone')) : Promise.resolve(new TextEncoder().encode(`PDF:${html}`))),
      session: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, setDevicePermissionHandler: () => {}, webRequest: { onBeforeRequest: () => {} } },
    },
  };
}

/** The utility process's parent port, with main's handler on the other side. */
function wiredPort(mainAnswers = true): PrintPort & { inject(data: unknown): void } {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const toService = (data: unknown): void => {
    setImmediate(() => listeners.forEach((l) => l({ data })));
  };
  return {
    on: (_event, listener) => listeners.push(listener),
    postMessage: (m) => {
      if (mainAnswers) handlePrintMessage(m, toService, { createWindow: fakeWindow, logger: createLogger('test', 'silent') });
    },
    inject: toService,
  };
}

describe('portPrinter', () => {
  it('gets each print’s bytes from main, matched by id', async () => {
    const print = portPrinter(wiredPort());
    const [a, b] = await Promise.all([print('<p>one</p>', { headerText: 'TLP:AMBER' }), print('<p>two</p>', { headerText: 'TLP:AMBER' })]);
    expect(new TextDecoder().decode(a)).toBe('PDF:<p>one</p>');
    expect(new TextDecoder().decode(b)).toBe('PDF:<p>two</p>');
  });

  it('turns main’s failure into the catalogue error with its reason', async () => {
    const print = portPrinter(wiredPort());
    const err = await print('<p>FAIL</p>', { headerText: 'TLP:AMBER' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).code).toBe('export-failed');
    expect((err as NestError).message).toBe('Printing report.pdf failed: renderer gone');
  });

  it('ignores a reply that does not validate, and times out when main never answers', async () => {
    const port = wiredPort(false);
    const print = portPrinter(port, { timeoutMs: 1_000 });
    const pending = print('<p>x</p>', { headerText: 'TLP:AMBER' });
    port.inject({ type: 'print-pdf-result', id: 1, pdf: 'not bytes' });
    const err = await pending.catch((e: unknown) => e);
    expect((err as NestError).message).toBe('Printing report.pdf took longer than 1 second and was stopped.');
  });
});
