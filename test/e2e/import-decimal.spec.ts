/**
 * Issue 11 item 1 in real headless Chromium: a CSV whose quantity column does not show its decimal
 * mark (10.500, 2.000, 1.250) is never imported on a guess. The dry run says how each column was
 * read, holds the three rows back with a fix, offers the choice of the mark, and re-runs when it is
 * made; the import then writes 10,500, 2,000 and 1,250 kg. A screenshot of the choice is saved.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const CSV = 'seizure_date,country_iso2,commodity,quantity,unit\n2019-07-21,SG,ivory,10.500,kg\n2019-07-22,SG,ivory,2.000,kg\n2019-07-23,SG,ivory,1.250,kg\n2019-07-24,SG,ivory,7,kg\n';

test('an ambiguous number column asks for its decimal mark, and the choice re-runs the dry run', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'comma-locale.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  const dryRun = imp.getByTestId('import-dryrun');
  await expect(dryRun.getByTestId('report-imported')).toHaveText('1');
  await expect(dryRun.getByTestId('report-rejected')).toHaveText('3');
  const quantity = imp.getByTestId('column-format-quantity');
  await expect(quantity).toContainText("quantity: decimal mark not decided — '10.500', '2.000', '1.250' could be read either way; choose the decimal mark");
  await expect(dryRun).toContainText("'1.250' is 1.25 with a decimal point but 1250 with a decimal comma");
  await expect(dryRun).toContainText(`choose the decimal mark of 'quantity' in the preview`);
  await expect(imp.getByTestId('column-format-seizure_date')).toContainText('seizure_date: no day/month order needed — from 4 values');
  await quantity.scrollIntoViewIfNeeded();
  await imp.screenshot({ path: path.join(SHOTS, 'import-decimal-ask.png') });

  await imp.getByTestId('decimal-mark-quantity').selectOption(',');
  await expect(dryRun.getByTestId('report-imported')).toHaveText('4');
  await expect(dryRun.getByTestId('report-rejected')).toHaveText('0');
  await expect(quantity).toContainText('quantity: comma decimal, dot thousands — your choice');
  await imp.screenshot({ path: path.join(SHOTS, 'import-decimal-chosen.png') });

  await imp.getByRole('button', { name: /Import 4 seizures/ }).click();
  const done = page.getByRole('dialog', { name: 'Import report' });
  await expect(done.getByTestId('import-report').getByTestId('report-imported')).toHaveText('4');
  await done.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: /Seizures/ }).click();
  for (const q of ['10,500', '2,000', '1,250']) await expect(page.getByRole('table').first()).toContainText(q);
});

test('a money column decided by one Swiss value against a file of decimal commas asks too (tester F13, r-french.csv)', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles(path.resolve('test/fixtures/import-numbers/r-french.csv'));

  const dryRun = imp.getByTestId('import-dryrun');
  await expect(dryRun.getByTestId('report-imported')).toHaveText('1');
  await expect(dryRun.getByTestId('report-rejected')).toHaveText('2');
  const value = imp.getByTestId('column-format-value');
  await expect(value).toContainText(
    "value: decimal mark not decided — '€1.250', '1.250 €' could be read either way: only 1 value of the column shows a decimal point (line 4 'CHF 1'250.50') while the file’s column 'latitude' uses a decimal comma (line 2 '-4,05'); choose the decimal mark",
  );
  await value.scrollIntoViewIfNeeded();
  await imp.screenshot({ path: path.join(SHOTS, 'import-decimal-minority.png') });

  await imp.getByTestId('decimal-mark-value').selectOption(',');
  await expect(dryRun.getByTestId('report-imported')).toHaveText('3');
  await expect(dryRun.getByTestId('report-rejected')).toHaveText('0');
  await expect(value).toContainText('value: comma decimal, dot thousands — your choice');
});
