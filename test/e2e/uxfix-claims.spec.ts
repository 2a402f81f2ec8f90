/**
 * What a local-only case tells its user (tester finding, task uxfix): the demo workspace has no
 * relay, so the note beside the case details says changes are saved on this computer, not
 * "saved and shared". Screenshot: docs/screenshots/case-saved-local-only.png.
 */
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { openDemoCase } from './evidence-steps';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('a local-only case says its changes are saved on this computer, not shared', async ({ page, host }) => {
  await openDemoCase(page, host.url);
  const card = page.locator('section.card', { has: page.locator('#details-title') });
  await expect(card).toContainText('Changes are saved on this computer (no relay)');
  await expect(card).not.toContainText('saved and shared');
  await card.screenshot({ path: path.join(SHOTS, 'case-saved-local-only.png') });
});
