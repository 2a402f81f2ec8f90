/**
 * Issue 12's "Done when" walk-through, built through the UI of two desktops (two members, one
 * relay) from public facts: the 2019 Singapore pangolin-scale seizures of
 * ../shared/data/seizures-public.csv (P03 and P04 of 3 Apr 2019, P05 of 8 Apr 2019: dates,
 * quantities, values, agencies and sources as reported). The press releases name no shipping
 * company, vessel or consignee, so those three are illustrative (fictional names, a real-format
 * IMO number with a valid check digit, in a range not assigned to ships) and say so in their notes.
 *
 * Steps: the case and its two seizures, the shipping company, the vessel and the consignee, links
 * between them and to the seizure; a second case naming the same vessel IMO → "also in" on the
 * entity, the Shared identifiers view and a bridge in the link chart; the notes edited by both
 * members at once (each sees both edits and the other's caret with their name); the history
 * sentence for a changed flag (old → new); the link chart. Screenshots: docs/screenshots/case-realistic-*.png
 * and notes.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, repoRoot, stopHost } from './fixtures';
import { startRelay, type E2eRelay } from './relay-process';
import { connectAndRegister, invite, openDesktop, SYNC_TIMEOUT, type Desktop } from './desktops';
import { pickSeizure } from './seizure-picker';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
/** Saves docs/screenshots/case-realistic-<name>.png once the confirmations ("Link added"…) have gone: they would hide the panel. */
async function shot(p: Page, name: string): Promise<void> {
  await expect(p.locator('.toast')).toHaveCount(0, { timeout: 20_000 });
  await p.screenshot({ path: path.join(SHOTS, `case-realistic-${name}.png`) });
}

/** Illustrative vessel: IMO 4712390 (4·7+7·6+1·5+2·4+3·3+9·2 = 110 → check digit 0). */
const IMO = '4712390';
const ILLUSTRATIVE = 'Illustrative: the public reports do not name it.';

/** A seizure as a member types it from a row of seizures-public.csv. */
interface Row {
  date: string;
  commodity: string;
  taxon: string;
  quantity: string;
  unit: 't' | 'kg';
  value: string;
  agencies: string;
  sourceTitle: string;
  sourceUrl: string;
  notes: string;
}

const P03: Row = {
  date: '2019-04-03',
  commodity: 'pangolin scales',
  taxon: 'Smutsia gigantea; Phataginus tetradactyla; Smutsia temminckii; Phataginus tricuspis',
  quantity: '12.9',
  unit: 't',
  value: '52300000',
  agencies: 'Singapore Customs; National Parks Board (NParks)',
  sourceTitle: 'World record haul of pangolin scales worth $52 million seized from container at Pasir Panjang',
  sourceUrl: 'https://www.straitstimes.com/singapore/environment/record-haul-of-pangolin-scales-worth-52-million-seized-from-container-at-pasir',
  notes: 'One container declared as frozen beef; 230 bags; estimated 17,000 pangolins.',
};
const P04: Row = { ...P03, commodity: 'elephant ivory (cut and carved)', taxon: 'Elephantidae', quantity: '177', unit: 'kg', value: '120000', notes: 'Found alongside the scales in the same container.' };
const P05: Row = {
  date: '2019-04-08',
  commodity: 'pangolin scales',
  taxon: 'Phataginus tricuspis; Smutsia gigantea',
  quantity: '12.7',
  unit: 't',
  value: '51600000',
  agencies: 'National Parks Board (NParks); Singapore Customs; Immigration & Checkpoints Authority (ICA)',
  sourceTitle: 'Singapore seizes 12.7 tonnes of pangolin scales, second haul in a week',
  sourceUrl: 'https://d3nswtlfrb5i3e.cloudfront.net/node/82627',
  notes: '40-ft container declared as cassia seeds; 474 bags; about 21,000 pangolins.',
};

async function newCase(a: Page, title: string): Promise<string> {
  await a.locator('a.nav-link').filter({ hasText: /^Cases/ }).click(); // the sidebar's (the breadcrumb has one too)
  await a.getByRole('button', { name: 'New case' }).click();
  const dialog = a.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('TLP marking').selectOption('AMBER');
  for (const code of ['SG', 'NG', 'VN']) {
    await dialog.getByLabel('Jurisdictions').fill(code);
    await dialog.getByLabel('Jurisdictions').press('Enter');
  }
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(a.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  return new URL(a.url()).hash.replace(/\/seizures$/, '');
}

async function addSeizure(a: Page, r: Row): Promise<void> {
  await a.getByRole('tab', { name: /Seizures/ }).click();
  await a.getByRole('button', { name: 'Add seizure' }).first().click();
  const form = a.getByRole('dialog', { name: 'Add a seizure' });
  await form.getByLabel('Commodity').fill(r.commodity);
  await form.getByLabel('Sector').selectOption('wildlife');
  await form.getByLabel('Taxon').fill(r.taxon);
  await form.getByLabel('Quantity').fill(r.quantity);
  await form.getByLabel('Unit').selectOption(r.unit);
  await form.getByLabel('Seizure date').fill(r.date);
  await form.getByLabel('Seizing country').selectOption('SG');
  await form.getByLabel('Place').fill('Pasir Panjang Export Inspection Station, Singapore');
  await form.getByLabel('Latitude').fill('1.274');
  await form.getByLabel('Longitude').fill('103.764');
  await form.getByLabel('Seizing agencies').fill(r.agencies);
  await form.getByLabel('Reported value').fill(r.value);
  await form.getByLabel('Currency').fill('SGD');
  await form.getByLabel('Source title').fill(r.sourceTitle);
  await form.getByLabel('Source URL').fill(r.sourceUrl);
  await form.getByLabel('Notes').fill(r.notes);
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
  await a.getByRole('button', { name: 'Close seizure detail' }).click();
}

/** Adds an entity through the form: `kind` as its radio's label, fields by their labels. */
async function addEntity(a: Page, kind: string, fields: [RegExp | string, string][]): Promise<void> {
  await a.getByRole('button', { name: 'Add entity' }).click();
  const dialog = a.getByRole('dialog', { name: 'Add entity' });
  await dialog.getByRole('radio', { name: kind }).click();
  for (const [label, value] of fields) await dialog.getByLabel(label, typeof label === 'string' ? { exact: true } : undefined).fill(value);
  await dialog.getByRole('button', { name: `Add ${kind}` }).click();
  await expect(dialog).toBeHidden();
}

/** A link's other end: an entity's option label, or a seizure found with the seizure picker by words and a text of its option. */
type LinkEnd = string | { seizure: string; hasText: string };

async function addLink(a: Page, from: string, relationship: string, to: LinkEnd, source: string): Promise<void> {
  await a.getByRole('table', { name: 'Entities' }).locator('tbody tr').filter({ hasText: from }).click();
  const detail = a.getByRole('complementary', { name: from });
  await detail.getByRole('button', { name: 'Add link' }).click();
  const dialog = a.getByRole('dialog', { name: 'Add link' });
  await dialog.getByLabel('Relationship').selectOption({ label: relationship });
  if (typeof to === 'string') await dialog.getByLabel('To', { exact: true }).selectOption({ label: to });
  else {
    await dialog.getByRole('radio', { name: 'A seizure' }).check();
    await pickSeizure(dialog, 'To', { words: to.seizure, hasText: to.hasText });
  }
  await dialog.getByLabel(/Source/).fill(source);
  await dialog.getByRole('button', { name: 'Add link' }).click();
  await expect(dialog).toBeHidden();
}

test('a realistic case from the 2019 Singapore pangolin seizures: entities, cross-case match, shared notes, history, link chart', async ({ browser }) => {
  test.setTimeout(900_000); // two hosts and a relay compiled by tsx on a loaded machine take minutes to start
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-b-'))];
  const relay: E2eRelay = await startRelay({ startTimeoutMs: 180_000 });
  const desktops: Desktop[] = [];
  try {
    const A = await openDesktop(browser, dirs[0]!);
    desktops.push(A);
    const B = await openDesktop(browser, dirs[1]!);
    desktops.push(B);
    const a = A.page;
    const b = B.page;

    // ---- A: the Singapore Customs analyst sets up the workspace, the relay and invites NParks. ----
    await expect(a.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
    await a.getByLabel('Full name').fill('Siti Rahman');
    await a.getByLabel('Agency').fill('Singapore Customs');
    await a.getByRole('radio', { name: /Workspace admin/ }).check();
    await a.getByRole('button', { name: 'Continue' }).click();
    await a.getByLabel('Workspace name').fill('NEST Singapore 2026');
    await a.getByLabel('Case prefix').fill('SGNEST');
    await a.getByLabel('Reporting currency').fill('SGD');
    await a.getByRole('button', { name: 'Create workspace' }).click();
    await expect(a.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    await connectAndRegister(a, relay);
    const invitation = await invite(a, 'Wei Ling Tan', 'National Parks Board');
    await b.getByRole('button', { name: 'Join a workspace' }).click();
    const join = b.getByRole('dialog', { name: 'Join a workspace' });
    await join.getByRole('textbox', { name: 'Invitation' }).fill(invitation);
    await join.getByRole('button', { name: 'Join NEST Singapore 2026' }).click();
    await expect(b.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

    // ---- Case 1 and its seizures (P03, P04). ----
    const title1 = 'Pangolin scales declared as frozen beef, Pasir Panjang';
    const case1 = await newCase(a, title1);
    await addSeizure(a, P03);
    await addSeizure(a, P04);
    const seizures = a.getByRole('table', { name: 'Seizures' });
    await expect(seizures.locator('tbody tr')).toHaveCount(2);
    await expect(seizures.locator('tbody tr').filter({ hasNotText: 'ivory' })).toContainText('12.9');
    await shot(a, 'seizures');

    // ---- Entities: the shipping company, the vessel, the consignee; links between them. ----
    await a.getByRole('tab', { name: /Entities/ }).click();
    await addEntity(a, 'Organisation', [['Name', 'Gulf Coast Maritime Ltd'], [/Registration number/, 'RC 1482736'], [/Jurisdiction/, 'NG'], [/^Notes/, `Shipping company. ${ILLUSTRATIVE}`]]);
    await addEntity(a, 'Vessel', [['Name', 'Ebony Coast'], [/IMO number/, `IMO ${IMO}`], [/MMSI/, '636019825'], [/Flag/, 'LR'], [/^Notes/, `Container ship that carried the container. ${ILLUSTRATIVE}`]]);
    await addEntity(a, 'Organisation', [['Name', 'Hai Long Import-Export Co., Ltd'], [/Registration number/, '0201234567'], [/Jurisdiction/, 'VN'], [/^Notes/, `Consignee in Hai Phong. ${ILLUSTRATIVE}`]]);
    const entities = a.getByRole('table', { name: 'Entities' });
    await expect(entities.locator('tbody tr')).toHaveCount(3);
    await expect(entities.locator('tbody tr').filter({ hasText: 'Ebony Coast' })).toContainText(`IMO ${IMO}`);
    const source = 'Bill of lading (illustrative)';
    await addLink(a, 'Gulf Coast Maritime Ltd', 'operator of', 'Ebony Coast — Vessel', source);
    await addLink(a, 'Hai Long Import-Export Co., Ltd', 'consignee of', { seizure: 'pangolin scales', hasText: '3 Apr 2019' }, source);
    await addLink(a, 'Ebony Coast', 'involved in', { seizure: 'pangolin scales', hasText: '3 Apr 2019' }, source);
    const vesselDetail = a.getByRole('complementary', { name: 'Ebony Coast' });
    await expect(vesselDetail.getByTestId('entity-link')).toHaveCount(2);
    await expect(vesselDetail.getByTestId('also-in')).toContainText('Not found in any other case you can see.');
    await shot(a, 'entities');

    // ---- Case 2 (P05) names the same vessel IMO: the match appears in case 1. ----
    const title2 = 'Pangolin scales declared as cassia seeds, Pasir Panjang';
    await newCase(a, title2);
    await addSeizure(a, P05);
    await a.getByRole('tab', { name: /Entities/ }).click();
    await addEntity(a, 'Vessel', [['Name', 'MV Ebony Coast'], [/IMO number/, IMO], [/Flag/, 'LR'], [/^Notes/, ILLUSTRATIVE]]);
    await a.evaluate((h) => (window.location.hash = `${h}/entities`), case1);
    await expect(a.getByRole('heading', { name: title1, level: 1 })).toBeVisible();
    await a.getByRole('table', { name: 'Entities' }).locator('tbody tr').filter({ hasText: 'Ebony Coast' }).click();
    const alsoIn = a.getByRole('complementary', { name: 'Ebony Coast' }).getByTestId('also-in');
    await expect(alsoIn).toContainText(`Case SGNEST-2026-0002 “${title2}”: as MV Ebony Coast (IMO ${IMO})`);
    await expect(alsoIn).toContainText('Identifier match');
    await shot(a, 'also-in');
    await a.getByRole('link', { name: 'Shared identifiers' }).click();
    const shared = a.getByRole('table', { name: 'Shared identifiers' });
    await expect(shared.locator('tbody tr').first()).toContainText(IMO);
    await expect(shared.locator('tbody tr').first()).toContainText('Identifier match');
    await expect(shared.locator('tbody tr').first()).toContainText('SGNEST-2026-0001');
    await expect(shared.locator('tbody tr').first()).toContainText('SGNEST-2026-0002');
    await shot(a, 'shared-identifiers');

    // ---- Notes: both members edit at once, each sees both edits and the other's caret. ----
    await a.evaluate((h) => (window.location.hash = `${h}/notes`), case1);
    // Wei Ling follows a link to the case, possibly before the relay has delivered it to her
    // desktop: the case screen waits for it and opens it when it arrives.
    await b.evaluate((h) => (window.location.hash = `${h}/notes`), case1);
    const editorA = a.getByRole('textbox', { name: 'Case notes' });
    const editorB = b.getByRole('textbox', { name: 'Case notes' });
    await expect(editorA).toBeVisible();
    await expect(editorB).toBeVisible({ timeout: SYNC_TIMEOUT });
    await editorA.click();
    await a.getByRole('button', { name: 'Heading 2' }).click();
    await a.keyboard.type('Facts from the public reports');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Container declared as frozen beef, 230 bags, Nigeria to Viet Nam via Singapore.');
    await expect(editorB).toContainText('230 bags', { timeout: SYNC_TIMEOUT });
    await expect(editorB.locator('h2')).toHaveText('Facts from the public reports');
    await editorB.click();
    await b.keyboard.press('Control+End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('NParks: species identified as four African pangolin species.');
    await editorA.click();
    await a.keyboard.press('Control+End');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Customs: request the bill of lading from the carrier.');
    await expect(editorA).toContainText('four African pangolin species', { timeout: SYNC_TIMEOUT });
    await expect(editorB).toContainText('request the bill of lading', { timeout: SYNC_TIMEOUT });
    await expect(a.locator('.collab-caret-label', { hasText: 'Wei Ling Tan' })).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(b.locator('.collab-caret-label', { hasText: 'Siti Rahman' })).toBeVisible({ timeout: SYNC_TIMEOUT });
    await shot(a, 'notes-a');
    await a.screenshot({ path: path.join(SHOTS, 'notes.png') }); // the notes screen of the user guide: two members, not two windows of one
    await shot(b, 'notes-b');

    // ---- History: the vessel's flag changes; the overview reads it as a sentence, old → new. ----
    await a.getByRole('tab', { name: /Entities/ }).click();
    await a.getByRole('table', { name: 'Entities' }).locator('tbody tr').filter({ hasText: 'Ebony Coast' }).click();
    await a.getByRole('complementary', { name: 'Ebony Coast' }).getByRole('button', { name: 'Edit' }).click();
    const edit = a.getByRole('dialog', { name: 'Edit Vessel' });
    await edit.getByLabel(/Flag/).fill('PA');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await a.getByRole('tab', { name: 'Overview' }).click();
    const log = a.getByTestId('activity-log');
    await expect(log).toContainText('Siti Rahman (Singapore Customs) changed the flag from Liberia to Panama of the vessel “Ebony Coast”');
    await expect(log).toContainText('added the seizure');
    await log.scrollIntoViewIfNeeded();
    await shot(a, 'history');

    // ---- The link chart: the three entities, the linked seizure, and the bridge to case 2. ----
    await a.getByRole('tab', { name: /Link chart/ }).click();
    const text = a.getByTestId('link-chart-text');
    // The bridge comes from an RPC (entities.alsoIn) answered after the doc's own nodes: give a loaded machine time.
    await expect(text.locator('[data-node-id]')).toHaveCount(5, { timeout: SYNC_TIMEOUT });
    await expect(text.locator('[data-node-id^="case:"]')).toContainText('SGNEST-2026-0002');
    await expect(text.locator('[data-edge-id]')).toContainText(['Gulf Coast Maritime Ltd — operator of — Ebony Coast']);
    await expect(a.getByTestId('link-chart')).toHaveAttribute('data-positions', /\{/);
    await shot(a, 'link-chart');
  } finally {
    for (const d of desktops) {
      await d.context.close();
      await stopHost(d.child);
    }
    await relay.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});
