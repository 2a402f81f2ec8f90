/**
 * Issue 11 item 1: a number, date or coordinate whose reading depends on a guess is never
 * imported unflagged. Each test feeds the values that showed the defect (a comma-decimal "1.250"
 * read as 1.25 kg, 1,000× too small) and asserts the exact values or the refusal with its fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseImportInput } from '../../../service/import';
import { coordinateFormat } from '../../../service/import/coordinate-format';
import { parseDate } from '../../../service/import/dates';
import { dependsOnDecimalMark, inferNumberFormat } from '../../../service/import/numbers';
import { parseQuantity } from '../../../service/import/quantity';

const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (text: string, extra: Partial<ParseImportInput> = {}) => parseImportFile({ fileName: 'in.csv', bytes: utf8(text), ...extra });
const H = 'seizure_date,country_iso2,commodity,quantity,unit';

describe('numbers: the decimal mark of a column', () => {
  it('["10.500","2.000","1.250"] is never read 1000× too small: no row is imported until the mark is chosen', () => {
    const text = `${H}\n2019-07-21,SG,ivory,10.500,kg\n2019-07-22,SG,ivory,2.000,kg\n2019-07-23,SG,ivory,1.250,kg\n`;
    const guessed = csv(text);
    expect(guessed.seizures).toEqual([]);
    expect(guessed.report.rejectedRows).toBe(3);
    expect(guessed.report.rejected.map((r) => r.value)).toEqual(['10.500', '2.000', '1.250']);
    expect(guessed.report.rejected.every((r) => r.fix?.includes('--decimal-mark "quantity=,"'))).toBe(true);
    const comma = csv(text, { decimalMarks: { quantity: ',' } });
    expect(comma.seizures.map((s) => s.fields.quantity)).toEqual([10500, 2000, 1250]);
    expect(comma.report.formats.find((f) => f.column === 'quantity')).toMatchObject({ decidedBy: 'choice', decimalMark: ',', summary: 'quantity: comma decimal, dot thousands — your choice' });
  });

  it('a ;-separated German file whose quantity column proves nothing is held back too (the file format is only a hint)', () => {
    const text = 'Datum;Land;Ware;Menge;Einheit\n21.07.2019;SG;Elfenbein;1.250;kg\n22.07.2019;SG;Elfenbein;8;kg\n';
    const held = csv(text, { mapping: { Datum: 'seizureDate', Land: 'country', Ware: 'commodity', Menge: 'quantity', Einheit: 'unit' } });
    expect(held.seizures.map((s) => s.fields.quantity)).toEqual([8]);
    expect(held.report.rejected[0]).toMatchObject({ line: 2, column: 'Menge', value: '1.250', reason: "'1.250' is 1.25 with a decimal point but 1250 with a decimal comma, and the column does not show which it uses" });
  });

  it('a column whose cells prove the mark decides it: comma decimal, dot thousands, from the count of values', () => {
    const f = inferNumberFormat(['1.234,5', '8,8', '1.250', '12'], '.');
    expect(f).toEqual({ mark: ',', thousands: 'dot', decidedBy: 'cells', values: 4, deciding: 2, ambiguous: [], doubt: null });
    const parsed = csv(`${H}\n2019-07-21,SG,x,"1.234,5",kg\n2019-07-21,SG,x,"8,8",kg\n2019-07-21,SG,x,1.250,kg\n`);
    expect(parsed.seizures.map((s) => s.fields.quantity)).toEqual([1234.5, 8.8, 1250]);
    expect(parsed.report.formats.find((f) => f.column === 'quantity')!.summary).toBe('quantity: comma decimal, dot thousands — from 2 values');
  });

  it('point decimal with comma thousands and Swiss apostrophes', () => {
    expect(inferNumberFormat(['7,200,000', '1,500', '2.5'], ',')).toEqual({ mark: '.', thousands: 'comma', decidedBy: 'cells', values: 3, deciding: 2, ambiguous: [], doubt: null });
    expect(inferNumberFormat(["1'250.5", "12'000"], ',').thousands).toBe('apostrophe');
  });

  it('a column mixing both proven marks guesses only for its ambiguous cells, and lists them', () => {
    const f = inferNumberFormat(['8,8', '2.5', '1,500', '3.7'], '.');
    expect(f).toMatchObject({ mark: '.', decidedBy: 'guess', ambiguous: ['1,500'] });
  });

  it('a column none of whose cells shows a decimal mark says so and claims no reading (tester finding: "comma decimal — from 2 values" for 17600000 and 52300000)', () => {
    expect(inferNumberFormat(['17600000', '52300000'], ',')).toMatchObject({ decidedBy: 'cells', values: 2, deciding: 0 });
    const parsed = parseImportFile({ fileName: '01-semicolon-decimal-comma.csv', bytes: readFileSync('../shared/cases/import/01-semicolon-decimal-comma.csv') });
    const summaries = parsed.report.formats.map((f) => f.summary);
    expect(summaries).toContain('Wert: no value decides the decimal mark; none needed');
    expect(summaries).toContain('Menge: comma decimal — from 2 values');
    const noValues = csv(`${H}\n2019-07-21,SG,x,,\n`);
    expect(noValues.report.formats.find((f) => f.column === 'quantity')!.summary).toBe('quantity: no value decides the decimal mark; none needed');
  });

  it('which cells depend on the mark', () => {
    expect(['1.250', '8.000', '1,500', '-1,234'].map(dependsOnDecimalMark)).toEqual([true, true, true, true]);
    expect(['42', '8,8', '1.234,5', '7,200,000', '0,274', '1.2e3', ''].map(dependsOnDecimalMark)).toEqual([false, false, false, false, false, false, false]);
  });

  it('"10-200" is not 10200, and not 10 of the unit "-200"', () => {
    const q = parseQuantity('10-200', '.');
    expect(q.ok).toBe(false);
    const parsed = csv(`${H}\n2019-07-21,SG,x,10-200,kg\n`);
    expect(parsed.seizures).toEqual([]);
    expect(parsed.report.rejected[0]).toMatchObject({ line: 2, column: 'quantity', value: '10-200' });
  });

  it('the reported value column is held back the same way ("SGD 1.250")', () => {
    const parsed = csv(`${H},reported_value\n2019-07-21,SG,x,1,kg,SGD 1.250\n`);
    expect(parsed.seizures).toEqual([]);
    expect(parsed.report.rejected[0]).toMatchObject({ column: 'reported_value', field: 'reportedValue', value: 'SGD 1.250' });
    expect(csv(`${H},reported_value\n2019-07-21,SG,x,1,kg,SGD 1.250\n`, { decimalMarks: { reported_value: ',' } }).seizures[0]!.fields.reportedValue).toBe(1250);
  });

  it('every column of the public data set is decided by its own cells: all 59 rows import, nothing guessed', () => {
    const parsed = parseImportFile({ fileName: 'seizures-public.csv', bytes: readFileSync('../shared/data/seizures-public.csv') });
    expect(parsed.report.imported).toBe(59);
    expect(parsed.report.formats.map((f) => [f.column, f.decidedBy])).toEqual([
      ['seizure_date', 'cells'], ['latitude', 'cells'], ['longitude', 'cells'], ['quantity', 'cells'], ['reported_value', 'cells'],
    ]);
    expect(parsed.report.formats.find((f) => f.column === 'quantity')!.summary).toBe('quantity: point decimal — from 13 values');
  });
});

describe('dates: the day-month order of a column', () => {
  it('"2019-07-211" is refused, not read as 2019-07-21', () => {
    expect(parseDate('2019-07-211', 'DMY').ok).toBe(false);
    const parsed = csv(`${H}\n2019-07-211,SG,x,1,kg\n`);
    expect(parsed.seizures).toEqual([]);
    expect(parsed.report.rejected[0]).toMatchObject({ line: 2, column: 'seizure_date', value: '2019-07-211' });
  });

  it('an undecided column of slash dates imports the unambiguous ones and holds back 03/04/2019 until the order is chosen', () => {
    const text = `${H}\n03/04/2019,SG,x,1,kg\n05/05/2019,SG,x,1,kg\n`;
    expect(csv(text).seizures.map((s) => s.fields.seizureDate)).toEqual(['2019-05-05']);
    expect(csv(text, { dateOrder: 'MDY' }).seizures.map((s) => s.fields.seizureDate)).toEqual(['2019-03-04', '2019-05-05']);
    expect(csv(text, { dateOrder: 'DMY' }).report.formats[0]!.summary).toBe('seizure_date: day first — your choice');
  });

  it('a column with 21/07/2019 proves day first', () => {
    const parsed = csv(`${H}\n03/04/2019,SG,x,1,kg\n21/07/2019,SG,x,1,kg\n`);
    expect(parsed.seizures.map((s) => s.fields.seizureDate)).toEqual(['2019-04-03', '2019-07-21']);
    expect(parsed.report.formats[0]!.summary).toBe('seizure_date: day first — from 2 values');
  });
});

describe('coordinates: hemisphere letters', () => {
  it('an unlettered 4.1 in a column of S latitudes is held back (it would land 900 km north)', () => {
    expect(coordinateFormat(['4.05 S', '3.98 S', '4.1'])).toEqual({ decidedBy: 'guess', ambiguous: ['4.1'] });
    expect(coordinateFormat(['1.27 N', '1.3'])).toEqual({ decidedBy: 'cells', ambiguous: [] });
    expect(coordinateFormat(['-4.05', '4.1'])).toEqual({ decidedBy: 'cells', ambiguous: [] });
    const parsed = csv(`${H},latitude,longitude\n2019-07-21,KE,x,1,kg,4.05 S,39.67 E\n2019-07-22,KE,x,1,kg,4.1,39.6\n`);
    expect(parsed.seizures.map((s) => s.fields.latitude)).toEqual([-4.05]);
    expect(parsed.report.rejected[0]).toMatchObject({
      line: 3, column: 'latitude', value: '4.1',
      reason: "'4.1' has no hemisphere letter or sign while other cells of the column have S or W letters",
      fix: 'write the hemisphere letter (N, S, E or W) or a minus sign in the file and import it again',
    });
  });

  it('DMS with letters reads exactly', () => {
    const parsed = csv(`${H},latitude,longitude\n2019-07-21,KE,x,1,kg,"4° 3' 0"" S","39° 40' 0"" E"\n`);
    expect(parsed.seizures[0]!.fields.latitude).toBe(-4.05);
    expect(parsed.seizures[0]!.fields.longitude).toBeCloseTo(39.66667, 5);
  });
});

describe('coordinates: hemisphere letters in one coordinates column (tester finding, hemi-pair2.csv)', () => {
  it('"0°30\' 36°49\'" beside "1°17\'S 36°49\'E" is held back, as with separate columns, not read as 0.5°N', () => {
    const parsed = csv(`date,country,coordinates,commodity,quantity,unit\n2019-07-22,KE,"1°17'S 36°49'E",ivory,6,kg\n2019-07-23,KE,"0°30' 36°49'",ivory,7,kg\n`);
    expect(parsed.seizures.map((s) => [s.fields.latitude, s.fields.longitude])).toEqual([[-1.28333333, 36.81666667]]);
    expect(parsed.report.rejectedRows).toBe(1);
    expect(parsed.report.rejected[0]).toMatchObject({
      line: 3, column: 'coordinates', value: "0°30' 36°49'",
      reason: "'0°30' 36°49'' has no hemisphere letter or sign while other cells of the column have S or W letters",
      fix: 'write the hemisphere letter (N, S, E or W) or a minus sign in the file and import it again',
    });
    expect(parsed.report.formats.find((f) => f.column === 'coordinates')).toMatchObject({ kind: 'coordinate', decidedBy: 'guess' });
  });

  it('a pair column that only writes N and E letters has nothing to guess', () => {
    const parsed = csv(`date,country,coordinates,commodity,quantity,unit\n2019-07-22,SG,"1°17'N 103°49'E",ivory,6,kg\n2019-07-23,SG,"1°18' 103°50'",ivory,7,kg\n`);
    expect(parsed.seizures.map((s) => s.fields.latitude)).toEqual([1.28333333, 1.3]);
    expect(parsed.report.rejectedRows).toBe(0);
  });
});
