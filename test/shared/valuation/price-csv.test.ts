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
      { line: 6, field: 'unit', reason: '"box" is not one of g, kg, t, l, m3, pieces, head, containers' },
      { line: 6, field: 'market_level', reason: '"street" is not one of source, wholesale, retail' },
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
  it('rejects a row with an unclosed quote by name, and the lines it swallowed (no silent loss of the rows after it)', () => {
    const good = 'ivory,,730,2100,USD,kg,wholesale,Beijing,CN,2014-01-01,Test,,';
    const r = parsePriceReferenceCsv([HEADER, good, '"ivory,,1,2,USD,kg,wholesale,X,,2014-01-01,T,,', good, good, ''].join('\n'));
    expect(r.accepted.map((a) => a.line)).toEqual([2]);
    expect(r.rejected).toEqual([
      { line: 3, field: 'row', reason: 'a quote (") opened in this row is never closed (lines 3–6 were read as this one row and are not imported); close the quote and import again' },
    ]);
  });
  it('rejects a row whose cell count differs from the header (an unquoted comma would shift or cut values)', () => {
    const r = parsePriceReferenceCsv(`${HEADER}\nivory,,5,20,USD,kg,wholesale,X,,2014-01-01,T,,seized, Mombasa\nivory,,5,20,USD,kg,wholesale,X,,2014-01-01\n`);
    expect(r.accepted).toEqual([]);
    expect(r.rejected).toEqual([
      { line: 2, field: 'row', reason: 'has 14 cells but the header has 13: a value containing a comma must be in double quotes' },
      { line: 3, field: 'row', reason: 'has 10 cells but the header has 13' },
    ]);
  });
  it('reads a semicolon-separated file with decimal commas, refusing an ambiguous "1,234"', () => {
    const csv = [HEADER.replaceAll(',', ';'), 'ivory;;730,5;2100;USD;kg;wholesale;Beijing;CN;2014-01-01;Test, p. 3;;', 'ivory;;1,234;2100;USD;kg;wholesale;Beijing;CN;2014-01-01;Test;;', 'ivory;;0,125;-3;USD;kg;wholesale;Beijing;CN;2014-01-01;Test;;'].join('\n');
    const r = parsePriceReferenceCsv(csv);
    expect(r.accepted).toHaveLength(1);
    expect(r.accepted[0]!.fields).toMatchObject({ low: 730.5, high: 2100, citationTitle: 'Test, p. 3' });
    expect(r.rejected).toEqual([
      { line: 3, field: 'low', reason: '"1,234" is ambiguous (a decimal comma or a thousands separator?): write it like 1234.5' },
      { line: 4, field: 'high', reason: 'must not be negative' },
    ]);
  });
  it('rejects a header naming one field twice', () => {
    const r = parsePriceReferenceCsv(`${HEADER},country\n`);
    expect(r.rejected).toEqual([{ line: 1, field: 'country_iso2', reason: 'appears twice in the header (columns 9 and 14); keep one' }]);
  });
  it('reports an empty file', () => {
    expect(parsePriceReferenceCsv('').rejected).toEqual([{ line: 1, field: 'file', reason: 'the file is empty' }]);
  });
});
