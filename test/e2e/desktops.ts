/**
 * Several desktops in one Playwright test: each a browser-mode host on its own data folder and a
 * browser context, set up through the UI as a member would (first run, workspace, relay,
 * invitation). Shared by the specs that need two or three members (sync, concurrent edits…).
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, repoRoot, startHost } from './fixtures';
import type { E2eRelay } from './relay-process';

/** Time allowed for a change to cross the relay (ms). */
export const SYNC_TIMEOUT = 45_000;

/** Startup allowance for the relay and hosts (ms): tsx compiling them can take minutes on a heavily loaded machine. */
export const START_MS = 180_000;

/** A desktop: its host process, origin, browser context and page, and what the page requested. */
export interface Desktop {
  child: ChildProcess;
  origin: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the context requested (to check nothing left the host). */
  requests: string[];
  /** Console messages about Content Security Policy violations. */
  csp: string[];
}

/** Starts a host on `dataDir` and opens it in a fresh context (1440×900, en-GB, London time, downloads on). */
export async function openDesktop(browser: Browser, dataDir: string, startTimeoutMs = START_MS): Promise<Desktop> {
  const { child, url } = await startHost(dataDir, startTimeoutMs);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  const requests: string[] = [];
  const csp: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const page = await context.newPage();
  await page.goto(url);
  return { child, origin: new URL(url).origin, context, page, requests, csp };
}

/** The workspace {@link adminWithCase} creates. */
export interface WorkspaceSetup {
  name: string;
  prefix: string;
}

/** First run as an admin (Ada Lim), a workspace and one case on `a`; returns the case's route hash. */
export async function adminWithCase(a: Page, caseTitle: string, ws: WorkspaceSetup = { name: 'NEST Mekong 2026', prefix: 'MEK' }): Promise<string> {
  await a.getByLabel('Full name').fill('Ada Lim');
  await a.getByLabel('Agency').fill('NEST Secretariat');
  await a.getByRole('radio', { name: /Workspace admin/ }).check();
  await a.getByRole('button', { name: 'Continue' }).click();
  await a.getByLabel('Workspace name').fill(ws.name);
  await a.getByLabel('Case prefix').fill(ws.prefix);
  await a.getByRole('button', { name: 'Create workspace' }).click();
  await a.getByRole('button', { name: 'New case' }).click();
  const dialog = a.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill(caseTitle);
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(a.getByRole('heading', { name: caseTitle, level: 1 })).toBeVisible();
  return new URL(a.url()).hash.replace(/\/seizures$/, '');
}

/** Connects `a`'s workspace to `relay` through the UI, registers it as the operator would, and retries until synced. */
export async function connectAndRegister(a: Page, relay: E2eRelay): Promise<void> {
  await a.getByRole('link', { name: 'Relay & members' }).click();
  await a.getByLabel('Relay address').fill(relay.url);
  await a.getByRole('button', { name: 'Connect to relay' }).click();
  const status = a.getByTestId('relay-status');
  await expect(status).toHaveAttribute('data-state', 'refused', { timeout: SYNC_TIMEOUT });
  const command = (await a.getByTestId('register-command').textContent()) ?? '';
  await promisify(execFile)('sh', ['-c', command], { cwd: repoRoot, env: { ...process.env, NEST_RELAY_DATA_DIR: relay.dataDir, NEST_LOG_LEVEL: 'silent' } });
  await status.getByRole('button', { name: 'Retry' }).click();
  await expect(status).toHaveAttribute('data-state', 'synced', { timeout: SYNC_TIMEOUT });
}

/** Creates an invitation on the Relay & members page of `a` (role as its radio's label) and returns its string. */
export async function invite(a: Page, name: string, agency: string, role: RegExp = /Investigator/): Promise<string> {
  await a.getByRole('button', { name: 'Invite a member' }).click();
  const dialog = a.getByRole('dialog', { name: 'Invite a member' });
  await dialog.getByLabel('Full name').fill(name);
  await dialog.getByLabel('Agency').fill(agency);
  await dialog.getByRole('radio', { name: role }).check();
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const ready = a.getByRole('dialog', { name: 'Invitation ready' });
  const invitation = await ready.getByTestId('invitation-string').inputValue();
  await ready.getByRole('button', { name: 'Done' }).click();
  return invitation;
}

/** A seizure typed into the Add seizure dialog (strings as a member types them). */
export interface SeizureInput {
  commodity: string;
  quantity: string;
  place: string;
  lat?: string;
  lon?: string;
  country?: string;
}

/** Adds a seizure through the case's Add seizure dialog and waits for the dialog to close. */
export async function addSeizure(page: Page, f: SeizureInput): Promise<void> {
  await page.getByRole('button', { name: 'Add seizure' }).click();
  const form = page.getByRole('dialog', { name: 'Add a seizure' });
  if (f.country) await form.getByLabel('Seizing country').selectOption(f.country);
  await form.getByLabel('Commodity').fill(f.commodity);
  await form.getByLabel('Quantity').fill(f.quantity);
  // A reported quantity needs its unit: the form no longer assumes kg.
  await form.getByLabel('Unit').selectOption('kg');
  await form.getByLabel('Place').fill(f.place);
  if (f.lat !== undefined) await form.getByLabel('Latitude').fill(f.lat);
  if (f.lon !== undefined) await form.getByLabel('Longitude').fill(f.lon);
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
}
