/**
 * Case packs from the UI in headless Chromium (browser mode): export a pack of the demo case
 * (the TLP confirmation when the case needs one; the pack downloads through the browser host with
 * the session token), verify it in the "Verify a case pack" dialog (uploaded; VERIFIED under the
 * workspace's key), then tamper one byte of one file and see the failure naming that file.
 * Screenshots: docs/screenshots/pack-export.png and pack-verify.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { readZip, writeZip } from '../node/packs/pack-support';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('export a case pack, verify it, and catch a flipped byte', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('Full name').fill('Amina Mwangi');
  await page.getByLabel('Agency').fill('Kenya Wildlife Service');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').first().click();

  // Mark the case TLP:RED: the export must then be confirmed, naming who may receive it.
  await page.getByLabel('TLP marking').selectOption('RED');
  await expect(page.locator('.tlp.tlp-lg').first()).toHaveText('TLP:RED');
  await page.getByTestId('pack-export-open').click();
  const dialog = page.locator('.pack-export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('pack-handling')).toContainText('for the eyes and ears of individual recipients only');
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeDisabled();
  await page.getByTestId('pack-handling').getByRole('checkbox').check();
  await page.screenshot({ path: path.join(SHOTS, 'pack-export.png') });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-pack-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/-pack-TLP-RED\.zip$/);
  const result = page.locator('.pack-export-result');
  await expect(result).toContainText('Manifest SHA-256 fingerprint');
  await expect(result).toContainText('never been synced with a relay');
  await page.screenshot({ path: path.join(SHOTS, 'pack-export-result.png') });
  await result.getByRole('button', { name: 'Close' }).last().click();

  await page.getByTestId('pack-verify-open').click();
  await page.getByTestId('pack-verify-input').setInputFiles(file);
  await expect(page.getByTestId('pack-verdict')).toContainText('VERIFIED');
  await expect(page.getByTestId('pack-verdict')).toContainText('Signed by Amina Mwangi');
  await page.screenshot({ path: path.join(SHOTS, 'pack-verify.png') });

  // One flipped byte in data/case.json, re-zipped as someone tampering would.
  const entries = await readZip(file);
  const caseJson = entries.find(([n]) => n === 'data/case.json')![1];
  caseJson[20] ^= 0x01;
  const tampered = path.join(dir, 'tampered.zip');
  await writeZip(tampered, entries);
  await page.getByTestId('pack-verify-input').setInputFiles(tampered);
  await expect(page.getByTestId('pack-verdict')).toContainText('FAILED');
  await expect(page.getByTestId('pack-problems')).toContainText('data/case.json: changed');
  await expect(page.getByTestId('pack-verdict')).not.toContainText('VERIFIED');
});
