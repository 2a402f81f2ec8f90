/**
 * Regression tests for renderer bugs a break-test found — the import dialog, in real headless
 * Chromium against the browser-mode host: a file over 45 MB is refused at once with its size; a
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
