/**
 * The seizure tab of a large case (issue 11 item 4) in real headless Chromium against the real
 * browser-mode host: 12,000 seizures, 1,000 in the case doc and 11,000 in three volume docs the
 * renderer never loads (bench/p8-workload.ts: written through CaseDoc/VolumeDoc, projected by the
 * real Projector). The tab and the toolbar count all 12,000 from the projection; the table is
 * virtualised (tells assistive technology there are 12,000 rows, draws only those in view);
 * scrolling to the end fetches the last page; sorting by reported value reorders on the service.
 * Saves docs/screenshots/seizures-large-case.png (looked at). A seizure held in a volume doc is
 * edited in place, its field history read and an overwritten value restored, all from the window
 * through the data service (G-TAB-1); docs/screenshots/volume-seizure-history.png (looked at).
 * The seizure pickers search the whole case: a seizure held in the last volume is found by its
 * words and picked in the exhibit form (the exhibit then names it, read through `seizures.get`)
 * and, by keyboard, in the link form; docs/screenshots/seizure-picker-volume.png (looked at). That
 * seizure's detail then lists the organisation linked to it; docs/screenshots/volume-seizure-linked-entities.png (looked at).
 * The timeline counts all 12,000 per month from the projection and, when the month of a seizure
 * held in a volume doc is opened, lists it; docs/screenshots/timeline-large-case.png and timeline-large-case-month.png (looked at).
 */
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { repoRoot } from './fixtures';
import { useLargeCaseHost } from './large-case-process';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const TOTAL = 12_000;

const host = useLargeCaseHost(TOTAL);

test('a 12,000-seizure case opens to a virtualised seizure table counted from the projection', async ({ page }) => {
  const { url, origin, route } = host();
  await page.goto(url);
  await page.goto(`${origin}/?open=1${route}`);
  const table = page.getByRole('table', { name: /seizures/i });
  await expect(table.locator('tbody tr[data-seizure-id]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#case-tab-seizures .tab-count')).toHaveText('12,000');
  await expect(page.locator('.toolbar-count')).toHaveText('12,000 seizures');
  await expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  const drawn = await table.locator('tbody tr[data-seizure-id]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(120);
  await page.screenshot({ path: path.join(SHOTS, 'seizures-large-case.png') });

  // The last row, fetched when scrolled to.
  await page.locator('.table-scroll-virtual').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.locator(`tbody tr[aria-rowindex="${TOTAL + 1}"]`)).toBeVisible({ timeout: 30_000 });

  // Sorted by reported value on the service: the first row holds the largest value.
  await page.getByRole('button', { name: /Reported value/ }).click();
  await page.locator('.table-scroll-virtual').evaluate((el) => (el.scrollTop = 0));
  await expect(table.locator('tbody tr[aria-rowindex="2"]')).toBeVisible();
  const rows = table.locator('tbody tr[data-seizure-id]');
  const firstValues = async (): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < 5; i++) out.push(Number((await rows.nth(i).locator('td.col-num').nth(1).textContent())!.replace(/[^\d.]/g, '')));
    return out;
  };
  // The generator's values run up to 500,000 USD: the largest of 12,000 is near the top of that range, and the rows follow in descending order.
  await expect.poll(async () => (await firstValues())[0]!, { timeout: 30_000 }).toBeGreaterThan(490_000);
  const values = await firstValues();
  expect(values).toEqual([...values].sort((x, y) => y - x));
});

test('a seizure held in a volume doc is edited in place and restored from its history', async ({ page }) => {
  const { url, origin, route, volumeSeizure } = host();
  expect(volumeSeizure).not.toBe('');
  await page.goto(url);
  await page.goto(`${origin}/?open=1${route}/${volumeSeizure}`);
  const detail = page.locator('aside.seizure-detail');
  await expect(detail).toBeVisible({ timeout: 60_000 });
  const place = detail.getByTestId('seizure-inline-fields').getByLabel('Place', { exact: true });
  const original = await place.inputValue();
  await place.fill('Mombasa container terminal');
  await place.press('Enter');
  // Saved by the service into the volume; the detail, read again from the projection's change, shows it.
  await expect(place).toHaveValue('Mombasa container terminal');
  await expect(detail.locator('.field-error, [role="alert"]')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('aside.seizure-detail').getByTestId('seizure-inline-fields').getByLabel('Place', { exact: true })).toHaveValue('Mombasa container terminal', { timeout: 60_000 });

  await page.getByRole('button', { name: 'History of the place' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('history-value')).toHaveText(['“Mombasa container terminal”', original ? `“${original}”` : '(empty)'], { timeout: 30_000 });
  await page.screenshot({ path: path.join(SHOTS, 'volume-seizure-history.png') });
  await dialog.getByRole('button', { name: /^Restore/ }).click();
  await expect(dialog.getByTestId('history-value').first()).toHaveText(original ? `“${original}”` : '(empty)', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.locator('aside.seizure-detail').getByTestId('seizure-inline-fields').getByLabel('Place', { exact: true })).toHaveValue(original);
});

// Before the pickers' test: that one adds an exhibit, which the timeline would list as one more entry.
test('the timeline counts all 12,000 seizures per month and lists a volume seizure when its month is opened', async ({ page }) => {
  const { url, origin, route, volumeSeizure, volumePeriod } = host();
  expect(volumePeriod).toMatch(/^\d{4}-\d{2}$/);
  await page.goto(url);
  await page.goto(`${origin}/?open=1${route.replace(/\/seizures$/, '/timeline')}`);
  await expect(page.getByTestId('timeline-count')).toHaveText('12,000 entries', { timeout: 60_000 });
  // Ten years of months, each counted, none read yet.
  await expect(page.locator('.timeline-period')).toHaveCount(120);
  await expect(page.locator('.timeline-entry')).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'timeline-large-case.png') });
  const month = page.locator(`.timeline-period[data-period="${volumePeriod}"]`);
  await month.getByRole('button', { name: /^Show the \d+ seizures$/ }).click();
  const entry = month.locator(`.timeline-entry[data-record-id="${volumeSeizure}"]`);
  // Read 100 at a time, by date: ask for more until the volume seizure is among those read.
  for (let i = 0; i < 5 && !(await entry.isVisible()); i++) {
    const more = month.getByRole('button', { name: /^Show \d+ more/ });
    await expect(month.locator('.timeline-entry').first()).toBeVisible({ timeout: 30_000 });
    if (await entry.isVisible()) break;
    if (!(await more.isVisible())) break;
    await more.click();
    await page.waitForTimeout(300);
  }
  await expect(entry).toBeVisible({ timeout: 30_000 });
  await expect(entry.locator('time')).toHaveText(new RegExp(`^${volumePeriod}-\\d{2}$`));
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'timeline-large-case-month.png') });
});

test('the exhibit and link forms pick a seizure held in a volume doc by searching the whole case', async ({ page }) => {
  const { url, origin, route, pickSeizure: pickable } = host();
  expect(pickable).not.toBe('');
  const caseRoute = route.replace(/\/seizures$/, '');
  await page.goto(url);
  await page.goto(`${origin}/?open=1${caseRoute}/exhibits`);
  await page.getByRole('button', { name: 'Add exhibit' }).click({ timeout: 60_000 });
  const form = page.getByRole('dialog', { name: 'Add exhibit' });
  await form.getByLabel('Description').fill('Casque fragments, sealed bag');
  const box = form.getByRole('combobox', { name: /^Linked seizure/ });
  await box.click();
  await box.fill('hornbill kilindini');
  const option = form.locator(`[role="option"][data-seizure-id="${pickable}"]`);
  await expect(option).toBeVisible({ timeout: 30_000 });
  await expect(form.getByText('1 seizure of NEST-2026-0001 matches')).toBeVisible();
  await expect(option).toContainText('Helmeted hornbill casques');
  await expect(option).toContainText(/[\d,.]+ kg · .+ · Kilindini harbour, \w+/);
  await expect(option).toContainText('NEST-2026-0001');
  await page.screenshot({ path: path.join(SHOTS, 'seizure-picker-volume.png') });
  await option.click();
  await expect(box).toHaveValue(/^Helmeted hornbill casques · [\d,.]+ kg · .+ · Kilindini harbour, \w+$/);
  await form.getByRole('button', { name: 'Add exhibit' }).click();
  await expect(form).toBeHidden();
  // The exhibit names its seizure, read from the volume through the data service.
  await page.locator('tr[data-exhibit$="/EX-001"]').click();
  await expect(page.locator('.exhibit-facts')).toContainText('Helmeted hornbill casques', { timeout: 30_000 });

  // The link form, by keyboard: a seizure end in the volume.
  await page.goto(`${origin}/?open=1${caseRoute}/entities`);
  await page.getByRole('table', { name: 'Entities' }).locator('tbody tr').filter({ hasText: 'Kilindini Freight Ltd' }).click({ timeout: 60_000 });
  await page.getByRole('complementary', { name: 'Kilindini Freight Ltd' }).getByRole('button', { name: 'Add link' }).click();
  const link = page.getByRole('dialog', { name: 'Add link' });
  await link.getByRole('radio', { name: 'A seizure' }).check();
  const to = link.getByRole('combobox', { name: 'To' });
  await to.click();
  await to.fill('helmeted hornbill');
  await expect(link.locator(`[role="option"][data-seizure-id="${pickable}"]`)).toBeVisible({ timeout: 30_000 });
  await to.press('ArrowDown');
  await to.press('Enter');
  await expect(to).toHaveAttribute('aria-expanded', 'false');
  await expect(to).toHaveValue(/^Helmeted hornbill casques · /);
  await expect(link).toBeVisible(); // Enter picked; it did not submit the form
  await link.getByRole('button', { name: 'Add link' }).click();
  await expect(link).toBeHidden();
  await expect(page.getByText('Link added')).toBeVisible();

  // The volume seizure's detail lists the entity linked to it (it once read the case doc's replica only and listed none).
  await page.goto(`${origin}/?open=1${caseRoute}/seizures/${pickable}`);
  const detail = page.locator('aside.seizure-detail');
  await expect(detail.getByRole('heading', { name: 'Helmeted hornbill casques' })).toBeVisible({ timeout: 60_000 });
  const linked = detail.getByTestId('seizure-linked-entities');
  await expect(linked.locator('.entity-link')).toHaveCount(1, { timeout: 30_000 });
  await expect(linked.locator('.entity-link')).toContainText('Kilindini Freight Ltd');
  await expect(linked.locator('.entity-link')).toContainText('Organisation');
  await expect(linked.getByTestId('linked-entities-looking-up')).toHaveCount(0);
  // The section in the middle of the detail, and the "Link added" toast gone, for the screenshot.
  await linked.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(page.getByText('Link added')).toBeHidden({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SHOTS, 'volume-seizure-linked-entities.png') });
});
