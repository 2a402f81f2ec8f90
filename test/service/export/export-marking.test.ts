/**
 * Issue 11 item 5, CSV export: the TLP marking inside the file (after a UTF-8 BOM) as well as in
 * its name, the importer reading such a file back (marking line skipped, line numbers kept), and
 * fields a seizure lacks written empty instead of the stored default ('kg', 'exact').
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile, seizuresToCsv } from '../../../service/import';
import { isTlpMarkingLine } from '../../../service/export/export-csv';
import type { Seizure, SeizureFields } from '../../../shared/domain/seizure';

const stamp = (fields: SeizureFields, i: number): Seizure => ({
  ...fields, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, createdBy: 'm1', createdAt: 1, updatedBy: 'm1', updatedAt: 1,
});
const base: SeizureFields = {
  seizureDate: '2021-03-11', datePrecision: 'day', country: 'KE', place: 'Mombasa', latitude: -4.05, longitude: 39.6667,
  locationPrecision: 'port', sector: 'forestry', commodity: 'rosewood logs', taxon: '', citesAppendix: null, quantity: 1200,
  unit: 't', originCountries: [], transitCountries: [], destinationCountries: [], seizingAgencies: [],
  reportedValue: null, reportedCurrency: null, operation: '', sourceUrl: '', sourceTitle: '', notes: '',
  exportCountries: [], missedTransitCountries: [], transportMode: null, detectionMethod: null, concealmentMethod: null,
};
const cells = (csv: string, lineNo: number) => csv.split('\r\n')[lineNo]!.split(',');

describe('CSV export marking and empty fields', () => {
  it('starts with a BOM and the TLP line, then the public header', () => {
    const csv = seizuresToCsv([stamp(base, 1)], { tlp: 'AMBER+STRICT', caseNumber: 'NEST-2026-0007' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('TLP:AMBER+STRICT — NEST-2026-0007 seizures — share only as TLP:AMBER+STRICT allows');
    expect(lines[1]!.startsWith('seizure_date,date_precision,country_iso2')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('re-imports a marked export: the marking line is skipped and rows keep their physical line numbers', () => {
    const bad = { ...base, commodity: '' } as SeizureFields;
    const csv = seizuresToCsv([stamp(base, 1), stamp(bad, 2)], { tlp: 'RED', caseNumber: 'NEST-2026-0001' });
    const parsed = parseImportFile({ fileName: 'NEST-2026-0001-seizures-TLP-RED.csv', bytes: new TextEncoder().encode(csv) });
    expect(parsed.headers[0]).toBe('seizure_date');
    expect(parsed.seizures.map((s) => [s.line, s.fields.quantity, s.fields.unit])).toEqual([[3, 1200, 't']]);
    expect(parsed.report.rejected.map((r) => [r.line, r.field])).toEqual([[4, 'commodity']]);
  });

  it("a seizure without quantity exports an empty unit, one without coordinates no 'exact' precision (a 'port' is kept)", () => {
    const none = { ...base, quantity: null, unit: 'kg', latitude: null, longitude: null, locationPrecision: 'exact' } as SeizureFields;
    const csv = seizuresToCsv([stamp(none, 1), stamp(base, 2)]);
    const [h, a, b] = [cells(csv, 0), cells(csv, 1), cells(csv, 2)];
    const col = (name: string) => h.indexOf(name);
    expect([a[col('quantity')], a[col('unit')], a[col('latitude')], a[col('location_precision')]]).toEqual(['', '', '', '']);
    expect([b[col('quantity')], b[col('unit')], b[col('latitude')], b[col('location_precision')]]).toEqual(['1200', 't', '-4.05', 'port']);
    const portOnly = seizuresToCsv([stamp({ ...base, latitude: null, longitude: null, locationPrecision: 'port' }, 3)]);
    expect(cells(portOnly, 1)[col('location_precision')]).toBe('port');
  });

  it('recognises the marking line of every TLP level and nothing else', () => {
    for (const l of ['TLP:CLEAR — x', 'TLP:GREEN', 'TLP:AMBER+STRICT — y', '"TLP:RED — z"']) expect(isTlpMarkingLine(l)).toBe(true);
    for (const l of ['seizure_date,country', 'TLP', 'tlp:amber', 'TLP:BLUE']) expect(isTlpMarkingLine(l)).toBe(false);
  });
});
