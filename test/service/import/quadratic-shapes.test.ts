/**
 * The two shapes issue 11 item 9 names as quadratic, at 20,000 lines: a CSV with an unclosed quote
 * on every line (8,000 lines took 5.5 s, 20,000 over 20 s: the reader re-parsed the rest of the
 * file from every such line) and a KML whose every placemark has its own ExtendedData name (8,000
 * took seconds in xmldom and togeojson before the 500-name limit could refuse it). Each must import
 * or be refused in time linear in its size: the bound is a second, or on a loaded machine a small
 * multiple of what a clean file of the same kind and size takes in the same run (time per byte),
 * whichever is more. The old code took 10 to 40 times the clean file's time, so the bound tells them apart.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParsedImport } from '../../../service/import';
import { MAX_GEO_COLUMNS } from '../../../service/import/geo-reader';
import { readCsv } from '../../../shared/csv';
import { NestError } from '../../../shared/errors';
import { utf8 } from './fixtures';

const N = 20_000;
/** A hostile file may take this many times a clean file's time per byte. */
const MAX_RATIO = 3;

/** Parses and times a file; returns the result or the clean refusal (anything else fails the test). */
function timed(fileName: string, text: string): { msPerByte: number; ms: number; parsed: ParsedImport | null; refusal: string | null } {
  const bytes = utf8(text);
  const t0 = performance.now();
  let parsed: ParsedImport | null = null;
  let refusal: string | null = null;
  try {
    parsed = parseImportFile({ fileName, bytes, defaults: { country: 'KE', sector: 'wildlife' } });
  } catch (err) {
    if (!(err instanceof NestError) || err.code !== 'import-failed') throw err;
    refusal = err.message;
  }
  const ms = performance.now() - t0;
  return { ms, msPerByte: ms / bytes.length, parsed, refusal };
}

/** The hostile file's time is within a second or {@link MAX_RATIO} × the clean file's time per byte. */
function expectLinear(hostile: { ms: number; msPerByte: number }, clean: { msPerByte: number }, bytes: number): void {
  expect(hostile.ms).toBeLessThan(Math.max(1000, MAX_RATIO * clean.msPerByte * bytes));
}

const HEADER = 'seizure_date,commodity,quantity,unit,latitude,longitude';

describe('the CSV with an unclosed quote on every line', () => {
  const hostile = [HEADER, ...Array.from({ length: N }, (_, i) => `2019-07-21,"ivory tusk ${i},12,kg,-4.05,39.66`)].join('\n');
  const clean = [HEADER, ...Array.from({ length: N }, (_, i) => `2019-07-21,ivory tusk ${i},12,kg,-4.05,39.66`)].join('\n');

  it('is read in linear time, every row rejected with its line and the column where the quote opens', () => {
    timed('warm.csv', clean); // the first parse pays for compiling the code
    const c = timed('clean.csv', clean);
    const h = timed('quotes.csv', hostile);
    expect(c.parsed?.report.imported).toBe(N);
    expect(h.parsed?.report.imported).toBe(0);
    expect(h.parsed?.report.rejectedRows).toBe(N);
    const rejected = h.parsed!.report.rejected;
    expect(rejected.map((r) => r.line)).toEqual(Array.from({ length: N }, (_, i) => i + 2));
    expect(rejected[N - 1]).toEqual({ line: N + 1, column: 'commodity', field: '', value: '', reason: 'a quote (") opened in this row is never closed; close the quote and import again' });
    expectLinear(h, c, hostile.length);
  });

  it('keeps the good rows between the bad ones', () => {
    const mixed = [HEADER, ...Array.from({ length: N }, (_, i) => (i % 2 ? `2019-07-21,ivory ${i},12,kg,-4.05,39.66` : `2019-07-21,"ivory ${i},12,kg,-4.05,39.66`))].join('\n');
    const h = timed('mixed.csv', mixed);
    expect(h.parsed?.report.imported).toBe(N / 2);
    expect(h.parsed?.seizures.slice(0, 2).map((s) => [s.line, s.fields.commodity, s.fields.quantity])).toEqual([[3, 'ivory 1', 12], [5, 'ivory 3', 12]]);
    expect(h.parsed?.report.rejected.slice(0, 2).map((r) => r.line)).toEqual([2, 4]);
  });
});

describe('the reader after an unclosed quote', () => {
  it('reads each later line as papaparse read the rest of the file as a whole', () => {
    // Cells that the line-by-line reading must take as papaparse does: empty quoted cells, escaped
    // quotes, spaces after a closing quote, quotes inside unquoted cells, blank lines, CRLF.
    const text = 'a,b,c\r\n1,"open,x\r\n"",2,3\r\n"""" ,q"r,s\r\n\r\n4,""x,5\r\n6,7,8\r\n';
    expect(readCsv(text).records.map((r) => [r.line, r.cells, r.blank, r.unclosedQuote?.column ?? null])).toEqual([
      [1, ['a', 'b', 'c'], false, null],
      [2, ['1', 'open,x\r\n"",2,3\r\n"""" ,q"r,s\r\n\r\n4,""x,5\r\n6,7,8\r\n'], false, 1],
      [3, ['', '2', '3'], false, null],
      [4, ['"', 'q"r', 's'], false, null],
      [5, [''], true, null],
      [6, ['4', '"x,5'], false, 1],
      [7, ['6', '7', '8'], false, null],
    ]);
  });
});

/** A KML document of `n` placemarks, the i-th with an ExtendedData field named by `name(i)`. */
function kmlOf(n: number, name: (i: number) => string): string {
  const placemarks = Array.from({ length: n }, (_, i) => `<Placemark><name>ivory</name><TimeStamp><when>2019-07-21</when></TimeStamp><ExtendedData><Data name="${name(i)}"><value>${i}</value></Data></ExtendedData><Point><coordinates>39.66,-4.05</coordinates></Point></Placemark>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('\n')}</Document></kml>`;
}

describe('the KML whose every placemark has its own property name', () => {
  it('is refused at once, naming the limit, before the XML is parsed', () => {
    const text = kmlOf(N, (i) => `p${i}`);
    const h = timed('props.kml', text);
    expect(h.refusal).toBe(`props.kml: its features use more than ${MAX_GEO_COLUMNS} different property names, so they cannot be read as columns; give the features common property names (e.g. commodity, quantity, unit)`);
    // No clean file is needed for the bound: the refusal reads the text once, without xmldom.
    expect(h.ms).toBeLessThan(1000);
  });

  it(`with up to ${MAX_GEO_COLUMNS} names, imports in linear time`, () => {
    const n = 2000;
    const clean = kmlOf(n, () => 'quantity_note');
    const hostile = kmlOf(n, (i) => `p${i % (MAX_GEO_COLUMNS - 20)}`);
    timed('warm.kml', clean);
    const c = timed('clean.kml', clean);
    const h = timed('names.kml', hostile);
    expect(h.parsed?.report.imported).toBe(n);
    expect(h.parsed?.headers.length).toBeGreaterThan(MAX_GEO_COLUMNS - 20);
    expectLinear(h, c, hostile.length);
  });
});
