/**
 * The value sort explained (tester finding F12) in real headless Chromium: sorting the seizure
 * table by "Reported value" orders by each value converted to USD at its seizure's date, so mixed
 * currencies can look unsorted by their raw numbers. The header's button says so while sorted,
 * each value in another currency shows the USD figure it was sorted by, and a value with no known
 * rate says it sorts last. Saved as docs/screenshots/seizure-value-sort.png (looked at).
 */
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
/** Four 2019 seizures whose raw numbers run opposite to their USD values (ECB rates shipped; none for KES). */
const CSV = [
  'seizure_date,country_iso2,place,commodity,quantity,unit,sector,reported_value,reported_currency',
  '2019-04-08,SG,Pasir Panjang,pangolin scales,12.9,t,wildlife,1000000,JPY',
  '2019-04-03,SG,Pasir Panjang,rhino horn,12,kg,wildlife,20000,USD',
  '2019-07-21,SG,Pasir Panjang,elephant ivory,8.8,t,wildlife,50000,SGD',
  '2019-02-01,SG,Tuas,rosewood logs,40,m3,forestry,5000000,KES',
].join('\n');

test('sorting by reported value says it compares USD at each seizure\'s date and shows the figure per row', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await imp.getByRole('button', { name: /Import 4 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures', exact: true });
  await expect(table.getByRole('row')).toHaveCount(5);
  const header = table.getByRole('button', { name: /Reported value/ });
  // Not sorted by value yet: no note, no converted figures.
  await expect(header).not.toHaveAttribute('title', /.+/);
  await expect(table.locator('.value-usd')).toHaveCount(0);

  await header.click();
  await expect(header).toHaveAttribute('title', 'Sorted by the value converted to US dollars at each seizure’s date; values with no known rate come last');
  await expect(header).toHaveAttribute('aria-description', /converted to US dollars/);
  const rows = table.locator('tbody tr[data-seizure-id]');
  const names = ['elephant ivory', 'rhino horn', 'pangolin scales', 'rosewood logs'];
  const order = (): Promise<(string | undefined)[]> => rows.evaluateAll((trs, all) => trs.map((tr) => all.find((c) => tr.textContent!.includes(c))), names);
  const dir = await table.locator('th[aria-sort]').filter({ hasText: 'Reported value' }).getAttribute('aria-sort');
  // SGD 50,000 ≈ USD 36 k > USD 20,000 > JPY 1,000,000 ≈ USD 9 k; KES (no rate) last either way.
  const converted = ['elephant ivory', 'rhino horn', 'pangolin scales'];
  await expect.poll(order).toEqual([...(dir === 'descending' ? converted : [...converted].reverse()), 'rosewood logs']);
  const row = (commodity: string) => table.getByRole('row', { name: new RegExp(commodity) });
  await expect(row('elephant ivory').locator('.value-usd')).toHaveText(/^≈ USD 3\d(\.\d)? k$/);
  await expect(row('pangolin scales').locator('.value-usd')).toHaveText(/^≈ USD \d(,\d{3})+$|^≈ USD \d+(\.\d)? k$/);
  await expect(row('elephant ivory').locator('.value-usd')).toHaveAttribute('title', /^USD [\d,.]+ at the rate of 2019-07-21, the figure this order uses$/);
  await expect(row('rhino horn').locator('.value-usd')).toHaveCount(0); // already in USD
  await expect(row('rosewood logs').locator('.value-no-rate')).toHaveText('No USD rate: sorted last');
  await page.locator('.table-card').screenshot({ path: path.join(SHOTS, 'seizure-value-sort.png') });

  // Sorted by another column: the figures go again.
  await table.getByRole('button', { name: /Date/ }).click();
  await expect(table.locator('.value-usd, .value-no-rate')).toHaveCount(0);
});
