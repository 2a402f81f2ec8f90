/**
 * A link to a case that is not on this desktop yet (a colleague created it moments ago and the
 * relay has not delivered it) opens a waiting screen, not an error: real headless Chromium on the
 * browser-mode host. The service side (the case opening by itself when it arrives) is tested in
 * test/service/renderer-sync/doc-waiting.test.ts and, with a real relay, case-realistic.spec.ts.
 * Screenshot docs/screenshots/case-waiting.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, repoRoot, stopHost } from './fixtures';
import { adminWithCase, openDesktop, type Desktop } from './desktops';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('a link to a case that has not arrived yet shows a waiting screen with a way back', async ({ browser }) => {
  test.setTimeout(240_000);
  let d: Desktop | null = null;
  try {
    d = await openDesktop(browser, fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-waiting-')));
    const a = d.page;
    const caseHash = await adminWithCase(a, 'Rosewood from Toamasina', { name: 'NEST Indian Ocean 2026', prefix: 'IOC' });
    const elsewhere = caseHash.replace(/\/c\/[0-9a-f-]{36}/, `/c/${crypto.randomUUID()}`);
    expect(elsewhere).not.toBe(caseHash);
    await a.evaluate((h) => (window.location.hash = `${h}/overview`), elsewhere);
    const panel = a.getByTestId('case-waiting');
    await expect(panel.getByRole('heading', { name: 'Waiting for this case to arrive' })).toBeVisible();
    await expect(panel).toContainText('It opens here as soon as the relay delivers it.');
    await expect(a.getByText(/not open on this connection|could not be opened/)).toHaveCount(0);
    await a.screenshot({ path: path.join(SHOTS, 'case-waiting.png') });
    await panel.getByRole('link', { name: 'Back to cases' }).click();
    await expect(a.getByRole('table', { name: 'Cases' }).locator('tbody tr').filter({ hasText: 'Rosewood from Toamasina' })).toBeVisible();
  } finally {
    if (d) {
      await d.context.close();
      await stopHost(d.child);
    }
  }
});
