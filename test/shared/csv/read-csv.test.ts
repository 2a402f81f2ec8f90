/** The one CSV reader: delimiters, physical lines across quoted line breaks, unclosed quotes, cell counts. */
import { describe, expect, it } from 'vitest';
import { cellCountRejection, describeRejections, readCsv, reasonWithFix, unclosedQuoteRejection } from '../../../shared/csv';
import { publicCsvBytes } from '../../service/import/fixtures';

describe('readCsv', () => {
  it('detects the delimiter, honours "sep=" and drops a byte-order mark', () => {
    expect(readCsv('a;b\n1,5;2\n').delimiter).toBe(';');
    expect(readCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    const sep = readCsv('\ufeffsep=|\r\na|b\r\n1|2\r\n');
    expect(sep.delimiter).toBe('|');
    expect(sep.records.map((r) => [r.line, r.cells])).toEqual([
      [2, ['a', 'b']],
      [3, ['1', '2']],
    ]);
  });

  it('lets the header decide: a cut-off last line and ";" inside values never make ";" the delimiter (tester finding)', () => {
    // The public data set cut inside row 5; its agency cells hold "; ", its header none.
    const cut = new TextDecoder().decode(publicCsvBytes().slice(0, 2000));
    const { delimiter, records } = readCsv(cut);
    expect(delimiter).toBe(',');
    expect(records.map((r) => r.cells.length)).toEqual([22, 22, 22, 22, 9]);
    expect(records[1]!.cells[15]).toBe('National Parks Board (NParks); Singapore Customs; Immigration & Checkpoints Authority (ICA)');
    // Only a delimiter the header holds counts, even when the rows split more evenly on another.
    expect(readCsv('date,agency\n2019-01-01,A; B\n2019-01-02,C; D').delimiter).toBe(',');
    // Among those the header holds, the one the rows agree with; a one-column file is ','.
    expect(readCsv('a;b,c\n1;2\n3;4\n').delimiter).toBe(';');
    expect(readCsv('a,b;c;d\n1,2;3\n4,5;6\n').delimiter).toBe(',');
    expect(readCsv('name\nx;y\n').delimiter).toBe(',');
  });

  it('uses a given delimiter without guessing', () => expect(readCsv('a;b,c\n1;2,3\n', { delimiter: ',' }).records[0]!.cells).toEqual(['a;b', 'c']));

  it('gives each record its physical line when a quoted cell spans lines', () => {
    const { records } = readCsv('h1,h2\n"one\ntwo\nthree",x\n\n4,5\n');
    expect(records.map((r) => [r.line, r.blank, r.cells])).toEqual([
      [1, false, ['h1', 'h2']],
      [2, false, ['one\ntwo\nthree', 'x']],
      [5, true, ['']],
      [6, false, ['4', '5']],
    ]);
  });

  it('flags an unclosed quote and resumes on the next line by default', () => {
    const { records } = readCsv('a,b,c\n1,"x,2\n3,y,z\n');
    expect(records.map((r) => [r.line, r.unclosedQuote ?? null])).toEqual([
      [1, null],
      [2, { column: 1, endLine: 2 }],
      [3, null],
    ]);
    expect(unclosedQuoteRejection(records[1]!, ['a', 'b', 'c'])).toEqual({ line: 2, column: 'b', value: '', reason: 'a quote (") opened in this row is never closed', fix: 'close the quote and import again' });
  });

  it("with unclosedQuote 'rest', names the lines the open quote swallowed", () => {
    const { records } = readCsv('a,b\n1,2\n"3,4\n5,6\n7,8\n', { unclosedQuote: 'rest' });
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
    const r = unclosedQuoteRejection(records[2]!)!;
    expect(reasonWithFix(r)).toBe('a quote (") opened in this row is never closed (lines 3–6 were read as this one row and are not imported); close the quote and import again');
  });

  it('rejects a record whose cell count differs from the header', () => {
    const { records } = readCsv('a,b,c\n1,2,3\n1,2,3,4\n1,2\n');
    expect(records.slice(1).map((r) => cellCountRejection(r, 3)?.reason ?? null)).toEqual([
      null,
      'has 4 cells but the header has 3: a value containing a comma must be in double quotes',
      'has 2 cells but the header has 3',
    ]);
  });

  it('describes rejections in one sentence, saying when the list was cut', () => {
    const list = Array.from({ length: 5 }, (_, i) => ({ line: i + 2, column: 'USD', value: '', reason: 'bad' }));
    expect(describeRejections(list, 2, 5)).toBe('line 2, USD: bad; line 3, USD: bad (and 3 more; the list stops at 5)');
  });
});
