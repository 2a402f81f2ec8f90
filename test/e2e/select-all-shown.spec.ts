/**
 * Tester findings F4 and F5 (session 27) in real headless Chromium. F4: "Select all shown
 * seizures" on a case of 60 seizures — more than the virtual table renders — selects all 60 (the
 * bar says so, the header box is checked), unticking one makes the box mixed and the bar say 59,
 * and Delete removes those 59, rendered or not. F5: after two of an import's seizures are moved to
 * another case, "Undo import" says they were moved there and stay, not that they were deleted.
 * Screenshots of the selection and of the undo confirmation are saved and looked at.
 */
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './hardening-helpers';

const SHOTS = process.env.NEST_SHOTS_DIR ?? path.join(os.tmpdir(), 'nest-shots');
const N = 60;
const CSV = ['seizure_date,country_iso2,place,commodity,quantity,unit,sector', ...Array.from({ length: N }, (_, i) => `2019-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')},SG,Pasir Panjang,lot ${i + 1} pangolin scales,${i + 1},kg,wildlife`)].join('\n');

test('select all shown selects every seizure of the list; undo after a move says the moved seizures stay in the other case', async ({ page, host }) => {
  await newCase(page, host);
  // A second case to move to.
  await page.getByRole('link', { name: 'Cases' }).first().click();
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Tuas checkpoint');
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Tuas checkpoint', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Cases' }).first().click();
  await page.getByText('Pangolin scales via Pasir Panjang').first().click();

  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'pasir-panjang-60.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await imp.getByRole('button', { name: `Import ${N} seizures` }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  const table = page.getByRole('table', { name: 'Seizures' });
  const rowBoxes = table.getByRole('checkbox', { name: /^Select lot / });
  await expect(rowBoxes.first()).toBeVisible();
  expect(await rowBoxes.count()).toBeLessThan(N); // the virtual table renders only some rows
  const header = table.getByRole('checkbox', { name: 'Select all shown seizures' });
  await header.check();
  await expect(page.getByRole('region', { name: `${N} seizures selected` })).toBeVisible();
  await expect(header).toBeChecked();
  await page.locator('.table-card').screenshot({ path: path.join(SHOTS, 'seizures-select-all.png') });
  await rowBoxes.first().uncheck();
  const kept = (await rowBoxes.first().getAttribute('aria-label'))!.replace(/^Select (lot \d+) .*/, '$1');
  const bar = page.getByRole('region', { name: `${N - 1} seizures selected` });
  await expect(bar).toBeVisible();
  await expect(header).toBeChecked({ indeterminate: true });
  await page.locator('.table-card').screenshot({ path: path.join(SHOTS, 'seizures-select-all-mixed.png') });
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(header).not.toBeChecked();

  // F5: two moved to the other case, then the import undone.
  await rowBoxes.nth(1).check();
  await rowBoxes.nth(2).check();
  await page.getByRole('region', { name: '2 seizures selected' }).getByRole('button', { name: 'Move to case' }).click();
  const move = page.getByRole('dialog', { name: /Move 2 seizures/ });
  await move.getByRole('combobox').selectOption({ label: 'SGNEST-2026-0002 — Tuas checkpoint' });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByTestId('seizure-count')).toHaveText(`${N - 2} seizures`);
  await page.getByRole('button', { name: 'Import log' }).click();
  const log = page.getByRole('dialog', { name: 'Import log' });
  await log.getByRole('row', { name: /pasir-panjang-60\.csv/ }).getByRole('button', { name: 'Undo the import of pasir-panjang-60.csv' }).click();
  const undo = page.getByRole('dialog', { name: 'Undo this import?' });
  await expect(undo.getByTestId('undo-counts')).toContainText(`The ${N - 2} seizures from pasir-panjang-60.csv still in the case will be marked deleted, as one step.`);
  await expect(undo.getByTestId('undo-counts')).toContainText('2 other seizures from this file were moved to case SGNEST-2026-0002 after the import; the undo leaves them there.');
  await expect(undo).not.toContainText('already deleted');
  await undo.screenshot({ path: path.join(SHOTS, 'import-undo-after-move.png') });
  await undo.getByRole('button', { name: 'Cancel' }).click();
  await log.getByRole('button', { name: 'Done' }).click();

  // F4: select all, untick one, delete: the 57 others go, rendered or not.
  await header.check();
  await rowBoxes.first().uncheck();
  const left = (await rowBoxes.first().getAttribute('aria-label'))!.replace(/^Select (lot \d+) .*/, '$1');
  const bar2 = page.getByRole('region', { name: `${N - 3} seizures selected` });
  await bar2.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: `Delete ${N - 3} seizures?` }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('seizure-count')).toHaveText('1 seizure');
  await expect(rowBoxes).toHaveCount(1);
  await expect(rowBoxes.first()).toHaveAttribute('aria-label', new RegExp(`^Select ${left} `));
  expect(kept).toMatch(/^lot \d+$/);
});
