/**
 * Held mass deletions (issue 10 item 2) end to end in real headless Chromium: an admin's desktop
 * (browser-mode host) with a case synced to the real relay; an invited investigator's client
 * (y-websocket with the invitation's token) adds 30 seizures, then deletes them all at once: the
 * relay refuses and holds the deletion (the member's client runs as its own process:
 * test/e2e/member-peer.ts). The admin sees a badge on "Held deletions", opens the
 * screen (screenshot docs/screenshots/held-deletions.png), approves it behind the confirmation,
 * and the member's re-sent deletion is stored: the case on the admin's desktop has no seizures
 * left, and the case's history names the approval.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect, repoRoot, stopHost } from './fixtures';
import { adminWithCase, connectAndRegister, invite, openDesktop, SYNC_TIMEOUT, type Desktop } from './desktops';
import { caseDocNameOf } from './raw-peer';
import { startRelay } from './relay-process';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
/** Seizures the member deletes at once: over the relay's mass-deletion threshold (25, shared/permissions/deletion-rules.ts). */
const RECORDS = 30;

/** The token inside an invitation string (`NEST1.` + base64url JSON). */
function tokenOf(invitation: string): string {
  return (JSON.parse(Buffer.from(invitation.replace(/\s+/g, '').slice('NEST1.'.length), 'base64url').toString('utf8')) as { token: string }).token;
}

/** Runs a step of the member's sync client (test/e2e/member-peer.ts) in its own process. */
async function member(...args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/e2e/member-peer.ts'), ...args], { cwd: repoRoot, timeout: 240_000 });
}

test('an admin approves a mass deletion the relay held, from the Held deletions screen', async ({ browser }) => {
  test.setTimeout(420_000);
  const relay = await startRelay({ startTimeoutMs: 180_000 });
  let admin: Desktop | null = null;
  try {
    admin = await openDesktop(browser, fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-held-')));
    const a = admin.page;
    const caseHash = await adminWithCase(a, 'Rosewood from Toamasina', { name: 'NEST Indian Ocean 2026', prefix: 'IOC' });
    const docName = caseDocNameOf(a.url());
    await connectAndRegister(a, relay);
    const invitation = await invite(a, 'Rivo Randria', 'Madagascar Customs');
    const token = tokenOf(invitation);
    const state = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-member-')), 'case.yjs');

    // The member adds the seizures (stored), then deletes every one in one go (refused and held).
    await member('add-delete', relay.url, docName, token, state, String(RECORDS));
    await a.goto(`${new URL(a.url()).origin}/${caseHash}/seizures`);
    // Every record arrived (the tab counts the projection; the virtualised table draws only the rows in view).
    await expect(a.getByRole('tab', { name: `Seizures ${RECORDS}` })).toBeVisible({ timeout: SYNC_TIMEOUT });

    // The admin: a badge on the sidebar link, the screen with the held deletion.
    await a.reload();
    const link = a.getByRole('link', { name: /Held deletions/ });
    await expect(link.getByLabel('1 deletion waits for an admin’s decision')).toBeVisible({ timeout: SYNC_TIMEOUT });
    await link.click();
    await expect(a.getByRole('heading', { name: 'Held deletions', level: 1 })).toBeVisible();
    await expect(a.getByRole('heading', { name: '1 deletion is waiting for a decision' })).toBeVisible();
    const row = a.getByRole('table', { name: 'Mass deletions held by the relay' }).locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Rosewood from Toamasina');
    await expect(row).toContainText('Rivo Randria');
    await expect(row).toContainText(`${RECORDS} records`);
    await a.screenshot({ path: path.join(SHOTS, 'held-deletions.png') });

    await row.getByRole('button', { name: 'Approve' }).click();
    const dialog = a.getByRole('dialog', { name: 'Approve this deletion?' });
    await expect(dialog).toContainText(`Rivo Randria may then delete ${RECORDS} records`);
    await dialog.screenshot({ path: path.join(os.tmpdir(), 'held-deletions-approve.png') });
    await dialog.getByRole('button', { name: 'Approve deletion' }).click();
    await expect(a.getByText(/^Approved: Rivo Randria may now re-send the deletion/)).toBeVisible();
    await expect(a.getByRole('heading', { name: 'Nothing is waiting for a decision' })).toBeVisible();
    await expect(link.locator('.held-badge')).toHaveCount(0, { timeout: SYNC_TIMEOUT });

    // The member's desktop re-sends ("Sync now"): stored; the admin's case has no seizure left.
    await member('resend', relay.url, docName, token, state);
    await a.goto(`${new URL(a.url()).origin}/${caseHash}/seizures`);
    await expect(a.getByRole('tab', { name: 'Seizures 0' })).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(a.getByText(/^Toamasina quay \d+$/)).toHaveCount(0);
  } finally {
    if (admin) {
      await admin.context.close();
      await stopHost(admin.child);
    }
    await relay.stop();
  }
});
