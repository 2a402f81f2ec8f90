/**
 * Tester4's map findings (issue 11) in headless Chromium against the browser-mode host: four
 * seizures of March 2019 at berths metres apart are one cluster no zoom splits; its list is titled
 * by how many places it spans, each row naming its own, not by its first seizure's place; and the
 * time filter names the one month instead of "No dates to filter by". Screenshot
 * docs/screenshots/map-place-mixed.png is saved and looked at.
 */
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';
import { mapStill } from './map-still';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const CSV = [
  'seizure_date,country_iso2,place,commodity,taxon,quantity,unit,sector,latitude,longitude',
  '2019-03-02,SG,Port 28,pangolin scales,Manis javanica,1.2,t,wildlife,1.2653,103.7725',
  '2019-03-09,SG,Port 32,elephant ivory,Loxodonta africana,0.8,t,wildlife,1.2655,103.7727',
  '2019-03-17,SG,Port 28,rosewood logs,Dalbergia oliveri,40,m3,forestry,1.2657,103.7725',
  '2019-03-28,SG,Port 40,shark fin,,0.3,t,fisheries,1.2651,103.7729',
].join('\n');

test('a cluster of several berths is titled by their count with each row’s place; one month is named, not "no dates"', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'berths.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await imp.getByRole('button', { name: /Import 4 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Map/ }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await expect(page.getByTestId('map-time-range')).toHaveText('Every seizure date falls in Mar 2019');
  await expect(page.getByText('No dates to filter by')).toHaveCount(0);

  // Clicks zoom in until no zoom splits the cluster; then the list opens.
  const popup = page.locator('.leaflet-popup');
  for (let i = 0; i < 6 && (await popup.count()) === 0; i++) {
    await map.locator('.map-cluster', { hasText: /^4$/ }).click();
    await mapStill(map); // the zoom animation settles
  }
  await expect(popup.locator('.map-place-list-head')).toHaveText('4 seizures at 3 places in this area');
  await expect(popup.locator('.map-place-item-place')).toHaveText(['Port 28', 'Port 32', 'Port 28', 'Port 40']);
  await expect(popup.locator('.map-place-item-sub').nth(1)).toHaveText('9 Mar 2019 · 0.8 t · Port 32');
  // The title counts them for the one opened too: back from a seizure, the list is titled the same.
  await popup.locator('.map-place-item').nth(3).click();
  await expect(popup.locator('.map-popup-title')).toHaveText('shark fin');
  await popup.getByRole('button', { name: 'Back to the list (4)' }).click();
  await expect(popup.locator('.map-place-list-head')).toHaveText('4 seizures at 3 places in this area');
  await page.screenshot({ path: path.join(SHOTS, 'map-place-mixed.png') });
});
