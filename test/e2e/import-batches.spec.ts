/**
 * Issue 11 item 3 in real headless Chromium: a file imported twice is caught (the preview names who
 * imported it and when, and the import needs a deliberate tick), the matching rows are left out;
 * the import log lists both imports and undoes one as a step; the seizure table's bulk bar deletes
 * the chosen rows. Screenshots of the warning, the log and the bulk bar are saved and looked at.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';
import { SINGAPORE_2019_CSV } from './singapore-csv';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const CSV = SINGAPORE_2019_CSV;

test('a second import of the same file is caught, matching rows are left out, an import is undone, rows are deleted in bulk', async ({ page, host }) => {
  await newCase(page, host);
  const importFile = async (): Promise<ReturnType<typeof page.getByRole>> => {
    await page.getByRole('button', { name: 'Import', exact: true }).first().click();
    const imp = page.getByRole('dialog', { name: /Import seizures/ });
    await imp.getByTestId('import-file').setInputFiles({ name: 'singapore-2019.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    return imp;
  };
  let imp = await importFile();
  await imp.getByRole('button', { name: /Import 4 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  imp = await importFile();
  const warning = imp.getByTestId('reimport-warning');
  await expect(warning).toContainText('This file is already in the case');
  await expect(warning).toContainText('(4 seizures)');
  await expect(imp.getByTestId('duplicate-rows')).toContainText('4 rows look like seizures already in the case');
  await expect(imp.getByTestId('duplicate-rows')).toContainText('Line 2: same date, place, commodity and quantity as pangolin scales, 12.9 t, 2019-04-08, Pasir Panjang');
  await imp.screenshot({ path: path.join(SHOTS, 'import-reimport-warning.png') });
  await imp.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  await page.getByRole('button', { name: 'Import log' }).click();
  const log = page.getByRole('dialog', { name: 'Import log' });
  const row = log.getByRole('row', { name: /singapore-2019\.csv/ });
  await expect(row).toContainText('4 seizures');
  await expect(row).toContainText('In the case');
  await log.screenshot({ path: path.join(SHOTS, 'import-log.png') });
  await row.getByRole('button', { name: 'Undo the import of singapore-2019.csv' }).click();
  // The dialog counts what the undo marks now (asked of the data service: volumes included).
  const undo = page.getByRole('dialog', { name: 'Undo this import?' });
  await expect(undo).toContainText('The 4 seizures from singapore-2019.csv still in the case will be marked deleted, as one step.');
  await undo.screenshot({ path: path.join(SHOTS, 'import-undo-confirm.png') });
  await undo.getByRole('button', { name: 'Undo import' }).click();
  await expect(row).toContainText('Undone by');
  await log.getByRole('button', { name: 'Done' }).click();

  // Undone: the same file is taken again without a tick, and nothing is a duplicate.
  imp = await importFile();
  await expect(imp.getByTestId('reimport-warning')).toHaveCount(0);
  await imp.getByRole('button', { name: /Import 4 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures' });
  await table.getByRole('checkbox', { name: /Select elephant ivory/ }).check();
  await table.getByRole('checkbox', { name: /Select rosewood logs/ }).check();
  const bar = page.getByRole('region', { name: '2 seizures selected' });
  await expect(bar).toBeVisible();
  await page.locator('.table-card').screenshot({ path: path.join(SHOTS, 'seizure-bulk-bar.png') });
  await bar.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete 2 seizures?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('row')).toHaveCount(3); // header + 2
  await expect(table).not.toContainText('elephant ivory');
});
