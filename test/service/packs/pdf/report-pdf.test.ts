/**
 * report.pdf through a real headless Chromium (Debian's /usr/bin/chromium, or NEST_CHROMIUM): the
 * extracted text (pdftotext) holds the case number, the title — an Arabic one in logical order, a
 * French and a Spanish one with their accents — the TLP marking on every page and the exhibit's
 * SHA-256; the cover rendered with pdftoppm has ink in the title area and none in an empty margin.
 * Also: with no Chromium anywhere, a catalogue error that says how to fix it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../../service/packs/pdf/chromium-printer';
import { chromiumCandidates, findChromium } from '../../../../service/packs/pdf/find-chromium';
import { readReportModel } from '../../../../service/packs/report/report-model';
import { reportHeaderText, reportHtml } from '../../../../service/packs/report/report-html';
import { NestError } from '../../../../shared/errors';
import { t } from '../../../../shared/messages/format';
import { NOW, reportCase, type ReportCase } from '../report/report-fixture';
import { darkShare, pdfPages, renderPage } from './poppler';

let rc: ReportCase | null = null;
afterEach(() => {
  rc?.h.close();
  rc = null;
});

/** Bidi controls pdftotext wraps right-to-left runs in (RLE … PDF, RLI … PDI, marks). */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

async function printed(title: string): Promise<{ file: string; pages: string[]; hash: string; number: string }> {
  rc = await reportCase(title);
  const m = await readReportModel(rc.rt, rc.caseId, rc.member, NOW);
  const pdf = await chromiumPrinter()(reportHtml(m), { headerText: reportHeaderText(m) });
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const file = path.join(rc.dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  // Lines wrap where the page ends them: compare with runs of white space as one space.
  return { file, pages: pdfPages(file).map((p) => p.replace(/\s+/g, ' ')), hash: rc.pdfFile.hash, number: rc.number };
}

describe('report.pdf printed by Chromium', () => {
  it('holds the key fields, an Arabic title in logical order and the TLP marking on every page; the cover has ink where the title is', async () => {
    const title = 'عاج عبر باسير بانجانغ';
    const { file, pages, hash, number } = await printed(title);
    // The cover stands alone; the sections run on from page 2 (no near-empty page per section).
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).not.toContain('Summary and notes');
    expect(pages[1]).toContain('Summary and notes');
    for (const [i, p] of pages.entries()) expect(p, `page ${i + 1}`).toContain('TLP:AMBER');
    const all = pages.join('\n').replace(BIDI, '');
    expect(all).toContain(number);
    // Logical order: the first word typed is the first extracted (a visual-order extraction would reverse the letters).
    expect(all).toContain(title);
    expect(all.replace(/\s+/g, '')).toContain(hash);
    expect(all).toContain('Gap: released by someone other than the last receiver');
    // The cover: the title line (right-aligned Arabic, about 22–27 % down an A4 page) has ink; the band below the footer has none.
    const img = renderPage(file, 1, 72, path.join(path.dirname(file), 'cover'));
    expect(darkShare(img, { x0: 0.45, y0: 0.2, x1: 0.95, y1: 0.27 })).toBeGreaterThan(0.03);
    expect(darkShare(img, { x0: 0.05, y0: 0.8, x1: 0.95, y1: 0.9 })).toBe(0);
  }, 180_000);

  it('keeps French and Spanish accents', async () => {
    const fr = await printed('Bois de rose saisi à Dakar : enquête élargie');
    expect(fr.pages.join('\n')).toContain('Bois de rose saisi à Dakar : enquête élargie');
    rc?.h.close();
    rc = null;
    const es = await printed('Aleta de tiburón en el puerto de Callao: señal de alarma');
    expect(es.pages.join('\n')).toContain('Aleta de tiburón en el puerto de Callao: señal de alarma');
    // The entity and vessel names of the case keep theirs too.
    expect(es.pages.join('\n')).toContain('Jean-Baptiste Müller');
    expect(es.pages.join('\n')).toContain('MV Señora del Mar');
  }, 240_000);
});

describe('findChromium', () => {
  it('uses NEST_CHROMIUM alone when set, and says what was tried and how to fix it when nothing is there', () => {
    expect(findChromium({ NEST_CHROMIUM: '/opt/x/chrome' }, 'linux', (p) => p === '/opt/x/chrome')).toBe('/opt/x/chrome');
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
    expect(chromiumCandidates('darwin', { HOME: '/Users/a' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    let err: unknown = null;
    try {
      findChromium({ NEST_CHROMIUM: '/nowhere/chromium' }, 'linux', () => false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).code).toBe('export-failed');
    expect((err as NestError).message).toBe(t('report.print.no-chromium', { tried: '/nowhere/chromium' }));
    expect((err as NestError).message).toMatch(/looked in: \/nowhere\/chromium\).*NEST_CHROMIUM/);
  });
});
