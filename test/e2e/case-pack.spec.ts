/**
 * Case packs from the UI in headless Chromium (browser mode): export a pack of the demo case
 * (the TLP confirmation when the case needs one; the pack downloads through the browser host with
 * the session token), verify it in the "Verify a case pack" dialog (uploaded; VERIFIED under the
 * workspace's key), then tamper one byte of one file and see the failure naming that file.
 * Screenshots: docs/screenshots/pack-export.png and pack-verify.png.
 *
 * Then a pack with evidence: a photo and a PDF added in the Exhibits tab, an exhibit citing both
 * with a custody hand-over; the ZIP holds both files by hash (bytes equal to the originals),
 * report.pdf (its text checked with pdftotext, its cover rendered with pdftoppm), a Bates-stamped
 * copy of the PDF, custody.csv, case.json and the STIX bundle; the verify dialog passes it and
 * names the attached file in which one byte was flipped. The same case retitled in Arabic gives
 * docs/screenshots/report-arabic.png; the first gives report-cover.png.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { test, expect, repoRoot, offHost } from './fixtures';
import { readZip, renameInZip, writeZip } from '../node/packs/pack-support';
import { exportPackFromUi, openDemoCase, pdfText, renderPdfPage, requirePoppler } from './pack-flow';
import { evidencePng } from './png';
import { chooseExport } from './export-menu';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

test('export a case pack, verify it, and catch a flipped byte', async ({ page, host }) => {
  test.setTimeout(240_000); // the export prints report.pdf with Chromium first, on a shared machine
  await page.goto(host.url);
  await page.getByLabel('Full name').fill('Amina Mwangi');
  await page.getByLabel('Agency').fill('Kenya Wildlife Service');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').first().click();

  // Mark the case TLP:RED: the export must then be confirmed, naming who may receive it.
  await page.getByLabel('TLP marking').selectOption('RED');
  await expect(page.locator('.tlp.tlp-lg').first()).toHaveText('TLP:RED');
  await chooseExport(page, 'pack-export-open');
  const dialog = page.locator('.pack-export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('pack-handling')).toContainText('for the eyes and ears of individual recipients only');
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeDisabled();
  await page.getByTestId('pack-handling').getByRole('checkbox').check();
  await page.screenshot({ path: path.join(SHOTS, 'pack-export.png') });
  // The data service prints report.pdf with Chromium first: slower than an action on a loaded machine.
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  // Streamed by the browser's download manager from a single-use URL, not handed over as a blob: copy.
  expect(download.url()).toMatch(/\/packs\/download\/[A-Za-z0-9_-]{22}\?t=[A-Za-z0-9_-]{43}$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-pack-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/-pack-TLP-RED\.zip$/);
  const result = page.locator('.pack-export-result');
  await expect(result).toContainText('Manifest SHA-256 fingerprint');
  await expect(result).toContainText('never been synced with a relay');
  await page.screenshot({ path: path.join(SHOTS, 'pack-export-result.png') });
  await result.getByRole('button', { name: 'Close' }).last().click();

  await page.getByTestId('pack-verify-open').click();
  await page.getByTestId('pack-verify-input').setInputFiles(file);
  await expect(page.getByTestId('pack-verdict')).toContainText('VERIFIED');
  await expect(page.getByTestId('pack-verdict')).toContainText('Signed by Amina Mwangi');
  await expect(page.getByTestId('pack-warnings')).toHaveCount(0);
  // The export time in the app's date format with its zone, not raw ISO (tester F-UI-1).
  const caseLine = page.getByTestId('pack-verdict').locator('p', { hasText: 'exported' });
  await expect(caseLine).toHaveText(/exported \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} (GMT|UTC)/);
  await expect(caseLine).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await page.screenshot({ path: path.join(SHOTS, 'pack-verify.png') });

  // One flipped byte in data/case.json, re-zipped as someone tampering would.
  const entries = await readZip(file);
  const caseJson = entries.find(([n]) => n === 'data/case.json')![1];
  caseJson[20] ^= 0x01;
  const tampered = path.join(dir, 'tampered.zip');
  await writeZip(tampered, entries);
  await page.getByTestId('pack-verify-input').setInputFiles(tampered);
  await expect(page.getByTestId('pack-verdict')).toContainText('FAILED');
  await expect(page.getByTestId('pack-problems')).toContainText('data/case.json: changed');
  await expect(page.getByTestId('pack-verdict')).not.toContainText('VERIFIED');

  // An entry that climbs out of the unpacking folder, and a ZIP comment claiming TLP:CLEAR over the
  // signed TLP:RED: the rest is still read, the entry named, the marking mismatch warned (F-VERIFY-1, -4).
  const hostile = path.join(dir, 'received.zip');
  await writeZip(hostile, [...(await readZip(file)), ['xx/xx/evil.sh', Buffer.from('rm -rf ~')]], 'TLP:CLEAR - NEST Desk case pack - share freely');
  renameInZip(hostile, { 'xx/xx/evil.sh': '../../evil.sh' });
  await page.getByTestId('pack-verify-input').setInputFiles(hostile);
  await expect(page.getByTestId('pack-verdict')).toContainText('FAILED: received.zip does not verify. 1 difference');
  await expect(page.getByTestId('pack-problems')).toHaveText('../../evil.sh: unsafe file name (climbs out of its folder with ..): unpacking it could write outside the pack’s folder; the app never writes such a name, so it was added after export');
  await expect(page.getByTestId('pack-warnings')).toHaveText('WARNING: the ZIP comment says TLP:CLEAR, but the signed manifest says TLP:RED. Only the signed marking counts: handle this pack as TLP:RED.');
  await expect(page.getByTestId('pack-verdict')).not.toContainText('not a readable ZIP');
  await page.screenshot({ path: path.join(SHOTS, 'pack-verify-unsafe.png') });
});

/** A one-page PDF lab report made with pdf-lib (an exhibit's attached PDF; the pack adds a Bates-stamped copy). */
async function labReportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pg = pdf.addPage([595, 842]);
  pg.drawText('Forensic laboratory report KWS-LAB-2026-117', { x: 60, y: 760, size: 16, font });
  pg.drawText('Sample TZ-4471: Loxodonta africana (African elephant), DNA confirmed.', { x: 60, y: 730, size: 11, font });
  pdf.setCreationDate(new Date('2026-12-01T10:00:00Z'));
  pdf.setModificationDate(new Date('2026-12-01T10:00:00Z'));
  return pdf.save();
}

test('a pack with an exhibit, its photo and PDF: the files by hash, report.pdf, CSVs and STIX; verified, and a flipped byte named', async ({ page, host, requests, cspViolations }) => {
  test.setTimeout(360_000); // two exports, each printing report.pdf with Chromium, on a shared machine
  requirePoppler();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-exhibit-pack-'));
  const photo = path.join(dir, 'seal-bag-TZ-4471.png');
  const labPdf = path.join(dir, 'lab-report-KWS-LAB-2026-117.pdf');
  fs.writeFileSync(photo, evidencePng());
  fs.writeFileSync(labPdf, await labReportPdf());
  const sha = (f: string): string => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  const [photoSha, pdfSha] = [sha(photo), sha(labPdf)];

  await openDemoCase(page, host.url);
  const caseNumber = (await page.locator('.case-number-lg').textContent())!;
  await page.getByRole('tab', { name: 'Exhibits' }).click();
  await page.getByTestId('file-input').first().setInputFiles([photo, labPdf]);
  await expect(page.locator('tr[data-file="seal-bag-TZ-4471.png"]')).toContainText(photoSha.slice(0, 12));
  await expect(page.locator('tr[data-file="lab-report-KWS-LAB-2026-117.pdf"]')).toContainText(pdfSha.slice(0, 12));
  await page.getByRole('button', { name: 'Add exhibit' }).click();
  const form = page.getByRole('dialog', { name: 'Add exhibit' });
  await form.getByLabel('Description').fill('Raw ivory tusk, left, in sealed bag');
  await form.getByLabel('Type').selectOption('physical-item');
  await form.getByLabel(/^Seal/).fill('TZ-4471');
  await form.getByLabel(/^Current holder/).fill('Insp. Juma Otieno');
  await form.getByRole('checkbox', { name: /seal-bag-TZ-4471\.png/ }).check();
  await form.getByRole('checkbox', { name: /lab-report-KWS-LAB-2026-117\.pdf/ }).check();
  await form.getByRole('button', { name: 'Add exhibit' }).click();
  await expect(form).toBeHidden();
  await page.locator('tr[data-exhibit$="/EX-001"]').click();
  await page.getByRole('button', { name: 'Record hand-over' }).click();
  const handover = page.getByRole('dialog', { name: /Record a hand-over of/ });
  await handover.getByLabel('Received by').fill('Sgt. Wanjiru Kamau');
  await handover.getByLabel('Date and time').fill('2026-11-30T09:15');
  await handover.getByLabel(/^Place/).fill('Kilindini port, berth 5');
  await handover.getByLabel(/^Purpose/).fill('Transport to the evidence store');
  await handover.getByRole('button', { name: 'Record hand-over' }).click();
  await expect(handover).toBeHidden();

  const file = await exportPackFromUi(page);
  const entries = new Map(await readZip(file));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { files: { path: string; sha256: string; originalName?: string; exhibits?: string[] }[] };
  // The attached files as stored, named by hash, their bytes those of the originals.
  for (const [f, h] of [[photo, photoSha], [labPdf, pdfSha]] as const) {
    const bytes = entries.get(`exhibits/${h}`);
    expect(bytes, `exhibits/${h} in the pack`).toBeDefined();
    expect(createHash('sha256').update(bytes!).digest('hex')).toBe(h);
    expect(manifest.files.find((x) => x.path === `exhibits/${h}`)).toMatchObject({ sha256: h, originalName: path.basename(f), exhibits: [`${caseNumber}/EX-001`] });
  }
  expect(entries.get('report.pdf')!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect([...entries.keys()].filter((n) => n.startsWith('production/') && n.endsWith('.pdf'))).toHaveLength(1);
  const custody = entries.get('data/custody.csv')!.toString('utf8');
  expect(custody).toContain('Sgt. Wanjiru Kamau');
  expect(custody).toContain('Kilindini port, berth 5');
  const caseJson = JSON.parse(entries.get('data/case.json')!.toString('utf8')) as { exhibits: { description: string; seal: string }[] };
  expect(caseJson.exhibits.map((e) => e.description)).toEqual(['Raw ivory tusk, left, in sealed bag']);
  const bundle = JSON.parse(entries.get('data/stix-bundle.json')!.toString('utf8')) as { type: string; objects: { type: string }[] };
  expect(bundle.type).toBe('bundle');
  expect(bundle.objects.some((o) => o.type === 'grouping')).toBe(true);

  // report.pdf: the key fields in its text; the cover rendered for the docs.
  const reportFile = path.join(dir, 'report.pdf');
  fs.writeFileSync(reportFile, entries.get('report.pdf')!);
  const text = pdfText(reportFile);
  expect(text[0]).toContain(caseNumber);
  const all = text.join('\n');
  expect(all).toContain(`${caseNumber}/EX-001`);
  // A hash wraps inside its table cell: compared without the line breaks.
  expect(all.replace(/\s+/g, '')).toContain(photoSha);
  expect(all).toContain('Kilindini port, berth 5');
  renderPdfPage(reportFile, 1, 80, path.join(SHOTS, 'report-cover.png'));

  // The verify dialog passes the pack, then names the attached file whose byte was flipped.
  await page.getByTestId('pack-verify-open').click();
  await page.getByTestId('pack-verify-input').setInputFiles(file);
  await expect(page.getByTestId('pack-verdict')).toContainText('VERIFIED');
  const tampered = path.join(dir, 'tampered.zip');
  const flipped = Buffer.from(entries.get(`exhibits/${photoSha}`)!);
  flipped[flipped.length >> 1] ^= 0x01;
  await writeZip(tampered, [...entries].map(([n, b]) => [n, n === `exhibits/${photoSha}` ? flipped : b]));
  await page.getByTestId('pack-verify-input').setInputFiles(tampered);
  await expect(page.getByTestId('pack-verdict')).toContainText('FAILED');
  // Named by its hash path and, beside it, the original name from the manifest (tester F-UI-1).
  await expect(page.getByTestId('pack-problems')).toContainText(`exhibits/${photoSha} (original name “seal-bag-TZ-4471.png”): changed`);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

  // The same case under an Arabic title: the cover of its report, the title in logical order.
  const arabicTitle = 'ضبط عاج في ميناء مومباسا';
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByLabel('Title', { exact: true }).fill(arabicTitle);
  await page.getByLabel('Title', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(arabicTitle);
  const arabicPack = new Map(await readZip(await exportPackFromUi(page)));
  const arabicReport = path.join(dir, 'report-arabic.pdf');
  fs.writeFileSync(arabicReport, arabicPack.get('report.pdf')!);
  expect(pdfText(arabicReport)[0]).toContain(arabicTitle);
  renderPdfPage(arabicReport, 1, 80, path.join(SHOTS, 'report-arabic.png'));

  expect(offHost(requests, host.origin)).toEqual([]);
  expect(cspViolations).toEqual([]);
});
