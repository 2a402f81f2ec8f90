/**
 * Steps shared by the hardening specs (hardening-*.spec.ts): first run with an identity, a new
 * workspace and case, the demo workspace, the same case in a second tab, a barrier that waits for
 * one tab's writes to reach another, and adding a seizure through the form.
 */
import type { Page } from '@playwright/test';
import { expect, type Host } from './fixtures';

export async function createIdentity(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
  await page.getByLabel('Full name').fill('Siti Rahman');
  await page.getByLabel('Agency').fill('Singapore Customs');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Choose a workspace|Open a workspace/ })).toBeVisible();
}

/**
 * First run, a new workspace and one case (with `jurisdictions`, typed as codes); leaves the page
 * on the case overview. The lead agency starts as the creator's agency, "Singapore Customs".
 */
export async function newCase(page: Page, host: Host, jurisdictions: string[] = ['SG']): Promise<void> {
  await page.goto(host.url);
  await createIdentity(page);
  await page.getByLabel('Workspace name').fill('NEST Singapore 2026');
  await page.getByLabel('Case prefix').fill('SGNEST');
  await page.getByLabel('Reporting currency').fill('SGD');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Pangolin scales via Pasir Panjang');
  for (const code of jurisdictions) {
    await dialog.getByLabel('Jurisdictions').fill(code);
    await dialog.getByLabel('Jurisdictions').press('Enter');
  }
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Pangolin scales via Pasir Panjang', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
}

/** First run and the demo workspace (6 cases, 59 seizures, nothing valued). */
export async function openDemo(page: Page, host: Host): Promise<void> {
  await page.goto(host.url);
  await createIdentity(page);
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByRole('table', { name: 'Cases' }).locator('tbody tr')).toHaveCount(6);
}

/** A second tab of the same browser on the case `page` shows, on `tab`. */
export async function sameCaseInNewTab(host: Host, page: Page, tab = ''): Promise<Page> {
  const hash = new URL(page.url()).hash.replace(/\/(seizures|map|valuation)(\/.*)?$/, '');
  const other = await host.openPage();
  await other.evaluate((h) => (window.location.hash = h), `${hash}${tab ? `/${tab}` : ''}`);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(await page.getByRole('heading', { level: 1 }).innerText());
  return other;
}

/**
 * Waits until `from`'s earlier writes have reached `to`: `from` changes the case status, and the
 * case's updates travel in order, so once `to` shows the new status it has everything before it.
 */
export async function syncBarrier(from: Page, to: Page, status: 'Under investigation' | 'With prosecution'): Promise<void> {
  await from.getByLabel('Status', { exact: true }).selectOption({ label: status });
  await expect(to.getByLabel('Status', { exact: true }).locator('option:checked')).toHaveText(status);
}

/** Adds a seizure through the form (on the current case) and returns to the overview. */
export async function addSeizure(page: Page, commodity: string, quantity: string): Promise<void> {
  await page.getByRole('button', { name: 'Add seizure' }).click();
  const form = page.getByRole('dialog', { name: 'Add a seizure' });
  await form.getByLabel('Commodity').fill(commodity);
  await form.getByLabel('Quantity').fill(quantity);
  // A reported quantity needs its unit: the form no longer assumes kg.
  await form.getByLabel('Unit').selectOption('kg');
  await form.getByLabel('Seizing country').selectOption('SG');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
}
