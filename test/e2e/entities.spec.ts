/**
 * Entities, links and the link chart (issue 12 items 3 and 5), in real headless Chromium against
 * the browser-mode host: an organisation and a vessel added through the form (a wrong IMO check
 * digit refused while typing with the catalogue's reason), a link between them, the link chart
 * showing both nodes and the edge, the same node positions after reopening the chart, and the PNG
 * export. Screenshots of the Entities tab and the chart go to docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';

test('entities, a link and the link chart: stable layout and PNG export', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('tab', { name: /Entities/ }).click();
  await expect(page.getByText('No entities yet.', { exact: false })).toBeVisible();

  // An organisation.
  await page.getByRole('button', { name: 'Add entity' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add entity' });
  await dialog.getByRole('radio', { name: 'Organisation' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Hai Phong Trading Co.');
  await dialog.getByLabel(/Registration number/).fill('0201234567');
  await dialog.getByRole('button', { name: 'Add Organisation' }).click();
  await expect(dialog).toBeHidden();

  // A vessel: a wrong IMO check digit is refused while typing, with the reason.
  await page.getByRole('button', { name: 'Add entity' }).click();
  dialog = page.getByRole('dialog', { name: 'Add entity' });
  await dialog.getByRole('radio', { name: 'Vessel' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Kota Hapas');
  const imo = dialog.getByLabel(/IMO number/);
  await imo.fill('9074728');
  await imo.blur();
  await expect(dialog.getByText('its last digit should be 9', { exact: false })).toBeVisible();
  await imo.fill('IMO 9074729');
  await expect(dialog.getByText('its last digit should be 9', { exact: false })).toHaveCount(0);
  await dialog.getByLabel(/Flag/).fill('SG');
  await dialog.getByRole('button', { name: 'Add Vessel' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Entities' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').filter({ hasText: 'Kota Hapas' })).toContainText('IMO 9074729');

  // A link: the company operates the vessel.
  await table.locator('tbody tr').filter({ hasText: 'Hai Phong Trading' }).click();
  const detail = page.getByRole('complementary', { name: 'Hai Phong Trading Co.' });
  await detail.getByRole('button', { name: 'Add link' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Add link' });
  await linkDialog.getByLabel('Relationship').selectOption({ label: 'operator of' });
  await linkDialog.getByLabel('To', { exact: true }).selectOption({ label: 'Kota Hapas — Vessel' });
  await linkDialog.getByLabel(/Source/).fill('Singapore Customs press release, 3 Apr 2019');
  await linkDialog.getByRole('button', { name: 'Add link' }).click();
  await expect(linkDialog).toBeHidden();
  await expect(detail.getByTestId('entity-link')).toContainText('operator of Kota Hapas');
  await expect(table.locator('tbody tr').filter({ hasText: 'Kota Hapas' })).toContainText('1');
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/entities-tab.png') });

  // The chart: two nodes and the edge.
  await page.getByRole('tab', { name: /Link chart/ }).click();
  const text = page.getByTestId('link-chart-text');
  await expect(text.locator('[data-node-id]')).toHaveCount(2);
  await expect(text.locator('[data-edge-id]')).toHaveText(['Hai Phong Trading Co. — operator of — Kota Hapas']);
  const chart = page.getByTestId('link-chart');
  await expect(chart.locator('canvas').first()).toBeVisible();
  await expect(chart).toHaveAttribute('data-positions', /\{/);
  const first = JSON.parse((await chart.getAttribute('data-positions'))!) as Record<string, { x: number; y: number }>;
  expect(Object.keys(first)).toHaveLength(2);
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/link-chart.png') });

  // Reopened: the same positions (kept in the case doc).
  await page.getByRole('tab', { name: /Entities/ }).click();
  await expect(table).toBeVisible();
  await page.getByRole('tab', { name: /Link chart/ }).click();
  await expect(page.getByTestId('link-chart')).toHaveAttribute('data-positions', /\{/);
  const again = JSON.parse((await page.getByTestId('link-chart').getAttribute('data-positions'))!) as Record<string, { x: number; y: number }>;
  expect(again).toEqual(first);

  // PNG export.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^SGNEST-\d{4}-\d{4}-link-chart\.png$/);
  const saved = path.join(host.dataDir, 'chart.png');
  await file.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.length).toBeGreaterThan(5_000);
});
