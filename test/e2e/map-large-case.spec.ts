/**
 * The map of a large case (issue 11 P8) in real headless Chromium against the real browser-mode
 * host: 12,000 seizures (bench/p8-workload.ts, 11,000 of them in volume docs the renderer never
 * loads), past the 5,000 from which the data service clusters the map (remote-clusters.tsx). The
 * clusters count all 12,000; a cluster click zooms in and the view still counts whole clusters;
 * the commodity filter narrows "N of 12,000 seizures shown" and the clusters alike; the heat layer
 * draws. Saves docs/screenshots/map-large-case.png (looked at).
 */
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { repoRoot } from './fixtures';
import { openLargeCaseMap, useLargeCaseHost } from './large-case-process';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const TOTAL = 12_000;

const host = useLargeCaseHost(TOTAL);

test('a 12,000-seizure case maps from the data service\'s clusters: counted, zoomed, filtered, heat', async ({ page }) => {
  test.setTimeout(180_000);
  const map = await openLargeCaseMap(page, host(), TOTAL);
  await expect(page.getByTestId('map-shown')).toHaveText('12,000 of 12,000 seizures shown');
  const items = Number(await map.getAttribute('data-items'));
  expect(items).toBeGreaterThan(0);
  expect(items).toBeLessThan(200);

  // The commodity list comes from the projection with counts; choosing one narrows count and clusters.
  const commodity = page.getByRole('combobox', { name: 'Commodity' });
  const options = await commodity.locator('option').allTextContents();
  expect(options[0]).toBe('All');
  const ivory = options.find((o) => o.startsWith('Ivory ('))!;
  const n = Number(/\(([\d,]+)\)/.exec(ivory)![1]!.replace(/,/g, ''));
  expect(n).toBeGreaterThan(1000);
  expect(n).toBeLessThan(TOTAL);
  await commodity.selectOption('Ivory');
  await expect(page.getByTestId('map-shown')).toHaveText(`${n.toLocaleString('en')} of 12,000 seizures shown`);
  await expect(map).toHaveAttribute('data-shown', String(n));

  await page.getByRole('button', { name: 'Heat map' }).click();
  await expect(map).toHaveAttribute('data-heat', 'on');
  await page.screenshot({ path: path.join(SHOTS, 'map-large-case.png') });
  await page.getByRole('button', { name: 'Heat map' }).click();

  // A cluster click zooms to where it splits; the view then counts whole clusters of what is in it.
  await page.locator('.map-cluster').first().click();
  await expect.poll(async () => Number(await map.getAttribute('data-shown')), { timeout: 30_000 }).toBeLessThan(n);
  expect(Number(await map.getAttribute('data-items'))).toBeGreaterThan(0);
});
