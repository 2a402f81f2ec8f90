/** Price-reference CSV import: accepted rows and per-row rejections {line, field, reason}. */
import { describe, expect, it } from 'vitest';
import { parsePriceReferenceCsv } from '../../../shared/valuation/price-csv';

const HEADER = 'commodity,taxon,low,high,currency,unit,market_level,place,country_iso2,date,citation_title,citation_url,notes';

describe('parsePriceReferenceCsv', () => {
  it('accepts valid rows and rejects bad ones with their line, field and reason', () => {
    const csv = [
      HEADER,
      'raw elephant ivory,Elephantidae,2100,,usd,kg,wholesale,Beijing,cn,2014-07-03,"AFP, ""Smuggled elephant ivory price triples""",,',
      'pangolin scales,Manidae,"1,200",800,USD,kg,retail,Hanoi,VN,2019-06-31,Test,,',
      'rosewood,,500,300,USD,m³,source,Antalaha,MG,2014-01-01,Test,,"two',
      'line note"',
      'shark fin,,100,200,ABC,box,street,,ZZ,2020-01-01,,ftp://x,',
      '',
    ].join('\r\n');
    const r = parsePriceReferenceCsv(csv);
    expect(r.rowCount).toBe(4);
    expect(r.accepted).toHaveLength(1);
    expect(r.accepted[0]).toMatchObject({
      line: 2,
      fields: { commodity: 'raw elephant ivory', low: 2100, high: 2100, currency: 'USD', unit: 'kg', marketLevel: 'wholesale', country: 'CN', citationTitle: 'AFP, "Smuggled elephant ivory price triples"' },
    });
    expect(r.rejected).toEqual([
      { line: 3, field: 'low', reason: '"1,200" is not a number written like 1234.5' },
      { line: 3, field: 'date', reason: 'must be a real date written YYYY-MM-DD' },
      { line: 4, field: 'low', reason: 'must not exceed the high price' },
      { line: 6, field: 'currency', reason: 'must be an ISO 4217 currency code (e.g. USD, EUR, SGD)' },
      { line: 6, field: 'unit', reason: expect.stringMatching(/Invalid option|expected one of/) },
      { line: 6, field: 'market_level', reason: expect.stringMatching(/Invalid option|expected one of/) },
      { line: 6, field: 'place', reason: 'is required (write "international" for a world price)' },
      { line: 6, field: 'country_iso2', reason: 'must be an ISO 3166-1 alpha-2 country code (e.g. SG, VN, HK)' },
      { line: 6, field: 'citation_title', reason: 'is required: every price needs its source' },
      { line: 6, field: 'citation_url', reason: 'must be an http(s) URL' },
    ]);
  });
  it('reports a bad low once when high is left empty (empty high means "same as low")', () => {
    const r = parsePriceReferenceCsv(`${HEADER}\nrhino horn,,"60,000",,USD,kg,retail,Hanoi,VN,2015-01-01,Test,,\n`);
    expect(r.rejected).toEqual([{ line: 2, field: 'low', reason: '"60,000" is not a number written like 1234.5' }]);
  });
  it('rejects a header without the required columns', () => {
    const r = parsePriceReferenceCsv('commodity,low\nivory,1\n');
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => x.field)).toEqual(['high', 'currency', 'unit', 'market_level', 'place', 'date', 'citation_title']);
    expect(r.rejected.every((x) => x.line === 1)).toBe(true);
  });
  it('accepts camelCase headers and a byte-order mark', () => {
    const r = parsePriceReferenceCsv('\ufeffcommodity,low,high,currency,unit,marketLevel,place,date,citationTitle\nivory,1,2,EUR,kg,retail,Paris,2020-01-01,Test\n');
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0]!.fields).toMatchObject({ commodity: 'ivory', low: 1, high: 2, country: null, taxon: '', notes: '' });
  });
  it('reports an empty file', () => {
    expect(parsePriceReferenceCsv('').rejected).toEqual([{ line: 1, field: 'file', reason: 'the file is empty' }]);
  });
});
