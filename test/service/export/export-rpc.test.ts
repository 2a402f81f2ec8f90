/**
 * The case exports through the data service's RPC, as the case's export buttons call them: CSV,
 * GeoJSON and KML of a case holding imported placemarks and a route. Each carries the case's TLP
 * marking in its file name and inside the file (the CSV after a UTF-8 BOM), and the KML and
 * GeoJSON read back into a new case give the same seizures and routes.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { startService, type Harness } from '../../helpers/service';
import { sharedPath } from '../../helpers/shared-dir';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const MARK = 'TLP:AMBER — NEST-2026-0001 seizures — share only as TLP:AMBER allows';
/** The seizure fields an export carries (no ids, authors, times or import batch). */
const facts = (cd: CaseDoc) => cd.listSeizures().map(({ id: _i, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, importBatch: _e, ...f }) => f);
const lines = (cd: CaseDoc) => cd.listRoutes().map((r) => ({ name: r.name, kind: r.kind ?? 'trafficking', points: r.points }));

describe('case export through RPC', () => {
  it('writes CSV, GeoJSON and KML with the TLP marking in the name and inside, and KML/GeoJSON import back the same', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'A', agency: 'Customs', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const workspaceId = ws.id;
    const k = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Placemarks', tlp: 'AMBER' } });
    const kml = fs.readFileSync(sharedPath('cases/import', '06-placemarks.kml')).toString('base64');
    await c.call('import.commit', { workspaceId, caseId: k.id, fileName: '06-placemarks.kml', contentBase64: kml });

    const csv = await c.call('export.seizuresCsv', { workspaceId, caseId: k.id });
    expect(csv.fileName).toBe('NEST-2026-0001-seizures-TLP-AMBER.csv');
    expect(csv.content.charCodeAt(0)).toBe(0xfeff);
    expect(csv.content.slice(1).split('\r\n')[0]).toBe(MARK);

    const geo = await c.call('export.caseGeoJson', { workspaceId, caseId: k.id });
    expect(geo.fileName).toBe('NEST-2026-0001-seizures-TLP-AMBER.geojson');
    expect(JSON.parse(geo.content)).toMatchObject({ type: 'FeatureCollection', tlp: 'AMBER', marking: MARK });

    const out = await c.call('export.caseKml', { workspaceId, caseId: k.id });
    expect(out.fileName).toBe('NEST-2026-0001-seizures-TLP-AMBER.kml');
    expect(out.content).toContain(`<Document><name>${MARK}</name><description>${MARK}</description>`);

    const source = new CaseDoc((await (async () => { const r = c.openDoc(k.docName); await r.whenSynced(); return r; })()).doc);
    expect(source.seizureCount()).toBe(2);
    for (const [fileName, content] of [[out.fileName, out.content], [geo.fileName, geo.content]] as const) {
      const back = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: `Back from ${fileName}` } });
      const report = await c.call('import.commit', { workspaceId, caseId: back.id, fileName, contentBase64: Buffer.from(content, 'utf8').toString('base64') });
      expect(report.rejected).toEqual([]);
      const r = c.openDoc(back.docName);
      await r.whenSynced();
      const copy = new CaseDoc(r.doc);
      expect(facts(copy)).toEqual(facts(source));
      expect(lines(copy)).toEqual(lines(source));
    }
  }, 120_000);
});
