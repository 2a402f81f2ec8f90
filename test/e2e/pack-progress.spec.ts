/**
 * The case pack dialog during a long export, in real headless Chromium against the real
 * browser-mode host: a generated case of 12,000 seizures (1,000 in its case doc, the rest in three
 * volume docs; large-case-host.ts). After Export, the dialog shows the export's phase in words
 * ("Step n of 7"), a bar and the time elapsed while the data service works; Cancel export stops
 * it and the dialog says no pack was written. Saves docs/screenshots/pack-export-progress.png
 * (mid-export; looked at).
 */
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { repoRoot } from './fixtures';
import { chooseExport } from './export-menu';
import { useLargeCaseHost } from './large-case-process';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

const host = useLargeCaseHost(12_000);

test('a long pack export shows its phase, a bar and the time elapsed, and Cancel stops it', async ({ page }) => {
  test.setTimeout(300_000);
  const { url, origin, route } = host();
  await page.goto(url);
  await page.goto(`${origin}/?open=1${route}`);
  await expect(page.locator('#case-tab-seizures .tab-count')).toHaveText('12,000', { timeout: 60_000 });
  await chooseExport(page, 'pack-export-open');
  const dialog = page.locator('.pack-export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Export' }).click();
  const progress = page.getByTestId('pack-progress');
  await expect(progress).toBeVisible();
  // Past reading the case: the tables (or a later phase) with their counts.
  await expect(progress).toHaveAttribute('data-phase', /tables|map|report/, { timeout: 120_000 });
  await expect(progress).toContainText(/Step [3-5] of 7/);
  await expect(progress).toContainText(/seconds? elapsed/);
  await page.screenshot({ path: path.join(SHOTS, 'pack-export-progress.png') });

  // One stop action while it runs: the dialog's own Cancel is not offered beside "Cancel export" (issue 11).
  await expect(dialog.getByRole('button', { name: /cancel/i })).toHaveCount(1);
  await progress.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog).toContainText('The export was cancelled: no pack was written.', { timeout: 120_000 });
  await expect(progress).toBeHidden();
});
