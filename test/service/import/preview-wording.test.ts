/**
 * A preview (and `npm run import -- --dry-run`, which calls `import.preview`) must not say a row
 * "was imported" (tester finding, issue 11): the flagged rows' sentences come from the catalogue
 * in their preview form; the commit's report keeps the past tense. The stage is an input of the
 * parse (plan.ts `ImportStage`), so a new case's dry run (`import.newCase` with `dryRun`, the
 * CLI's `--new-case --dry-run`) is worded as a preview too, and a direct parse words each of the
 * three flags by the stage it is given.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { startService, type Harness } from '../../helpers/service';
import { parseImportFile } from '../../../service/import';
import { countryAt, kmOutsideCountry } from '../../../service/geo/country-at';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const CSV = 'seizure_date,country,place,commodity,quantity,unit,sector,latitude,longitude\n2021-03-11,SG,Kilindini,ivory,120,kg,wildlife,-4.05,39.667\n';
const KML = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Ivory cache</name><ExtendedData><Data name="country"><value>KE</value></Data><Data name="seizure_date"><value>2021-03-11</value></Data></ExtendedData><Point><coordinates>39.6667,-4.05</coordinates></Point></Placemark>
</Document></kml>`;
const file = (text: string, fileName: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });

describe('flagged rows in a preview and in an import', () => {
  it('says "will be imported" in the preview and "was imported" after the commit', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Wording' } });

    const preview = await c.call('import.preview', { workspaceId: ws.id, caseId: k.id, ...file(CSV, 'outside.csv') });
    expect(preview.report.flagged.map((f) => f.fix)).toEqual(['check the coordinates (swapped columns or a missing minus sign?) or the country; the row will be imported and flagged']);
    const kmlPreview = await c.call('import.preview', { workspaceId: ws.id, caseId: k.id, ...file(KML, 'cache.kml') });
    expect(kmlPreview.report.flagged.map((f) => f.reason)).toEqual(['the commodity was read from the feature’s label “name” (the file has no commodity data): will be imported and flagged for review']);

    const done = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file(CSV, 'outside.csv') });
    expect(done.flagged.map((f) => f.fix)).toEqual(['check the coordinates (swapped columns or a missing minus sign?) or the country; the row was imported and flagged']);
    const kmlDone = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file(KML, 'cache.kml') });
    expect(kmlDone.flagged.map((f) => f.reason)).toEqual(['the commodity was read from the feature’s label “name” (the file has no commodity data): imported and flagged for review']);
  });
});

describe('the stage is an input of the parse', () => {
  it('a new case’s dry run says "will be imported"; its import says "was imported"', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const newCase = { title: 'From a file', sector: 'wildlife' as const };
    const dry = await c.call('import.newCase', { workspaceId: ws.id, ...file(CSV, 'outside.csv'), newCase, dryRun: true });
    expect(dry.case).toBeNull();
    expect(dry.report.flagged.map((f) => f.fix)).toEqual(['check the coordinates (swapped columns or a missing minus sign?) or the country; the row will be imported and flagged']);
    const made = await c.call('import.newCase', { workspaceId: ws.id, ...file(CSV, 'outside.csv'), newCase });
    expect(made.case).not.toBeNull();
    expect(made.report.flagged.map((f) => f.fix)).toEqual(['check the coordinates (swapped columns or a missing minus sign?) or the country; the row was imported and flagged']);
  });

  it('words each flag by the stage given: the point outside its country, the label read as commodity, the country looked up', () => {
    // Placemark 1: a KML label as the only commodity, and no country (looked up from the point: KE).
    const kml = KML.replace('<Data name="country"><value>KE</value></Data>', '');
    const geo = { countryAt: (lat: number, lon: number) => countryAt(lat, lon), outsideKm: (lat: number, lon: number, c: string) => kmOutsideCountry(lat, lon, c) };
    const sentences = (stage?: 'preview' | 'import') => {
      const r = parseImportFile({ fileName: 'cache.kml', bytes: new TextEncoder().encode(kml), ...geo, ...(stage ? { stage } : {}) }).report;
      const o = parseImportFile({ fileName: 'outside.csv', bytes: new TextEncoder().encode(CSV), ...geo, ...(stage ? { stage } : {}) }).report;
      return [...r.flagged.map((f) => `${f.field}: ${f.reason}`), ...o.flagged.map((f) => `${f.field}: ${f.fix}`)];
    };
    expect(sentences('preview')).toEqual([
      'commodity: the commodity was read from the feature’s label “name” (the file has no commodity data): will be imported and flagged for review',
      'country: no seizing country in the file: KE is where the point lies; will be imported with it and flagged for review',
      'latitude: check the coordinates (swapped columns or a missing minus sign?) or the country; the row will be imported and flagged',
    ]);
    const done = [
      'commodity: the commodity was read from the feature’s label “name” (the file has no commodity data): imported and flagged for review',
      'country: no seizing country in the file: KE is where the point lies; imported with it and flagged for review',
      'latitude: check the coordinates (swapped columns or a missing minus sign?) or the country; the row was imported and flagged',
    ];
    expect(sentences('import')).toEqual(done);
    expect(sentences()).toEqual(done); // a parse that names no stage is an import's
  });
});
