/**
 * Steps shared by the case-pack and STIX end-to-end specs: open the demo case as an
 * investigator, export a case pack from the export dialog (confirming the TLP handling when the
 * case needs it) and save the download, and render a PDF page with Debian's poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { chooseExport } from './export-menu';

/** Opens the demo workspace as a new investigator and its first case. */
export async function openDemoCase(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Full name').fill('Amina Mwangi');
  await page.getByLabel('Agency').fill('Kenya Wildlife Service');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').first().click();
  await expect(page.getByTestId('severity-badge')).toBeVisible();
}

/**
 * Exports the whole open case as a pack through the export dialog and saves the download in a
 * fresh temporary folder; returns its path. Confirms the TLP 2.0 handling when asked.
 */
export async function exportPackFromUi(page: Page): Promise<string> {
  await chooseExport(page, 'pack-export-open');
  const dialog = page.locator('.pack-export-dialog');
  await expect(dialog).toBeVisible();
  const handling = page.getByTestId('pack-handling');
  if (await handling.isVisible()) await handling.getByRole('checkbox').check();
  // The data service prints report.pdf with Chromium first: slower than an action on a loaded machine.
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  // The browser's own download manager fetched it from a single-use URL (no blob: copy in the page),
  // and that URL does not work twice.
  expect(download.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/packs\/download\/[A-Za-z0-9_-]{22}\?t=[A-Za-z0-9_-]{43}$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-pack-')), download.suggestedFilename());
  await download.saveAs(file);
  expect((await page.request.get(download.url())).status()).toBe(403);
  const result = page.locator('.pack-export-result');
  await expect(result).toContainText('Manifest SHA-256 fingerprint');
  await result.getByRole('button', { name: 'Close' }).last().click();
  return file;
}

/**
 * Fails with the fix when poppler-utils is missing (the test renders pages; CI installs it in
 * .ci/run), rather than skipping.
 * @throws Error naming the package to install.
 */
export function requirePoppler(): void {
  for (const tool of ['pdftoppm', 'pdftotext']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} was not found: install Debian's poppler-utils (apt-get install poppler-utils; .ci/run does) to run this test`);
    }
  }
}

/** Renders page `page` (1-based) of the PDF `pdf` in colour at `dpi` to the PNG file `out`. */
export function renderPdfPage(pdf: string, page: number, dpi: number, out: string): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, out.replace(/\.png$/, '')]);
}

/** The text of each page of `pdf` (pdftotext, logical order, pages split at form feeds). */
export function pdfText(pdf: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}
