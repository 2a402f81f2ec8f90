/**
 * No silent loss on concurrent edits (issue 9 item 4), in real headless Chromium: two desktops
 * (browser-mode hosts with their own data folders) and the real relay. Ada (admin) creates a case
 * with a seizure and invites Bo; both open the seizure and change its quantity at the same moment.
 * The relay merges last-writer-wins, so one value replaces the other — and both members are told:
 * each sees a notice under the field naming the other, the other's value and their own. The member
 * whose value the merge kept then opens the field's history and restores the other's value; both
 * desktops end with that value, the notices are gone, and the history and the activity log say
 * what happened. Screenshots of the notice and the history go to /work/tmp/shots/hist-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, stopHost } from './fixtures';
import { startRelay } from './relay-process';
import { adminWithCase, connectAndRegister, invite, openDesktop, SYNC_TIMEOUT, START_MS, type Desktop } from './desktops';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');







/** The seizure detail's in-place Quantity input. */
function quantity(p: Page): ReturnType<Page['getByLabel']> {
  return p.getByTestId('seizure-inline-fields').getByLabel('Quantity', { exact: true });
}

test('two members change the same seizure field at once: both are told, and one restores the other’s value from the history', async ({ browser }) => {
  test.setTimeout(720_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-a-'));
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-b-'));
  const relay = await startRelay({ startTimeoutMs: START_MS });
  const desktops: Desktop[] = [];
  try {
    const A = await openDesktop(browser, dirA);
    desktops.push(A);
    const B = await openDesktop(browser, dirB);
    desktops.push(B);
    const a = A.page;
    const b = B.page;

    // ---- Ada sets up the case and a seizure, connects to the relay and invites Bo. ----
    const caseHash = await adminWithCase(a, 'Ivory via Pasir Panjang', { name: 'NEST Singapore 2026', prefix: 'SGNEST' });
    await connectAndRegister(a, relay);
    const invitation = await invite(a, 'Bo Tan', 'National Parks Board');
    await a.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    await a.getByRole('button', { name: 'Add seizure' }).click();
    const form = a.getByRole('dialog', { name: 'Add a seizure' });
    await form.getByLabel('Commodity').fill('elephant ivory');
    await form.getByLabel('Seizing country').selectOption('SG');
    await form.getByLabel('Quantity').fill('8.8');
    await form.getByLabel('Unit').selectOption('kg');
    await form.getByLabel('Place').fill('Pasir Panjang Export Terminal');
    await form.getByRole('button', { name: 'Add seizure' }).click();
    await expect(form).toBeHidden();

    // ---- Bo joins and opens the same seizure. ----
    await b.getByRole('button', { name: 'Join a workspace' }).click();
    const join = b.getByRole('dialog', { name: 'Join a workspace' });
    await join.getByLabel('Invitation').fill(invitation);
    await join.getByRole('button', { name: 'Join NEST Singapore 2026' }).click();
    await expect(b.getByRole('table', { name: 'Cases' }).getByText('Ivory via Pasir Panjang')).toBeVisible({ timeout: SYNC_TIMEOUT });
    await b.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    const row = b.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'elephant ivory' });
    await expect(row).toBeVisible({ timeout: SYNC_TIMEOUT });
    await row.click();
    for (const p of [a, b]) await expect(quantity(p)).toHaveValue('8.8', { timeout: SYNC_TIMEOUT });
    for (const p of [a, b]) await expect(p.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'synced', { timeout: SYNC_TIMEOUT });

    // ---- Both change the quantity and press Enter at the same moment. ----
    await quantity(a).fill('9.1');
    await quantity(b).fill('7.5');
    await Promise.all([quantity(a).press('Enter'), quantity(b).press('Enter')]);

    // Both are told, whichever value the merge kept: who changed it, their value, and their own.
    const noticeA = a.getByTestId('edit-notice');
    const noticeB = b.getByTestId('edit-notice');
    await expect(noticeA).toContainText('Bo Tan changed the quantity at the same time', { timeout: SYNC_TIMEOUT });
    await expect(noticeB).toContainText('Ada Lim changed the quantity at the same time', { timeout: SYNC_TIMEOUT });
    await expect(noticeA.getByTestId('edit-notice-theirs')).toHaveText('7.5');
    await expect(noticeA.getByTestId('edit-notice-mine')).toHaveText('9.1');
    await expect(noticeB.getByTestId('edit-notice-theirs')).toHaveText('9.1');
    await expect(noticeB.getByTestId('edit-notice-mine')).toHaveText('7.5');
    await expect(noticeA.getByRole('button', { name: 'Keep mine' })).toBeVisible();
    await expect(noticeA.getByRole('button', { name: 'Keep theirs' })).toBeVisible();
    // Both replicas hold the same merged value.
    await expect(async () => expect(await quantity(a).inputValue()).toBe(await quantity(b).inputValue())).toPass({ timeout: SYNC_TIMEOUT });
    const kept = await quantity(a).inputValue();
    expect(['9.1', '7.5']).toContain(kept);
    await expect(a.locator('.toast')).toHaveCount(0, { timeout: 10_000 });
    await a.screenshot({ path: path.join(SHOTS, 'hist-notice-a.png') });
    await b.screenshot({ path: path.join(SHOTS, 'hist-notice-b.png') });

    // ---- The member whose value the merge kept restores the other's value from the field history. ----
    const [winner, loser, loserName, lost] = kept === '9.1' ? [a, b, 'Bo Tan', '7.5'] : [b, a, 'Ada Lim', '9.1'];
    await winner.getByTestId('seizure-inline-fields').getByRole('button', { name: 'History of the quantity' }).click();
    const history = winner.getByRole('dialog', { name: 'History of the quantity' });
    const items = history.getByTestId('history-item');
    await expect(items).toHaveCount(3);
    await expect(items.last()).toContainText('Original value');
    await expect(items.last().getByTestId('history-value')).toHaveText('8.8');
    const theirs = items.filter({ hasText: loserName }).filter({ hasText: 'Changed' });
    await expect(theirs.getByTestId('history-value')).toHaveText(lost);
    await expect(theirs).toContainText('was 8.8');
    await expect(items.filter({ hasText: 'Current' }).getByTestId('history-value')).toHaveText(kept);
    await winner.screenshot({ path: path.join(SHOTS, 'hist-history.png') });
    await theirs.getByRole('button', { name: `Restore ${lost}` }).click();
    // The restore is a new change at the top of the history; nothing was deleted.
    await expect(items).toHaveCount(4);
    await expect(items.first()).toContainText('Restored');
    await expect(items.first()).toContainText('Current');
    await expect(items.first().getByTestId('history-value')).toHaveText(lost);
    await history.getByRole('button', { name: 'Close' }).last().click();
    await expect(history).toBeHidden();

    // ---- Both desktops end with the restored value; the notices are gone on both sides. ----
    for (const p of [winner, loser]) await expect(quantity(p)).toHaveValue(lost, { timeout: SYNC_TIMEOUT });
    await expect(winner.getByTestId('edit-notice')).toHaveCount(0);
    await expect(loser.getByTestId('edit-notice')).toHaveCount(0, { timeout: SYNC_TIMEOUT });

    // ---- The activity log says it in sentences, naming the seizure and the values. ----
    await loser.getByRole('tab', { name: /Overview/ }).click();
    const log = loser.getByTestId('activity-log');
    await expect(log).toContainText(`restored the quantity of the seizure “elephant ivory” to ${lost} (was ${kept})`, { timeout: SYNC_TIMEOUT });
    // Each change's "from" is what that replica held when it wrote: 8.8, or the other's value when it
    // had already arrived (the notice still shows, as the form held the older value).
    await expect(log).toContainText(/changed the quantity from (8\.8|7\.5) to 9\.1 of the seizure “elephant ivory”/);
    await expect(log).toContainText(/changed the quantity from (8\.8|9\.1) to 7\.5 of the seizure “elephant ivory”/);
    await expect(log).toContainText('added the seizure “elephant ivory”');
    await loser.screenshot({ path: path.join(SHOTS, 'hist-activity.png') });
  } finally {
    for (const d of desktops) {
      await d.context.close();
      await stopHost(d.child);
    }
    await relay.stop();
    fs.rmSync(dirA, { recursive: true, force: true });
    fs.rmSync(dirB, { recursive: true, force: true });
    fs.rmSync(relay.dataDir, { recursive: true, force: true });
  }
});
