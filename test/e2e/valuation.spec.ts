/**
 * The "Illicit-profit estimates" journey (issue 4) in real headless Chromium against the
 * browser-mode host: a workspace reporting in SGD, the 59 public seizures imported into a case, a
 * small price list imported from CSV (test/e2e/valuation-prices.csv: 5 good rows, 2 rejected on
 * purpose) plus one price typed in the form, a newer ECB file and a VND rate, then the seizures
 * valued through the Valuation tab (bulk assignment by commodity, one conversion factor), the case
 * total checked against the figure computed by hand, the interdiction assumption, the charts (a bar
 * for each sector and year present), the context figures and the methodology statement.
 *
 * Prices marked TEST PRICE are illustrative values for exercising the arithmetic, not published
 * figures; the ECB lines after 9 May 2025 are TEST VALUES written by this test.
 * Screenshots for docs/screenshots/: price-references, exchange-rates, valuation-case,
 * valuation-charts, methodology (and estimates).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, offHost, repoRoot } from './fixtures';
import { seriousAxeViolations } from './axe';

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_CSV = path.resolve(here, '../../../shared/data/seizures-public.csv');
const PRICES_CSV = path.join(here, 'valuation-prices.csv');
const SHOTS = path.join(repoRoot, 'docs/screenshots');

/**
 * The shipped ECB file with lines for 30 and 12 May 2025 on top, copied from the 9 May 2025 line
 * with USD and SGD set to TEST VALUES (1.1350 and 1.4650 per EUR). Written to a temporary folder.
 */
function newerEcbFile(): string {
  const shipped = fs.readFileSync(path.join(repoRoot, 'resources/rates/ecb-eurofxref-hist.csv'), 'utf8');
  const lines = shipped.split('\n');
  const header = lines[0]!.split(',');
  const may9 = lines[1]!.split(',');
  const line = (date: string): string => header.map((c, i) => (i === 0 ? date : c === 'USD' ? '1.1350' : c === 'SGD' ? '1.4650' : may9[i])).join(',');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nest-ecb-')), 'eurofxref-hist.csv');
  fs.writeFileSync(file, [lines[0], line('2025-05-30'), line('2025-05-12'), ...lines.slice(1)].join('\n'));
  return file;
}

async function createIdentity(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
  await page.getByLabel('Full name').fill('Siti Rahman');
  await page.getByLabel('Agency').fill('Singapore Customs');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Choose a workspace|Open a workspace/ })).toBeVisible();
}

/** Assigns `price` (its menu label starts with the commodity) to the seizures matching `filter`, unchecking `skip`. */
async function assign(page: Page, price: string, filter: string, expected: number, skip: string[] = []): Promise<void> {
  await page.getByRole('button', { name: 'Assign a price…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign a price to seizures' });
  const select = dialog.getByLabel('Price reference');
  const label = await select.locator('option', { hasText: price }).first().textContent();
  await select.selectOption({ label: label! });
  await dialog.getByLabel('Commodity or species contains').fill(filter);
  for (const s of skip) await dialog.getByRole('checkbox', { name: s }).uncheck();
  await dialog.getByRole('button', { name: `Assign to ${expected} seizure${expected === 1 ? '' : 's'}` }).click();
  await expect(dialog).toBeHidden();
}

test('value the 59 public seizures with a small price list: totals, assumption, charts, context, methodology', async ({ page, host, requests, cspViolations }) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await createIdentity(page);
  await page.getByLabel('Workspace name').fill('NEST Singapore 2026');
  await page.getByLabel('Case prefix').fill('SGNEST');
  await page.getByLabel('Reporting currency').fill('SGD');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // A case holding the 59 public seizures.
  await page.getByRole('button', { name: 'New case' }).click();
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByLabel('Title').fill('Pangolin, ivory and timber seizures — Asia hub');
  await newCase.getByLabel('TLP marking').selectOption('GREEN');
  await newCase.getByLabel('Jurisdictions').fill('SG');
  await newCase.getByLabel('Jurisdictions').press('Enter');
  await newCase.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Pangolin, ivory and timber seizures — Asia hub', level: 1 })).toBeVisible();
  const caseUrl = page.url();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(PUBLIC_CSV);
  await expect(imp.getByTestId('import-dryrun').getByTestId('report-imported')).toHaveText('59');
  await imp.getByRole('button', { name: /Import 59 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  // ---- Price references: import 5 from CSV (2 rows rejected with their line and reason), type one.
  await page.getByRole('link', { name: 'Price references' }).click();
  await expect(page.getByRole('heading', { name: 'Price references', level: 1 })).toBeVisible();
  await expect(page.getByText('No price references yet')).toBeVisible();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const priceImport = page.getByRole('dialog', { name: 'Import price references' });
  await priceImport.getByTestId('price-file').setInputFiles(PRICES_CSV);
  await expect(priceImport.getByTestId('prices-accepted')).toHaveText('5');
  await expect(priceImport.getByTestId('prices-rejected')).toHaveText('2');
  const rejected = priceImport.getByRole('table', { name: 'Rejected rows' }).locator('tbody tr');
  await expect(rejected).toHaveCount(2);
  await expect(rejected.nth(0)).toContainText('7');
  await expect(rejected.nth(0)).toContainText('"60,000" is not a number written like 1234.5');
  await expect(rejected.nth(1)).toContainText('citation_title');
  await expect(rejected.nth(1)).toContainText('Is required: every price needs its source');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await priceImport.getByRole('button', { name: 'Add 5 prices' }).click();
  await expect(priceImport).toBeHidden();
  const priceRows = page.getByRole('table', { name: 'Price references' }).locator('tbody tr');
  await expect(priceRows).toHaveCount(5);

  await page.getByRole('button', { name: 'Add price' }).click();
  const form = page.getByRole('dialog', { name: 'Add a price reference' });
  await form.getByLabel('Commodity').fill('mercury');
  await form.getByLabel('Low').fill('50');
  await form.getByLabel('High').fill('100');
  await form.getByLabel('Currency').fill('USD');
  await form.getByLabel('Place').fill('Lima');
  await form.getByLabel('Country').fill('PE');
  await form.getByLabel('Date of the price').fill('2025-01-01');
  await form.getByRole('button', { name: 'Add price' }).click();
  await expect(form.getByText('Is required: every price needs its source')).toBeVisible(); // the message sits under the field
  await form.getByLabel('Low').fill('150');
  await form.getByLabel('Citation').fill('TEST PRICE for the NEST Desk end-to-end test: not a published figure');
  await form.getByRole('button', { name: 'Add price' }).click();
  await expect(form.getByText('Must not exceed the high price')).toBeVisible();
  await form.getByLabel('Low').fill('50');
  await form.getByRole('button', { name: 'Add price' }).click();
  await expect(form).toBeHidden();
  await expect(priceRows).toHaveCount(6);
  await expect(page.getByRole('table', { name: 'Price references' })).toContainText('Save the Elephants');
  await expect(page.getByRole('table', { name: 'Price references' })).toContainText('https://www.savetheelephants.org/news/dramatic-changes-in-china-s-ivory-trade/');
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 8000 });
  await page.screenshot({ path: path.join(SHOTS, 'price-references.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // ---- Exchange rates: the shipped coverage, a newer ECB file, a VND rate with its source.
  await page.getByRole('link', { name: 'Exchange rates' }).click();
  await expect(page.getByRole('heading', { name: 'Exchange rates', level: 1 })).toBeVisible();
  await expect(page.getByTestId('ecb-effective')).toContainText('4 Jan 1999 – 9 May 2025');
  await page.getByTestId('ecb-file').setInputFiles(newerEcbFile());
  await expect(page.getByTestId('ecb-report')).toContainText('2 new business days; rates now run to 30 May 2025 (before: 9 May 2025)');
  await expect(page.getByTestId('ecb-effective')).toContainText('4 Jan 1999 – 30 May 2025');
  await page.getByRole('button', { name: 'Add a rate' }).click();
  const rate = page.getByRole('dialog', { name: 'Add an exchange rate' });
  await rate.getByLabel('Currency').fill('VND');
  await rate.getByLabel('Applies from').fill('2019-06-01');
  await rate.getByLabel('VND per 1 USD', { exact: true }).fill('23,300');
  await rate.getByRole('button', { name: 'Add rate' }).click();
  await expect(rate.getByText('Is required: say where the rate comes from')).toBeVisible();
  await rate.getByLabel('Source').fill('TEST VALUE: State Bank of Viet Nam central rate, June 2019 (illustrative)');
  await rate.getByRole('button', { name: 'Add rate' }).click();
  await expect(rate).toBeHidden();
  await expect(page.getByRole('table', { name: 'Rates entered by members' })).toContainText('23,300 VND per USD');
  // The rate checker: VND → USD on 12 June 2019 uses the rate just entered, with its source and date.
  await page.getByLabel('From', { exact: true }).selectOption('VND');
  await page.getByLabel('Date', { exact: true }).fill('2019-06-12');
  await expect(page.getByTestId('rate-result')).toContainText('VND 23,300 per USD');
  await expect(page.getByTestId('rate-result')).toContainText('rate entered for 1 Jun 2019 (11 days before 12 Jun 2019, stale); source: TEST VALUE');
  await page.getByRole('heading', { name: 'Check a rate' }).click(); // leave the date field
  await page.locator('.main-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 8000 });
  await page.screenshot({ path: path.join(SHOTS, 'exchange-rates.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Before the entered rate there is none, and the checker says why.
  await page.getByLabel('Date', { exact: true }).fill('2019-05-01');
  await expect(page.getByTestId('rate-result')).toHaveText(
    'No rate for VND on or before 1 May 2019: the ECB does not publish a VND rate, and no rate entered for VND is dated on or before 1 May 2019. Enter one below, with its source.',
  );

  // ---- Value the seizures in the case's Valuation tab.
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: /Valuation/ }).click();
  const tab = page.getByTestId('valuation-tab');
  await expect(tab.getByTestId('case-total-usd')).toHaveText('Not valued yet — assign prices to seizures');
  // The rows come a page at a time from the data service and only those in view are drawn; the count is the service's.
  await expect(tab.locator('.val-table-card .toolbar-count')).toHaveText('59 of 59');
  await expect(page.getByRole('table', { name: 'Seizure valuations' }).locator('tbody tr[data-seizure-id]').first()).toBeVisible();

  await assign(page, 'elephant ivory (raw tusks)', 'ivory', 9);
  await assign(page, 'pangolin scales', 'pangolin', 8);
  // P21 (29,434 pieces of rosewood) cannot take a price per tonne: shown, but cannot be checked.
  await page.getByRole('button', { name: 'Assign a price…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Assign a price to seizures' });
  const rosewood = await bulk.getByLabel('Price reference').locator('option', { hasText: 'rosewood logs' }).textContent();
  await bulk.getByLabel('Price reference').selectOption({ label: rosewood! });
  await bulk.getByLabel('Commodity or species contains').fill('rosewood');
  // The search answers after a short pause (the data service searches the whole case): one reason once it has.
  await expect(bulk.locator('.bulk-reason')).toHaveText(['Cannot be valued: priced per t, seized in pieces']);
  await expect(bulk.getByRole('checkbox', { name: 'rosewood logs, 11 Mar 2014' })).toBeDisabled();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await bulk.getByRole('button', { name: 'Assign to 5 seizures' }).click();
  await expect(bulk).toBeHidden();
  await assign(page, 'dried shark fin', 'shark fin', 1);
  await assign(page, 'gold', 'gold', 2, ['gold bullion and ore, 11 Feb 2020']);
  await assign(page, 'mercury', 'mercury', 1);

  // P04, carved ivory: the factor 1–1.43 "worked to raw ivory equivalent", in its valuation detail.
  const table = page.getByRole('table', { name: 'Seizure valuations' });
  const filter = tab.getByLabel('Filter valuations');
  await filter.fill('carved');
  await expect(tab.locator('.val-table-card .toolbar-count')).toHaveText('1 of 59');
  await table.getByRole('button', { name: 'Valuation details: elephant ivory (cut and carved), 2019-04-03' }).click();
  const detail = page.getByRole('dialog', { name: 'Valuation: elephant ivory (cut and carved)' });
  await detail.getByLabel('Factor, low').fill('1');
  await detail.getByLabel('Factor, high').fill('1.43');
  await detail.getByRole('button', { name: 'Save valuation' }).click();
  await expect(detail.getByText('Is required: say what the factor converts (e.g. worked to raw ivory equivalent)')).toBeVisible();
  await detail.getByLabel('What the factor converts').fill('worked to raw ivory equivalent');
  await detail.getByRole('button', { name: 'Save valuation' }).click();
  await expect(detail.getByText('× 1–1.43 (worked to raw ivory equivalent)')).toBeVisible();
  // Every figure shows its rate and that rate's date; the reported value stays apart.
  await expect(detail).toContainText('SGD 1.5209 per EUR, ECB euro reference rate of 3 Apr 2019');
  await expect(detail).toContainText('Reported by the authorities — not part of the estimate');
  await expect(detail).toContainText('SGD 120,000');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await detail.getByRole('button', { name: 'Done' }).click();

  // The case total, computed by hand (see test/service/valuation.test.ts for the arithmetic):
  //   ivory USD 20,386,301.20 – 58,805,355 + pangolin 245,812,320 + rosewood 1,877,190 – 3,754,380
  //   + shark fin 1,006,400.87 – 1,341,867.83 + gold 6,320,000 – 9,480,000 + mercury 200,000 – 400,000
  //   = USD 275,602,212.07 – 319,593,922.83
  await expect(tab.getByTestId('case-total-usd')).toHaveText('USD 275,602,212 – 319,593,923');
  await expect(tab.getByTestId('case-total')).toContainText('26 of 59 seizures valued');
  await expect(tab.getByTestId('case-total')).toContainText('33 without a price');
  await expect(tab.getByTestId('case-total-reporting')).toContainText(/^SGD [\d,]+ – [\d,]+/);
  // P02 shows its USD range and the SGD conversion with the ECB rates of Friday 19 July 2019.
  await filter.fill('elephant ivory');
  await expect(tab.locator('.val-table-card .toolbar-count')).toHaveText('9 of 59');
  // Valued only, by estimate, highest first: P02 (USD 6.42–18.5 M) comes before the smaller ivory seizures.
  await tab.getByLabel('Show', { exact: true }).selectOption('valued');
  await table.getByRole('button', { name: /Estimate \(USD\)/ }).click();
  await expect(table.locator('tbody tr[data-seizure-id]').first()).toContainText('USD 6.42–18.5 M');
  const p02 = table.locator('tbody tr').filter({ has: page.locator('.col-seizure .cell-primary', { hasText: /^elephant ivory$/ }) }).filter({ hasText: '21 Jul 2019' });
  await expect(p02).toContainText('USD 6.42–18.5 M');
  await expect(p02).toContainText('1 USD = 1.3593 SGD · ECB 19 Jul 2019 (2 days before)');
  await expect(p02).toContainText('SGD 17,600,000');
  // Every seizure again, the highest estimates first (as the screenshot below shows them).
  await filter.fill('');
  await tab.getByLabel('Show', { exact: true }).selectOption('all');
  await expect(tab.locator('.val-table-card .toolbar-count')).toHaveText('59 of 59');

  // The interdiction-rate assumption, labelled as such.
  const assumption = page.getByTestId('assumption-card');
  await assumption.getByLabel('Seizures are at least').fill('10');
  await assumption.getByLabel('and at most').fill('30');
  await assumption.getByRole('button', { name: 'Set assumption' }).click();
  await expect(assumption.getByText('Is required: say what the assumption rests on')).toBeVisible();
  await assumption.getByLabel('Basis of the assumption').fill('Illustrative share for the end-to-end test');
  await assumption.getByRole('button', { name: 'Set assumption' }).click();
  await expect(assumption.getByTestId('flow')).toContainText('Assumption: seizures are 10–30 % of the flow (basis: Illustrative share for the end-to-end test).');
  //   flow = [275,602,212.07 / 0.3, 319,593,922.83 / 0.1] = USD 918,674,040.23 – 3,195,939,228.3,
  //   undetected = flow − seized = USD 643,071,828.16 – 2,876,345,305.47; ranges print rounded
  //   outward (low down, high up), so the printed range always contains the computed one.
  await expect(assumption.getByTestId('flow-total')).toHaveText('USD 918,674,040 – 3,195,939,229');
  await expect(assumption.getByTestId('flow-undetected')).toHaveText('USD 643,071,828 – 2,876,345,306');
  // A taller window for this screenshot, so the total, the assumption and the first rows of the table show together.
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.locator('.main-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 8000 });
  await page.screenshot({ path: path.join(SHOTS, 'valuation-case.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Charts: a bar for each sector and each year with a valued seizure, values in a table too.
  const charts = page.getByTestId('valuation-charts');
  await expect(charts.getByTestId('chart-sector').locator('[data-bar]')).toHaveCount(3);
  expect(await charts.getByTestId('chart-sector').locator('[data-bar]').evaluateAll((els) => els.map((e) => e.getAttribute('data-bar')))).toEqual(['wildlife', 'forestry', 'mining']);
  expect(await charts.getByTestId('chart-year').locator('[data-bar]').evaluateAll((els) => els.map((e) => e.getAttribute('data-bar')))).toEqual([
    '2013', '2014', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2025',
  ]);
  await expect(charts.getByRole('table', { name: /by crime sector.*values/ }).locator('tbody tr')).toHaveCount(3);
  await expect(charts.getByRole('table', { name: /by crime sector.*values/ })).toContainText('1,877,190');
  // Wildlife = case total − forestry − mining = USD 267,205,022.07 – 305,959,542.83, ends rounded outward.
  await expect(charts.getByRole('table', { name: /by crime sector.*values/ }).locator('tbody tr').first().locator('td')).toHaveText(['18', '267,205,022', '305,959,543']);
  await expect(charts.getByRole('img', { name: 'Estimated value by crime sector (USD)' })).toBeVisible();
  await charts.scrollIntoViewIfNeeded();
  await charts.screenshot({ path: path.join(SHOTS, 'valuation-charts.png') });

  // Context: the published UNEP-INTERPOL figures with their sources, never presented as the app's.
  const context = page.getByTestId('context-panel');
  await expect(context).toContainText('Published estimate by UNEP, INTERPOL and partners, shown for context. It is not a NEST Desk figure');
  await expect(context).toContainText('7–23 USD bn a year');
  await expect(context).toContainText('50.7–152 USD bn a year');
  await expect(context).toContainText('12–48 USD bn a year');
  await expect(context).toContainText('91–258 USD bn a year');
  await expect(context).toContainText('110–281 USD bn a year');
  await expect(context).toContainText('The Rise of Environmental Crime');

  // The methodology statement, ready for the case pack.
  const method = page.getByTestId('methodology');
  await expect(method).toContainText('26 seizures were valued; the estimated total is USD 275,602,212 – 319,593,923');
  await expect(method).toContainText('A conversion factor of 1–1.43 (worked to raw ivory equivalent) was applied.');
  await expect(method).toContainText('Assumption: seizures are 10–30 % of the flow');
  await expect(method).toContainText('ECB euro reference rate of 19 July 2019, 2 days before 21 July 2019');
  await expect(method.getByRole('button', { name: 'Copy the methodology statement' })).toBeVisible();
  await method.scrollIntoViewIfNeeded();
  await method.screenshot({ path: path.join(SHOTS, 'methodology.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The network estimate across the workspace's cases.
  await page.getByRole('link', { name: 'Estimates' }).click();
  await expect(page.getByTestId('network-total-usd')).toHaveText('USD 275,602,212 – 319,593,923');
  await expect(page.getByRole('table', { name: 'Estimates by case' })).toContainText('Pangolin, ivory and timber seizures — Asia hub');
  await page.screenshot({ path: path.join(SHOTS, 'estimates.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  expect(offHost(requests, host.origin)).toEqual([]);
  expect(cspViolations).toEqual([]);
});
