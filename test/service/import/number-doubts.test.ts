/**
 * A number column is never decided by a guess (issue 11 item 1; tester findings F13 and F3b, the
 * tester's own files in test/fixtures/import-numbers): a money column whose one Swiss value would
 * decide it against the file's decimal comma, a column mixing both marks, a column in several
 * currencies, and Indian digit grouping. Values and sentences are asserted exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseImportInput } from '../../../service/import';
import { inferNumberFormat } from '../../../service/import/numbers';

const fixture = (name: string, extra: Partial<ParseImportInput> = {}) =>
  parseImportFile({ fileName: name, bytes: readFileSync(path.join(__dirname, '../../fixtures/import-numbers', name)), stage: 'preview', ...extra });
const csv = (text: string, extra: Partial<ParseImportInput> = {}) => parseImportFile({ fileName: 'in.csv', bytes: new TextEncoder().encode(text), stage: 'preview', ...extra });

describe('F13: r-french.csv, a ;-separated file with decimal commas and a value column "€1.250", "1.250 €", "CHF 1\'250.50"', () => {
  it('holds the two euro rows back with both readings instead of storing EUR 1.25; the CHF row (which shows its own mark) imports', () => {
    const parsed = fixture('r-french.csv');
    expect(parsed.seizures.map((s) => [s.line, s.fields.quantity, s.fields.reportedValue, s.fields.reportedCurrency])).toEqual([[4, 12, 1250.5, 'CHF']]);
    const why = "only 1 value of the column shows a decimal point (line 4 'CHF 1'250.50') while the file’s column 'latitude' uses a decimal comma (line 2 '-4,05')";
    expect(parsed.report.rejected).toEqual([
      { line: 2, column: 'value', field: 'reportedValue', value: '€1.250', reason: `'1.250' is 1.25 with a decimal point but 1250 with a decimal comma, and ${why}`, fix: `choose the decimal mark of 'value' in the preview (command line: --decimal-mark "value=,")` },
      { line: 3, column: 'value', field: 'reportedValue', value: '1.250 €', reason: `'1.250' is 1.25 with a decimal point but 1250 with a decimal comma, and ${why}`, fix: `choose the decimal mark of 'value' in the preview (command line: --decimal-mark "value=,")` },
    ]);
    const value = parsed.report.formats.find((f) => f.column === 'value')!;
    expect(value).toMatchObject({ decidedBy: 'guess', ambiguous: ['€1.250', '1.250 €'] });
    expect(value.markDoubt).toEqual({ why: 'file', mark: '.', shown: 1, first: { line: 4, value: "CHF 1'250.50" }, other: { column: 'latitude', mark: ',', line: 2, value: '-4,05' }, hint: ',' });
    expect(value.summary).toBe(`value: decimal mark not decided — '€1.250', '1.250 €' could be read either way: ${why}; choose the decimal mark`);
    expect(parsed.report.warnings).toContain(
      "Column 'value': 2 rows were held back because their values read differently depending on a choice the column does not decide; choose it in the preview (or on the command line) to import them.",
    );
  });

  it('with the comma chosen for the column every row imports with the value written: 1250 EUR, 1250 EUR, 1250.50 CHF', () => {
    const parsed = fixture('r-french.csv', { decimalMarks: { value: ',' } });
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures.map((s) => [s.fields.quantity, s.fields.reportedValue, s.fields.reportedCurrency])).toEqual([[1250.5, 1250, 'EUR'], [2.5, 1250, 'EUR'], [12, 1250.5, 'CHF']]);
    expect(parsed.report.formats.find((f) => f.column === 'value')).toMatchObject({ decidedBy: 'choice', summary: 'value: comma decimal, dot thousands — your choice' });
  });

  it('the same column in one currency is still held back by the file (delimiter only, no other column)', () => {
    const parsed = csv('date;country;commodity;value;currency\n2019-01-01;KE;ivory;1.250;EUR\n2019-01-02;KE;ivory;2.500;EUR\n2019-01-03;KE;ivory;3.75;EUR\n');
    expect(parsed.seizures.map((s) => s.fields.reportedValue)).toEqual([3.75]);
    expect(parsed.report.formats.find((f) => f.column === 'value')!.summary).toBe(
      "value: decimal mark not decided — '1.250', '2.500' could be read either way: only 1 value of the column shows a decimal point (line 4 '3.75') while the file is ;-separated, as spreadsheets with a decimal comma write it; choose the decimal mark",
    );
  });

  it('a column whose values mostly show their mark is read with it, even against the file: the rule is about a minority deciding', () => {
    const parsed = csv('date;country;commodity;value;currency\n2019-01-01;KE;ivory;1.250;EUR\n2019-01-02;KE;ivory;2.50;EUR\n2019-01-03;KE;ivory;3.75;EUR\n');
    expect(parsed.seizures.map((s) => s.fields.reportedValue)).toEqual([1.25, 2.5, 3.75]);
    expect(parsed.report.formats.find((f) => f.column === 'value')!.summary).toBe('value: point decimal — from 2 values');
  });

  it('a column in several currencies is held back even where the file agrees with it, naming the currencies', () => {
    const parsed = csv('date,country,commodity,value\n2019-01-01,KE,ivory,"USD 1,500.50"\n2019-01-02,KE,ivory,"USD 2,250.75"\n2019-01-03,KE,ivory,"€1,250"\n2019-01-04,KE,ivory,"USD 3,000"\n');
    expect(parsed.seizures.map((s) => [s.fields.reportedValue, s.fields.reportedCurrency])).toEqual([[1500.5, 'USD'], [2250.75, 'USD']]);
    expect(parsed.report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, "'1,250' is 1250 with a decimal point but 1.25 with a decimal comma, and the column’s values are in 2 currencies (USD, EUR), so one value’s mark does not decide another’s"],
      [5, "'3,000' is 3000 with a decimal point but 3 with a decimal comma, and the column’s values are in 2 currencies (USD, EUR), so one value’s mark does not decide another’s"],
    ]);
    // The currency column counts as well as a code in the cell.
    const column = csv('date,country,commodity,value,currency\n2019-01-01,KE,ivory,"1,500.50",USD\n2019-01-02,KE,ivory,"1,250",EUR\n');
    expect(column.report.formats.find((f) => f.column === 'value')!.markDoubt).toEqual({ why: 'currencies', currencies: ['USD', 'EUR'] });
    // One currency, all agreeing, a majority of showing values: decided by its cells.
    expect(csv('date,country,commodity,value\n2019-01-01,KE,ivory,"USD 1,500.50"\n2019-01-02,KE,ivory,"USD 1,250"\n').seizures.map((s) => s.fields.reportedValue)).toEqual([1500.5, 1250]);
  });

  it('the shared import case 02 (8.8 t beside "1,200" and "7,200" kg in a comma file) still imports as the spec says', () => {
    const parsed = parseImportFile({ fileName: '02-dms-coordinates.csv', bytes: readFileSync('../shared/cases/import/02-dms-coordinates.csv') });
    expect(parsed.seizures.map((s) => s.fields.quantity)).toEqual([8.8, 1200, 7200]);
  });

  it('inferNumberFormat: the rules in order, with a choice overriding all of them', () => {
    const others = [{ column: 'quantity', mark: ',' as const, line: 2, value: '2,5' }];
    expect(inferNumberFormat(['1.250', '2.5'], '.', undefined, { otherColumns: others }).doubt).toEqual({ why: 'file', mark: '.', shown: 1, first: { line: 3, value: '2.5' }, other: others[0], hint: '.' });
    expect(inferNumberFormat(['1.250', '2.5', '3.5'], '.', undefined, { otherColumns: others }).doubt).toBeNull();
    expect(inferNumberFormat(['1.250', '2.5'], '.', ',', { otherColumns: others })).toMatchObject({ decidedBy: 'choice', doubt: null, ambiguous: [] });
    expect(inferNumberFormat(['1.250', '2.5'], ',', undefined, {}).doubt).toMatchObject({ why: 'file', other: null, hint: ',' });
    expect(inferNumberFormat(['1.250', '2.5'], ',', undefined, { otherColumns: [{ ...others[0]!, mark: '.' }] }).doubt).toBeNull();
    expect(inferNumberFormat(['1.250', '1.250'], '.', undefined, { currencies: ['EUR', 'CHF'] }).doubt).toEqual({ why: 'none' });
    expect(inferNumberFormat(['42', '2.5'], '.', undefined, { currencies: ['EUR', 'CHF'] })).toMatchObject({ decidedBy: 'cells', doubt: null });
  });
});

describe('F3b: p-conflict.csv, a quantity column holding "1,25" (only a decimal comma), "1.5" (only a point) and "1,250"', () => {
  it('says the column mixes both marks, naming a line and value of each; the two that show their mark import', () => {
    const parsed = fixture('p-conflict.csv');
    expect(parsed.seizures.map((s) => [s.line, s.fields.quantity])).toEqual([[2, 1.25], [3, 1.5]]);
    const mixed = "the column mixes both marks (line 2 '1,25' has a decimal comma, line 3 '1.5' a decimal point)";
    expect(parsed.report.rejected).toEqual([
      { line: 4, column: 'quantity', field: 'quantity', value: '1,250', reason: `'1,250' is 1250 with a decimal point but 1.25 with a decimal comma, and ${mixed}`, fix: `choose the decimal mark of 'quantity' in the preview (command line: --decimal-mark "quantity=,")` },
    ]);
    const f = parsed.report.formats.find((x) => x.column === 'quantity')!;
    expect(f.markDoubt).toEqual({ why: 'mixed', point: { line: 3, value: '1.5' }, comma: { line: 2, value: '1,25' } });
    expect(f.summary).toBe(`quantity: decimal mark not decided — '1,250' could be read either way: ${mixed}; choose the decimal mark`);
    expect(fixture('p-conflict.csv', { decimalMarks: { quantity: '.' } }).seizures.map((s) => s.fields.quantity)).toEqual([1.25, 1.5, 1250]);
  });
});

describe('q-lakh.csv: Indian digit grouping is refused with a fix', () => {
  it('names the grouping and writes the number two readable ways; other misplaced grouping gets the general fix', () => {
    const parsed = fixture('q-lakh.csv');
    expect(parsed.seizures.map((s) => s.fields.quantity)).toEqual([2.5]);
    expect(parsed.report.rejected.map((r) => [r.line, r.value, r.reason, r.fix])).toEqual([
      [2, '1,25,000', "'1,25,000' has misplaced thousands separators", 'Indian digit grouping (1,25,000) is not read; write 125000 or 125,000'],
      [4, '12,34,567.5', "'12,34,567.5' has misplaced thousands separators", 'Indian digit grouping (12,34,567.5) is not read; write 1234567.5 or 1,234,567.5'],
      [5, '1.250.5', "'1.250.5' has misplaced thousands separators", 'write the number without thousands separators, or with every group after the first of exactly three digits (1250000 or 1,250,000)'],
      [6, '1,2,3', "'1,2,3' has misplaced thousands separators", 'write the number without thousands separators, or with every group after the first of exactly three digits (1250000 or 1,250,000)'],
    ]);
  });
});
