/**
 * Issue 11 item 2: rejections that help. Swapped latitude/longitude columns are named as such
 * with the swap as the fix (and the report says which columns to swap); a point far outside the
 * seizing country is imported but flagged, using the shipped country polygons with 25 km of
 * tolerance for ports and territorial waters; every refusal names line, column, value and reason.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseImportInput } from '../../../service/import';
import { countryAt, isNearCountry, kmOutsideCountry } from '../../../service/geo/country-at';

const utf8 = (s: string) => new TextEncoder().encode(s);
const near = (lat: number, lon: number, code: string) => kmOutsideCountry(lat, lon, code);
const csv = (text: string, extra: Partial<ParseImportInput> = {}) => parseImportFile({ fileName: 'in.csv', bytes: utf8(text), outsideKm: near, countryAt, ...extra });
const H = 'seizure_date,country_iso2,commodity,quantity,unit,latitude,longitude';

describe('swapped coordinate columns', () => {
  it('103.764 as latitude with 1.274 as longitude is "the columns look swapped", with the fix and the columns to swap', () => {
    const parsed = csv(`${H}\n2019-07-21,SG,ivory,8.8,t,103.764,1.274\n`);
    expect(parsed.seizures).toEqual([]);
    expect(parsed.report.rejected).toEqual([
      {
        line: 2, column: 'latitude', field: 'latitude', value: '103.764',
        reason: "'103.764' is not a latitude (beyond ±90) but fits as a longitude, and the longitude '1.274' fits as a latitude: the columns look swapped",
        fix: 'swap the latitude and longitude columns in the mapping (Swap latitude and longitude), or in the file',
      },
    ]);
    expect(parsed.report.swapCoordinates).toEqual({ latitude: 'latitude', longitude: 'longitude' });
  });

  it('after the swap in the mapping the row imports at Pasir Panjang', () => {
    const mapping = { seizure_date: 'seizureDate', country_iso2: 'country', commodity: 'commodity', quantity: 'quantity', unit: 'unit', latitude: 'longitude', longitude: 'latitude' } as const;
    const parsed = csv(`${H}\n2019-07-21,SG,ivory,8.8,t,103.764,1.274\n`, { mapping });
    expect(parsed.seizures.map((s) => [s.fields.latitude, s.fields.longitude])).toEqual([[1.274, 103.764]]);
    expect(parsed.report.swapCoordinates).toBeNull();
  });

  it('a latitude of 95 whose longitude does not fit as a latitude is only out of range', () => {
    const parsed = csv(`${H}\n2019-07-21,SG,ivory,8.8,t,95,103.7\n`);
    expect(parsed.report.rejected[0]).toMatchObject({ line: 2, column: 'latitude', value: '95', reason: 'must be between -90 and 90 degrees' });
    expect(parsed.report.swapCoordinates).toBeNull();
  });
});

describe('points outside the seizing country', () => {
  it('Pasir Panjang (1.274, 103.764) is in SG; Hai Phong port is in VN: no flag', () => {
    const parsed = csv(`${H}\n2019-07-21,SG,ivory,8.8,t,1.274,103.764\n2018-03-05,VN,scales,3500,kg,20.865,106.683\n`);
    expect(parsed.report.imported).toBe(2);
    expect(parsed.report.flagged).toEqual([]);
  });

  it('a Mombasa point (-4.05, 39.667) filed under SG is imported and flagged with line, value, reason and fix', () => {
    const parsed = csv(`${H}\n2019-07-21,SG,ivory,8.8,t,-4.05,39.667\n`);
    expect(parsed.report.imported).toBe(1);
    expect(parsed.report.flagged).toEqual([
      {
        line: 2, column: 'latitude', field: 'latitude', value: '-4.05, 39.667',
        reason: '-4.05, 39.667 is more than 25 km outside SG, the seizing country',
        fix: 'check the coordinates (swapped columns or a missing minus sign?) or the country; the row was imported and flagged',
      },
    ]);
  });

  it('a missing minus sign (4.05 N instead of S, off Somalia) is flagged for KE', () => {
    expect(csv(`${H}\n2019-07-21,KE,ivory,8.8,t,4.05,39.667\n`).report.flagged.map((f) => f.line)).toEqual([2]);
  });

  it('the tolerance: a ship 10 km off Singapore is not flagged, one 200 km off is', () => {
    expect(isNearCountry(1.17, 103.9, 'SG')).toBe(true); // Singapore Strait, ~10 km south of the coast
    expect(isNearCountry(-0.5, 104.5, 'SG')).toBe(false);
    expect(isNearCountry(0, 0, 'ZZ')).toBe(true); // unknown code: nothing to check, nothing flagged
  });
});
