/**
 * Evidence across two desktops through the real relay (issue 13, "Done when"): in real headless
 * Chromium, two browser-mode hosts on their own data folders and the relay process
 * (test/e2e/relay-process.ts), set up through the UI (test/e2e/desktops.ts).
 *
 * Desktop A (the admin, Ada Lim) creates a case and a seizure, connects to the relay and invites
 * desktop B (Bo Tan), who joins. On A a photo (a real 480×320 PNG, test/e2e/png.ts) is added to
 * the case's files; once A's file status says the relay holds it, an exhibit linked to the seizure
 * and the photo is created, two custody hand-overs are recorded and the first is corrected. On B,
 * without waiting on any clock: the file's status reaches "Verified" (downloaded and re-hashed by
 * B's data service), the thumbnail is drawn from the image, the viewer shows the 480×320 picture
 * and the bytes B's host serves to it hash to the original's SHA-256; the exhibit carries A's
 * seal and holder, and its chain holds both hand-overs with the correction in force and the
 * corrected entry (the same entry ids as on A) shown beneath the correction that replaces it.
 * Screenshot: docs/screenshots/exhibits-sync-b.png.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, offHost, repoRoot, stopHost } from './fixtures';
import { addSeizure, adminWithCase, connectAndRegister, invite, openDesktop, START_MS, SYNC_TIMEOUT, type Desktop } from './desktops';
import { evidencePng } from './png';
import { startRelay } from './relay-process';
import { pickSeizure } from './seizure-picker';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const PHOTO = 'seal-bag-TZ-4471.png';

/** Records a hand-over of the selected exhibit through its dialog (`from` null: keep the prefilled releaser). */
async function recordHandover(page: Page, from: string | null, to: string, when: string, place: string, purpose: string): Promise<void> {
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

/** The ids of the custody entries of the open exhibit, in the order shown (corrected ones after the entry that replaces them). */
function entryIds(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Chain of custody' })
    .locator('[data-custody-entry]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-custody-entry') ?? ''));
}

test('an exhibit with a photo and its chain of custody reach a second desktop through the relay', async ({ browser }) => {
  test.setTimeout(720_000);
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-a-'));
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-b-'));
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nest-photo-')), PHOTO);
  const png = evidencePng();
  fs.writeFileSync(photo, png);
  const sha = createHash('sha256').update(png).digest('hex');
  const relay = await startRelay({ startTimeoutMs: START_MS });
  const desktops: Desktop[] = [];
  try {
    const A = await openDesktop(browser, dirA);
    desktops.push(A);
    const B = await openDesktop(browser, dirB);
    desktops.push(B);
    const a = A.page;
    const b = B.page;

    // ---- Ada sets up the case and a seizure, connects to the relay and invites Bo, who joins. ----
    const caseHash = await adminWithCase(a, 'Ivory via Kilindini', { name: 'NEST East Africa 2026', prefix: 'EANEST' });
    await connectAndRegister(a, relay);
    const invitation = await invite(a, 'Bo Tan', 'Tanzania Wildlife Authority');
    await a.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    await addSeizure(a, { commodity: 'elephant ivory', quantity: '42', place: 'Kilindini port, berth 5', country: 'KE' });
    await a.getByRole('button', { name: 'Close seizure detail' }).click();
    await b.getByRole('button', { name: 'Join a workspace' }).click();
    const join = b.getByRole('dialog', { name: 'Join a workspace' });
    await join.getByLabel('Invitation').fill(invitation);
    await join.getByRole('button', { name: 'Join NEST East Africa 2026' }).click();
    await expect(b.getByRole('table', { name: 'Cases' }).getByText('Ivory via Kilindini')).toBeVisible({ timeout: SYNC_TIMEOUT });

    // ---- A adds the photo; its status says when the relay holds the bytes. ----
    await a.getByRole('tab', { name: 'Exhibits' }).click();
    await a.getByTestId('file-input').first().setInputFiles(photo);
    const aFile = a.locator(`tr[data-file="${PHOTO}"]`);
    await expect(aFile).toContainText(sha.slice(0, 12));
    await expect(aFile.locator('.file-sync-status')).toHaveAttribute('data-state', 'on-relay', { timeout: SYNC_TIMEOUT });
    await expect(aFile).toContainText('On the relay');

    // ---- A creates the exhibit, records two hand-overs and corrects the first. ----
    await a.getByRole('button', { name: 'Add exhibit' }).click();
    const form = a.getByRole('dialog', { name: 'Add exhibit' });
    await form.getByLabel('Description').fill('Raw ivory tusk, left, in sealed bag');
    await form.getByLabel('Type').selectOption('physical-item');
    await pickSeizure(form, /^Linked seizure/, { words: '' });
    await form.getByLabel(/^Seal/).fill('TZ-4471');
    await form.getByLabel(/^Current holder/).fill('Insp. Juma Otieno');
    await form.getByLabel(/^Storage location/).fill('KWS evidence store, Mombasa, shelf B-12');
    await form.getByRole('checkbox', { name: new RegExp(PHOTO.replace(/\./g, '\\.')) }).check();
    await form.getByRole('button', { name: 'Add exhibit' }).click();
    await expect(form).toBeHidden();
    const aExhibit = a.locator('tr[data-exhibit$="/EX-001"]');
    await aExhibit.click();
    await recordHandover(a, null, 'Sgt. Wanjiru Kamau', '2026-11-30T09:15', 'Kilindini port, berth 5', 'Transport to the evidence store');
    await recordHandover(a, 'Sgt. Wanjiru Kamau', 'Dr. Achieng Odhiambo', '2026-12-01T14:40', 'Forensic laboratory, Nairobi', 'DNA analysis');
    const aLog = a.getByRole('region', { name: 'Chain of custody' });
    await expect(aLog.locator('.custody-log > li')).toHaveCount(2);
    const [firstId, secondId] = await entryIds(a);
    await aLog.locator('.custody-log > li').first().getByRole('button', { name: 'Correct this entry' }).click();
    const fix = a.getByRole('dialog', { name: /Correct a hand-over of/ });
    await fix.getByLabel('Received by').fill('Cpl. Wanjiru Kamau');
    await fix.getByLabel(/^Condition/).fill('Bag dry, tusk undamaged');
    await fix.getByRole('button', { name: 'Record correction' }).click();
    await expect(fix).toBeHidden();
    await expect(aLog.locator('.custody-corrected')).toHaveCount(1);
    const aIds = await entryIds(a);
    expect(aIds).toHaveLength(3);
    // Shown: the correction (new id) with the entry it corrects beneath it, then the second hand-over.
    const correctionId = aIds[0]!;
    expect(aIds).toEqual([correctionId, firstId, secondId]);
    expect(new Set(aIds).size).toBe(3);

    // ---- B: the file arrives and is verified; the thumbnail is drawn from it. ----
    await b.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    await b.getByRole('tab', { name: 'Exhibits' }).click();
    const bFile = b.locator(`tr[data-file="${PHOTO}"]`);
    await expect(bFile).toContainText(sha.slice(0, 12), { timeout: SYNC_TIMEOUT });
    await expect(bFile.locator('.file-sync-status')).toHaveAttribute('data-state', 'verified', { timeout: SYNC_TIMEOUT });
    await expect(bFile).toContainText('Verified');
    await expect(bFile).toContainText('image/png');
    await expect(bFile).toContainText('Ada Lim');
    const thumb = bFile.locator('.file-thumb img');
    await expect(thumb).toBeVisible({ timeout: SYNC_TIMEOUT });
    // A 480×320 picture scaled into 96 px: 96×64, decoded from the bytes B holds.
    await expect.poll(() => thumb.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([96, 64]);

    // ---- B: the exhibit and its full chain, the correction linked to the entry it corrects. ----
    const bExhibit = b.locator('tr[data-exhibit$="/EX-001"]');
    await expect(bExhibit).toContainText('TZ-4471', { timeout: SYNC_TIMEOUT });
    await expect(bExhibit).toContainText('Dr. Achieng Odhiambo');
    await bExhibit.click();
    const bLog = b.getByRole('region', { name: 'Chain of custody' });
    await expect(bLog.locator('[data-custody-entry]')).toHaveCount(3, { timeout: SYNC_TIMEOUT });
    expect(await entryIds(b)).toEqual(aIds);
    const items = bLog.locator('.custody-log > li');
    await expect(items).toHaveCount(2);
    const corrected = items.first();
    await expect(corrected.locator(`[data-custody-entry="${correctionId}"]`)).toContainText('Insp. Juma Otieno → Cpl. Wanjiru Kamau');
    await expect(corrected.locator(`[data-custody-entry="${correctionId}"] .tag`)).toHaveText('Correction');
    await expect(corrected.locator(`[data-custody-entry="${correctionId}"]`)).toContainText('Bag dry, tusk undamaged');
    await expect(corrected.locator(`.custody-corrected[data-custody-entry="${firstId}"]`)).toContainText('Insp. Juma Otieno → Sgt. Wanjiru Kamau');
    await expect(corrected.locator(`.custody-corrected[data-custody-entry="${firstId}"]`)).toContainText('Corrected; recorded by Ada Lim');
    await expect(items.nth(1).locator(`[data-custody-entry="${secondId}"]`)).toContainText('Sgt. Wanjiru Kamau → Dr. Achieng Odhiambo');
    await expect(items.nth(1)).toContainText('Forensic laboratory, Nairobi');
    await expect(bLog.getByText('Gap: released by someone other than the last receiver')).toBeVisible();
    await expect(b.locator('.exhibit-detail')).toContainText('KWS evidence store, Mombasa, shelf B-12');
    await expect(b.locator('.exhibit-detail')).toContainText('elephant ivory');

    // The screenshot: a tall window, so the files, the exhibit and its whole chain are in view.
    await b.setViewportSize({ width: 1440, height: 1250 });
    await expect(b.locator('.toast')).toHaveCount(0, { timeout: 10_000 });
    await b.locator('.files-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await b.screenshot({ path: path.join(SHOTS, 'exhibits-sync-b.png') });
    await b.setViewportSize({ width: 1440, height: 900 });

    // ---- B: the viewer shows the picture, and the bytes B's host serves are the original's. ----
    const served = b.waitForResponse((r) => r.url().endsWith(`/${sha}`) && r.request().method() === 'GET');
    await b.locator('.exhibit-detail').getByRole('button', { name: `View: ${PHOTO}` }).click();
    const response = await served;
    expect(response.status()).toBe(200);
    expect(createHash('sha256').update(await response.body()).digest('hex')).toBe(sha);
    const viewer = b.getByRole('dialog', { name: PHOTO });
    const img = viewer.locator('img.file-viewer-image');
    await expect(img).toBeVisible();
    expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([480, 320]);
    // The red seal strip of the picture (y 20–27 % of the height, bag x 20–80 %) is drawn as red.
    const seal = await img.evaluate((el: HTMLImageElement) => {
      const c = document.createElement('canvas');
      c.width = el.naturalWidth;
      c.height = el.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(el, 0, 0);
      return Array.from(g.getImageData(240, 75, 1, 1).data.slice(0, 3));
    });
    expect(seal).toEqual([178, 34, 34]);
    await expect(viewer).toContainText(sha);
    await viewer.getByRole('button', { name: 'Close' }).last().click();

    // Each page talked only to its own host (the data services talk to the relay).
    for (const d of desktops) {
      expect(offHost(d.requests, d.origin)).toEqual([]);
      expect(d.csp).toEqual([]);
    }
  } finally {
    for (const d of desktops) {
      await d.context.close();
      await stopHost(d.child);
    }
    await relay.stop();
  }
});
