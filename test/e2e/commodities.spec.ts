/**
 * The workspace's own commodities (issue 11 item 6) in real headless Chromium against the
 * browser-mode host: the workspace's creator (its admin) opens Commodities from the sidebar, is
 * refused a curated alias next to its field, adds "Dried seahorses" with two other spellings
 * (screenshot docs/screenshots/commodities.png), and the seizure form of a case then suggests it and
 * says one of its spellings is in this workspace's list.
 */
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('an admin adds a workspace commodity and the seizure form knows it', async ({ host }) => {
  const page = await host.openPage();
  await newCase(page, host);
  const caseUrl = page.url();

  await page.getByRole('link', { name: 'Commodities' }).click();
  await expect(page.getByRole('heading', { name: 'Commodities', level: 1 })).toBeVisible();
  await expect(page.getByText('No commodities of your own yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add commodity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a commodity' });
  await dialog.getByLabel('Name').fill('Dried seahorses');
  await dialog.getByLabel('Sector').selectOption('wildlife');
  await dialog.getByLabel(/CITES term code/).fill('BOD');
  await dialog.getByLabel(/Other spellings/).fill('sea horses\ntusks');
  await dialog.getByLabel(/Source/).fill('Customs tariff note 2025/4');
  await dialog.getByRole('button', { name: 'Add commodity' }).click();
  await expect(dialog.getByText('“tusks” is already in the curated commodity list (as Ivory, raw (tusks))')).toBeVisible();
  await dialog.getByLabel(/Other spellings/).fill('sea horses\nhippocampus, dried');
  await dialog.getByRole('button', { name: 'Add commodity' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: 'This workspace’s commodities' });
  await expect(table.getByRole('cell', { name: 'Dried seahorses', exact: true })).toBeVisible();
  await expect(table.getByText('sea horses · hippocampus, dried')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'commodities.png'), fullPage: false });

  await page.goto(`${caseUrl.replace(/\/$/, '')}`);
  await page.getByRole('tab', { name: /Seizures/ }).click();
  await page.getByRole('button', { name: 'Add seizure' }).first().click();
  const form = page.getByRole('dialog', { name: /seizure/i });
  await form.getByLabel('Commodity', { exact: false }).first().fill('Sea Horses');
  await expect(form.getByText('In this workspace’s commodity list')).toBeVisible();
  await expect(page.locator('#seizure-commodities option[value="Dried seahorses"]')).toHaveCount(1);
});
