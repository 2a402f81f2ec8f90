/**
 * Regression tests for renderer bugs a break-test found — seizures and their value, in real
 * headless Chromium against the browser-mode host: the Add seizure form's country defaults to the
 * case's first jurisdiction, else is empty and required; a seizure whose country is not a valid
 * code shows "—", never a made-up name; the Valuation tab says "Not valued yet" (and shows no zero
 * bars) when nothing is valued.
 */
import * as Y from 'yjs';
import { test, expect } from './fixtures';
import { caseDocNameOf, editAsRawPeer } from './raw-peer';
import { addSeizure, newCase, openDemo } from './hardening-helpers';

test('the Add seizure form defaults the country to the case jurisdiction, else asks for it', async ({ page, host }) => {
  await newCase(page, host, ['VN', 'SG']);
  await page.getByRole('button', { name: 'Add seizure' }).click();
  let form = page.getByRole('dialog', { name: 'Add a seizure' });
  await expect(form.getByLabel('Seizing country')).toHaveValue('VN');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Without jurisdictions the country starts empty and is required.
  await page.getByRole('button', { name: 'Remove Viet Nam' }).or(page.getByRole('button', { name: 'Remove Vietnam' })).click();
  await page.getByRole('button', { name: 'Remove Singapore' }).click();
  await expect(page.getByText(/\d jurisdictions?/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Add seizure' }).click();
  form = page.getByRole('dialog', { name: 'Add a seizure' });
  const country = form.getByLabel('Seizing country');
  await expect(country).toHaveValue('');
  await expect(form.locator('[data-field="country"]')).toContainText('Choose the country');
  await form.getByLabel('Commodity').fill('rosewood logs');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form.locator('[data-field="country"]').getByRole('alert')).toHaveText('Is required: choose the country');
  await expect(country).toBeFocused();
  await country.selectOption('KE');
  await expect(form.locator('[data-field="country"]').getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('tab', { name: /Seizures/ }).click();
  await expect(page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'rosewood logs' })).toContainText('Kenya');
});

test('a seizure whose country is not a valid code shows "—", not a made-up country', async ({ page, host }) => {
  await newCase(page, host);
  await addSeizure(page, 'pangolin scales', '12');
  // Another replica (an older or buggy peer) stores a country that is not an ISO code.
  await editAsRawPeer(host.url, caseDocNameOf(page.url()), (doc) => {
    const seizures = doc.getMap<Y.Map<unknown>>('seizures');
    for (const rec of seizures.values()) rec.set('country', 'XX');
  });
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const row = page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' });
  await expect(row.locator('.col-place .cell-primary')).toHaveText('—');
  await expect(row).not.toContainText('Singapore');
  await row.click();
  const detail = page.getByRole('complementary', { name: 'pangolin scales' });
  await expect(detail).not.toContainText('Singapore');
  await expect(detail.locator('.card-header')).toContainText('· —');
});

test('the Valuation tab says "Not valued yet" instead of a zero total and zero bars; the demo’s estimates show its cited prices at work', async ({ page, host }) => {
  await openDemo(page, host);
  // No demo price fits timber (the demo list prices raw ivory and pangolin scales only).
  await page.getByRole('link', { name: /Rosewood and illegal timber/ }).click();
  await page.getByRole('tab', { name: /Valuation/ }).click();
  const tab = page.getByTestId('valuation-tab');
  await expect(page.getByRole('table', { name: 'Seizure valuations' }).locator('tbody tr').first()).toBeVisible();
  await expect(tab.getByTestId('case-total-usd')).toHaveText('Not valued yet — assign prices to seizures');
  await expect(tab.getByTestId('case-total')).not.toContainText('USD 0');
  await expect(tab.getByTestId('case-total-reporting')).toHaveCount(0);
  const charts = page.getByTestId('valuation-charts');
  await expect(charts).toContainText('No estimate to chart yet');
  await expect(charts.locator('[data-bar]')).toHaveCount(0);
  await expect(charts.getByRole('img')).toHaveCount(0);
  // The wildlife case is valued with the demo's two cited prices, so the workspace estimate is a range.
  await page.getByRole('link', { name: 'Estimates' }).click();
  await expect(page.getByTestId('network-total-usd')).toHaveText(/^USD [\d,]+ – [\d,]+$/);
  await expect(page.getByTestId('valuation-charts').locator('[data-bar]').first()).toBeVisible();
});
