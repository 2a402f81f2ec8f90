/**
 * Issue 11 item 4 in real headless Chromium: a 20,000-row file imports into one case with a
 * progress bar (phase, rows done, percentage, rows per second) while it runs; importing the same
 * file again offers "Import 0 seizures" disabled, with the reason beside it (tester finding
 * F-IMP-1). Screenshots of the progress bar and of the disabled button are saved and looked at.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';
import { seizureCsv } from '../../bench/p3-csv';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const ROWS = 20_000;

test('a large import shows its progress; the same file again cannot be imported and says why', async ({ page, host }) => {
  test.setTimeout(600_000); // 20,000 rows on a loaded 2-core machine
  await newCase(page, host);
  const file = { name: 'national-register.csv', mimeType: 'text/csv', buffer: Buffer.from(seizureCsv(ROWS)) };
  const openImport = async (): Promise<ReturnType<typeof page.getByRole>> => {
    await page.getByRole('button', { name: 'Import', exact: true }).first().click();
    const imp = page.getByRole('dialog', { name: /Import seizures/ });
    await imp.getByTestId('import-file').setInputFiles(file);
    return imp;
  };

  let imp = await openImport();
  const submit = imp.getByRole('button', { name: 'Import 20,000 seizures' });
  await expect(submit).toBeEnabled({ timeout: 240_000 });
  await submit.click();
  const progress = imp.getByTestId('import-progress');
  await expect(progress).toContainText(/Writing seizures: [\d,]+ of 20,000 rows \(\d+%\), [\d,]+ rows? a second/, { timeout: 240_000 });
  await expect(progress.locator('progress')).toHaveAttribute('max', String(ROWS));
  await imp.screenshot({ path: path.join(SHOTS, 'import-progress.png') });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByTestId('report-imported')).toHaveText('20,000', { timeout: 240_000 });
  await report.getByRole('button', { name: 'Done' }).click();

  imp = await openImport();
  const none = imp.getByRole('button', { name: 'Import 0 seizures' });
  await expect(none).toBeDisabled({ timeout: 240_000 });
  await expect(imp.getByTestId('import-disabled-reason')).toHaveText(/^Tick “Import this file again anyway” above/);
  await imp.screenshot({ path: path.join(SHOTS, 'import-disabled-reason.png') });
});
