/**
 * Two desktops and one relay, in real headless Chromium: two browser-mode hosts with their own
 * data folders (desktop A: the workspace admin; desktop B: a new member) and the real relay
 * process (node + tsx relay/cli.ts serve, port 0, temp data folder).
 *
 * A creates a workspace and a case and connects to the relay through the UI; the relay refuses
 * until the operator registers the workspace: the test runs the exact command the UI shows (as
 * the operator would); Retry → Synced. A invites B (the invitation string is read from the UI,
 * and its .nestinvite download checked); B joins with it from the first-run screen and receives
 * the case. A seizure added in A appears in B's table and as a marker on B's map; A's presence
 * shows in B's case header (it travels through the relay). The relay stops → both headers say
 * Offline, and B keeps editing; the relay restarts on the same port and data folder → both say
 * Synced and A has B's offline edit. Finally A removes B and B is refused at once.
 * A second test invites an observer (an NGO), who joins from the workspace chooser and sees the
 * case marked Read-only, without edit controls, and the relay and members without admin actions.
 * Neither browser sends a request anywhere but its own host on 127.0.0.1: the desktops' data
 * services talk to the relay, the pages never do. Screenshots go to docs/screenshots/.
 * A third test shows sync health (issue 9 item 6): the per-document list, "Sync now" waiting for
 * the relay's confirmation, and the warning when the relay, reachable through a proxy that loses
 * every frame of the case, has not confirmed a change past the threshold (shortened to 3 s with
 * NEST_SYNC_WARN_AFTER_MS); screenshots of the badge and the page go to /work/tmp/shots/.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect, offHost, repoRoot, stopHost } from './fixtures';
import { seriousAxeViolations } from './axe';
import { startRelay, type E2eRelay } from './relay-process';
import { addSeizure, adminWithCase, connectAndRegister, invite, openDesktop, SYNC_TIMEOUT, type Desktop } from './desktops';
import { ChaosProxy, NO_FAULTS } from '../sync/chaos-proxy';
import { mapStill } from './map-still';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
/** Time allowed for a change to cross the relay, or for links to notice the relay stopped or came back. */


/** The header's sync pill of a page. */
function pill(page: Page): ReturnType<Page['getByTestId']> {
  return page.getByTestId('sync-pill');
}

test('two desktops sync a case through the relay: invitation, join, live edits, presence, offline and back', async ({ browser }) => {
  test.setTimeout(360_000);
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-a-'));
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-b-'));
  let relay: E2eRelay = await startRelay();
  const desktops: Desktop[] = [];
  try {
    const A = await openDesktop(browser, dirA);
    desktops.push(A);
    const B = await openDesktop(browser, dirB);
    desktops.push(B);
    const a = A.page;
    const b = B.page;

    // ---- Desktop A: the admin sets up a workspace and a case. ----
    await expect(a.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
    await a.getByLabel('Full name').fill('Ada Lim');
    await a.getByLabel('Agency').fill('NEST Secretariat');
    await a.getByRole('radio', { name: /Workspace admin/ }).check();
    await a.getByRole('button', { name: 'Continue' }).click();
    await expect(a.getByRole('button', { name: 'Join a workspace' })).toBeVisible();
    await a.getByLabel('Workspace name').fill('NEST Singapore 2026');
    await a.getByLabel('Case prefix').fill('SGNEST');
    await a.getByLabel('Reporting currency').fill('SGD');
    await a.getByRole('button', { name: 'Create workspace' }).click();
    await expect(a.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    await expect(pill(a)).toHaveAttribute('data-state', 'off');
    await expect(pill(a)).toHaveText(/Local only/);
    await a.getByRole('button', { name: 'New case' }).click();
    const newCase = a.getByRole('dialog', { name: 'New case' });
    await newCase.getByLabel('Title').fill('Ivory and pangolin scales via Singapore');
    await newCase.getByLabel('TLP marking').selectOption('AMBER');
    await newCase.getByLabel('Jurisdictions').fill('SG');
    await newCase.getByLabel('Jurisdictions').press('Enter');
    await newCase.getByRole('button', { name: 'Create case' }).click();
    await expect(a.getByRole('heading', { name: 'Ivory and pangolin scales via Singapore', level: 1 })).toBeVisible();
    const caseHash = new URL(a.url()).hash.replace(/\/seizures$/, '');

    // ---- Connect to the relay through the UI: refused until the operator registers the key. ----
    await a.getByRole('link', { name: 'Relay & members' }).click();
    await expect(a.getByRole('heading', { name: 'Relay & members', level: 1 })).toBeVisible();
    const address = a.getByLabel('Relay address');
    await address.fill('ftp://relay.example.org');
    await a.getByRole('button', { name: 'Connect to relay' }).click();
    await expect(a.getByText('Must start with wss:// (or ws://, https://, http://)')).toBeVisible();
    await address.fill(relay.url);
    await a.getByRole('button', { name: 'Connect to relay' }).click();
    const status = a.getByTestId('relay-status');
    await expect(status).toHaveAttribute('data-state', 'refused', { timeout: SYNC_TIMEOUT });
    await expect(a.getByTestId('relay-status-text')).toHaveText('The relay does not know this workspace yet — ask the relay operator to run the command above, then Retry.');
    await expect(a.getByTestId('relay-url')).toHaveText(relay.url);
    await expect(pill(a)).toHaveAttribute('data-state', 'refused');
    const command = (await a.getByTestId('register-command').textContent()) ?? '';
    expect(command).toMatch(/^npm run relay -- add-workspace --id [0-9a-f-]{36} --public-key '\{[^']*"kty":"OKP"[^']*\}' --label /);
    expect(command).toContain("--label 'NEST Singapore 2026'");
    await a.screenshot({ path: path.join(SHOTS, 'relay-settings.png') });
    expect(await seriousAxeViolations(a)).toEqual([]);

    // The operator runs exactly that command on the relay's machine (its data folder via the environment).
    await promisify(execFile)('sh', ['-c', command], { cwd: repoRoot, env: { ...process.env, NEST_RELAY_DATA_DIR: relay.dataDir, NEST_LOG_LEVEL: 'silent' } });
    await status.getByRole('button', { name: 'Retry' }).click();
    await expect(status).toHaveAttribute('data-state', 'synced', { timeout: SYNC_TIMEOUT });
    await expect(pill(a)).toHaveText(/Synced/);
    await expect(a.getByTestId('relay-registration')).not.toHaveAttribute('open', '');

    // ---- Invite a member; take the invitation string from the UI. ----
    await a.getByRole('button', { name: 'Invite a member' }).click();
    const invite = a.getByRole('dialog', { name: 'Invite a member' });
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    await expect(invite.getByText('Is required').first()).toBeVisible();
    await invite.getByLabel('Full name').fill('Bo Tan');
    await invite.getByLabel('Agency').fill('National Parks Board');
    await invite.getByRole('radio', { name: /Investigator/ }).check();
    await invite.getByLabel('Valid for (days)').fill('30');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const ready = a.getByRole('dialog', { name: 'Invitation ready' });
    await expect(ready.getByText('Hand this over like a password.')).toBeVisible();
    const invitation = await ready.getByTestId('invitation-string').inputValue();
    expect(invitation).toMatch(/^NEST1\.[A-Za-z0-9_-]+$/);
    await a.screenshot({ path: path.join(SHOTS, 'invitation.png') });
    expect(await seriousAxeViolations(a)).toEqual([]);
    const [download] = await Promise.all([a.waitForEvent('download'), ready.getByRole('button', { name: 'Save as file' }).click()]);
    expect(download.suggestedFilename()).toBe('SGNEST-Bo-Tan.nestinvite');
    const invitationFile = await download.path();
    expect(fs.readFileSync(invitationFile, 'utf8').trim()).toBe(invitation);
    await ready.getByRole('button', { name: 'Done' }).click();
    const members = a.getByRole('table', { name: 'Members' });
    await expect(members.locator('tbody tr')).toHaveCount(2);
    await expect(members.locator('tbody tr').filter({ hasText: 'Bo Tan' })).toContainText('Investigator');

    // ---- Desktop B: a new member joins from the first-run screen. ----
    await expect(b.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
    await b.getByRole('button', { name: 'Join a workspace' }).click();
    const join = b.getByRole('dialog', { name: 'Join a workspace' });
    await join.getByTestId('invitation-file').setInputFiles(invitationFile); // the .nestinvite file opens too…
    // The text box by role: once the invitation is read, its preview ("What this invitation is for") is labelled too.
    const box = join.getByRole('textbox', { name: 'Invitation' });
    await expect(box).toHaveValue(invitation);
    await box.fill('NEST1.not-an-invitation');
    await expect(join.getByText(/damaged/)).toBeVisible();
    await box.fill(invitation); // …and so does the pasted string
    const preview = join.getByTestId('join-preview');
    await expect(preview).toContainText('NEST Singapore 2026');
    await expect(join.getByTestId('join-relay')).toHaveText(relay.url);
    await expect(preview).toContainText('Bo Tan · National Parks Board');
    await b.screenshot({ path: path.join(SHOTS, 'join.png') });
    expect(await seriousAxeViolations(b)).toEqual([]);
    await join.getByRole('button', { name: 'Join NEST Singapore 2026' }).click();
    await expect(b.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    const bCases = b.getByRole('table', { name: 'Cases' });
    await expect(bCases.getByText('Ivory and pangolin scales via Singapore')).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(pill(b)).toHaveAttribute('data-state', 'synced', { timeout: SYNC_TIMEOUT });
    await expect(b.locator('.sidebar-user')).toContainText('Bo Tan');

    // ---- Both open the case: presence crosses the relay; a seizure added in A reaches B's table and map. ----
    await a.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    await b.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    await expect(b.getByRole('heading', { name: 'Ivory and pangolin scales via Singapore', level: 1 })).toBeVisible();
    await expect(b.getByTestId('presence-count')).toContainText('Ada Lim is also here', { timeout: SYNC_TIMEOUT });
    await expect(a.getByTestId('presence-count')).toContainText('Bo Tan is also here', { timeout: SYNC_TIMEOUT });
    await expect(a.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'synced', { timeout: SYNC_TIMEOUT });
    await expect(b.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'synced', { timeout: SYNC_TIMEOUT });

    await addSeizure(a, { commodity: 'elephant ivory', quantity: '8.8', place: 'Pasir Panjang Export Terminal', lat: '1.274', lon: '103.764' });
    const bTable = b.getByRole('table', { name: 'Seizures' });
    await expect(bTable.locator('tbody tr').filter({ hasText: 'elephant ivory' })).toContainText('Pasir Panjang Export Terminal', { timeout: SYNC_TIMEOUT });
    await a.getByRole('button', { name: 'Close seizure detail' }).click();
    await b.getByRole('tab', { name: /Map/ }).click();
    const bMap = b.getByTestId('seizure-map');
    await expect(bMap).toHaveAttribute('data-basemap', 'ready');
    await expect(bMap.locator('path.seizure-marker')).toHaveCount(1, { timeout: SYNC_TIMEOUT }); // one seizure: a single marker, never a cluster
    await mapStill(bMap); // the fit-bounds animation ends before the screenshot
    await b.screenshot({ path: path.join(SHOTS, 'sync-two-desktops-b.png') });
    await expect(a.locator('.toast')).toHaveCount(0, { timeout: 10_000 }); // "Seizure added" has gone
    await a.screenshot({ path: path.join(SHOTS, 'sync-two-desktops-a.png') });
    expect(await seriousAxeViolations(b, ['.leaflet-container'])).toEqual([]);
    await b.getByRole('tab', { name: /Seizures/ }).click();

    // ---- The relay stops: both desktops say Offline; B keeps working. ----
    const port = relay.port;
    await relay.stop();
    for (const p of [a, b]) {
      await expect(pill(p)).toHaveAttribute('data-state', 'offline', { timeout: SYNC_TIMEOUT });
      await expect(pill(p)).toHaveText('Offline — changes saved on this computer');
    }
    await expect(b.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'offline');
    await addSeizure(b, { commodity: 'pangolin scales', quantity: '12.9', place: 'Tuas Checkpoint', lat: '1.348', lon: '103.636' });
    await expect(bTable.locator('tbody tr')).toHaveCount(2);
    await b.getByRole('button', { name: 'Close seizure detail' }).click();
    await expect(b.locator('.toast')).toHaveCount(0, { timeout: 10_000 });
    await b.screenshot({ path: path.join(SHOTS, 'sync-offline.png') });
    await pill(b).click();
    const syncPanel = b.getByRole('dialog', { name: 'Sync status' });
    await expect(syncPanel).toContainText('The relay cannot be reached');
    await expect(syncPanel).toContainText(relay.url);
    expect(await seriousAxeViolations(b)).toEqual([]);
    await b.keyboard.press('Escape');
    await expect(syncPanel).toBeHidden();

    // ---- The relay comes back on the same port and data folder: both Synced; A has B's offline edit. ----
    relay = await startRelay({ dataDir: relay.dataDir, port });
    expect(relay.port).toBe(port);
    for (const p of [a, b]) await expect(pill(p)).toHaveAttribute('data-state', 'synced', { timeout: 90_000 });
    const aTable = a.getByRole('table', { name: 'Seizures' });
    await expect(aTable.locator('tbody tr').filter({ hasText: 'pangolin scales' })).toContainText('Tuas Checkpoint', { timeout: SYNC_TIMEOUT });
    await expect(aTable.locator('tbody tr')).toHaveCount(2);
    await expect(a.getByTestId('presence-count')).toContainText('Bo Tan is also here', { timeout: SYNC_TIMEOUT });

    // ---- A removes B: B is refused promptly and told why. ----
    await a.getByRole('link', { name: 'Relay & members' }).click();
    await members.getByRole('button', { name: 'Remove Bo Tan' }).click();
    await a.getByRole('dialog', { name: 'Remove Bo Tan?' }).getByRole('button', { name: 'Remove member' }).click();
    await expect(members.locator('tbody tr')).toHaveCount(1);
    await expect(pill(b)).toHaveAttribute('data-state', 'refused', { timeout: SYNC_TIMEOUT });
    await pill(b).click();
    await expect(b.getByRole('dialog', { name: 'Sync status' })).toContainText('You are no longer a member of this workspace');

    // Each page talked only to its own host on 127.0.0.1 (the data services talk to the relay).
    for (const d of desktops) {
      expect(d.requests.length).toBeGreaterThan(3);
      expect(offHost(d.requests, d.origin)).toEqual([]);
      expect(d.csp).toEqual([]);
    }
    const allowed = new Set([...desktops.map((d) => new URL(d.origin).port), String(relay.port)]);
    for (const u of desktops.flatMap((d) => d.requests).filter((x) => !x.startsWith('data:') && !x.startsWith('blob:'))) {
      const url = new URL(u);
      expect(url.hostname).toBe('127.0.0.1');
      expect(allowed.has(url.port)).toBe(true);
    }
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

// ---- Shorter steps for the observer test ----------------------------------------------------





test('an observer joins read-only: the case says so and offers no edit controls', async ({ browser }) => {
  test.setTimeout(240_000);
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-a-'));
  const dirC = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-c-'));
  const relay = await startRelay();
  const desktops: Desktop[] = [];
  try {
    const A = await openDesktop(browser, dirA);
    desktops.push(A);
    const C = await openDesktop(browser, dirC);
    desktops.push(C);
    const a = A.page;
    const c = C.page;
    const caseHash = await adminWithCase(a, 'Rosewood logs on the Mekong');
    await connectAndRegister(a, relay);
    const invitation = await invite(a, 'Noor Aziz', 'Wildlife Watch (NGO)', /Observer/);

    // C has used NEST Desk before (its own identity), and joins from the workspace chooser.
    await c.getByLabel('Full name').fill('Noor Aziz');
    await c.getByLabel('Agency').fill('Wildlife Watch');
    await c.getByRole('radio', { name: /Observer/ }).check();
    await c.getByRole('button', { name: 'Continue' }).click();
    // The chooser's "Join a workspace", not the first-run screen's (that screen gives way once the identity is saved).
    await expect(c.getByRole('heading', { name: 'Set up your identity' })).toHaveCount(0, { timeout: 30_000 });
    await c.getByRole('button', { name: 'Join a workspace' }).click();
    const join = c.getByRole('dialog', { name: 'Join a workspace' });
    await join.getByRole('textbox', { name: 'Invitation' }).fill(invitation);
    await expect(join.getByTestId('join-preview')).toContainText('Observer');
    await join.getByRole('button', { name: 'Join NEST Mekong 2026' }).click();
    await expect(c.getByRole('table', { name: 'Cases' }).getByText('Rosewood logs on the Mekong')).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(c.getByRole('button', { name: 'New case' })).toHaveCount(0);

    await c.evaluate((h) => (window.location.hash = h), caseHash);
    await expect(c.getByRole('heading', { name: 'Rosewood logs on the Mekong', level: 1 })).toBeVisible();
    await expect(c.getByTestId('read-only-badge')).toBeVisible();
    await expect(c.getByRole('button', { name: 'Add seizure' })).toHaveCount(0);
    await expect(c.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
    await expect(c.getByLabel('Title', { exact: true })).toBeDisabled();
    await expect(c.getByTestId('doc-sync-state')).toHaveAttribute('data-state', /synced|read-only/, { timeout: SYNC_TIMEOUT });

    // The observer sees the relay and the members, and changes nothing there either.
    await c.getByRole('link', { name: 'Relay & members' }).click();
    await expect(c.getByText('Read-only: managed by the workspace admins')).toBeVisible();
    await expect(c.getByTestId('relay-url')).toHaveText(relay.url);
    await expect(c.getByRole('table', { name: 'Members' }).locator('tbody tr')).toHaveCount(2);
    await expect(c.getByRole('button', { name: 'Invite a member' })).toHaveCount(0);
    await expect(c.getByRole('button', { name: /^Remove / })).toHaveCount(0);
    await expect(c.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
    expect(await seriousAxeViolations(c)).toEqual([]);

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
    fs.rmSync(dirA, { recursive: true, force: true });
    fs.rmSync(dirC, { recursive: true, force: true });
    fs.rmSync(relay.dataDir, { recursive: true, force: true });
  }
});

test('sync health: the document list, "Sync now" until the relay confirms, and the warning when it does not', async ({ browser }) => {
  test.setTimeout(240_000);
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-health-'));
  const relay = await startRelay();
  // The proxy loses every frame of the case doc while `lossy` is set: the relay stays reachable but never confirms.
  let lossy = false;
  let caseDocPath = '';
  const proxy = await ChaosProxy.start({ target: relay.url, seed: 6, faults: NO_FAULTS, onFrame: (f) => (lossy && f.path === caseDocPath ? 'drop' : undefined) });
  const shots = process.env.NEST_SHOTS_DIR ?? '/work/tmp/shots';
  fs.mkdirSync(shots, { recursive: true });
  const before = process.env.NEST_SYNC_WARN_AFTER_MS;
  process.env.NEST_SYNC_WARN_AFTER_MS = '3000';
  let A: Desktop | null = null;
  try {
    A = await openDesktop(browser, dirA);
    const a = A.page;
    const caseHash = await adminWithCase(a, 'Pangolin scales through Tuas');
    const caseId = /\/c\/([0-9a-f-]{36})/.exec(caseHash)![1]!;
    await connectAndRegister(a, { ...relay, url: proxy.url });

    // The list: the workspace and the case, each confirmed by the relay, nothing waiting.
    const table = a.getByRole('table', { name: 'Sync health by document' });
    const caseRow = table.locator(`tbody tr[data-doc$="/case/${caseId}"]`);
    caseDocPath = `/${(await caseRow.getAttribute('data-doc', { timeout: SYNC_TIMEOUT }))!}`;
    await expect(caseRow).toContainText('MEK-2026-0001 · Pangolin scales through Tuas');
    await expect(caseRow.getByTestId('health-confirmed')).not.toHaveText('Not yet');
    await expect(caseRow).toContainText('Nothing');
    await expect(table.locator('tbody tr').filter({ hasText: 'Workspace: members and case index' })).toHaveCount(1);

    // "Sync now" for everything: the button waits for the relay, then says what it confirmed.
    await a.getByTestId('sync-now-all').click();
    await expect(a.getByText(/^The relay confirmed it holds (the 1 document|all \d+ documents) that (was|were) open or waiting\.$/)).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(a.getByTestId('sync-now-all')).toHaveText('Sync now');
    expect(await seriousAxeViolations(a)).toEqual([]);

    // The relay stops confirming the case: an edit waits, and after the threshold the badge warns.
    lossy = true;
    await a.evaluate((h) => (window.location.hash = `${h}/seizures`), caseHash);
    await addSeizure(a, { commodity: 'pangolin scales', quantity: '1.2', place: 'Tuas checkpoint', lat: '1.35', lon: '103.64', country: 'SG' });
    const badge = a.getByTestId('doc-sync-state');
    await expect(badge).toHaveAttribute('data-warning', 'true', { timeout: SYNC_TIMEOUT });
    await expect(badge).toHaveText(/Not on the relay/);
    await expect(pill(a)).toHaveText(/1 document not on the relay/);
    await expect(badge).toHaveAttribute('title', /^1 change to case MEK-2026-0001 has not reached the relay for less than a minute\./);
    const closeDetail = a.getByRole('button', { name: 'Close seizure detail' });
    if (await closeDetail.isVisible()) await closeDetail.click();
    await a.screenshot({ path: path.join(shots, 'health-badge.png') });

    // The Relay & members page says which case, how many changes and for how long.
    await a.getByRole('link', { name: 'Relay & members' }).click();
    const warning = a.getByTestId('health-warning');
    await expect(warning).toContainText('1 change to case MEK-2026-0001 has not reached the relay for less than a minute.', { timeout: SYNC_TIMEOUT });
    await expect(caseRow).toHaveAttribute('data-warning', 'true');
    await expect(caseRow).toContainText(/1 change · [\d.]+ (bytes|kB) · since/);
    await a.getByTestId('doc-health').scrollIntoViewIfNeeded();
    await a.screenshot({ path: path.join(shots, 'health-relay.png'), fullPage: true });
    expect(await seriousAxeViolations(a)).toEqual([]);

    // Frames flow again: "Sync now" on the case waits for the relay's confirmation, then the warning is gone.
    lossy = false;
    await caseRow.getByTestId('health-sync-now').click();
    await expect(a.getByText('The relay confirmed it holds every change to case MEK-2026-0001.')).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(warning).toHaveCount(0);
    await expect(caseRow).toHaveAttribute('data-warning', 'false');
    await expect(caseRow).toContainText('Nothing');
    expect(offHost(A.requests, A.origin)).toEqual([]);
    expect(A.csp).toEqual([]);
  } finally {
    if (before === undefined) delete process.env.NEST_SYNC_WARN_AFTER_MS;
    else process.env.NEST_SYNC_WARN_AFTER_MS = before;
    if (A) {
      await A.context.close();
      await stopHost(A.child);
    }
    await proxy.close();
    await relay.stop();
    fs.rmSync(dirA, { recursive: true, force: true });
    fs.rmSync(relay.dataDir, { recursive: true, force: true });
  }
});
