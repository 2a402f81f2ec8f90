/**
 * The Workspace key card (Relay & members) of a local-only workspace, in browser mode: it shows
 * the key's fingerprint, when it was made and that no relay holds it; "Save public key…" downloads
 * `<workspace name>.pub.jwk`, a public JWK only, whose RFC 7638 thumbprint is the fingerprint
 * shown; "Copy" puts the fingerprint on the clipboard. Screenshot: docs/screenshots/workspace-key-card.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { test, expect, repoRoot } from './fixtures';
import { seriousAxeViolations } from './axe';
import { createIdentity } from './hardening-helpers';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('a local-only workspace shows its public key and saves it as a .pub.jwk file', async ({ page, host }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await page.goto(host.url);
  await createIdentity(page); // an investigator: whoever creates a workspace holds its key
  await page.getByLabel('Workspace name').fill('NEST Singapore 2026');
  await page.getByLabel('Case prefix').fill('SGNEST');
  await page.getByLabel('Reporting currency').fill('SGD');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Relay & members' }).click();
  const card = page.getByTestId('workspace-key-card');
  await expect(card.getByRole('heading', { name: 'Workspace key' })).toBeVisible();
  await expect(card).toContainText('a court or another agency that holds the saved public key can confirm a pack came from this workspace unaltered');
  const fingerprint = card.getByTestId('key-fingerprint');
  await expect(fingerprint).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  const kid = (await fingerprint.textContent())!;
  await expect(card.getByTestId('wskey-created')).toHaveText(/\d{4}/); // made now, so its time is recorded
  await expect(card.getByTestId('wskey-relay')).toHaveText('This workspace is not shared through a relay: its cases stay on this computer.');
  await expect(card).toContainText('Held on this computer: the private key never leaves it');

  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save public key…' }).click()]);
  expect(download.suggestedFilename()).toBe('NEST-Singapore-2026.pub.jwk');
  const saved = path.join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(saved);
  const jwk = JSON.parse(fs.readFileSync(saved, 'utf8')) as Record<string, string>;
  expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x']);
  expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  expect(await calculateJwkThumbprint({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! }, 'sha256')).toBe(kid);
  await expect(page.getByText('Saved the workspace public key as NEST-Singapore-2026.pub.jwk')).toBeVisible();

  expect(await seriousAxeViolations(page)).toEqual([]);
  await card.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0); // no hover on the saved-button in the picture
  await card.screenshot({ path: path.join(SHOTS, 'workspace-key-card.png') });
  await page.screenshot({ path: path.join(SHOTS, 'workspace-key-page.png'), fullPage: true });
  await card.getByRole('button', { name: 'Copy the workspace key fingerprint' }).click();
  // The name follows the visible word ("Copied …"), so the label-in-name check passes in this state too.
  await expect(card.getByRole('button', { name: 'Copied the workspace key fingerprint' })).toContainText('Copied');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(kid);
});
