/**
 * The one interface the case pack uses to turn its report's HTML into a PDF, and the page header
 * and footer both implementations print: the TLP marking (and case number) at the top of every
 * page, "page x of y" at the bottom. Two implementations: Chromium driven by playwright-core
 * outside Electron (chromium-printer.ts: browser mode, CLIs, tests) and, inside Electron, a request
 * to the main process, which prints in a hidden sandboxed window (port-printer.ts and
 * electron/main/print-handler.ts). Both use Chromium's print-to-PDF, which shapes Arabic
 * (right-to-left, joined letters) correctly — pdf-lib and pdfmake cannot.
 */

/** Options of one print. */
export interface PrintOptions {
  /** Text of every page's header, e.g. "TLP:AMBER · SGNEST-2026-0001 · Case report". */
  headerText: string;
}

/**
 * Prints a self-contained HTML document (no script, no remote content) to PDF, A4.
 * @returns the PDF's bytes.
 * @throws NestError('export-failed') with `report.print.*` when no printer is available or printing failed.
 */
export type PdfPrinter = (html: string, options: PrintOptions) => Promise<Uint8Array>;

export { footerTemplate, headerTemplate, PRINT_MARGINS } from '../../../shared/protocol/print-pdf';
