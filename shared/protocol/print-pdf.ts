/**
 * The messages by which the data service, inside Electron's utilityProcess, asks the main process
 * to print the case pack's report (service/packs/pdf/port-printer.ts → electron/main/print-handler.ts),
 * declared once for both sides. Main prints in a hidden sandboxed window with Chromium's
 * print-to-PDF (the utility process has no renderer to print with). Requests and replies are
 * matched by `id`; each side validates what it receives with these schemas. Also the page header
 * (the TLP marking) and footer templates and margins both printers use, so a report prints the
 * same in Electron and outside it.
 */
import { z } from 'zod';

/** Largest report HTML accepted (bytes of UTF-16 text; the report with its fonts is ~2 MB). */
export const PRINT_HTML_MAX = 64 * 1024 * 1024;

/** Service → main: print `html` with `headerText` in every page's header. */
export const printRequestSchema = z
  .object({
    type: z.literal('print-pdf'),
    id: z.number().int().nonnegative(),
    html: z.string().max(PRINT_HTML_MAX),
    headerText: z.string().max(300),
  })
  .strict();
/** A print request. */
export type PrintRequest = z.infer<typeof printRequestSchema>;

/** Main → service: the PDF's bytes, or why printing failed. */
export const printReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('print-pdf-result'), id: z.number().int().nonnegative(), pdf: z.instanceof(Uint8Array) }).strict(),
  z.object({ type: z.literal('print-pdf-error'), id: z.number().int().nonnegative(), reason: z.string().max(2000) }).strict(),
]);
/** A print reply. */
export type PrintReply = z.infer<typeof printReplySchema>;

/** True when `m` claims to be a print request (its `type`), before validation. */
export function isPrintRequest(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'print-pdf';
}

/** True when `m` claims to be a print reply (its `type`), before validation. */
export function isPrintReply(m: unknown): boolean {
  const type = typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined;
  return type === 'print-pdf-result' || type === 'print-pdf-error';
}

/** Page margins (CSS lengths) both printers use (Chromium outside Electron, main's window inside); the header and footer sit in the top and bottom ones. */
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
