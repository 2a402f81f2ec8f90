/**
 * Tester finding F1 (session 27) in real headless Chromium: a TLP:RED export imported into a
 * TLP:AMBER case. The dialog names both levels above the mapping, keeps the import button
 * disabled (saying why) until "Import it … anyway" is ticked, then imports the 3 rows. A
 * screenshot of the warning is saved and looked at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const RED_CSV = fs.readFileSync(fileURLToPath(new URL('../fixtures/import-messages/i-tlp-red.csv', import.meta.url)));

test('a TLP:RED export into a TLP:AMBER case is named and needs a deliberate tick', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'i-tlp-red.csv', mimeType: 'text/csv', buffer: RED_CSV });
  const warning = imp.getByTestId('tlp-warning');
  await expect(warning).toContainText('This file is marked TLP:RED, stricter than the case');
  await expect(warning).toContainText(/This file is marked TLP:RED; case SGNEST-\d{4}-0001 is TLP:AMBER: its rows would be shared as TLP:AMBER\./);
  const button = imp.getByRole('button', { name: /Import 3 seizures/ });
  await expect(button).toBeDisabled();
  await expect(imp.getByTestId('import-disabled-reason')).toHaveText('The file is marked with a stricter TLP than the case: tick “Import it … anyway” above to import it here.');
  await imp.screenshot({ path: path.join(SHOTS, 'import-tlp-warning.png') });
  await warning.getByRole('checkbox', { name: /Import it into SGNEST-\d{4}-0001 anyway/ }).check();
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByRole('dialog', { name: 'Import report' })).toContainText('3');
});
