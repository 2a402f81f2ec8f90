/**
 * Imports are records (issue 11, item 3), through the data service's RPC as the dialog and the
 * CLI use it: the same file imported twice is refused unless allowed, naming who imported it and
 * when; rows that match seizures already in the case are listed in the preview and left out of
 * the commit unless kept; an undone import can be imported again; seizures move to another
 * case with both sides recorded, and not into a case the member may not edit.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseImports } from '../../shared/docs/case-import-batches';
import { newCaseFields } from '../../shared/domain/case';
import { duplicateNote } from '../../shared/domain/duplicate-note';
import { startService, type Harness } from '../helpers/service';
import type { DataClient } from '../../renderer/src/data/client';
import { RpcError } from '../../renderer/src/data/rpc-error';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function setUp(): Promise<{ c: DataClient; workspaceId: string; caseId: string; docName: string; otherId: string; otherDoc: string }> {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Pangolin scales' } });
  const o = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Second' } });
  return { c, workspaceId: ws.id, caseId: k.id, docName: k.docName, otherId: o.id, otherDoc: o.docName };
}

const csv = (text: string, fileName = 'seizures.csv') => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });
const HEADER = 'seizure_date,country,place,commodity,quantity,unit,sector\n';
const ROWS = ['2019-04-08,SG,Pasir Panjang,pangolin scales,12.9,t,wildlife', '2019-07-21,SG,Pasir Panjang,elephant ivory,8.8,t,wildlife', '2019-02-01,SG,Tuas,pangolin scales,14.2,t,wildlife'];

async function caseDoc(c: DataClient, docName: string): Promise<CaseDoc> {
  const r = c.openDoc(docName);
  await r.whenSynced();
  return new CaseDoc(r.doc);
}

describe('import batches through RPC', () => {
  it('logs the import as a batch with the file SHA-256, and refuses the same file again unless allowed', async () => {
    const { c, workspaceId, caseId, docName } = await setUp();
    const file = csv(HEADER + ROWS.join('\n'));
    const first = await c.call('import.commit', { workspaceId, caseId, ...file });
    expect(first).toMatchObject({ imported: 3, skippedDuplicates: 0, previousImport: null, duplicateRows: 0 });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.sha256).toBe(createHash('sha256').update(HEADER + ROWS.join('\n')).digest('hex'));

    const preview = await c.call('import.preview', { workspaceId, caseId, ...file });
    expect(preview.report.previousImport).toMatchObject({ batchId: first.batchId, fileName: 'seizures.csv', byName: 'Amina Mwangi', seizures: 3 });
    expect(preview.report.duplicateRows).toBe(3);

    const refused = await c.call('import.commit', { workspaceId, caseId, ...file }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RpcError);
    expect((refused as RpcError).message).toMatch(/seizures\.csv was already imported into this case by Amina Mwangi on .* \(3 seizures\)/);
    const cd = await caseDoc(c, docName);
    expect(cd.seizureCount()).toBe(3);

    // Allowed on purpose: every row matches, so all are left out unless kept.
    const again = await c.call('import.commit', { workspaceId, caseId, ...file, allowReimport: true });
    expect(again).toMatchObject({ imported: 0, skippedDuplicates: 3, batchId: null });
    const kept = await c.call('import.commit', { workspaceId, caseId, ...file, allowReimport: true, keepDuplicates: true });
    expect(kept).toMatchObject({ imported: 3, skippedDuplicates: 0 });
    expect((await caseDoc(c, docName)).seizureCount()).toBe(6);
  });

  it('lists matching rows in the preview and leaves them out of the commit, naming what they match', async () => {
    const { c, workspaceId, caseId, docName } = await setUp();
    await c.call('import.commit', { workspaceId, caseId, ...csv(HEADER + ROWS[0]!, 'first.csv') });
    const second = csv(HEADER + [ROWS[0], ROWS[1], ROWS[1]].join('\n'), 'second.csv');
    const preview = await c.call('import.preview', { workspaceId, caseId, ...second });
    expect(preview.report.previousImport).toBeNull();
    expect(preview.report.duplicates).toEqual([
      { line: 2, existingId: expect.any(String), earlierLine: null, what: 'pangolin scales, 12.9 t, 2019-04-08, Pasir Panjang' },
      { line: 4, existingId: null, earlierLine: 3, what: '' },
    ]);
    expect(preview.report.warnings).toContain('2 rows match a seizure already in this case or an earlier row of the file (same date, place, commodity and quantity)');
    // The dry run counts what the commit writes (tester finding: "3 Will be imported" beside "Import 0 seizures").
    expect(preview.report).toMatchObject({ imported: 1, skippedDuplicates: 2 });
    expect((await c.call('import.preview', { workspaceId, caseId, ...second, keepDuplicates: true })).report).toMatchObject({ imported: 3, skippedDuplicates: 0 });
    const done = await c.call('import.commit', { workspaceId, caseId, ...second });
    expect(done).toMatchObject({ imported: 1, skippedDuplicates: 2 });
    expect(done.warnings).toContain('2 matching rows were left out');
    const cd = await caseDoc(c, docName);
    expect(cd.listSeizures().map((s) => s.commodity).sort()).toEqual(['elephant ivory', 'pangolin scales']);
    expect(new CaseImports(cd.doc).list().map((b) => [b.fileName, b.seizures, b.skippedDuplicates])).toEqual([['first.csv', 1, 0], ['second.csv', 1, 2]]);
  });

  it('names GeoJSON duplicates as 1-based features, and a point without a place name is not the same place as no place at all', async () => {
    const { c, workspaceId, caseId } = await setUp();
    const feature = (coordinates: number[] | null) => ({
      type: 'Feature',
      geometry: coordinates ? { type: 'Point', coordinates } : null,
      properties: { date: '2019-04-08', country: 'SG', commodity: 'pangolin scales', quantity: '12.9', unit: 't', sector: 'wildlife' },
    });
    const geo = (features: unknown[], fileName: string) => ({ fileName, contentBase64: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })).toString('base64') });
    await c.call('import.commit', { workspaceId, caseId, ...geo([feature(null)], 'first.geojson') });
    const preview = await c.call('import.preview', { workspaceId, caseId, ...geo([feature([103.7642, 1.2741]), feature(null), feature(null)], 'second.geojson') });
    // Feature 1 has a point and no place: new. Features 2 and 3 have neither, as the stored seizure.
    expect(preview.report.duplicates.map((d) => duplicateNote(d, preview.report.format))).toEqual([
      'Feature 2: same date, place, commodity and quantity as pangolin scales, 12.9 t, 2019-04-08, SG',
      'Feature 3: same date, place, commodity and quantity as pangolin scales, 12.9 t, 2019-04-08, SG',
    ]);
    expect(preview.report).toMatchObject({ imported: 1, skippedDuplicates: 2 });
  });

  it('takes the same file again once its import is undone', async () => {
    const { c, workspaceId, caseId, docName } = await setUp();
    const file = csv(HEADER + ROWS.join('\n'));
    const first = await c.call('import.commit', { workspaceId, caseId, ...file });
    const r = c.openDoc(docName);
    await r.whenSynced();
    expect(new CaseImports(r.doc).undo(first.batchId!, { memberId: 'renderer' })).toMatchObject({ seizures: 3 });
    await new Promise((res) => setTimeout(res, 200));
    const again = await c.call('import.commit', { workspaceId, caseId, ...file });
    expect(again).toMatchObject({ imported: 3, previousImport: null, skippedDuplicates: 0 });
  });

  it('moves seizures to another case: copied there with their source, deleted here, both audited', async () => {
    const { c, workspaceId, caseId, docName, otherId, otherDoc } = await setUp();
    await c.call('import.commit', { workspaceId, caseId, ...csv(HEADER + ROWS.join('\n')) });
    const from = await caseDoc(c, docName);
    const ivory = from.listSeizures().find((s) => s.commodity === 'elephant ivory')!;
    const res = await c.call('seizures.move', { workspaceId, caseId, toCaseId: otherId, seizureIds: [ivory.id] });
    expect(res).toEqual({ moved: 1, toCaseNumber: expect.stringMatching(/^NEST-\d{4}-0002$/) });
    await new Promise((r) => setTimeout(r, 200));
    expect(from.listSeizures().map((s) => s.commodity)).toEqual(['pangolin scales', 'pangolin scales']);
    expect(from.readAudit().at(-1)).toMatchObject({ action: 'seizure.move-out', target: ivory.id, summary: { commodity: 'elephant ivory', to: res.toCaseNumber } });
    const to = await caseDoc(c, otherDoc);
    const moved = to.listSeizures();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ commodity: 'elephant ivory', quantity: 8.8, unit: 't', seizureDate: '2019-07-21' });
    expect(moved[0]!.id).not.toBe(ivory.id);
    expect(to.doc.getMap('seizures').get(moved[0]!.id)).toBeDefined();
    expect((to.doc.getMap('seizures').get(moved[0]!.id) as { get(k: string): unknown }).get('movedFrom')).toBe(`${from.readMeta().number}/${ivory.id}`);
    const same = await c.call('seizures.move', { workspaceId, caseId, toCaseId: caseId, seizureIds: [ivory.id] }).catch((e: unknown) => e);
    expect((same as RpcError).message).toMatch(/already in that case/);
    const gone = await c.call('seizures.move', { workspaceId, caseId, toCaseId: otherId, seizureIds: [ivory.id] }).catch((e: unknown) => e);
    expect((gone as RpcError).message).toMatch(/does not exist/);
    expect(to.seizureCount()).toBe(1);
  });

  it('refuses to move into a case whose access list leaves the member out, writing nothing', async () => {
    const { c, workspaceId, caseId, docName, otherId } = await setUp();
    await c.call('import.commit', { workspaceId, caseId, ...csv(HEADER + ROWS[0]!) });
    const from = await caseDoc(c, docName);
    const id = from.listSeizures()[0]!.id;
    // This member made an investigator, and the target restricted to another agency by an admin
    // elsewhere (as in test/service/rpc/authorize.test.ts).
    const ws = h!.service.workspace(workspaceId);
    ws.store.setLocalSettings({ ...ws.local(), role: 'investigator' });
    const me = ws.workspaceDoc().getMember(ws.local().memberId)!;
    ws.workspaceDoc().upsertMember({ ...me, role: 'investigator' }, { memberId: me.id });
    h!.service.workspace(workspaceId).workspaceDoc().setCaseAccess(otherId, { agencies: ['Police'] }, { memberId: 'admin-elsewhere' });
    const refused = await c.call('seizures.move', { workspaceId, caseId, toCaseId: otherId, seizureIds: [id] }).catch((e: unknown) => e);
    expect((refused as RpcError).code).toBe('read-only');
    await new Promise((r) => setTimeout(r, 100));
    expect(from.seizureCount()).toBe(1);
  });
});
