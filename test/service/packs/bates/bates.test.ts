/**
 * Bates numbering and load files: numbers continuous across documents with the prefix and padding
 * asked for; bad prefixes and overflow refused; the Opticon and Concordance files list each
 * document and its page range and parse back to what was written (Arabic and a ¶ inside a value
 * included); stamped PDFs carry their labels on every page (pdftotext) and leave the input bytes
 * untouched.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignBates, batesLabel } from '../../../../service/packs/bates/bates-numbers';
import { concordanceText, parseConcordance } from '../../../../service/packs/bates/concordance';
import { opticonText, parseOpticon } from '../../../../service/packs/bates/opticon';
import { pdfPageCount, stampPdf } from '../../../../service/packs/bates/stamp-pdf';
import { NestError } from '../../../../shared/errors';
import { twoPagePdf } from '../report/report-fixture';
import { pdfPages } from '../pdf/poppler';
import { tempDir } from '../../../helpers/temp-dir';

const O = { prefix: 'NEST-', digits: 7 };

describe('Bates numbers', () => {
  it('are continuous across documents, prefixed and zero-padded', () => {
    const r = assignBates(
      [
        { path: 'report.pdf', pages: 9 },
        { path: 'production/a.pdf', pages: 2 },
        { path: 'production/b.pdf', pages: 1 },
      ],
      O,
    );
    expect(r.map((d) => [d.first, d.last])).toEqual([
      ['NEST-0000001', 'NEST-0000009'],
      ['NEST-0000010', 'NEST-0000011'],
      ['NEST-0000012', 'NEST-0000012'],
    ]);
    for (let i = 1; i < r.length; i++) expect(r[i]!.firstNumber).toBe(r[i - 1]!.lastNumber + 1);
    expect(assignBates([{ path: 'x.pdf', pages: 3 }], { prefix: 'ABC', digits: 4, start: 998 }).map((d) => [d.first, d.last])).toEqual([['ABC0998', 'ABC1000']]);
    expect(batesLabel(42, { prefix: '', digits: 3 })).toBe('042');
  });

  it('refuses a prefix with other characters and numbers past the width', () => {
    expect(() => batesLabel(1, { prefix: 'NE ST' })).toThrow(NestError);
    expect(() => batesLabel(1, { prefix: 'NEST/' })).toThrow(/may hold only letters/);
    expect(() => assignBates([{ path: 'x.pdf', pages: 2 }], { prefix: 'N', digits: 2, start: 99 })).toThrow(/would pass 99 with 2 digits/);
  });
});

describe('load files', () => {
  const docs = assignBates(
    [
      { path: 'report.pdf', pages: 3 },
      { path: 'production/NEST-0000004.pdf', pages: 2 },
    ],
    O,
  );

  it('Opticon: one CRLF line per page, a document break with the page count on each first page', () => {
    const text = opticonText(docs, O);
    expect(text.split('\r\n')).toEqual([
      'NEST-0000001,VOL001,report.pdf,Y,,,3',
      'NEST-0000002,VOL001,report.pdf,,,,',
      'NEST-0000003,VOL001,report.pdf,,,,',
      'NEST-0000004,VOL001,production\\NEST-0000004.pdf,Y,,,2',
      'NEST-0000005,VOL001,production\\NEST-0000004.pdf,,,,',
      '',
    ]);
    const back = parseOpticon(text);
    expect(back.filter((l) => l.documentBreak).map((l) => [l.imageKey, l.imagePath, l.pageCount])).toEqual([
      ['NEST-0000001', 'report.pdf', 3],
      ['NEST-0000004', 'production\\NEST-0000004.pdf', 2],
    ]);
    expect(back).toHaveLength(5);
  });

  it('Concordance: þ-quoted, ¶-separated, UTF-8 with a BOM, and it parses back to what was written', () => {
    const table = {
      fields: ['BEGBATES', 'ENDBATES', 'PAGECOUNT', 'TITLE'],
      rows: [
        ['NEST-0000001', 'NEST-0000003', '3', 'عاج عبر باسير بانجانغ'],
        ['NEST-0000004', 'NEST-0000005', '2', 'Line one\nline two ¶ with a pilcrow'],
      ],
    };
    const text = concordanceText(table);
    expect(text.startsWith('\ufeffþBEGBATESþ¶þENDBATESþ¶þPAGECOUNTþ¶þTITLEþ\r\n')).toBe(true);
    expect(text).toContain('þNEST-0000004þ¶þNEST-0000005þ¶þ2þ¶þLine one®line two ¶ with a pilcrowþ\r\n');
    expect(parseConcordance(text)).toEqual(table);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('stampPdf', () => {
  it('stamps every page with its label and marking, and leaves the input untouched', async () => {
    const input = await twoPagePdf('Exhibit');
    const before = createHash('sha256').update(input).digest('hex');
    expect(await pdfPageCount(input, 'x.pdf')).toBe(2);
    const out = await stampPdf(input, { ...O, firstNumber: 10, marking: 'TLP:AMBER', name: 'x.pdf' });
    expect(out.pages).toBe(2);
    expect(createHash('sha256').update(input).digest('hex')).toBe(before);
    const file = path.join(tempDir('nest-bates-'), 'stamped.pdf');
    fs.writeFileSync(file, out.bytes);
    const pages = pdfPages(file);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/TLP:AMBER\s+NEST-0000010/);
    expect(pages[1]).toMatch(/TLP:AMBER\s+NEST-0000011/);
    expect(pages[1]).toContain('Exhibit page 2');
  });

  it('names a file that is not a PDF', async () => {
    await expect(stampPdf(new TextEncoder().encode('not a pdf'), { ...O, firstNumber: 1, name: 'scan.pdf' })).rejects.toThrow(/scan\.pdf is not a PDF that can be stamped/);
  });
});
