/**
 * Which {@link PdfPrinter} this process uses, chosen once by its entry point: inside Electron the
 * utility entry (service/entries/utility-entry.ts) sets the printer that asks the main process;
 * everywhere else (browser mode, CLIs, tests) the default is a local headless Chromium. Export
 * code calls {@link pdfPrinter} rather than knowing where it runs.
 */
import { chromiumPrinter } from './chromium-printer';
import type { PdfPrinter } from './pdf-printer';

let chosen: PdfPrinter | null = null;

/** Sets the printer of this process (the entry point calls it once at start). */
export function setPdfPrinter(printer: PdfPrinter): void {
  chosen = printer;
}

/** The printer of this process: the one set by the entry point, else a local Chromium. */
export function pdfPrinter(): PdfPrinter {
  chosen ??= chromiumPrinter();
  return chosen;
}
