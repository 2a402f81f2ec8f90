/**
 * UI steps the evidence specs share (exhibits.spec.ts, custody-tamper.spec.ts): a new member opens
 * the demo workspace's first case, and records a custody hand-over through the exhibit's dialog.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** First run as investigator `name` of the Kenya Wildlife Service, then the demo's first case. */
export async function openDemoCase(page: Page, url: string, name = 'Amina Mwangi'): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Agency').fill('Kenya Wildlife Service');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').first().click();
  await expect(page.getByTestId('severity-badge')).toBeVisible();
}

/** Records a hand-over of the open exhibit (`from` null keeps the prefilled releaser); `when` is a datetime-local value. */
export async function recordHandover(page: Page, from: string | null, to: string, when: string, place: string, purpose: string): Promise<void> {
  await page.getByRole('button', { name: 'Record hand-over' }).click();
  const dialog = page.getByRole('dialog', { name: /Record a hand-over of/ });
  if (from !== null) await dialog.getByLabel('Released by').fill(from);
  await dialog.getByLabel('Received by').fill(to);
  await dialog.getByLabel('Date and time').fill(when);
  await dialog.getByLabel(/^Place/).fill(place);
  await dialog.getByLabel(/^Purpose/).fill(purpose);
  await dialog.getByRole('button', { name: 'Record hand-over' }).click();
  await expect(dialog).toBeHidden();
}
