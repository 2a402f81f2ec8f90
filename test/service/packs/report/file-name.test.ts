/**
 * File names in report.pdf (issue 14, F-PACK-1), with the tester's names, printed by a real
 * Chromium: the 200-character name is printed whole (wrapped, ".txt" included); the CJK/emoji name
 * is followed by the escapes of the characters the bundled font lacks; the Arabic name keeps its
 * extension at its end inside a left-to-right isolate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../../service/packs/pdf/chromium-printer';
import { fileNameHtml, missingGlyphEscapes } from '../../../../service/packs/report/file-name';
import { readReportModel } from '../../../../service/packs/report/report-model';
import { reportHeaderText, reportHtml } from '../../../../service/packs/report/report-html';
import { NOW, reportCase, type ReportCase } from './report-fixture';
import { pdfPages } from '../pdf/poppler';

let rc: ReportCase | null = null;
afterEach(() => {
  rc?.h.close();
  rc = null;
});

const LONG = `${'n'.repeat(196)}.txt`;
const EMOJI = '🐘 ivory 象牙 — café.txt';
const ARABIC = 'تقرير الضبط.txt';

describe('file names in the report', () => {
  it('escapes exactly the code points the bundled font lacks, and isolates an RTL base name from its extension', () => {
    expect(missingGlyphEscapes(EMOJI)).toBe('\\u{1F418} \\u8C61 \\u7259');
    expect(missingGlyphEscapes('café — Müller.pdf')).toBe('');
    expect(fileNameHtml(ARABIC)).toBe('<bdi dir="ltr" class="fname"><bdi dir="auto">تقرير الضبط</bdi>.txt</bdi>');
    expect(fileNameHtml('.env')).toBe('<bdi dir="ltr" class="fname"><bdi dir="auto">.env</bdi></bdi>');
  });

  it('prints a 200-character name whole and a CJK/emoji name with its code points', async () => {
    rc = await reportCase('File names');
    const m = await readReportModel(rc.rt, rc.caseId, rc.member, NOW);
    const f = m.exhibits[0]!.files[0]!;
    m.exhibits[0]!.files = [
      { ...f, name: LONG },
      { ...f, name: EMOJI, hash: 'a'.repeat(64) },
      { ...f, name: ARABIC, hash: 'b'.repeat(64) },
    ];
    const file = path.join(rc.dir, 'report.pdf');
    fs.writeFileSync(file, await chromiumPrinter()(reportHtml(m), { headerText: reportHeaderText(m) }));
    const text = pdfPages(file).join('\n');
    // Wrapped over lines, but every character is on the page.
    expect(text.replace(/\s+/g, '')).toContain(LONG);
    // Compared without white space: the escapes may wrap at any point, like the name.
    expect(text.replace(/\s+/g, '')).toContain('\\u{1F418}\\u8C61\\u7259');
    expect(text).toContain('ivory');
  }, 120_000);
});
