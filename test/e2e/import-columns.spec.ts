/**
 * Issue 11 (tester finding): the import preview of an 11-column file listed only its first six
 * columns (seizure_date…unit); latitude, longitude, reported_value and the rest sat below a 330px
 * inner scroll box of the mapping table, out of sight. Every column must be listed: all eleven
 * mapping rows are there and the table's box shows them without an inner scroll.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const HEADER = 'seizure_date,country,place,commodity,quantity,unit,sector,latitude,longitude,reported_value,reported_currency';
const ROWS = Array.from({ length: 12 }, (_, i) => `2019-0${(i % 9) + 1}-0${(i % 9) + 1},SG,Port ${i},pangolin scales,${i + 1},kg,wildlife,1.${2100 + i},103.${6100 + i},${37 * i + 38},USD`);

test('the mapping table lists every column of an 11-column file, none hidden in an inner scroll', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'rich.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${ROWS.join('\n')}\n`) });
  const table = imp.getByRole('table', { name: 'Column mapping' });
  await expect(table.locator('tbody tr')).toHaveCount(11, { timeout: 120_000 });
  for (const column of HEADER.split(',')) await expect(imp.getByRole('combobox', { name: `Import column “${column}” as`, exact: true })).toHaveCount(1);
  const box = imp.locator('.mapping-scroll');
  // The box is as tall as its table: nothing below its edge.
  const { scrollHeight, clientHeight } = await box.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight);
  await table.locator('tbody tr').last().scrollIntoViewIfNeeded();
  await expect(table.locator('tbody tr').last()).toBeInViewport();
  await imp.screenshot({ path: path.join(SHOTS, 'import-columns-all.png') });
});
