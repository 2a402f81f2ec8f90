/**
 * STIX 2.1 from the UI in headless Chromium (browser mode): "Export STIX 2.1" on the demo case
 * downloads its bundle (TLP in the file name, the case as a grouping); a partner's version of that
 * bundle with objects NEST Desk has no record for (a malware, an indicator) is chosen in
 * "Import STIX bundle" on the case list, whose preview names the case, its counts and each object
 * it will skip with the reason; confirming creates the case and opens it.
 * Screenshot: docs/screenshots/stix-import.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, repoRoot, offHost } from './fixtures';
import { openDemoCase } from './pack-flow';
import { chooseExport } from './export-menu';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('export a case as a STIX bundle, preview a partner bundle and import it as a new case', async ({ page, host, requests, cspViolations }) => {
  await openDemoCase(page, host.url);
  const caseNumber = (await page.locator('.case-number-lg').textContent())!;
  const caseTitle = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const downloading = page.waitForEvent('download');
  await chooseExport(page, 'stix-export');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${caseNumber}-stix-TLP-[A-Z-]+\\.json$`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-stix-'));
  const exported = path.join(dir, download.suggestedFilename());
  await download.saveAs(exported);
  const bundle = JSON.parse(fs.readFileSync(exported, 'utf8')) as { type: string; objects: Record<string, unknown>[] };
  expect(bundle.type).toBe('bundle');
  expect(bundle.objects.find((o) => o.type === 'grouping')?.name).toBe(`${caseNumber} ${caseTitle}`);
  const incidents = bundle.objects.filter((o) => o.type === 'incident').length;
  expect(incidents).toBeGreaterThan(0);

  // The partner adds what their platform knows and NEST Desk has no record for.
  const stamp = { spec_version: '2.1', created: '2026-11-02T08:00:00.000Z', modified: '2026-11-02T08:00:00.000Z' };
  const malware = { type: 'malware', id: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', ...stamp, name: 'Permit forger', is_family: false };
  const indicator = { type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', ...stamp, pattern: "[domain-name:value = 'cites-permits.example']", pattern_type: 'stix', valid_from: '2026-11-02T08:00:00Z' };
  const partner = path.join(dir, 'partner-bundle.json');
  fs.writeFileSync(partner, JSON.stringify({ ...bundle, objects: [...bundle.objects, malware, indicator] }, null, 2));

  await page.getByRole('link', { name: 'Cases' }).first().click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  const before = await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').count();
  await page.getByRole('button', { name: 'Import STIX bundle' }).click();
  const dialog = page.locator('.stix-import-dialog');
  await expect(dialog.getByRole('button', { name: 'Create the case' })).toBeDisabled();
  await dialog.getByTestId('stix-import-input').setInputFiles(partner);
  const preview = dialog.getByTestId('stix-preview');
  await expect(preview).toContainText(`will create the case “${caseTitle}”`);
  await expect(preview).toContainText(`${incidents} seizure`);
  await expect(preview).toContainText('2 objects will be skipped');
  const skipped = preview.locator('table.stix-skipped tbody tr');
  await expect(skipped).toHaveCount(2);
  await expect(skipped.filter({ hasText: malware.id })).toContainText('NEST Desk has no record for STIX objects of type malware');
  await expect(skipped.filter({ hasText: indicator.id })).toContainText('NEST Desk has no record for STIX objects of type indicator');
  // The preview wrote nothing.
  await expect(page.getByRole('table', { name: 'Cases' }).locator('tbody tr')).toHaveCount(before);
  await page.screenshot({ path: path.join(SHOTS, 'stix-import.png') });

  await dialog.getByRole('button', { name: 'Create the case' }).click();
  await expect(dialog).toBeHidden();
  // The toast (short-lived) first, then the new case, opened.
  await expect(page.getByText(new RegExp(`^Created [A-Z]+-\\d{4}-\\d{4}: ${incidents} seizures, 0 entities, 0 links; 2 objects skipped`))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(caseTitle);
  await expect(page.locator('.case-number-lg')).not.toHaveText(caseNumber);

  // A file that is not a bundle is refused in the preview, naming why.
  await page.getByRole('link', { name: 'Cases' }).first().click();
  await page.getByRole('button', { name: 'Import STIX bundle' }).click();
  const notBundle = path.join(dir, 'notes.json');
  fs.writeFileSync(notBundle, '{"type": "report"');
  await page.locator('.stix-import-dialog').getByTestId('stix-import-input').setInputFiles(notBundle);
  await expect(page.locator('.stix-import-dialog .field-error')).toContainText('not valid JSON');
  await expect(page.locator('.stix-import-dialog').getByRole('button', { name: 'Create the case' })).toBeDisabled();

  expect(offHost(requests, host.origin)).toEqual([]);
  expect(cspViolations).toEqual([]);
});
