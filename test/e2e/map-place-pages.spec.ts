/**
 * A place with more seizures than one page, on a map clustered by the data service: 6,000
 * seizures (bench/p8-workload.ts), 1,200 of them at one quay that no zoom splits. A click on the
 * quay's cluster lists "1,200 seizures at Quay 7" a hundred at a time; "Show 100 more" and
 * scrolling to the list's end add pages until every one is listed; the last one opens, and
 * "Back" returns to the whole list; a search narrows the list to the seizures matching it.
 * Saves docs/screenshots/map-place-list.png (looked at). Then one of the quay's seizures is given
 * another place name: the list no longer names one place but counts two ("at 2 places in this
 * area"), each row naming its own, and a search for the new name finds that one seizure.
 */
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { repoRoot } from './fixtures';
import { openLargeCaseMap, useLargeCaseHost } from './large-case-process';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const TOTAL = 6000;
const AT_QUAY = 1200;

const host = useLargeCaseHost(TOTAL, AT_QUAY);

test('every one of 1,200 seizures at one quay is listed through pages, opens, and is found by a search', async ({ page }) => {
  test.setTimeout(240_000);
  const map = await openLargeCaseMap(page, host(), TOTAL);

  await map.getByTitle('1,200 seizures here — click to see them').click();
  const popup = page.locator('.leaflet-popup');
  await expect(popup.locator('.map-place-list-head')).toHaveText('1,200 seizures at Quay 7');
  const items = popup.locator('.map-place-item');
  const status = popup.locator('.map-place-list-status');
  await expect(items).toHaveCount(100);
  await expect(status).toHaveText('100 of 1,200 seizures listed');
  await popup.getByRole('button', { name: 'Show 100 more' }).click();
  await expect(items).toHaveCount(200);
  // Scrolling to the list's end asks for the next page too.
  await popup.locator('.map-place-list ul').evaluate((ul) => ul.scrollTo(0, ul.scrollHeight));
  await expect(items).toHaveCount(300);
  await page.screenshot({ path: path.join(SHOTS, 'map-place-list.png') });
  for (let n = 400; n <= AT_QUAY; n += 100) {
    await popup.getByRole('button', { name: 'Show 100 more' }).click();
    await expect(items).toHaveCount(n);
  }
  await expect(status).toHaveText('1,200 of 1,200 seizures listed');
  await expect(popup.getByRole('button', { name: /Show \d+ more/ })).toBeHidden();

  // The last one opens; back, the whole list is still there.
  const lastText = await items.nth(AT_QUAY - 1).locator('.map-place-item-main').textContent();
  await items.nth(AT_QUAY - 1).click();
  await expect(popup.locator('.map-popup-title')).toHaveText(lastText!);
  await popup.getByRole('button', { name: 'Back to the list (1,200)' }).click();
  await expect(items).toHaveCount(AT_QUAY);

  // A search narrows the list: every seizure listed matches it, and their number is said.
  await popup.getByRole('searchbox', { name: 'Find by commodity, species, date, place or country' }).fill('rhino');
  await expect(status).toHaveText(/^\d+ of \d+ seizures? listed$/);
  await expect.poll(async () => Number(/of ([\d,]+)/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0)).toBeLessThan(AT_QUAY);
  const mains = await items.locator('.map-place-item-main').allTextContents();
  expect(mains.length).toBeGreaterThan(0);
  for (const m of mains) expect(m).toBe('Rhino horn');
});

test('once one of the quay\'s seizures is named another place, its list counts two places and each row names its own', async ({ page }) => {
  test.setTimeout(240_000);
  const { url, origin, route, volumeSeizure } = host();
  // The first seizure of volume 1 is one of the quay's (1,000 in the case doc, then 200 in volume 1).
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.goto(url);
  await page.goto(`${origin}/?open=1${route}/${volumeSeizure}`);
  const place = page.locator('aside.seizure-detail').getByTestId('seizure-inline-fields').getByLabel('Place', { exact: true });
  await expect(place).toHaveValue('Quay 7', { timeout: 60_000 });
  await place.fill('Quay 8 (fuel berth)');
  await place.press('Enter');
  await expect(place).toHaveValue('Quay 8 (fuel berth)');

  await page.goto(`${origin}/?open=1${route.replace(/\/seizures$/, '')}/map`);
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-shown', String(TOTAL), { timeout: 60_000 });
  await map.getByTitle('1,200 seizures here — click to see them').click();
  const popup = page.locator('.leaflet-popup');
  await expect(popup.locator('.map-place-list-head')).toHaveText('1,200 seizures at 2 places in this area');
  await expect(popup.locator('.map-place-item')).toHaveCount(100);
  const firstPlaces = await popup.locator('.map-place-item-place').allTextContents();
  expect(firstPlaces).toHaveLength(100);
  for (const p of firstPlaces) expect(['Quay 7', 'Quay 8 (fuel berth)']).toContain(p);
  await popup.getByRole('searchbox', { name: 'Find by commodity, species, date, place or country' }).fill('fuel berth');
  await expect(popup.locator('.map-place-list-status')).toHaveText('1 of 1 seizure listed');
  await expect(popup.locator('.map-place-item-place')).toHaveText(['Quay 8 (fuel berth)']);
  await expect(popup.locator('.map-place-list-head')).toHaveText('1,200 seizures at 2 places in this area');
});
