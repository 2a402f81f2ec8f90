/**
 * Regression tests for renderer bugs a break-test found — two people editing at once, in two tabs
 * on one browser-mode host: inline case fields (lead agency, title) never write back a stale value
 * a colleague changed meanwhile, on Tab or Enter, and follow remote changes while focused but
 * untouched; the Edit seizure dialog sends only the fields the user changed, so two people editing
 * different fields of one seizure both keep their change.
 */
import { test, expect } from './fixtures';
import { addSeizure, newCase, sameCaseInNewTab, syncBarrier } from './hardening-helpers';

test('inline case fields never write back a value a colleague changed meanwhile', async ({ page, host }) => {
  await newCase(page, host);
  const a = page;
  const b = await sameCaseInNewTab(host, a);
  const leadA = a.getByLabel('Lead agency');
  const leadB = b.getByLabel('Lead agency');
  const titleA = a.getByLabel('Title', { exact: true });
  const titleB = b.getByLabel('Title', { exact: true });

  // Tab: B clicks into Lead agency without typing; A sets "Interpol" and tabs away; B presses Tab.
  await leadB.click();
  await leadA.fill('Interpol');
  await leadA.press('Tab');
  await expect(a.getByText('Lead: Interpol')).toBeVisible();
  await expect(b.getByText('Lead: Interpol')).toBeVisible(); // B has A's change before it tabs away
  await leadB.press('Tab');
  await syncBarrier(b, a, 'Under investigation');
  await expect(leadA).toHaveValue('Interpol');
  await expect(leadB).toHaveValue('Interpol');
  await expect(a.getByText('Lead: Interpol')).toBeVisible();
  await expect(b.getByText('Lead: Interpol')).toBeVisible();

  // Enter: B clicks into the title; A renames the case; B presses Enter.
  await titleB.click();
  await titleA.fill('Pangolin scales and ivory via Pasir Panjang');
  await titleA.press('Enter');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales and ivory via Pasir Panjang');
  await titleB.press('Enter');
  await syncBarrier(b, a, 'With prosecution');
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales and ivory via Pasir Panjang');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales and ivory via Pasir Panjang');
  await expect(titleB).toHaveValue('Pangolin scales and ivory via Pasir Panjang');

  // A focused, untouched field follows remote changes.
  await leadB.click();
  await leadA.fill('Interpol Environmental Security');
  await leadA.press('Tab');
  await expect(leadB).toBeFocused();
  await expect(leadB).toHaveValue('Interpol Environmental Security');

  // What a user did type is saved (that field only) on Tab; Escape still undoes typing.
  await leadB.fill('Interpol; ASEAN-WEN');
  await leadB.press('Tab');
  await expect(leadA).toHaveValue('Interpol; ASEAN-WEN');
  await expect(titleA).toHaveValue('Pangolin scales and ivory via Pasir Panjang');
  await leadB.fill('Something else');
  await leadB.press('Escape');
  await expect(leadB).toHaveValue('Interpol; ASEAN-WEN');
  await leadB.press('Tab');
  await syncBarrier(b, a, 'Under investigation');
  await expect(leadA).toHaveValue('Interpol; ASEAN-WEN');
});

test('two people editing different fields of one seizure both keep their change', async ({ page, host }) => {
  await newCase(page, host);
  await addSeizure(page, 'pangolin scales', '12');
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const a = page;
  const b = await sameCaseInNewTab(host, a, 'seizures');
  for (const p of [a, b]) {
    await p.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' }).click();
    await p.getByRole('complementary', { name: 'pangolin scales' }).getByRole('button', { name: 'Edit' }).click();
  }
  const editA = a.getByRole('dialog', { name: 'Edit seizure' });
  const editB = b.getByRole('dialog', { name: 'Edit seizure' });
  await editB.getByLabel('Quantity').fill('250');
  await editB.getByRole('button', { name: 'Save changes' }).click();
  await expect(editB).toBeHidden();
  // A's table (behind its dialog) has B's change before A saves.
  await expect(a.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' })).toContainText('250 kg');
  await editA.getByLabel('Notes').fill('Weighed again at the port.');
  await editA.getByRole('button', { name: 'Save changes' }).click();
  await expect(editA).toBeHidden();
  for (const p of [a, b]) {
    // The note first: once a page shows it, it has A's save, and the quantity must still be B's.
    await expect(p.getByRole('complementary', { name: 'pangolin scales' })).toContainText('Weighed again at the port.');
    await expect(p.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' })).toContainText('250 kg');
    await expect(p.getByRole('complementary', { name: 'pangolin scales' })).toContainText('250 kg');
  }
  // An untouched field of an open dialog shows a colleague's change as it arrives.
  await a.getByRole('complementary', { name: 'pangolin scales' }).getByRole('button', { name: 'Edit' }).click();
  await b.getByRole('complementary', { name: 'pangolin scales' }).getByRole('button', { name: 'Edit' }).click();
  await editB.getByLabel('Operation').fill('Thunder 2026');
  await editB.getByRole('button', { name: 'Save changes' }).click();
  await expect(editB).toBeHidden();
  await expect(editA.getByLabel('Operation')).toHaveValue('Thunder 2026');
  await editA.getByRole('button', { name: 'Save changes' }).click();
  await expect(editA).toBeHidden();
  // The detail panel edits the operation in place: B's field holds the saved value.
  await expect(b.getByRole('complementary', { name: 'pangolin scales' }).getByTestId('seizure-inline-fields').getByLabel('Operation', { exact: true })).toHaveValue('Thunder 2026');
});
