/**
 * The import dialog on a date column that mixes day-first and month-first dates (the tester's
 * c-dates-contradict.csv), in real headless Chromium: with no order chosen nothing of the column is
 * imported — the dry run holds back all three rows with the fix, as the CLI refuses the column —
 * and choosing day/month re-runs it: 13/04/2019 and 03/04/2019 import, 04/13/2019 is refused
 * saying it reads only month-first. A screenshot of the held rows is saved.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const CSV = `date,country,place,latitude,longitude,commodity,quantity,unit
13/04/2019,KE,Mombasa,-4.05,39.66,ivory,3,kg
04/13/2019,KE,Mombasa,-4.05,39.66,ivory,4,kg
03/04/2019,KE,Mombasa,-4.05,39.66,ivory,5,kg
`;

test('a date column mixing both orders holds back every dependent row until the order is chosen', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'c-dates-contradict.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  const dryRun = imp.getByTestId('import-dryrun');
  await expect(dryRun.getByTestId('report-imported')).toHaveText('0');
  await expect(dryRun.getByTestId('report-rejected')).toHaveText('3');
  await expect(imp.getByTestId('column-format-date')).toContainText('the column mixes both orders');
  await expect(dryRun).toContainText("'13/04/2019' reads only day-first (2019-04-13), and the column mixes both orders");
  await expect(dryRun).toContainText("'04/13/2019' reads only month-first (2019-04-13), and the column mixes both orders");
  await expect(dryRun).toContainText('choose day first or month first in the preview');
  // The disabled button says what to do: choose, not remap or edit the file.
  await expect(imp).toContainText('No row can be imported until you choose what the file does not decide');
  await imp.getByTestId('column-format-date').scrollIntoViewIfNeeded();
  await imp.screenshot({ path: path.join(SHOTS, 'import-date-mixed.png') });

  await imp.locator('select.date-order').selectOption('DMY');
  await expect(dryRun.getByTestId('report-imported')).toHaveText('2');
  await expect(dryRun.getByTestId('report-rejected')).toHaveText('1');
  await expect(dryRun).toContainText("'04/13/2019' reads only as month-first (13 is not a month); the column's order is day-first");
});
