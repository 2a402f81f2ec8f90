/**
 * Case-file polish (issues 12 and 11, tester findings) in headless Chromium (browser mode):
 * - the case header's one Export menu, by keyboard (ArrowDown opens it on its first item, Escape
 *   closes it and gives focus back to the button);
 * - a link from case A to case B shows on B's overview as "Linked from" with A, the reason, who
 *   and when;
 * - a long file name is cut with an ellipsis in the Files table (the table stays inside the
 *   screen) and is whole in its tooltip (F-UI-2);
 * - a search with a field:value says it was read as the value alone (F-SEARCH-2).
 * Screenshots: docs/screenshots/case-export-menu.png, case-linked-from.png, files-long-name.png,
 * search-notes.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { openDemoCase } from './evidence-steps';
import { evidencePng } from './png';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('export menu by keyboard, linked-from on the linked case, long file names, search notes', async ({ page, host }) => {
  await openDemoCase(page, host.url);
  const numberA = (await page.locator('.case-number-lg').textContent())!;

  // The Export menu by keyboard.
  const menuButton = page.getByTestId('export-menu');
  await menuButton.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem')).toHaveText([/Seizures as CSV/, /Seizures and routes as GeoJSON/, /Seizures and routes as KML/, /Case as STIX 2\.1/, /Case pack/]);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.screenshot({ path: path.join(SHOTS, 'case-export-menu.png') });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  // Link this case (A) to another (B); B's overview shows it as "Linked from".
  const card = page.getByTestId('linked-cases');
  await card.getByRole('button', { name: 'Link a case' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link another case' });
  const caseSelect = dialog.getByLabel('Case');
  const targetLabel = (await caseSelect.locator('option').first().textContent())!;
  await dialog.getByLabel('Relation').selectOption('same-shipment');
  await dialog.getByLabel('Reason').fill('Same container, MSCU 4471203, seen at Lomé and Singapore');
  await dialog.getByRole('button', { name: 'Link case' }).click();
  await expect(dialog).toBeHidden();
  await card.getByRole('link', { name: targetLabel }).click();
  await expect(page.locator('.case-number-lg')).toHaveText(targetLabel.split(' · ')[0]!);
  const from = page.getByTestId('linked-from');
  await expect(from.locator('li')).toHaveCount(1);
  await expect(from).toContainText(numberA);
  await expect(from).toContainText('Same shipment');
  await expect(from).toContainText('Same container, MSCU 4471203, seen at Lomé and Singapore');
  await expect(from).toContainText('Linked by Amina Mwangi');
  await page.getByTestId('linked-cases').scrollIntoViewIfNeeded();
  await page.getByTestId('linked-cases').screenshot({ path: path.join(SHOTS, 'case-linked-from.png') });

  // A long file name in the Files table.
  const longName = `${'container-MSCU4471203-bill-of-lading-scan-page-'.repeat(3)}01.png`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nest-long-')), longName);
  fs.writeFileSync(file, evidencePng());
  await page.getByRole('tab', { name: 'Exhibits' }).click();
  await page.getByTestId('file-input').first().setInputFiles(file);
  const row = page.locator(`tr[data-file="${longName}"]`);
  await expect(row).toBeVisible();
  const name = row.locator('.file-name-text');
  await expect(name).toHaveAttribute('title', longName);
  const nameBox = (await name.boundingBox())!;
  expect(nameBox.width).toBeLessThan(480);
  const table = page.locator('.files-card table');
  const widths = await table.evaluate((el) => ({ table: el.scrollWidth, card: el.closest('.files-card')!.clientWidth, page: document.documentElement.clientWidth, doc: document.documentElement.scrollWidth }));
  expect(widths.table).toBeLessThanOrEqual(widths.card);
  expect(widths.doc).toBeLessThanOrEqual(widths.page);
  await page.locator('.files-card').screenshot({ path: path.join(SHOTS, 'files-long-name.png') });

  // Search: a field:value is said to be read as the value alone.
  const search = page.getByRole('combobox', { name: 'Search this workspace' });
  await search.fill('commodity:ivory');
  await expect(page.getByTestId('search-notes')).toHaveText('“commodity:” is not a search field: searched for the words after it.');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'search-notes.png') });
});
