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

/** Page margins (CSS lengths) both printers use; the header and footer sit in the top and bottom ones. */
export const PRINT_MARGINS = { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' } as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Chromium's header template (rendered by Chromium itself, in its own tiny page: only inline
 * styles, and the `pageNumber`/`totalPages` classes) with `headerText`, bold, in a black band —
 * the TLP 2.0 way of writing a marking.
 */
export function headerTemplate(headerText: string): string {
  return `<div style="width:100%;font-family:'DejaVu Sans',sans-serif;font-size:8pt;padding:0 16mm;-webkit-print-color-adjust:exact;"><span style="background:#000;color:#fff;font-weight:bold;padding:1.5pt 6pt;" dir="auto">${escapeHtml(headerText)}</span></div>`;
}

/** Chromium's footer template: "page x / y" in the middle (the Bates label is stamped later in the bottom-right corner). */
export function footerTemplate(): string {
  return `<div style="width:100%;font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;color:#555;padding:0 16mm;text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}
