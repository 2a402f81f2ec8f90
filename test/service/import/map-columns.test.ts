/**
 * Tester findings F8 and F10 (session 27) in the importer's own functions: a partial mapping
 * (`mapColumns`, the CLI's `--map`) changes the named columns only, the report names the columns
 * left unimported, a quantity without a unit says the unit is missing, and the report of a
 * stopped import counts the rows of its written part only (running-imports.ts `reportStopped`).
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { namedColumn, overrideMapping } from '../../../service/import/plan';
import { reportStopped } from '../../../service/import/running-imports';
import type { DuplicateCheck } from '../../../service/import/import-batching';
import { publicCsvBytes, utf8 } from './fixtures';

const csv = (text: string, mapColumns?: Record<string, 'seizureDate' | 'ignore' | 'notes' | 'quantity' | 'place'>) => parseImportFile({ fileName: 'in.csv', bytes: utf8(text), ...(mapColumns ? { mapColumns } : {}) });

describe('mapColumns: only the named columns change', () => {
  it('the public data set with one column mapped keeps every other column (59 seizures with places and quantities)', () => {
    const whole = parseImportFile({ fileName: 'p.csv', bytes: publicCsvBytes() });
    const partial = parseImportFile({ fileName: 'p.csv', bytes: publicCsvBytes(), mapColumns: { notes: 'ignore' } });
    expect(whole.mappingSource).toBe('fixed');
    expect(partial.mapping).toEqual({ ...whole.mapping, notes: 'ignore' });
    expect(partial.report.imported).toBe(59);
    expect(partial.seizures.filter((s) => s.fields.place !== '').length).toBe(whole.seizures.filter((s) => s.fields.place !== '').length);
    expect(partial.seizures.filter((s) => s.fields.quantity !== null).length).toBe(whole.seizures.filter((s) => s.fields.quantity !== null).length);
    expect(partial.seizures.every((s) => s.fields.notes === '')).toBe(true);
    expect(whole.report.unimportedColumns).toEqual([]);
    expect(partial.report.unimportedColumns).toEqual(['notes']);
  });

  it('a guessed file: the named column takes its field from the guessed one, which is then listed as not imported', () => {
    const text = 'date,Datum,country,commodity,remark\n2019-01-02,2020-03-04,KE,ivory,x\n';
    const guessed = csv(text);
    expect(guessed.mapping).toMatchObject({ date: 'seizureDate', country: 'country', commodity: 'commodity' });
    const p = csv(text, { Datum: 'seizureDate' });
    expect(p.mapping).toMatchObject({ date: 'ignore', Datum: 'seizureDate', country: 'country', commodity: 'commodity' });
    expect(p.seizures[0]!.fields.seizureDate).toBe('2020-03-04');
    expect(p.report.unimportedColumns).toContain('date');
  });

  it('notes may be filled by several columns: mapping one to notes takes nothing from another', () => {
    expect(overrideMapping(['a', 'b'], { a: 'notes', b: 'ignore' }, { b: 'notes' })).toEqual({ a: 'notes', b: 'notes' });
  });

  it('columns are named as the mapping matches them (case and accents aside); a name the file lacks matches nothing', () => {
    expect(namedColumn(['Seizure Date', 'Pays'], 'seizure date')).toBe('Seizure Date');
    expect(namedColumn(['Seizure Date'], 'nocol')).toBeNull();
    expect(overrideMapping(['Seizure Date', 'x'], { 'Seizure Date': 'seizureDate', x: 'ignore' }, { nocol: 'quantity' })).toEqual({ 'Seizure Date': 'seizureDate', x: 'ignore' });
  });

  it('a quantity without a unit names the missing unit, with or without a unit column', () => {
    const noColumn = csv('seizure_date,country_iso2,commodity,quantity\n2019-01-02,KE,ivory,3\n');
    expect(noColumn.report.rejected).toEqual([
      { line: 2, column: 'quantity', field: 'unit', value: '', reason: 'the quantity has no unit: map a column to the unit (command line: --map COLUMN=unit), or write the unit with the number (e.g. 12 kg)', fix: 'write the unit in a unit column or after the quantity (“8.8 t”, “120 pieces”) and import it again' },
    ]);
  });
});

describe('a stopped import counts the rows of its written part only (F10)', () => {
  it('rejected rows, matching rows and unlisted commodities after the last written line are not counted', () => {
    // 10 good rows (lines 2–11, line 5 a match left out), two rejected rows (lines 4 and 12); stopped after line 7.
    const text = `seizure_date,country_iso2,commodity,quantity,unit\n${Array.from({ length: 10 }, (_, i) => {
      const line = i + 2;
      if (line === 4) return '2019-13-45,KE,ivory,1,kg';
      return `2019-01-${String(line).padStart(2, '0')},KE,${line % 2 ? 'odd goods' : 'even goods'},${line},kg`;
    }).join('\n')}\n2019-99-99,KE,ivory,1,kg\n`;
    const parsed = parseImportFile({ fileName: 'in.csv', bytes: utf8(text) });
    expect(parsed.seizures.map((s) => s.line)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11]);
    const report = parsed.report;
    const duplicates: DuplicateCheck = { indexes: new Set([2, 6]), rows: [5, 10].map((line) => ({ line, existingId: null, earlierLine: 2, what: '' })), unmappedMatches: 0 };
    report.duplicateRows = 2;
    report.duplicates = duplicates.rows;
    report.skippedDuplicates = 2;
    report.warnings.push('2 rows match a seizure already in this case or an earlier row of the file (same date, place, commodity and quantity)', '2 matching rows were left out');
    expect(report.warnings).toContain('9 rows name a commodity not in the commodity list, kept as written: “odd goods” (5 rows), “even goods” (4 rows). An admin can add recurring names to the workspace’s list (Commodities).');
    expect(report.rejectedRows).toBe(2);

    // Written: lines 2, 3, 6, 7 (5 left out as a match); the write stopped after line 7.
    reportStopped(report, { seizures: 4, cancelled: { planned: 7, batchWritten: true, throughLine: 7, unmapped: 4 } }, { duplicates, keepDuplicates: false, unlisted: parsed.unlisted });
    expect(report.cancelled).toEqual({ written: 4, planned: 7, throughLine: 7 });
    expect(report.imported).toBe(4);
    expect(report.rejectedRows).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([4]);
    expect(report.duplicateRows).toBe(1);
    expect(report.skippedDuplicates).toBe(1);
    expect(report.duplicates.map((d) => d.line)).toEqual([5]);
    expect(report.warnings).toContain('1 row matches a seizure already in this case or an earlier row of the file (same date, place, commodity and quantity)');
    expect(report.warnings).toContain('1 matching row was left out');
    // Lines 3 and 7 (odd), 2 and 6 (even): line 5 was left out as a match, 8–11 were not written.
    expect(report.warnings).toContain('4 rows name a commodity not in the commodity list, kept as written: “even goods” (2 rows), “odd goods” (2 rows). An admin can add recurring names to the workspace’s list (Commodities).');
    expect(report.warnings.filter((w) => /commodity list|match/.test(w))).toHaveLength(3);
  });
});
