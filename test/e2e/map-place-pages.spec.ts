/**
 * A place with more seizures than one page, on a map clustered by the data service: 6,000
 * seizures (bench/p8-workload.ts), 1,200 of them at one quay that no zoom splits. A click on the
 * quay's cluster lists "1,200 seizures at Quay 7" a hundred at a time; "Show 100 more" and
 * scrolling to the list's end add pages until every one is listed; the last one opens, and
 * "Back" returns to the whole list; a search narrows the list to the seizures matching it.
 * Saves docs/screenshots/map-place-list.png (looked at).
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
