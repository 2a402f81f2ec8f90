/**
 * Regression tests for renderer bugs a break-test found — the import dialog, in real headless
 * Chromium against the browser-mode host: a file over 45 MB is refused at once with its size; a
 * binary file (a PNG or a workbook renamed) is refused with the import's own sentence before any
 * preview (docs/screenshots/import-binary-refused.png, looked at); a
 * `too-large` import commit is explained in the dialog; a KML file's fixed mapping (two properties
 * on one field) is a note, not an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, repoRoot } from './fixtures';
import { FRAME, decodeFrame, encodeFrame } from '../../shared/protocol/frames';
import { newCase, openDemo } from './hardening-helpers';

const KML = path.resolve(repoRoot, '../shared/cases/import/06-placemarks.kml');

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

test('a binary file is refused in the dialog with the CLI’s sentence (which file, why, what to do), before any preview', async ({ page, host }) => {
  await newCase(page, host);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-binary-'));
  // A PNG renamed .csv, and an Excel workbook (a ZIP) renamed .csv: real signatures, as a camera or Excel writes them.
  const png = path.join(dir, 'seizure-photo.csv');
  fs.writeFileSync(png, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000', 'hex'), Buffer.alloc(2000, 0x9c)]));
  const xlsx = path.join(dir, 'register.xlsx');
  fs.writeFileSync(xlsx, Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), Buffer.from('xl/workbook.xml'), Buffer.alloc(500, 0x7f)]));
  try {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const imp = page.getByRole('dialog', { name: /Import seizures/ });
    await imp.getByTestId('import-file').setInputFiles(png);
    const alert = imp.getByRole('alert');
    await expect(alert).toContainText('seizure-photo.csv: this is an image (PNG, JPEG or GIF); only CSV, KML, KMZ, GPX and GeoJSON files can be imported. Add a photo or scan to the case’s files to keep it with the case');
    await expect(alert).not.toContainText('Something went wrong');
    // No preview: the picker is still there, no mapping or dry-run report.
    await expect(imp.getByTestId('import-file')).toBeAttached();
    await expect(imp.getByTestId('import-dryrun')).toHaveCount(0);
    await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/import-binary-refused.png') });
    await imp.getByTestId('import-file').setInputFiles(xlsx);
    await expect(imp.getByRole('alert')).toContainText('register.xlsx: this is a ZIP-based file (e.g. an Excel .xlsx or .ods workbook), not a table NEST Desk can read; save the sheet as CSV (UTF-8) and import that');
    await expect(imp.getByTestId('import-dryrun')).toHaveCount(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
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
