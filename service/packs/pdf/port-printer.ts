/**
 * The PDF printer inside Electron: the data service runs in a utilityProcess without a renderer,
 * so it posts the report's HTML to the main process (shared/protocol/print-pdf.ts) and main prints
 * it in a hidden, sandboxed window (electron/main/print-handler.ts). Replies are matched by id;
 * a reply that does not validate is ignored, and a print that gets no reply in time fails.
 */
import { isPrintReply, printReplySchema } from '../../../shared/protocol/print-pdf';
import { NestError } from '../../../shared/errors';
import type { PdfPrinter } from './pdf-printer';

/** The part of the utility process's parent port the printer uses. */
export interface PrintPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
}

/** Options of {@link portPrinter}. */
export interface PortPrinterOptions {
  /** Longest wait for main's reply, ms (default 180,000). */
  timeoutMs?: number;
}

/**
 * A {@link PdfPrinter} that asks main over `port`. Installs one message listener on `port` that
 * handles print replies only (other messages are left to their own listeners).
 * @throws (when printing) NestError('export-failed') with report.print.failed (main's reason) or
 *   report.print.timeout.
 */
export function portPrinter(port: PrintPort, o: PortPrinterOptions = {}): PdfPrinter {
  const timeoutMs = o.timeoutMs ?? 180_000;
  const waiting = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (err: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  port.on('message', (e) => {
    if (!isPrintReply(e?.data)) return;
    const r = printReplySchema.safeParse(e.data);
    if (!r.success) return;
    const w = waiting.get(r.data.id);
    if (!w) return;
    waiting.delete(r.data.id);
    clearTimeout(w.timer);
    if (r.data.type === 'print-pdf-result') w.resolve(r.data.pdf);
    else w.reject(new NestError('export-failed', { id: 'report.print.failed', values: { reason: r.data.reason } }));
  });
  return (html, { headerText }) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new NestError('export-failed', { id: 'report.print.timeout', values: { seconds: Math.round(timeoutMs / 1000) } }));
      }, timeoutMs);
      waiting.set(id, { resolve, reject, timer });
      port.postMessage({ type: 'print-pdf', id, html, headerText });
    });
}
