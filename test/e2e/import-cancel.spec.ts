/**
 * Issue 11 "Cancel really cancels" in real headless Chromium: Cancel while a 21,000-row file is
 * written asks first, "Stop the import" shows Stopping… until the service stopped at a volume's
 * end, the final state asks to undo or keep the written part, and kept, the import log lists it as
 * a stopped import. Screenshots of the question, the final state and the log are saved and looked at.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';
import { P3_HEADER, seizureRows } from '../../bench/p3-csv';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');

test('Cancel while writing asks, stops at a safe point, and the written part is kept or undone on request', async ({ page, host }) => {
  test.setTimeout(240_000);
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'national.csv', mimeType: 'text/csv', buffer: Buffer.from(`${P3_HEADER}\n${seizureRows(21_000)}`) });
  await imp.getByRole('button', { name: 'Import 21,000 seizures' }).click({ timeout: 90_000 });
  await expect(imp.getByTestId('import-progress')).toContainText(/Writing seizures: [1-9]/, { timeout: 90_000 });

  await imp.getByRole('button', { name: 'Cancel' }).click();
  const ask = page.getByRole('dialog', { name: 'Stop the import?' });
  await expect(ask).toContainText(/of 21,000 rows are written/);
  await ask.screenshot({ path: path.join(SHOTS, 'import-stop-confirm.png') });
  await ask.getByRole('button', { name: 'Stop the import' }).click();

  const stopped = page.getByRole('dialog', { name: 'Import stopped' });
  await expect(stopped).toContainText(/seizures of 21,000 were written before the import stopped/, { timeout: 90_000 });
  await stopped.screenshot({ path: path.join(SHOTS, 'import-stopped.png') });
  await stopped.getByRole('button', { name: 'Keep them' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  await page.getByRole('button', { name: 'Import log' }).click();
  const log = page.getByRole('dialog', { name: 'Import log' });
  const row = log.getByRole('row', { name: /national\.csv/ });
  await expect(row).toContainText(/Stopped: [\d,]+ seizures of 21,000 written/);
  await log.screenshot({ path: path.join(SHOTS, 'import-log-stopped.png') });
});
