/**
 * Which {@link PdfPrinter} this process uses, chosen once by its entry point: inside Electron the
 * utility entry (service/entries/utility-entry.ts) sets the printer that asks the main process;
 * everywhere else (browser mode, CLIs, tests) the default is a local headless Chromium. Export
 * code calls {@link pdfPrinter} rather than knowing where it runs.
 */
import { chromiumPrinter, loadChromiumDriver } from './chromium-printer';
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

/**
 * Gets the process's printer ready before the first export: with the local Chromium printer,
 * loads its driver now (a long synchronous load that would otherwise block the event loop in the
 * middle of the first export; chromium-printer.ts). Nothing to do when an entry point set another
 * printer (Electron prints through main). Never fails: a missing driver is reported by the print.
 */
export async function preparePdfPrinter(): Promise<void> {
  if (chosen !== null) return;
  await loadChromiumDriver().catch(() => undefined);
}
