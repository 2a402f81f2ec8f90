/** The CSV reader: delimiter detection, "sep=" lines, physical line numbers, blank rows. */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../service/import/csv-reader';

describe('readCsv', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1,5;2,5;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
  ])('detects the delimiter of %j', (text, delimiter) => expect(readCsv(text)?.delimiter).toBe(delimiter));

  it('detects ";" despite decimal commas and a trailing blank line', () => {
    expect(readCsv('Datum;Breite;Länge\r\n21.07.2019;1,274;103,764\r\n03.04.2019;1,274;103,764\r\n\r\n')?.delimiter).toBe(';');
  });

  it('flags a short last row with no line break after it as the file cut off, never a short row the file ends after', () => {
    const cut = readCsv('a,b,c\n1,2,3\n4,5')!;
    expect(cut.rows.map((r) => r.error ?? null)).toEqual([
      null,
      { column: 1, reason: 'the file ends inside this row: it has 2 cells of the header’s 3 and no line break after it, so the file looks cut off here; import the whole file (copy or download it again); the rows before this one are complete' },
    ]);
    expect(readCsv('a,b,c\n1,2,3\n4,5\n')!.rows.map((r) => r.error ?? null)).toEqual([null, null]);
    expect(readCsv('a,b,c\n1,2,3\n4,5,6')!.rows.map((r) => r.error ?? null)).toEqual([null, null]);
  });

  it('honours an Excel "sep=" line and counts it as a line', () => {
    const t = readCsv('sep=;\r\na;b\r\n1,5;2\r\n')!;
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['a', 'b']);
    expect(t.rows).toEqual([{ line: 3, cells: ['1,5', '2'], blank: false }]);
  });

  it('numbers rows by physical line, across quoted line breaks and CR-only files', () => {
    const t = readCsv('a,b\r\n"multi\r\nline",2\r\n\r\n3,4')!;
    expect(t.rows).toEqual([
      { line: 2, cells: ['multi\r\nline', '2'], blank: false },
      { line: 4, cells: [''], blank: true },
      { line: 5, cells: ['3', '4'], blank: false },
    ]);
    expect(readCsv('a,b\r1,2\r3,4\r')!.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('flags rows of empty cells as blank and skips blank lines before the header', () => {
    const t = readCsv('\n\na,b\n,\n 1 ,2\n')!;
    expect(t.headers).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 4, cells: ['', ''], blank: true },
      { line: 5, cells: [' 1 ', '2'], blank: false },
    ]);
  });

  it('returns null for text without any non-blank row', () => expect(readCsv('\r\n ,  \r\n')).toBeNull());
});

describe('unclosed quotes', () => {
  it('report the row and the column where the quote opens, and keep reading the rows after it', () => {
    const t = readCsv('date,country,place,commodity\n2019-07-21,SG,Pasir Panjang,ivory\n2019-04-03,SG,"Pasir Panjang,ivory\n2018-03-05,VN,Hai Phong,pangolin scales\n2018-03-06,VN,Hai Phong,pangolin scales\n')!;
    expect(t.rows.map((r) => [r.line, r.cells[2], r.error?.column ?? null])).toEqual([
      [2, 'Pasir Panjang', null],
      [3, expect.stringContaining('Pasir Panjang'), 2],
      [4, 'Hai Phong', null],
      [5, 'Hai Phong', null],
    ]);
    expect(t.rows[1]!.error?.reason).toMatch(/never closed/);
  });

  it('resume after a quote that a later line seems to close, and still read a valid multi-line cell', () => {
    const t = readCsv('a,b,c\n1,"x,2\n3,y,z\n4,"multi\nline",w\n')!;
    expect(t.rows.filter((r) => !r.error).map((r) => [r.line, r.cells])).toEqual([
      [3, ['3', 'y', 'z']],
      [4, ['4', 'multi\nline', 'w']],
    ]);
    expect(t.rows.find((r) => r.error)).toMatchObject({ line: 2, error: { column: 1 } });
  });
});
