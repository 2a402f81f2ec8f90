/**
 * Regression tests for the renderer bugs a break-test found, each in real headless Chromium
 * against the browser-mode host:
 * - a malformed audit entry written by another replica (`null`, `{ by: 5 }`, …) no longer blanks
 *   the window: the case opens and the overview shows; an unexpected rendering fault inside one
 *   card shows an error panel in that card only, with "Try again", and the app stays usable;
 * - inline case fields (lead agency, title) never write back a stale value a colleague changed
 *   meanwhile, on Tab or Enter, and follow remote changes while focused but untouched;
 * - the Edit seizure dialog sends only the fields the user changed, so two people editing
 *   different fields of one seizure both keep their change;
 * - the Add seizure form's country defaults to the case's first jurisdiction, else is empty and
 *   required; a seizure whose country is not a valid code shows "—", never a made-up name;
 * - the Valuation tab says "Not valued yet" (and shows no zero bars) when nothing is valued;
 * - a file over 45 MB is refused at once with its size; a `too-large` import commit is explained;
 * - the workspace map's popups show the reported value and source, and the hover tooltip closes
 *   when the popup opens;
 * - a KML file's fixed mapping (two properties on one field) is not flagged as an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { test, expect, repoRoot, type Host } from './fixtures';
import { caseDocNameOf, editAsRawPeer } from './raw-peer';
import { FRAME, decodeFrame, encodeFrame } from '../../shared/protocol/frames';

const KML = path.resolve(repoRoot, '../shared/cases/import/06-placemarks.kml');

async function createIdentity(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
  await page.getByLabel('Full name').fill('Siti Rahman');
  await page.getByLabel('Agency').fill('Singapore Customs');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Choose a workspace|Open a workspace/ })).toBeVisible();
}

/**
 * First run, a new workspace and one case (with `jurisdictions`, typed as codes); leaves the page
 * on the case overview. The lead agency starts as the creator's agency, "Singapore Customs".
 */
async function newCase(page: Page, host: Host, jurisdictions: string[] = ['SG']): Promise<void> {
  await page.goto(host.url);
  await createIdentity(page);
  await page.getByLabel('Workspace name').fill('NEST Singapore 2026');
  await page.getByLabel('Case prefix').fill('SGNEST');
  await page.getByLabel('Reporting currency').fill('SGD');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Pangolin scales via Pasir Panjang');
  for (const code of jurisdictions) {
    await dialog.getByLabel('Jurisdictions').fill(code);
    await dialog.getByLabel('Jurisdictions').press('Enter');
  }
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Pangolin scales via Pasir Panjang', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
}

/** First run and the demo workspace (6 cases, 59 seizures, nothing valued). */
async function openDemo(page: Page, host: Host): Promise<void> {
  await page.goto(host.url);
  await createIdentity(page);
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByRole('table', { name: 'Cases' }).locator('tbody tr')).toHaveCount(6);
}

/** A second tab of the same browser on the case `page` shows, on `tab`. */
async function sameCaseInNewTab(host: Host, page: Page, tab = ''): Promise<Page> {
  const hash = new URL(page.url()).hash.replace(/\/(seizures|map|valuation)(\/.*)?$/, '');
  const other = await host.openPage();
  await other.evaluate((h) => (window.location.hash = h), `${hash}${tab ? `/${tab}` : ''}`);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(await page.getByRole('heading', { level: 1 }).innerText());
  return other;
}

/**
 * Waits until `from`'s earlier writes have reached `to`: `from` changes the case status, and the
 * case's updates travel in order, so once `to` shows the new status it has everything before it.
 */
async function syncBarrier(from: Page, to: Page, status: 'Under investigation' | 'With prosecution'): Promise<void> {
  await from.getByLabel('Status', { exact: true }).selectOption({ label: status });
  await expect(to.getByLabel('Status', { exact: true }).locator('option:checked')).toHaveText(status);
}

/** Adds a seizure through the form (on the current case) and returns to the overview. */
async function addSeizure(page: Page, commodity: string, quantity: string): Promise<void> {
  await page.getByRole('button', { name: 'Add seizure' }).click();
  const form = page.getByRole('dialog', { name: 'Add a seizure' });
  await form.getByLabel('Commodity').fill(commodity);
  await form.getByLabel('Quantity').fill(quantity);
  await form.getByLabel('Seizing country').selectOption('SG');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
}

test('a malformed audit entry from another replica does not blank the case', async ({ page, host, cspViolations }) => {
  await newCase(page, host);
  await page.getByLabel('Lead agency').fill('Singapore Customs; NParks');
  await page.getByLabel('Lead agency').press('Tab');
  await expect(page.locator('section[aria-labelledby="activity-title"]')).toContainText('changed the lead agency');

  // A buggy or hostile peer appends entries of every wrong shape to the case's audit log.
  await editAsRawPeer(host.url, caseDocNameOf(page.url()), (doc) => {
    doc.getArray('audit').push([null, { by: 5 }, 'text', 42, { by: 'x', at: 'yesterday', action: { nested: true }, fields: 'title', count: 'many' }, [1, 2]]);
  });

  // The open window keeps working: the overview, its fields and the activity card are there.
  const activity = page.locator('section[aria-labelledby="activity-title"]');
  await expect(activity.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(activity).toContainText('changed the lead agency');
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
  await expect(page.getByLabel('Lead agency')).toHaveValue('Singapore Customs; NParks');

  // A window opened now opens the case and shows the overview too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pangolin scales via Pasir Panjang', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="activity-title"] li')).not.toHaveCount(0);
  await expect(page.getByText('This part of the case could not be shown')).toHaveCount(0);
  // …and it still edits: the next change appears in the activity log.
  await page.getByLabel('Lead agency').fill('Interpol');
  await page.getByLabel('Lead agency').press('Tab');
  await expect(page.locator('section[aria-labelledby="activity-title"] li').first()).toContainText('changed the lead agency');
  expect(cspViolations).toEqual([]);
});

test('a rendering fault in one card shows an error panel there; the rest of the app stays usable', async ({ page, host }) => {
  await newCase(page, host);
  const activity = page.locator('section[aria-labelledby="activity-title"]');
  await expect(activity).toContainText('created the case');

  // Simulate an unexpected fault in code only the activity card runs (its time tooltips).
  await page.evaluate(() => {
    const w = window as unknown as { realGetHours?: () => number };
    w.realGetHours = Date.prototype.getHours;
    Date.prototype.getHours = function () {
      throw new Error('Simulated rendering fault');
    };
  });
  await page.getByLabel('Lead agency').fill('Singapore Customs; NParks');
  await page.getByLabel('Lead agency').press('Tab');

  const panel = page.getByRole('alert').filter({ hasText: 'This part of the case could not be shown' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Simulated rendering fault');
  // The rest of the case and the app work.
  await expect(page.getByRole('heading', { name: 'Case details' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pangolin scales via Pasir Panjang', level: 1 })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Pangolin scales via Pasir Panjang, 2019');
  await page.getByLabel('Title', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales via Pasir Panjang, 2019');

  // Once the cause is gone, "Try again" shows the card again.
  await page.evaluate(() => {
    const w = window as unknown as { realGetHours: () => number };
    Date.prototype.getHours = w.realGetHours;
  });
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(activity).toContainText('changed the lead agency');
  await expect(panel).toHaveCount(0);
  await page.getByRole('link', { name: 'Cases' }).first().click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
});

test('inline case fields never write back a value a colleague changed meanwhile', async ({ page, host }) => {
  await newCase(page, host);
  const a = page;
  const b = await sameCaseInNewTab(host, a);
  const leadA = a.getByLabel('Lead agency');
  const leadB = b.getByLabel('Lead agency');
  const titleA = a.getByLabel('Title', { exact: true });
  const titleB = b.getByLabel('Title', { exact: true });

  // Tab: B clicks into Lead agency without typing; A sets "Interpol" and tabs away; B presses Tab.
  await leadB.click();
  await leadA.fill('Interpol');
  await leadA.press('Tab');
  await expect(a.getByText('Lead: Interpol')).toBeVisible();
  await expect(b.getByText('Lead: Interpol')).toBeVisible(); // B has A's change before it tabs away
  await leadB.press('Tab');
  await syncBarrier(b, a, 'Under investigation');
  await expect(leadA).toHaveValue('Interpol');
  await expect(leadB).toHaveValue('Interpol');
  await expect(a.getByText('Lead: Interpol')).toBeVisible();
  await expect(b.getByText('Lead: Interpol')).toBeVisible();

  // Enter: B clicks into the title; A renames the case; B presses Enter.
  await titleB.click();
  await titleA.fill('Pangolin scales and ivory via Pasir Panjang');
  await titleA.press('Enter');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales and ivory via Pasir Panjang');
  await titleB.press('Enter');
  await syncBarrier(b, a, 'With prosecution');
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales and ivory via Pasir Panjang');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Pangolin scales and ivory via Pasir Panjang');
  await expect(titleB).toHaveValue('Pangolin scales and ivory via Pasir Panjang');

  // A focused, untouched field follows remote changes.
  await leadB.click();
  await leadA.fill('Interpol Environmental Security');
  await leadA.press('Tab');
  await expect(leadB).toBeFocused();
  await expect(leadB).toHaveValue('Interpol Environmental Security');

  // What a user did type is saved (that field only) on Tab; Escape still undoes typing.
  await leadB.fill('Interpol; ASEAN-WEN');
  await leadB.press('Tab');
  await expect(leadA).toHaveValue('Interpol; ASEAN-WEN');
  await expect(titleA).toHaveValue('Pangolin scales and ivory via Pasir Panjang');
  await leadB.fill('Something else');
  await leadB.press('Escape');
  await expect(leadB).toHaveValue('Interpol; ASEAN-WEN');
  await leadB.press('Tab');
  await syncBarrier(b, a, 'Under investigation');
  await expect(leadA).toHaveValue('Interpol; ASEAN-WEN');
});

test('two people editing different fields of one seizure both keep their change', async ({ page, host }) => {
  await newCase(page, host);
  await addSeizure(page, 'pangolin scales', '12');
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const a = page;
  const b = await sameCaseInNewTab(host, a, 'seizures');
  for (const p of [a, b]) {
    await p.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' }).click();
    await p.getByRole('complementary', { name: 'pangolin scales' }).getByRole('button', { name: 'Edit' }).click();
  }
  const editA = a.getByRole('dialog', { name: 'Edit seizure' });
  const editB = b.getByRole('dialog', { name: 'Edit seizure' });
  await editB.getByLabel('Quantity').fill('250');
  await editB.getByRole('button', { name: 'Save changes' }).click();
  await expect(editB).toBeHidden();
  // A's table (behind its dialog) has B's change before A saves.
  await expect(a.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' })).toContainText('250 kg');
  await editA.getByLabel('Notes').fill('Weighed again at the port.');
  await editA.getByRole('button', { name: 'Save changes' }).click();
  await expect(editA).toBeHidden();
  for (const p of [a, b]) {
    // The note first: once a page shows it, it has A's save, and the quantity must still be B's.
    await expect(p.getByRole('complementary', { name: 'pangolin scales' })).toContainText('Weighed again at the port.');
    await expect(p.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' })).toContainText('250 kg');
    await expect(p.getByRole('complementary', { name: 'pangolin scales' })).toContainText('250 kg');
  }
  // An untouched field of an open dialog shows a colleague's change as it arrives.
  await a.getByRole('complementary', { name: 'pangolin scales' }).getByRole('button', { name: 'Edit' }).click();
  await b.getByRole('complementary', { name: 'pangolin scales' }).getByRole('button', { name: 'Edit' }).click();
  await editB.getByLabel('Operation').fill('Thunder 2026');
  await editB.getByRole('button', { name: 'Save changes' }).click();
  await expect(editB).toBeHidden();
  await expect(editA.getByLabel('Operation')).toHaveValue('Thunder 2026');
  await editA.getByRole('button', { name: 'Save changes' }).click();
  await expect(editA).toBeHidden();
  await expect(b.getByRole('complementary', { name: 'pangolin scales' })).toContainText('Thunder 2026');
});

test('the Add seizure form defaults the country to the case jurisdiction, else asks for it', async ({ page, host }) => {
  await newCase(page, host, ['VN', 'SG']);
  await page.getByRole('button', { name: 'Add seizure' }).click();
  let form = page.getByRole('dialog', { name: 'Add a seizure' });
  await expect(form.getByLabel('Seizing country')).toHaveValue('VN');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Without jurisdictions the country starts empty and is required.
  await page.getByRole('button', { name: 'Remove Viet Nam' }).or(page.getByRole('button', { name: 'Remove Vietnam' })).click();
  await page.getByRole('button', { name: 'Remove Singapore' }).click();
  await expect(page.getByText(/\d jurisdictions?/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Add seizure' }).click();
  form = page.getByRole('dialog', { name: 'Add a seizure' });
  const country = form.getByLabel('Seizing country');
  await expect(country).toHaveValue('');
  await expect(form.locator('[data-field="country"]')).toContainText('Choose the country');
  await form.getByLabel('Commodity').fill('rosewood logs');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form.locator('[data-field="country"]').getByRole('alert')).toHaveText('Is required: choose the country');
  await expect(country).toBeFocused();
  await country.selectOption('KE');
  await expect(form.locator('[data-field="country"]').getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('tab', { name: /Seizures/ }).click();
  await expect(page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'rosewood logs' })).toContainText('Kenya');
});

test('a seizure whose country is not a valid code shows "—", not a made-up country', async ({ page, host }) => {
  await newCase(page, host);
  await addSeizure(page, 'pangolin scales', '12');
  // Another replica (an older or buggy peer) stores a country that is not an ISO code.
  await editAsRawPeer(host.url, caseDocNameOf(page.url()), (doc) => {
    const seizures = doc.getMap<Y.Map<unknown>>('seizures');
    for (const rec of seizures.values()) rec.set('country', 'XX');
  });
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const row = page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' });
  await expect(row.locator('.col-place .cell-primary')).toHaveText('—');
  await expect(row).not.toContainText('Singapore');
  await row.click();
  const detail = page.getByRole('complementary', { name: 'pangolin scales' });
  await expect(detail).not.toContainText('Singapore');
  await expect(detail.locator('.card-header')).toContainText('· —');
});

test('the Valuation tab says "Not valued yet" instead of a zero total and zero bars', async ({ page, host }) => {
  await openDemo(page, host);
  await page.getByRole('link', { name: /Ivory, pangolin scale and rhino horn/ }).click();
  await page.getByRole('tab', { name: /Valuation/ }).click();
  const tab = page.getByTestId('valuation-tab');
  await expect(page.getByRole('table', { name: 'Seizure valuations' }).locator('tbody tr').first()).toBeVisible();
  await expect(tab.getByTestId('case-total-usd')).toHaveText('Not valued yet — assign prices to seizures');
  await expect(tab.getByTestId('case-total')).not.toContainText('USD 0');
  await expect(tab.getByTestId('case-total-reporting')).toHaveCount(0);
  const charts = page.getByTestId('valuation-charts');
  await expect(charts).toContainText('No estimate to chart yet');
  await expect(charts.locator('[data-bar]')).toHaveCount(0);
  await expect(charts.getByRole('img')).toHaveCount(0);
  // The workspace-wide estimate says the same.
  await page.getByRole('link', { name: 'Estimates' }).click();
  await expect(page.getByTestId('network-total-usd')).toHaveText('Not valued yet — assign prices to seizures');
  await expect(page.getByTestId('valuation-charts')).toContainText('No estimate to chart yet');
});

test('a file over 45 MB is refused at once, with its size and what to do', async ({ page, host }) => {
  await newCase(page, host);
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nest-big-')), 'seizures-60mb.csv');
  const line = 'seizure_date,country_iso2,commodity,quantity,unit\n';
  const row = '2019-07-21,SG,pangolin scales,11.9,t\n';
  const fd = fs.openSync(big, 'w');
  fs.writeSync(fd, line);
  const chunk = row.repeat(Math.ceil((1024 * 1024) / row.length));
  for (let written = line.length; written < 60 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  fs.truncateSync(big, 60 * 1024 * 1024);
  try {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const imp = page.getByRole('dialog', { name: /Import seizures/ });
    await imp.getByTestId('import-file').setInputFiles(big);
    const alert = imp.getByRole('alert');
    await expect(alert).toContainText('This file is 60 MB; files up to 45 MB can be imported here — split it, or use npm run import for larger files');
    await expect(alert).not.toContainText('Something went wrong');
    await expect(imp).toContainText('Up to 45 MB');
    // Nothing was sent: the connection is fine and the picker is still there.
    await expect(page.locator('.conn')).toHaveAttribute('data-state', 'open');
    await expect(imp.getByTestId('import-file')).toBeAttached();
  } finally {
    fs.rmSync(path.dirname(big), { recursive: true, force: true });
  }
});

test('an import refused as too large for the case says why in the dialog', async ({ page, host }) => {
  const refusal = 'The case would have 10,059 seizures; a case holds at most 10,000. Split the file or import it into a new case.';
  // The data service's answer to import.commit is replaced by its `too-large` refusal.
  await page.routeWebSocket(/\/rpc$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : new Uint8Array(message);
      const f = decodeFrame(bytes);
      if (f.type === FRAME.RPC_REQUEST && f.method === 'import.commit') {
        ws.send(Buffer.from(encodeFrame({ type: FRAME.RPC_RESPONSE, id: f.id, ok: false, body: { code: 'too-large', message: refusal } })));
      } else server.send(message);
    });
  });
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(path.resolve(repoRoot, '../shared/data/seizures-public.csv'));
  await expect(imp.getByTestId('import-dryrun').getByTestId('report-imported')).toHaveText('59');
  await imp.getByRole('button', { name: /Import 59 seizures/ }).click();
  const alert = imp.getByRole('alert').filter({ hasText: refusal });
  await expect(alert).toBeVisible();
  await expect(alert).toBeInViewport();
  await expect(alert).toContainText('Nothing was imported');
  await expect(imp.getByRole('button', { name: /Import 59 seizures/ })).toBeVisible();
});

test('workspace map popups show the reported value and source; the tooltip closes when the popup opens', async ({ page, host }) => {
  await openDemo(page, host);
  await page.getByRole('link', { name: 'Seizure map' }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map.locator('path.seizure-marker')).toHaveCount(59);
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await page.waitForTimeout(400); // let the fit-bounds animation settle before pointing at a marker
  // Markers come in date order; the 33rd is the only seizure of 1 Jun 2019 and far from any other
  // (gold, Goiânia airport, Brazil: known to the month, reported BRL 18,000,000).
  const marker = map.locator('path.seizure-marker').nth(32);
  await marker.hover({ force: true });
  await expect(page.locator('.leaflet-tooltip')).toHaveCount(1);
  await expect(page.locator('.leaflet-tooltip')).toHaveText('gold — Goiania airport (Santa Genoveva)');
  await marker.click({ force: true });
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toBeVisible();
  await expect(page.locator('.leaflet-tooltip')).toHaveCount(0);
  await expect(popup.locator('.map-popup-title')).toHaveText('gold');
  const fact = (name: string) => popup.locator('dt', { hasText: name }).locator('+ dd');
  await expect(fact('Reported value')).toHaveText('BRL 18,000,000');
  await expect(fact('Source')).toHaveText('Policia apreende 111 quilos de ouro no aeroporto de Goiania');
  await expect(fact('Date')).toHaveText('Jun 2019'); // at its precision, not "1 Jun 2019"
  await expect(fact('Country')).toHaveText('Brazil (BR)');
  await expect(popup).toContainText(`DEMO-${new Date().getFullYear()}-`);
});

test('a KML file\'s fixed mapping of two properties to one field is a note, not an error', async ({ page, host }) => {
  await openDemo(page, host);
  await page.getByRole('link', { name: /Rosewood and illegal timber/ }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(KML);
  await expect(imp.getByTestId('mapping-source')).toContainText('Set by the format');
  const table = imp.getByRole('table', { name: 'Column mapping' });
  await expect(table).toBeVisible();
  await expect(table.locator('.field-error')).toHaveCount(0);
  await expect(table.locator('select[aria-invalid="true"]')).toHaveCount(0);
  await expect(table).not.toContainText('Also used by another column');
  await expect(table.getByText(/first non-empty value is used/).first()).toBeVisible();
  await expect(imp.getByRole('button', { name: /Import 2 seizures/ })).toBeEnabled();
});
