/**
 * Regression tests for renderer bugs a break-test found — resilience, in real headless Chromium
 * against the browser-mode host: a malformed audit entry written by another replica (`null`,
 * `{ by: 5 }`, …) no longer blanks the window: the case opens and the overview shows; an
 * unexpected rendering fault inside one card shows an error panel in that card only, with
 * "Try again", and the app stays usable.
 */
import { test, expect } from './fixtures';
import { caseDocNameOf, editAsRawPeer } from './raw-peer';
import { newCase } from './hardening-helpers';

test('a malformed audit entry from another replica does not blank the case', async ({ page, host, cspViolations }) => {
  await newCase(page, host);
  await page.getByLabel('Lead agency').fill('Singapore Customs; NParks');
  await page.getByLabel('Lead agency').press('Tab');
  await expect(page.locator('section[aria-labelledby="activity-title"]')).toContainText('changed the lead agency');

  // A buggy or hostile peer appends entries of every wrong shape to the case's audit log.
  await editAsRawPeer(host.url, caseDocNameOf(page.url()), (doc) => {
    doc.getArray('audit').push([null, { by: 5 }, 'text', 42, { by: 'x', at: 'yesterday', action: { nested: true }, fields: 'title', count: 'many' }, [1, 2]]);
  });

  // The open window keeps working: the overview, its fields and the activity card are there.
  const activity = page.locator('section[aria-labelledby="activity-title"]');
  await expect(activity.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(activity).toContainText('changed the lead agency');
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
  await expect(page.getByLabel('Lead agency')).toHaveValue('Singapore Customs; NParks');

  // A window opened now opens the case and shows the overview too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pangolin scales via Pasir Panjang', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="activity-title"] li')).not.toHaveCount(0);
  await expect(page.getByText('This part of the case could not be shown')).toHaveCount(0);
  // …and it still edits: the next change appears in the activity log.
  await page.getByLabel('Lead agency').fill('Interpol');
  await page.getByLabel('Lead agency').press('Tab');
  await expect(page.locator('section[aria-labelledby="activity-title"] li').first()).toContainText('changed the lead agency');
  expect(cspViolations).toEqual([]);
});

test('a rendering fault in one card shows an error panel there; the rest of the app stays usable', async ({ page, host }) => {
  await newCase(page, host);
  const activity = page.locator('section[aria-labelledby="activity-title"]');
  await expect(activity).toContainText('created the case');

  // Simulate an unexpected fault in code only the activity card runs (its time tooltips).
  await page.evaluate(() => {
    const w = window as unknown as { realGetHours?: () => number };
    w.realGetHours = Date.prototype.getHours;
    Date.prototype.getHours = function () {
      throw new Error('Simulated rendering fault');
    };
  });
  await page.getByLabel('Lead agency').fill('Singapore Customs; NParks');
  await page.getByLabel('Lead agency').press('Tab');

  const panel = page.getByRole('alert').filter({ hasText: 'This part of the case could not be shown' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Simulated rendering fault');
  // The rest of the case and the app work.
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pangolin scales via Pasir Panjang', level: 1 })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Pangolin scales via Pasir Panjang, 2019');
  await page.getByLabel('Title', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales via Pasir Panjang, 2019');

  // Once the cause is gone, "Try again" shows the card again.
  await page.evaluate(() => {
    const w = window as unknown as { realGetHours: () => number };
    Date.prototype.getHours = w.realGetHours;
  });
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(activity).toContainText('changed the lead agency');
  await expect(panel).toHaveCount(0);
  await page.getByRole('link', { name: 'Cases' }).first().click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
});
