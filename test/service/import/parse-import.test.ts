/**
 * parseImportFile end to end on small inline files: what makes a whole file unusable, where the
 * mapping comes from, and how rows are built and refused (one rejection per bad field).
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseImportFile, type ParseImportInput } from '../../../service/import';
import { NestError } from '../../../shared/errors';
import { publicCsvBytes, utf8 } from './fixtures';

const csv = (text: string, extra: Partial<ParseImportInput> = {}) => parseImportFile({ fileName: 'in.csv', bytes: utf8(text), ...extra });
const H = 'seizure_date,country_iso2,commodity,quantity,unit';

function failure(input: ParseImportInput): NestError {
  try {
    parseImportFile(input);
  } catch (err) {
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).code).toBe('import-failed');
    return err as NestError;
  }
  throw new Error('expected parseImportFile to throw');
}

describe('unusable files throw import-failed naming the file', () => {
  it('empty or blank', () => {
    expect(failure({ fileName: 'a.csv', bytes: new Uint8Array() }).message).toBe('a.csv: the file is empty');
    expect(failure({ fileName: 'a.csv', bytes: utf8(' \r\n\r\n') }).message).toBe('a.csv: the file is empty');
    expect(failure({ fileName: 'a.csv', bytes: utf8('\ufeff') }).message).toBe('a.csv: the file is empty');
  });
  it('too large, in bytes or in rows', () => {
    expect(failure({ fileName: 'big.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }).message).toBe('big.csv: the file is 64.0 MiB; the limit is 64 MiB');
    // From the catalogue (not English built in the parser), so the app shows it in the user's language.
    expect(failure({ fileName: 'big.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }).messageRef).toEqual({ id: 'service.import.too-large', values: { fileName: 'big.csv', size: '64.0', limit: 64 } });
    const rows = `${H}\n${'2019-07-21,SG,x,1,kg\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(failure({ fileName: 'many.csv', bytes: utf8(rows) }).message).toBe('many.csv: 100,001 rows are more than the 100,000 an import takes; split the file into parts of at most 100,000 rows');
  });
  it('binary files and other formats', () => {
    expect(failure({ fileName: 'book.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) }).message).toMatch(/^book\.xlsx: this is a ZIP-based file .*save the sheet as CSV/);
    expect(failure({ fileName: 'doc.kmz', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) }).message).toMatch(/^doc\.kmz: a KMZ file is a zipped KML/);
    expect(failure({ fileName: 'scan.pdf', bytes: utf8('%PDF-1.7 ...') }).message).toMatch(/^scan\.pdf: this is a PDF/);
    expect(failure({ fileName: 'x.dat', bytes: new Uint8Array([0x41, 0, 0, 0, 0x42, 0x43, 0, 0x44, 0x45]) }).message).toBe(
      'x.dat is not a text file: 44% of its first 9 characters are control characters or zero bytes. NEST Desk imports CSV, KML, KMZ, GPX and GeoJSON files; save a spreadsheet as CSV (UTF-8) and import that.',
    );
    // A zero byte past the first 64 Ki characters: too few to count, still no text file.
    expect(failure({ fileName: 'tail.csv', bytes: utf8(`${H}\n${'2019-07-21,SG,x,1,kg\n'.repeat(4000)}\u0000`) }).message).toMatch(/^tail\.csv: this is a binary file \(it holds zero bytes\).*save the data as CSV \(UTF-8\)/);
    expect(failure({ fileName: 'seizure.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }).message).toMatch(/^seizure\.png: this is an image \(PNG, JPEG or GIF\).*case’s files/);
    expect(failure({ fileName: 'letter', bytes: utf8('Dear colleagues\nplease find') }).message).toBe('letter: this is not a CSV, KML, KMZ, GPX or GeoJSON file');
    expect(failure({ fileName: 'feed', bytes: utf8('<rss><channel/></rss>') }).message).toBe('feed: this XML file is not KML or GPX (its root element is <rss>)');
  });
  it('XML or JSON that is not well-formed', () => {
    expect(failure({ fileName: 'p.kml', bytes: utf8('<kml><Placemark></kml>') }).message).toMatch(/^p\.kml: not well-formed XML/);
    expect(failure({ fileName: 'f.geojson', bytes: utf8('{"type":') }).message).toMatch(/^f\.geojson: not well-formed JSON/);
  });
  it('a CSV whose first line is data, not a header', () => {
    expect(failure({ fileName: 'nohead.csv', bytes: utf8('2019-07-21,1.274,103.764,8.8\n2019-04-03,1.274,103.764,12.9\n') }).message).toBe(
      'nohead.csv: no header row: the first line holds data (2019-07-21,1.274,103.764…); add a line with column names',
    );
  });
  it('sniffs the format when the name has no known extension', () => {
    expect(parseImportFile({ fileName: 'download', bytes: utf8(`${H}\n2019-07-21,SG,x,1,kg\n`) }).format).toBe('csv');
    expect(parseImportFile({ fileName: 'download', bytes: utf8('{"type":"FeatureCollection","features":[]}') }).format).toBe('geojson');
    expect(parseImportFile({ fileName: 'download', bytes: utf8('<?xml version="1.0"?><kml><Document/></kml>') }).format).toBe('kml');
  });
});

describe('mapping sources', () => {
  const text = 'Datum;Land;Ware;Menge\n21.07.2019;SG;Elfenbein;8,8 t\n';
  it('guesses when nothing is given', () => expect(csv(text).mappingSource).toBe('guessed'));
  it('uses a remembered mapping, matching headers by normalised name', () => {
    const parsed = csv(text, { rememberedMapping: { DATUM: 'seizureDate', land: 'country', ware: 'taxon', MENGE: 'quantityWithUnit' }, defaults: { commodity: 'ivory' } });
    expect(parsed.mappingSource).toBe('remembered');
    expect(parsed.mapping).toEqual({ Datum: 'seizureDate', Land: 'country', Ware: 'taxon', Menge: 'quantityWithUnit' });
    expect(parsed.seizures[0]!.fields).toMatchObject({ taxon: 'Elfenbein', commodity: 'ivory', quantity: 8.8, unit: 't' });
  });
  it('lets the given mapping win over a remembered one, and warns about columns the file lacks', () => {
    const parsed = csv(text, { mapping: { Datum: 'seizureDate', Land: 'country', Ware: 'commodity', Menge: 'quantity', Preis: 'reportedValue' }, rememberedMapping: { Datum: 'notes' } });
    expect(parsed.mappingSource).toBe('given');
    expect(parsed.report.warnings).toContain('The mapping names a column the file does not have: Preis.');
    expect(parsed.seizures[0]!.fields.seizureDate).toBe('2019-07-21');
  });
  it('ignores a remembered mapping that fits none of the headers', () => {
    expect(csv(text, { rememberedMapping: { Other: 'notes' } }).mappingSource).toBe('guessed');
  });
  it('columns left out of a given mapping are ignored', () => {
    const parsed = csv(text, { mapping: { Datum: 'seizureDate', Land: 'country', Ware: 'commodity' } });
    expect(parsed.mapping.Menge).toBe('ignore');
    expect(parsed.seizures[0]!.fields.quantity).toBeNull();
  });
});

describe('rows', () => {
  it('reports every bad field of a row, and counts the row once', () => {
    const parsed = csv(`${H},latitude,longitude\n2019-02-30,XX,,5,furlongs,95,10\n2019-07-21,SG,ivory,1,kg,1,2\n`);
    expect(parsed.report.rejectedRows).toBe(1);
    expect(parsed.report.imported).toBe(1);
    expect(parsed.report.rejected.map((r) => [r.line, r.column, r.field])).toEqual([
      [2, 'seizure_date', 'seizureDate'],
      [2, 'country_iso2', 'country'],
      [2, 'latitude', 'latitude'],
      [2, 'unit', 'unit'],
      [2, 'commodity', 'commodity'],
    ]);
    expect(parsed.report.rejected[4]!.reason).toBe('is required');
  });

  it('reports the physical line after a quoted multi-line cell', () => {
    const parsed = csv(`${H},notes\n2019-07-21,SG,ivory,1,kg,"two\nlines"\n2019-07-21,SG,ivory,1,parsecs,\n`);
    expect(parsed.seizures[0]!.fields.notes).toBe('two\nlines');
    expect(parsed.report.rejected).toEqual([{ line: 4, column: 'unit', field: 'unit', value: 'parsecs', reason: "unknown unit 'parsecs' (use one of g, kg, t, l, m3, pieces, head, containers)", fix: 'correct the unit in the file and import it again' }]);
  });

  it('fills fields the file lacks from the defaults, also in empty cells', () => {
    const parsed = csv('date,commodity,sector\n2019-07-21,ivory,\n2019-07-22,logs,timber\n', { defaults: { country: 'KE', sector: 'wildlife', seizingAgencies: ['KWS'] } });
    expect(parsed.seizures.map((s) => [s.fields.country, s.fields.sector, s.fields.seizingAgencies])).toEqual([
      ['KE', 'wildlife', ['KWS']],
      ['KE', 'forestry', ['KWS']],
    ]);
    expect(parsed.report.warnings).toEqual(['1 row names a commodity not in the commodity list, kept as written: “ivory” (1 row). An admin can add recurring names to the workspace’s list (Commodities).']);
  });

  it('requires a date, a country and a commodity, naming no column when the file has none', () => {
    const parsed = csv('place\nMombasa\n');
    expect(parsed.report.rejected.map((r) => [r.column, r.field, r.reason])).toEqual([
      ['', 'seizureDate', 'is required'],
      ['', 'country', 'is required'],
      ['', 'commodity', 'is required'],
    ]);
  });

  it('reads a combined coordinates column and names the bad half', () => {
    const parsed = csv(`${H},gps\n2019-07-21,SG,x,1,kg,"1.274, 103.764"\n2019-07-21,SG,x,1,kg,"1.274, 203.764"\n2019-07-21,SG,x,1,kg,\n`, {
      mapping: { seizure_date: 'seizureDate', country_iso2: 'country', commodity: 'commodity', quantity: 'quantity', unit: 'unit', gps: 'coordinates' },
    });
    expect([parsed.seizures[0]!.fields.latitude, parsed.seizures[0]!.fields.longitude]).toEqual([1.274, 103.764]);
    expect(parsed.report.rejected).toEqual([{ line: 3, column: 'gps', field: 'longitude', value: '1.274, 203.764', reason: 'must be between -180 and 180 degrees', fix: 'correct the longitude in the file and import it again' }]);
    expect(parsed.report.unmapped).toBe(1);
  });

  it('refuses a latitude without a longitude', () => {
    const parsed = csv(`${H},latitude,longitude\n2019-07-21,SG,x,1,kg,1.2,\n`);
    expect(parsed.report.rejected).toEqual([{ line: 2, column: 'longitude', field: 'longitude', value: '', reason: 'latitude and longitude must both be given or both be empty', fix: "fill in the longitude ('longitude') in the file and import it again" }]);
  });

  it('checks units: the quantity cell against the unit column, and a quantity needs a unit', () => {
    const parsed = csv('date,country,commodity,amount,unit\n2019-07-21,SG,x,8.8 t,kg\n2019-07-21,SG,x,8.8 t,\n2019-07-21,SG,x,8.8,\n2019-07-21,SG,x,,\n', {
      mapping: { date: 'seizureDate', country: 'country', commodity: 'commodity', amount: 'quantityWithUnit', unit: 'unit' },
    });
    expect(parsed.report.rejected).toEqual([
      { line: 2, column: 'unit', field: 'unit', value: 'kg', reason: 'the quantity says t but the unit column says kg', fix: 'correct the unit in the file and import it again' },
      { line: 4, column: 'unit', field: 'unit', value: '', reason: 'the quantity has no unit: fill in the unit column, or write the unit with the number (e.g. 12 kg)', fix: 'write the unit in a unit column or after the quantity (“8.8 t”, “120 pieces”) and import it again' },
    ]);
    expect(parsed.seizures.map((s) => [s.line, s.fields.quantity, s.fields.unit])).toEqual([[3, 8.8, 't'], [5, null, null]]); // no quantity: no unit is stored (issue 11.6), whatever the unit column says
  });

  it('reads money with its currency in the cell, and needs a currency for a value', () => {
    const parsed = csv('date,country,commodity,value,currency\n2019-07-21,SG,x,"SGD 48,600,000",\n2019-07-21,SG,x,17 600 000 €,EUR\n2019-07-21,SG,x,"US$ 6.8",SGD\n2019-07-21,SG,x,500,\n');
    expect(parsed.seizures.map((s) => [s.fields.reportedValue, s.fields.reportedCurrency])).toEqual([[48600000, 'SGD'], [17600000, 'EUR']]);
    expect(parsed.report.rejected.map((r) => [r.line, r.column, r.field, r.reason])).toEqual([
      [4, 'currency', 'reportedCurrency', 'the value says USD but the currency column says SGD'],
      [5, 'currency', 'reportedCurrency', 'is required when a value is reported'],
    ]);
  });

  it('takes precision from the date, and refuses a stated precision the date does not have', () => {
    const parsed = csv('date,precision,country,commodity\n2019-06,,SG,x\n2019-06-01,month,SG,x\n2019-06,day,SG,x\n', {
      mapping: { date: 'seizureDate', precision: 'datePrecision', country: 'country', commodity: 'commodity' },
    });
    expect(parsed.seizures.map((s) => [s.fields.seizureDate, s.fields.datePrecision])).toEqual([['2019-06-01', 'month'], ['2019-06-01', 'month']]);
    expect(parsed.report.rejected).toEqual([{ line: 4, column: 'precision', field: 'datePrecision', value: 'day', reason: "says day but the date '2019-06' only gives the month", fix: 'correct the date precision in the file and import it again' }]);
  });

  it('decides slash dates per column: proven by a cell or chosen by the user; an undecided 03/04/2019 is held back with a fix, never read on a guess', () => {
    expect(csv('date,country,commodity\n03/04/2019,SG,x\n21/07/2019,SG,x\n').seizures[0]!.fields.seizureDate).toBe('2019-04-03');
    expect(csv('date,country,commodity\n03/04/2019,SG,x\n07/21/2019,SG,x\n').seizures[0]!.fields.seizureDate).toBe('2019-03-04');
    expect(csv('date,country,commodity\n03/04/2019,SG,x\n', { dateOrder: 'MDY' }).seizures[0]!.fields.seizureDate).toBe('2019-03-04');
    const undecided = csv('date,country,commodity\n03/04/2019,SG,x\n05/05/2019,SG,y\n');
    expect(undecided.seizures.map((s) => s.fields.seizureDate)).toEqual(['2019-05-05']);
    expect(undecided.report.rejected).toEqual([
      {
        line: 2, column: 'date', field: 'seizureDate', value: '03/04/2019',
        reason: "'03/04/2019' is 2019-04-03 day first but 2019-03-04 month first, and no date in the column decides",
        fix: 'choose day first or month first in the preview (command line: --date-order DMY or MDY)',
      },
    ]);
    expect(undecided.report.formats).toEqual([
      { column: 'date', kind: 'date', dateOrder: 'DMY', decidedBy: 'guess', values: 2, ambiguous: ['03/04/2019'], summary: "date: day-month order not decided — '03/04/2019' could be read either way; choose the order" },
    ]);
    expect(undecided.report.warnings).toContain(
      "Column 'date': 1 row was held back because its value reads differently depending on a choice the column does not decide; choose it in the preview (or on the command line) to import it.",
    );
  });

  it('holds back a number whose decimal mark no cell of its column shows (10.500 is 10500 or 10.5), and reads it as the user chooses', () => {
    const text = `${H}\n2019-07-21,SG,ivory,"10.500",kg\n2019-07-22,SG,ivory,"2.000",kg\n2019-07-23,SG,ivory,"7",kg\n`;
    const parsed = csv(text);
    expect(parsed.seizures.map((s) => s.fields.quantity)).toEqual([7]);
    expect(parsed.report.rejected.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'quantity', '10.500', "'10.500' is 10.5 with a decimal point but 10500 with a decimal comma, and the column does not show which it uses"],
      [3, 'quantity', '2.000', "'2.000' is 2 with a decimal point but 2000 with a decimal comma, and the column does not show which it uses"],
    ]);
    expect(parsed.report.rejected[0]!.fix).toBe(`choose the decimal mark of 'quantity' in the preview (command line: --decimal-mark "quantity=,")`);
    expect(parsed.report.formats[1]).toMatchObject({ column: 'quantity', kind: 'number', decidedBy: 'guess', ambiguous: ['10.500', '2.000'] });
    expect(csv(text, { decimalMarks: { quantity: ',' } }).seizures.map((s) => s.fields.quantity)).toEqual([10500, 2000, 7]);
    expect(csv(text, { decimalMarks: { quantity: '.' } }).seizures.map((s) => s.fields.quantity)).toEqual([10.5, 2, 7]);
    const proven = csv(`${H}\n2019-07-21,SG,ivory,"10.500",kg\n2019-07-22,SG,ivory,"2.5",kg\n`);
    expect(proven.seizures.map((s) => s.fields.quantity)).toEqual([10.5, 2.5]);
    expect(proven.report.formats[1]).toMatchObject({ decidedBy: 'cells', values: 2, summary: 'quantity: point decimal — from 1 value' });
  });

  it('keeps values of a second column mapped to the same field in notes', () => {
    const parsed = csv('date,country,commodity,Ware,notes\n2019-07-21,SG,ivory,Elfenbein,seen\n2019-07-21,SG,,Elfenbein,\n', {
      mapping: { date: 'seizureDate', country: 'country', commodity: 'commodity', Ware: 'commodity', notes: 'notes' },
    });
    expect(parsed.seizures.map((s) => [s.fields.commodity, s.fields.notes])).toEqual([['ivory', 'seen\nWare: Elfenbein'], ['Elfenbein', '']]);
  });

  it('merges list columns and splits agencies on ;', () => {
    const parsed = csv('date,country,commodity,origin,origin2,agency\n2019-07-21,SG,x,CD;UG,"Uganda, Kenya",NParks; Singapore Customs\n', {
      mapping: { date: 'seizureDate', country: 'country', commodity: 'commodity', origin: 'originCountries', origin2: 'originCountries', agency: 'seizingAgencies' },
    });
    expect(parsed.seizures[0]!.fields.originCountries).toEqual(['CD', 'UG', 'KE']);
    expect(parsed.seizures[0]!.fields.seizingAgencies).toEqual(['NParks', 'Singapore Customs']);
  });

  it('keeps formula-like text as text (notes verbatim, single-line fields trimmed by the schema)', () => {
    const parsed = csv(`${H},place,notes\n2019-07-21,SG,=1+1,1,kg,"\t-2+3","\t=cmd|' /C calc'!A0 "\n`);
    expect(parsed.seizures[0]!.fields).toMatchObject({ commodity: '=1+1', place: '-2+3', notes: "\t=cmd|' /C calc'!A0 " });
  });

  it('gives at most ten sample rows, skips blank rows silently, and keeps cells beyond the header in the notes, saying so', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `2019-07-${String(i + 1).padStart(2, '0')},SG,x,${i + 1},kg`);
    const parsed = csv(`${H}\n${rows.slice(0, 6).join('\n')}\n,,,,\n\n${rows.slice(6).join('\n')}\n2019-08-01,SG,x,1,kg,extra\n`);
    expect(parsed.sampleRows).toHaveLength(10);
    expect(parsed.sampleRows[6]![0]).toBe('2019-07-07');
    expect(parsed.report.imported).toBe(13);
    expect(parsed.report.skippedBlank).toBe(2);
    expect(parsed.report.warnings).toContain('1 row has more cells than the header (first: line 16); the extra cells were kept in its notes as "Extra cell N: …".');
    expect(parsed.seizures.at(-1)!.line).toBe(16); // header 1, rows 2–7, blanks 8–9, rows 10–15
    expect(parsed.seizures.at(-1)!.fields.notes).toBe('Extra cell 6: extra');
  });

  it('imports nothing from a header without rows, and says so', () => {
    const parsed = csv(`${H}\r\n`);
    expect(parsed.report.imported).toBe(0);
    expect(parsed.report.warnings).toEqual(['The file has a header but no data rows.']);
  });

  it('imports the rows before a cut-off last line and rejects that line, naming why (tester finding: every row failed)', () => {
    // The public data set cut after 2,000 bytes, inside row 5 (as `head -c 2000` leaves it): its
    // agency names hold ";", and papaparse's guess once made ";" the delimiter and the header one column.
    const parsed = parseImportFile({ fileName: 't.csv', bytes: publicCsvBytes().slice(0, 2000) });
    expect(parsed.delimiter).toBe(',');
    expect(parsed.report.imported).toBe(3);
    expect(parsed.seizures.map((s) => s.fields.commodity)).toEqual(['pangolin scales', 'elephant ivory', 'pangolin scales']);
    expect(parsed.report.rejectedRows).toBe(1);
    expect(parsed.report.rejected).toEqual([
      expect.objectContaining({
        line: 5,
        column: 'commodity',
        reason: 'the file ends inside this row: it has 9 cells of the header’s 22 and no line break after it, so the file looks cut off here; import the whole file (copy or download it again); the rows before this one are complete',
      }),
    ]);
  });
});
