/**
 * The service's whole-record readers see seizures in volume docs (docs/architecture.md "Volume
 * docs"): an import preview warns of a row that matches a seizure held in a volume, and the CSV
 * export of the case lists the case doc's and every volume's seizures.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { matchFieldsOf } from '../../../shared/domain/seizure-match';
import { readCaseMatchFields, readCaseSeizures } from '../../../service/import/case-seizures-all';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const csv = (text: string) => ({ fileName: 'later.csv', contentBase64: Buffer.from(text).toString('base64') });

/** A started service with an admin, a workspace and one case "Register": its client, workspace, case, runtime and writer. */
async function registerCase() {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Register' } });
  return { c, ws, k, rt: h.service.workspace(ws.id), w: { memberId: me.memberId } };
}

describe('whole-case readers', () => {
  it('finds duplicates in volumes and exports every volume', async () => {
    const { c, ws, k, rt, w } = await registerCase();
    const base = { ...newSeizureFields('2019-04-08'), country: 'SG', place: 'Pasir Panjang', sector: 'wildlife' as const, unit: 't' as const };
    rt.host.with(k.docName, (doc) => new CaseDoc(doc).addSeizure(randomUUID(), { ...base, commodity: 'inline ivory', quantity: 1 }, w));
    rt.host.with(k.docName, (doc) => listVolumesIn(doc, [1, 2], w));
    const inVolume = randomUUID();
    rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).insertSeizures([{ id: inVolume, fields: { ...base, commodity: 'pangolin scales', quantity: 12.9 } }], w));
    rt.host.with(volumeDocName(ws.id, k.id, 2), (doc) => new VolumeDoc(doc).insertSeizures([{ id: randomUUID(), fields: { ...base, commodity: 'rosewood logs', quantity: 3 } }], w));

    for (const n of [1, 2]) rt.host.unloadIdle(volumeDocName(ws.id, k.id, n));
    const settled = () => new Promise<void>((r) => setImmediate(r)); // an unload ends after its compaction's promise
    await settled();
    const loadedVolumes = () => rt.host.loadedNames().filter((n) => n.includes('/vol/'));
    expect(loadedVolumes()).toEqual([]);

    const preview = await c.call('import.preview', { workspaceId: ws.id, caseId: k.id, ...csv('seizure_date,country,place,commodity,quantity,unit,sector\n2019-04-08,SG,Pasir Panjang,pangolin scales,12.9,t,wildlife\n') });
    expect(preview.report.duplicateRows).toBe(1);
    expect(preview.report.duplicates[0]).toMatchObject({ line: 2, existingId: inVolume });
    // Named by the stored seizure's own fields (kept alone, not the whole record, for the import).
    expect(preview.report.duplicates[0]!.what).toContain('pangolin scales');
    expect(preview.report.duplicates[0]!.what).toContain('12.9 t');
    // The volumes the read loaded are unloaded when it returns, not kept for a minute.
    expect(loadedVolumes()).toEqual([]);

    const exported = await c.call('export.seizuresCsv', { workspaceId: ws.id, caseId: k.id });
    for (const commodity of ['inline ivory', 'pangolin scales', 'rosewood logs']) expect(exported.content).toContain(commodity);
  });

  it("reads only the match fields of every volume for the duplicate check, unloading each volume it loaded", async () => {
    const { ws, k, rt, w } = await registerCase();
    const base = { ...newSeizureFields('2019-04-08'), country: 'SG', place: 'Pasir Panjang', sector: 'wildlife' as const, unit: 't' as const, notes: 'a long note the check never needs', operation: 'Kota' };
    const inline = randomUUID();
    const one = randomUUID();
    const two = randomUUID();
    rt.host.with(k.docName, (doc) => new CaseDoc(doc).addSeizure(inline, { ...base, seizureDate: '2019-05-01', commodity: 'inline ivory', quantity: 1 }, w));
    // Volume 3 is listed but not stored here (another desktop's import, not synced yet).
    rt.host.with(k.docName, (doc) => listVolumesIn(doc, [1, 2, 3], w));
    rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).insertSeizures([{ id: one, fields: { ...base, commodity: 'pangolin scales', quantity: 12.9, latitude: 1.27, longitude: 103.76 } }], w));
    rt.host.with(volumeDocName(ws.id, k.id, 2), (doc) => new VolumeDoc(doc).insertSeizures([{ id: two, fields: { ...base, seizureDate: '2018-01-02', commodity: 'rosewood logs', quantity: 3 } }], w));
    rt.host.unloadIdle(volumeDocName(ws.id, k.id, 1));
    await new Promise<void>((r) => setImmediate(r));
    // Volume 2 is loaded (an editor has it open): the read leaves it loaded; volume 1 it loads and unloads.
    expect(rt.host.isLoaded(volumeDocName(ws.id, k.id, 1))).toBe(false);
    expect(rt.host.isLoaded(volumeDocName(ws.id, k.id, 2))).toBe(true);

    const caseDoc = new CaseDoc(rt.host.retain(k.docName));
    try {
      const whole = readCaseSeizures(rt, k.id, caseDoc);
      const read = readCaseMatchFields(rt, k.id, caseDoc);
      // Each seizure's id and match fields alone, not its record (no notes, operation or sector), in the whole read's order.
      expect(read.live).toStrictEqual(whole.live.map((s) => ({ id: s.id, ...matchFieldsOf(s) })));
      expect(read.live.map((s) => s.id)).toEqual([two, one, inline]);
      expect(Object.keys(read.live[1]!).sort()).toEqual(['commodity', 'country', 'datePrecision', 'id', 'latitude', 'longitude', 'place', 'quantity', 'seizureDate', 'unit']);
      expect(read.live[1]).toMatchObject({ commodity: 'pangolin scales', quantity: 12.9, latitude: 1.27, longitude: 103.76 });
      expect(read.missingVolumes).toEqual([3]);
      expect(rt.host.isLoaded(volumeDocName(ws.id, k.id, 1))).toBe(false);
      expect(rt.host.isLoaded(volumeDocName(ws.id, k.id, 2))).toBe(true);
    } finally {
      rt.host.release(k.docName);
    }
  });
});
