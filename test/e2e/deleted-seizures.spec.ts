/**
 * Deleted seizures in real headless Chromium (branch undel): seizures deleted one by one and in
 * bulk are listed under "Deleted" with who deleted them and how (the bulk delete one line of the
 * case's activity), a single one is restored from its
 * row and the others together, and they are back in the table with the tab's count. The list is
 * saved as docs/screenshots/deleted-seizures.png (looked at).
 */
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';
import { SINGAPORE_2019_CSV } from './singapore-csv';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const CSV = SINGAPORE_2019_CSV;

test('deleted seizures are listed with who and how, restored one by one and together, and are back in the table', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'singapore-2019.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await imp.getByRole('button', { name: /Import 4 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures', exact: true });
  await expect(table.getByRole('row')).toHaveCount(5);
  // One deleted from its row, two in bulk.
  await table.getByRole('button', { name: 'Delete seizure: elephant ivory, 2019-07-21' }).click();
  await page.getByRole('dialog', { name: 'Delete this seizure?' }).getByRole('button', { name: 'Delete seizure' }).click();
  await expect(table).not.toContainText('elephant ivory');
  await table.getByRole('checkbox', { name: /Select rosewood logs/ }).check();
  await table.getByRole('checkbox', { name: /Select pangolin scales of 3 Apr 2019|Select pangolin scales.*2019-04-03/ }).check();
  await page.getByRole('region', { name: '2 seizures selected' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete 2 seizures?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('row')).toHaveCount(2); // header + 1
  await expect(page.getByRole('tab', { name: /Seizures/ })).toContainText('1');
  // The bulk delete is one entry of the case's activity, the single delete its own.
  await page.getByRole('tab', { name: /Overview/ }).click();
  const activity = page.locator('section[aria-labelledby="activity-title"]');
  await expect(activity.locator('li').filter({ hasText: 'deleted 2 seizures in one bulk action' })).toHaveCount(1);
  await expect(activity.locator('li').filter({ hasText: 'deleted the seizure “elephant ivory”' })).toHaveCount(1);
  await page.getByRole('tab', { name: /Seizures/ }).click();

  await page.getByRole('button', { name: 'Show the deleted seizures of this case' }).click();
  const list = page.getByRole('dialog', { name: 'Deleted seizures' });
  await expect(list.getByTestId('deleted-count')).toHaveText('3 deleted seizures');
  const ivory = list.getByRole('row', { name: /elephant ivory/ });
  await expect(ivory).toContainText(/Deleted by .+$/);
  await expect(ivory).not.toContainText('other');
  await expect(list.getByRole('row', { name: /rosewood logs/ })).toContainText('with 1 other seizure');
  await list.screenshot({ path: path.join(SHOTS, 'deleted-seizures.png') });

  // Restore one from its row: it leaves the list and is back in the table.
  await ivory.getByRole('button', { name: /Restore elephant ivory/ }).click();
  await expect(list.getByTestId('deleted-count')).toHaveText('2 deleted seizures');
  await expect(table).toContainText('elephant ivory');

  // Restore the others together.
  await list.getByRole('checkbox', { name: 'Select all shown deleted seizures' }).check();
  await list.getByRole('button', { name: 'Restore 2 seizures' }).click();
  await expect(list.getByTestId('deleted-count')).toHaveText('0 deleted seizures');
  await expect(list).toContainText('No seizure of this case is deleted.');
  await list.getByRole('button', { name: 'Close' }).first().click();
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table).toContainText('rosewood logs');
  await expect(page.getByRole('tab', { name: /Seizures/ })).toContainText('4');
});
