/**
 * The case header's Export menu (renderer/src/case/export-menu.tsx) as the e2e specs use it: opens
 * the menu and chooses one item by its test id (`export-csv`, `export-geojson`, `export-kml`,
 * `stix-export`, `pack-export-open`).
 */
import { expect, type Page } from '@playwright/test';

/** Opens the Export menu of the open case and clicks its item `testId`. */
export async function chooseExport(page: Page, testId: 'export-csv' | 'export-geojson' | 'export-kml' | 'stix-export' | 'pack-export-open'): Promise<void> {
  await page.getByTestId('export-menu').click();
  const item = page.getByRole('menu', { name: 'Export' }).getByTestId(testId);
  await expect(item).toBeVisible();
  await item.click();
}
