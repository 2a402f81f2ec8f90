/**
 * The "Foundation" journey in real headless Chromium against the browser-mode host:
 * first run (identity, workspace), a new case, importing the public seizure data set through
 * the file picker (59 seizures in the table and 59 markers on the offline map), persistence
 * across a reload, a second tab seeing an edit live, a validation message next to a bad
 * latitude, and the demo workspace with its 6 cases. No request may leave 127.0.0.1.
 * Screenshots for docs/screenshots/ are taken on the way.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, offHost, repoRoot } from './fixtures';
import { seriousAxeViolations } from './axe';
import { chooseExport } from './export-menu';
import { mapStill } from './map-still';

const PUBLIC_CSV = path.resolve(repoRoot, '../shared/data/seizures-public.csv');
const KML = path.resolve(repoRoot, '../shared/cases/import/06-placemarks.kml');
const BAD_ROWS_CSV = path.resolve(repoRoot, '../shared/cases/import/05-bad-rows.csv');
const SHOTS = path.join(repoRoot, 'docs/screenshots');

async function createIdentity(page: Page, name = 'Siti Rahman', agency = 'Singapore Customs'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Agency').fill(agency);
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Choose a workspace|Open a workspace/ })).toBeVisible();
}

test('first run, case, import, map, reload, live edit in a second tab, validation', async ({ page, host, requests, cspViolations }) => {
  test.setTimeout(240_000); // the longest journey: two imports, a reload, a second tab, an edit, exports; on a shared machine
  await page.goto(host.url);

  // First run: the identity form refuses empty fields, with the message next to the field.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Is required').first()).toBeVisible();
  await page.getByLabel('Full name').fill('Siti Rahman');
  await page.getByLabel('Agency').fill('Singapore Customs');
  await expect(page.getByText('Is required')).toHaveCount(0); // messages clear as fields are corrected
  await page.screenshot({ path: path.join(SHOTS, 'first-run.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await createIdentity(page);
  await page.screenshot({ path: path.join(SHOTS, 'workspace-chooser.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Create a workspace.
  await page.getByLabel('Workspace name').fill('NEST Singapore 2026');
  await page.getByLabel('Case prefix').fill('SGNEST');
  await page.getByLabel('Reporting currency').fill('SGD');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByText('No cases yet')).toBeVisible();

  // Create a case (the title is required: the message appears next to it first).
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog.getByText('Is required')).toBeVisible();
  await dialog.getByLabel('Title').fill('Public seizure reports 2012–2025');
  await dialog.getByLabel('TLP marking').selectOption('GREEN');
  await dialog.getByLabel('Jurisdictions').fill('Singapore (SG)');
  await dialog.getByLabel('Jurisdictions').press('Enter');
  await dialog.getByLabel('Jurisdictions').fill('VN');
  await dialog.getByLabel('Jurisdictions').press('Enter');
  await expect(dialog.getByText('Viet Nam').or(dialog.getByText('Vietnam'))).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'new-case.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Public seizure reports 2012–2025', level: 1 })).toBeVisible();
  await expect(page.getByText('SGNEST-2026-0001').first()).toBeVisible();
  await expect(page.getByText('No seizures in this case yet')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'case-empty.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Import the public data set through the file picker.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(PUBLIC_CSV);
  await expect(imp.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await expect(imp.getByTestId('mapping-source')).toContainText('Standard layout');
  await expect(imp.getByTestId('import-dryrun').getByTestId('report-imported')).toHaveText('59');
  await page.screenshot({ path: path.join(SHOTS, 'import-mapping.png') });
  await imp.getByText(/^Show the first \d+ rows as they are in the file$/).click();
  await expect(imp.getByRole('table', { name: 'First rows of the file' }).locator('tbody tr').first()).toContainText('Pasir Panjang');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await imp.getByRole('button', { name: /Import 59 seizures/ }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByTestId('import-report').getByTestId('report-imported')).toHaveText('59');
  await page.screenshot({ path: path.join(SHOTS, 'import-report.png') });
  await report.getByRole('button', { name: 'Done' }).click();

  // 59 seizures in the table (virtualised: the rows in view are drawn, aria-rowcount counts them all with the header).
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const seizureTable = page.getByRole('table', { name: 'Seizures' });
  const rows = seizureTable.locator('tbody tr[data-seizure-id]');
  await expect(seizureTable).toHaveAttribute('aria-rowcount', '60');
  await expect(page.locator('.toolbar-count')).toHaveText('59 seizures');
  await expect(rows.first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'case.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await rows.filter({ hasText: 'pangolin scales' }).first().click();
  await expect(page.getByTestId('source-url')).toContainText('https://');
  await page.screenshot({ path: path.join(SHOTS, 'seizure-detail.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close seizure detail' }).click();

  // 59 markers on the offline map.
  await page.getByRole('tab', { name: /Map/ }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await expect(map).toHaveAttribute('data-shown', '59'); // clustered: badges and markers stand for all 59
  await mapStill(map); // the fit-bounds animation ends before the screenshot
  await page.screenshot({ path: path.join(SHOTS, 'case-map.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Reload: everything is still there.
  await page.reload();
  await expect(page.getByTestId('seizure-map')).toHaveAttribute('data-shown', '59');
  await page.getByRole('tab', { name: /Seizures/ }).click();
  await expect(page.getByRole('table', { name: 'Seizures' })).toHaveAttribute('aria-rowcount', '60');

  // A second tab on the same case sees an edit made in the first within 1 s.
  const caseHash = new URL(page.url()).hash.replace(/\/seizures$/, '');
  const second = await host.openPage();
  await second.evaluate((h) => (window.location.hash = h), caseHash);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Public seizure reports 2012–2025');
  await expect(second.getByTestId('presence-count')).toContainText('Siti Rahman');
  await page.getByRole('tab', { name: 'Overview' }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Pangolin, ivory and timber seizures — Asia hub');
  await title.press('Enter');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Pangolin, ivory and timber seizures — Asia hub', { timeout: 1000 });
  await expect(second).toHaveTitle('SGNEST-2026-0001 · Pangolin, ivory and timber seizures — Asia hub — NEST Desk');
  // …and the summary typed in the second tab appears in the first, also live.
  await second.getByRole('tab', { name: 'Overview' }).click();
  await second.getByLabel('Case summary').fill('Joint review of public seizure reports: pangolin scales and ivory shipped from West and Central Africa to Viet Nam via Singapore.');
  await expect(page.getByLabel('Case summary')).toHaveValue(/^Joint review of public seizure reports/, { timeout: 1000 });
  // Both tabs type into the summary at the same time, at opposite ends: both texts are kept.
  const sumA = page.getByLabel('Case summary');
  const sumB = second.getByLabel('Case summary');
  await sumA.focus();
  await sumA.press('Control+End');
  await sumB.focus();
  await sumB.press('Control+Home');
  await Promise.all([sumA.pressSequentially(' Seized goods were declared as timber or frozen beef.', { delay: 15 }), sumB.pressSequentially('Priority review. ', { delay: 15 })]);
  const merged = 'Priority review. Joint review of public seizure reports: pangolin scales and ivory shipped from West and Central Africa to Viet Nam via Singapore. Seized goods were declared as timber or frozen beef.';
  await expect(sumA).toHaveValue(merged);
  await expect(sumB).toHaveValue(merged);
  await page.screenshot({ path: path.join(SHOTS, 'case-overview.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await second.close();

  // Zooming the map does not navigate (Leaflet's controls are links to "#").
  await page.getByRole('tab', { name: /Map/ }).click();
  const hashBefore = new URL(page.url()).hash;
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(new URL(page.url()).hash).toBe(hashBefore);
  await page.getByRole('tab', { name: 'Overview' }).click();

  // A bad latitude gets its message next to the field, and nothing is written.
  await page.getByRole('button', { name: 'Add seizure' }).click();
  const form = page.getByRole('dialog', { name: 'Add a seizure' });
  await form.getByLabel('Commodity').fill('rhino horn <b>x</b>');
  await form.getByLabel('Latitude').fill('95');
  await form.getByLabel('Longitude').fill('103.9');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  const latField = form.locator('[data-field="latitude"]');
  await expect(latField.getByRole('alert')).toHaveText('Must be between -90 and 90 degrees');
  await page.screenshot({ path: path.join(SHOTS, 'seizure-form.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await expect(form.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Latitude').fill('1.35');
  // Cross-field rules of the shared schema: a reported value needs its currency.
  await form.getByLabel('Reported value').fill('250,000');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form.locator('[data-field="reportedCurrency"]').getByRole('alert')).toHaveText('Is required when a value is reported');
  await form.getByLabel('Currency').fill('sgd');
  await form.getByLabel('Longitude').fill('');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form.locator('[data-field="longitude"]').getByRole('alert')).toContainText('both be given or both be empty');
  await form.getByLabel('Longitude').fill('103.9');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures' });
  await expect(table).toHaveAttribute('aria-rowcount', '61');
  // Imported or typed text is never parsed as HTML: not in the table, not in the map's tooltips.
  await expect(table.getByText('rhino horn <b>x</b>')).toBeVisible();
  await expect(table.locator('tbody tr').filter({ hasText: 'rhino horn' })).toContainText('SGD 250,000');
  await page.getByRole('tab', { name: /Map/ }).click();
  await expect(page.getByTestId('seizure-map')).toHaveAttribute('data-shown', '60');
  // Nearby seizures are clustered: the commodity filter leaves this one alone on the map.
  await page.getByRole('region', { name: 'Map filters' }).getByLabel('Commodity').selectOption('rhino horn <b>x</b>');
  await expect(page.getByTestId('seizure-map')).toHaveAttribute('data-shown', '1');
  // The filter refits the view (an animated zoom): point at the marker once the view is still.
  await mapStill(page.getByTestId('seizure-map'));
  const lone = page.getByTestId('seizure-map').locator('path.seizure-marker').last();
  await expect(lone).toBeInViewport();
  await lone.hover({ force: true });
  await expect(page.locator('.leaflet-tooltip').filter({ hasText: 'rhino horn <b>x</b>' })).toBeVisible();
  await expect(page.locator('.leaflet-tooltip b')).toHaveCount(0);
  await page.getByRole('tab', { name: /Seizures/ }).click();

  // The new seizure's detail is open: edit it from there; then close it and delete it from its row.
  await page.getByRole('complementary', { name: 'rhino horn <b>x</b>' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit seizure' });
  await edit.getByLabel('Quantity').fill('24.5');
  await edit.getByLabel('Unit').selectOption('kg');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(table.locator('tbody tr').filter({ hasText: 'rhino horn' })).toContainText('24.5 kg');
  await page.getByRole('button', { name: 'Close seizure detail' }).click();
  await table.getByRole('button', { name: /^Delete seizure: rhino horn/ }).click();
  await page.getByRole('dialog', { name: 'Delete this seizure?' }).getByRole('button', { name: 'Delete seizure' }).click();
  await expect(table).toHaveAttribute('aria-rowcount', '60');

  // Export CSV: a download of the 59 seizures (TLP marking line, header + 59 records).
  const [download] = await Promise.all([page.waitForEvent('download'), chooseExport(page, 'export-csv')]);
  expect(download.suggestedFilename()).toBe('SGNEST-2026-0001-seizures-TLP-GREEN.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('\uFEFFTLP:GREEN — SGNEST-2026-0001 seizures — share only as TLP:GREEN allows');
  expect(csv.split(/\r?\n/)[1]).toContain('seizure_date');
  expect(csv).toContain('pangolin scales');
  // Export KML from the same menu: the same seizures for Google Earth, marked in its name and inside.
  const [kmlDownload] = await Promise.all([page.waitForEvent('download'), chooseExport(page, 'export-kml')]);
  expect(kmlDownload.suggestedFilename()).toBe('SGNEST-2026-0001-seizures-TLP-GREEN.kml');
  const kml = fs.readFileSync(await kmlDownload.path(), 'utf8');
  expect(kml).toContain('<Document><name>TLP:GREEN — SGNEST-2026-0001 seizures — share only as TLP:GREEN allows</name>');
  expect(kml.match(/<Placemark>/g)?.length).toBeGreaterThanOrEqual(59);

  // When the data service goes away, the header says so instead of failing silently.
  await expect(page.locator('.conn')).toHaveAttribute('data-state', 'open');
  await expect(page.locator('.conn')).toHaveAttribute('data-storage', 'saved');
  await expect(page.locator('.conn')).toHaveText('Saved locally');
  await host.stop();
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();

  expect(requests.length).toBeGreaterThan(3); // the collector saw the app load…
  expect(offHost(requests, host.origin)).toEqual([]); // …and nothing left 127.0.0.1
  expect(cspViolations).toEqual([]);
});

test('the demo workspace opens with its 6 cases and their sources', async ({ page, host, requests, cspViolations }) => {
  await page.goto(host.url);
  await createIdentity(page, 'Daniel Okoye', 'Interpol Environmental Security');
  await expect(page.getByText('Where the data comes from')).toBeVisible();
  await expect(page.getByText(/Publicly reported environmental-crime seizures/)).toBeVisible();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  const rows = page.getByRole('table', { name: 'Cases' }).locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(page.getByRole('table', { name: 'Cases' })).toContainText(`DEMO-${new Date().getFullYear()}-0001`);
  await page.screenshot({ path: path.join(SHOTS, 'case-list.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The header search finds seizures across cases and opens one.
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Search this workspace' })).toBeFocused();
  await page.keyboard.type('pangolin');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'search.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole('combobox', { name: 'Search this workspace' }).press('Enter');
  await expect(page.getByTestId('source-url')).toBeVisible();
  await expect(page.getByRole('complementary').filter({ has: page.getByTestId('source-url') })).toContainText(/pangolin/i);
  await page.getByRole('link', { name: 'Cases' }).first().click();

  // Filters and search narrow the list.
  await page.getByLabel('Filter by sector').selectOption('forestry');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Filter by sector').selectOption('');
  await page.getByLabel('Search cases and seizures').fill('pangolin');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Wildlife');
  await page.getByLabel('Search cases and seizures').fill('');
  await expect(rows).toHaveCount(6);

  // Sorting by clicking a header.
  await page.getByRole('button', { name: 'Seizures' }).click();
  await expect(page.getByRole('columnheader', { name: 'Seizures' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('Wildlife');

  // The workspace map shows every mapped seizure.
  await page.getByRole('link', { name: 'Seizure map' }).click();
  await expect(page.getByTestId('seizure-map')).toHaveAttribute('data-shown', '59');
  await mapStill(page.getByTestId('seizure-map'));
  await page.screenshot({ path: path.join(SHOTS, 'workspace-map.png') });

  // A file with bad rows: the report lists each rejected row with line, column and reason.
  await page.getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: /Illegal gold and mercury/ }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(BAD_ROWS_CSV);
  await expect(imp.getByTestId('import-dryrun').getByTestId('report-rejected')).toHaveText('5');
  await imp.getByRole('button', { name: /Import 2 seizures/ }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByTestId('report-imported')).toHaveText('2');
  await expect(report.getByRole('table', { name: 'Rejected rows' })).toContainText('furlongs');
  await page.screenshot({ path: path.join(SHOTS, 'import-rejections.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await report.getByRole('button', { name: 'Done' }).click();

  // A KML file with placemarks and a route: the route is drawn as a dashed, named line.
  await page.getByRole('link', { name: 'Cases' }).first().click();
  await page.getByRole('link', { name: /Rosewood and illegal timber/ }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await imp.getByTestId('import-file').setInputFiles(KML);
  await expect(imp.getByTestId('mapping-source')).toContainText('Set by the format');
  await imp.getByRole('button', { name: /Import 2 seizures/ }).click();
  await expect(report.getByText('2 seizures imported and 1 route.')).toBeVisible();
  await report.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: /Map/ }).click();
  const caseMap = page.getByTestId('seizure-map');
  await expect(caseMap.locator('path.route-line')).toHaveCount(1);
  await expect(caseMap.locator('.route-label')).toHaveText('Suspected route');
  await expect(caseMap).toHaveAttribute('data-shown', '11');
  await mapStill(caseMap);
  await page.screenshot({ path: path.join(SHOTS, 'case-map-route.png') });

  // Back to the chooser: the demo workspace is listed and opens again.
  await page.getByRole('link', { name: 'Switch workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Open a workspace' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Workspaces on this computer' })).toContainText('Demo — public seizure reports');
  await page.screenshot({ path: path.join(SHOTS, 'workspace-list.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  expect(requests.length).toBeGreaterThan(3); // the collector saw the app load…
  expect(offHost(requests, host.origin)).toEqual([]); // …and nothing left 127.0.0.1
  expect(cspViolations).toEqual([]);
});
