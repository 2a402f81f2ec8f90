/**
 * The PDF printer outside Electron (browser mode, CLIs, tests): a headless Chromium found by
 * find-chromium.ts, started by playwright-core for one print and closed after it. The page runs
 * with JavaScript disabled and offline, and every request other than the document itself is
 * aborted, so a report cannot fetch or run anything whatever a case holds. The TLP marking is in
 * every page's header (pdf-printer.ts).
 */
import { NestError } from '../../../shared/errors';
import { createLogger } from '../../../node/log';
import { findChromium } from './find-chromium';
import { footerTemplate, headerTemplate, PRINT_MARGINS, type PdfPrinter } from './pdf-printer';

const log = createLogger('pdf-printer');

/** The driver package, imported by name at run time (see {@link chromiumPrinter}). */
const PLAYWRIGHT: string = 'playwright-core';

/** Flags that keep Chromium quiet and offline on a closed network (docs/TOOLCHAIN). */
const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'];

/** Options of {@link chromiumPrinter}. */
export interface ChromiumPrinterOptions {
  /** The executable (default: {@link findChromium}). */
  executablePath?: string;
  /** Longest a print may take, ms (default 120,000). */
  timeoutMs?: number;
}

let driver: Promise<typeof import('playwright-core')> | null = null;

/**
 * Loads the Chromium driver (playwright-core) once per process. Loading it evaluates megabytes of
 * JavaScript synchronously (measured 1.2–2.9 s of a blocked event loop on a loaded 2-core machine),
 * so browser mode loads it right after it starts serving (printer-registry.ts `preparePdfPrinter`,
 * called by serve-cli.ts while the page loads) rather than in the middle of the first export,
 * while the page's websocket waits on the same loop. Loaded by a name the bundler does not follow: the Electron data service
 * (dist/electron/data-service.cjs) prints through main and must neither bundle nor load
 * playwright-core (it reaches for `electron` itself).
 * @throws Error when playwright-core is not installed.
 */
export function loadChromiumDriver(): Promise<typeof import('playwright-core')> {
  driver ??= (import(PLAYWRIGHT) as Promise<typeof import('playwright-core')>).catch((err: unknown) => {
    driver = null;
    throw err;
  });
  return driver;
}

/**
 * A {@link PdfPrinter} that runs a local headless Chromium.
 * @throws (when printing) NestError('export-failed') with report.print.no-chromium, report.print.failed.
 */
export function chromiumPrinter(o: ChromiumPrinterOptions = {}): PdfPrinter {
  return async (html, { headerText }) => {
    const executablePath = o.executablePath ?? findChromium();
    const timeout = o.timeoutMs ?? 120_000;
    // Chromium's own sandbox needs user namespaces that containers and CI often lack; the page
    // is already without JavaScript and network, which is what the sandbox would protect here.
    const { chromium } = await loadChromiumDriver();
    const browser = await chromium.launch({ executablePath, headless: true, args: [...ARGS, '--no-sandbox'], timeout }).catch((err: unknown) => {
      throw new NestError('export-failed', { id: 'report.print.failed', values: { reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) } });
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: headerTemplate(headerText), footerTemplate: footerTemplate(), margin: PRINT_MARGINS, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } catch (err) {
      if (err instanceof NestError) throw err;
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'printing failed');
      throw new NestError('export-failed', { id: 'report.print.failed', values: { reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) } });
    } finally {
      await browser.close().catch(() => undefined);
    }
  };
}
