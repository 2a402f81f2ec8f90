/**
 * Issue 11 item 2 in real headless Chromium: a point imported far outside its seizing country is
 * stored with an "outside-country" review flag (branch outside), not imported as if it were sound.
 * The seizure table shows the badge and filters by it, the detail says why with the distance, and
 * "Location checked" clears the flag (the audit keeps it). Screenshots of the table and the detail
 * card are saved and looked at. A KML placemark without commodity data has its label read as the
 * commodity: imported flagged too, and "Mark as reviewed" clears it.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
// Line 3 is seized "in Singapore" at Mombasa's coordinates (~7,000 km away); line 2 is in Singapore.
const CSV = [
  'seizure_date,country,place,commodity,quantity,unit,sector,latitude,longitude',
  '2019-04-08,SG,Pasir Panjang,pangolin scales,12.9,t,wildlife,1.2766,103.7617',
  '2019-05-02,SG,Kilindini,elephant ivory,3.2,t,wildlife,-4.05,39.6667',
].join('\n');

test('a point outside its seizing country is imported flagged; the table filters it and "Location checked" clears it', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'flagged.csv', mimeType: 'text/csv', buffer: Buffer.from(`${CSV}\n`) });
  await imp.getByRole('button', { name: /Import 2 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const flagged = table.locator('tbody tr').filter({ hasText: 'elephant ivory' });
  await expect(flagged.getByRole('img', { name: /^Flagged for review: / })).toBeVisible();
  await expect(table.locator('tbody tr').filter({ hasText: 'pangolin scales' }).getByRole('img', { name: /Flagged for review/ })).toHaveCount(0);
  await page.locator('.table-card').screenshot({ path: path.join(SHOTS, 'review-flag-table.png') });

  // The filter leaves only the flagged seizure.
  await page.getByRole('checkbox', { name: /Flagged for review/ }).check();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('elephant ivory');

  await flagged.click();
  const card = page.getByRole('region', { name: 'Flagged for review' });
  await expect(card).toContainText(/The point lay [\d,.]+ km outside/);
  await card.screenshot({ path: path.join(SHOTS, 'review-flag-card.png') });
  await card.getByRole('button', { name: 'Location checked' }).click();
  await expect(card).toHaveCount(0);
  await expect(table.locator('tbody tr')).toHaveCount(0); // the filter has nothing left to show
  await page.getByRole('checkbox', { name: /Flagged for review/ }).uncheck();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.getByRole('img', { name: /Flagged for review/ })).toHaveCount(0);
});

test('a KML placemark whose commodity is only its label is imported flagged; "Mark as reviewed" clears it', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(path.resolve('../shared/cases/import/06-placemarks.kml'));
  await imp.getByRole('button', { name: /Import 2 seizures/ }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByTestId('report-flagged')).toContainText('1 imported row needs a check');
  await expect(report.getByTestId('report-flagged')).toContainText('The commodity was read from the feature’s label “name”');
  await report.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').filter({ hasText: 'rosewood logs' }).getByRole('img', { name: /Flagged for review/ })).toHaveCount(0);
  const flagged = table.locator('tbody tr').filter({ hasText: 'Ivory cache' });
  await expect(flagged.getByRole('img', { name: /^Flagged for review: The commodity was read from the feature’s “name”/ })).toBeVisible();
  await flagged.click();
  const card = page.getByRole('region', { name: 'Flagged for review' });
  await expect(card).toContainText('check that it names what was seized');
  await card.screenshot({ path: path.join(SHOTS, 'review-flag-label-card.png') });
  await card.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(card).toHaveCount(0);
  await expect(table.getByRole('img', { name: /Flagged for review/ })).toHaveCount(0);
});
