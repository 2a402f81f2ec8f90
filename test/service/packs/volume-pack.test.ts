/**
 * A case pack, the report model, the STIX bundle and entity links of a case whose seizures live
 * partly in a volume doc (docs/architecture.md "Volume docs"): 1,200 seizures, 300 of them in
 * volume 1. The pack's seizures.csv, seizures.geojson and case.json hold all 1,200, its STIX bundle
 * 1,200 incidents, a link to a volume seizure is kept, and the pack verifies. A volume
 * the case lists but this desktop does not store yet refuses the export instead of leaving it out.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../shared/auth/keys';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newLinkFields } from '../../../shared/domain/entity-links';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { createCase } from '../../../service/cases/create-case';
import { exportCasePack } from '../../../service/packs/export-pack';
import { readCaseSeizures } from '../../../service/import/case-seizures-all';
import { readReportModel } from '../../../service/packs/report/report-model';
import { coverHtml } from '../../../service/packs/report/cover';
import { t } from '../../../shared/messages';
import { workspaceKey } from '../../../service/relay-sync/workspace-key';
import { verifyPack } from '../../../node/packs/pack-verifier';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';
import { readZip, writeZip } from '../../node/packs/pack-support';
import { canonicalJson } from '../../../shared/packs/canonical-json';
import { MANIFEST_PATH, type Manifest } from '../../../shared/packs/manifest';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const NOW = Date.UTC(2026, 11, 6, 14, 0);
const ENTITY = '00000000-0000-4000-8000-0000000000a1';
const LINK = '00000000-0000-4000-8000-0000000000b1';

/** The n-th seizure's id: a valid UUID, distinct per n. */
const idOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A seizure with coordinates, a date and a commodity that say where it was written. */
function fields(n: number, where: 'case' | 'vol'): SeizureFields {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return { ...newSeizureFields('2026-12-06'), seizureDate: `2025-03-${day}`, country: 'SG', place: `Berth ${n}`, commodity: `${where} ivory ${n}`, quantity: n, unit: 'kg', latitude: 1.26 + n / 100_000, longitude: 103.8, locationPrecision: 'exact' };
}

async function bigCase() {
  h = startService({ clock: { now: () => NOW, today: () => '2026-12-06' } });
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
  const rt = h.service.workspace(ws.id);
  const meta = createCase(rt, { ...newCaseFields('2026-12-01'), title: 'Register', tlp: 'GREEN' });
  const w = { memberId: me.memberId };
  const caseName = rt.caseDocName(meta.id);
  rt.host.with(caseName, (doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizures(Array.from({ length: 900 }, (_, i) => ({ id: idOf(i + 1), fields: fields(i + 1, 'case') })), w);
    cd.addEntity(ENTITY, { kind: 'vessel', name: 'MV Example', aliases: [], imo: '9074729', mmsi: '', flag: 'PA', callSign: '', notes: '' }, w);
    listVolumesIn(doc, [1], w);
  });
  rt.host.with(volumeDocName(ws.id, meta.id, 1), (doc) =>
    new VolumeDoc(doc).insertSeizures(Array.from({ length: 300 }, (_, i) => ({ id: idOf(1001 + i), fields: fields(1001 + i, 'vol') })), w),
  );
  return { rt, meta, w, caseName, workspaceId: ws.id };
}

describe('exports of a case with seizures in a volume', () => {
  it('a pack of 1,200 seizures (300 in a volume) holds them all in every data file and the STIX bundle, and verifies', async () => {
    const { rt, meta, w, caseName } = await bigCase();
    const inVolume = idOf(1100);
    // A link whose seizure end lives in the volume: refused by the case doc alone, accepted with
    // the case's volume seizures as ends.
    rt.host.with(caseName, (doc) => {
      const cd = new CaseDoc(doc);
      expect(() => cd.addLink(LINK, newLinkFields(ENTITY, inVolume, 'involved-in'), w)).toThrow(expect.objectContaining({ messageRef: expect.objectContaining({ id: 'entity.link-end' }) }));
      const all = readCaseSeizures(rt, meta.id, cd);
      cd.addLink(LINK, newLinkFields(ENTITY, inVolume, 'involved-in'), w, all.volumes);
      expect(cd.listLinks()).toEqual([]); // the case doc alone cannot see the volume seizure
      expect(cd.listLinks(all.volumes).map((l) => [l.id, l.toKind])).toEqual([[LINK, 'seizure']]);
    });

    const out = path.join(tempDir('nest-vol-pack-'), 'big.zip');
    await exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW });
    const files = new Map(await readZip(out));
    const csvLines = files.get('data/seizures.csv')!.toString('utf8').split('\r\n').filter(Boolean);
    expect(csvLines).toHaveLength(2 + 1200); // marking, header, rows
    expect(csvLines.filter((l) => l.includes('vol ivory'))).toHaveLength(300);
    const geo = JSON.parse(files.get('data/seizures.geojson')!.toString('utf8')) as { features: { id: string }[] };
    expect(geo.features).toHaveLength(1200);
    expect(new Set(geo.features.map((f) => f.id)).size).toBe(1200);
    expect(geo.features.some((f) => f.id === inVolume)).toBe(true);
    const caseJson = JSON.parse(files.get('data/case.json')!.toString('utf8')) as { seizures: { id: string; commodity: string }[] };
    expect(caseJson.seizures).toHaveLength(1200);
    expect(caseJson.seizures.find((s) => s.id === inVolume)?.commodity).toBe('vol ivory 1100');
    const stix = JSON.parse(files.get('data/stix-bundle.json')!.toString('utf8')) as { objects: { type: string; id: string; name?: string; source_ref?: string; target_ref?: string }[] };
    const incidents = stix.objects.filter((o) => o.type === 'incident');
    expect(incidents).toHaveLength(1200);
    // The link to the volume seizure becomes a relationship from the vessel to its incident.
    const volumeIncident = incidents.find((o) => o.name?.startsWith('vol ivory 1100 '))!;
    const vessel = stix.objects.find((o) => o.name === 'MV Example')!;
    expect(stix.objects.filter((o) => o.type === 'relationship' && o.target_ref === volumeIncident.id && o.source_ref === vessel.id)).toHaveLength(1);

    const report = await verifyPack(out, publicJwkOf(await workspaceKey(rt)));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    const wsDoc = rt.workspaceDoc();
    const model = await readReportModel(rt, meta.id, wsDoc.getMember(wsDoc.listMembers()[0]!.id)!, NOW);
    expect(model.seizures).toHaveLength(1200);
    expect(model.links.map((l) => l.id)).toEqual([LINK]);
    // The report's cover says which docs the seizures came from.
    expect(model.volumes).toEqual([1]);
    expect(coverHtml(model)).toContain('<tr><th>Taken from</th><td>the case document and volume document 1</td></tr>');
    expect(t('report.cover.docs-value', { count: 0, volumes: '' })).toBe('the case document (no volume documents)');
    expect(t('report.cover.docs-value', { count: 2, volumes: '1, 2' })).toBe('the case document and 2 volume documents (1, 2)');
  }, 120_000);

  it('the manifest and case.json name the case doc and the volume with their state vectors; the same state twice gives the same bytes; a volume edit changes only the volume’s state; a forged volume state fails verification', async () => {
    const { rt, meta, w, caseName, workspaceId } = await bigCase();
    const volName = volumeDocName(workspaceId, meta.id, 1);
    const sv = (name: string): string => rt.host.with(name, (doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64'));
    const dir = tempDir('nest-vol-pack-sv-');
    const first = await exportCasePack(rt, { caseId: meta.id, outFile: path.join(dir, 'a.zip'), appVersion: '0.1.0', now: NOW });
    expect(first.manifest.format).toBe('nest-case-pack/2');
    expect(first.manifest.case.stateVector).toBe(sv(caseName));
    expect(first.manifest.case.volumes).toEqual([{ n: 1, stateVector: sv(volName) }]);
    const files = new Map(await readZip(path.join(dir, 'a.zip')));
    const caseJson = JSON.parse(files.get('data/case.json')!.toString('utf8')) as { docs: unknown };
    expect(caseJson.docs).toEqual([
      { name: caseName, volume: null, stateVector: sv(caseName) },
      { name: volName, volume: 1, stateVector: sv(volName) },
    ]);

    // The same state an hour later: byte-identical data files and manifest entries, timestamps aside.
    const second = await exportCasePack(rt, { caseId: meta.id, outFile: path.join(dir, 'b.zip'), appVersion: '0.1.0', now: NOW + 3_600_000 });
    expect(second.manifest.files).toEqual(first.manifest.files);
    expect(second.manifest.case).toEqual(first.manifest.case);
    const secondFiles = new Map(await readZip(path.join(dir, 'b.zip')));
    for (const f of first.manifest.files) expect(secondFiles.get(f.path)!.equals(files.get(f.path)!), f.path).toBe(true);

    // One more seizure in the volume: the volume's state vector moves, the case doc's does not.
    rt.host.with(volName, (doc) => new VolumeDoc(doc).insertSeizures([{ id: idOf(5000), fields: fields(5000, 'vol') }], w));
    const later = await exportCasePack(rt, { caseId: meta.id, outFile: path.join(dir, 'c.zip'), appVersion: '0.1.0', now: NOW });
    expect(later.manifest.case.stateVector).toBe(first.manifest.case.stateVector);
    expect(later.manifest.case.volumes![0]!.stateVector).not.toBe(first.manifest.case.volumes![0]!.stateVector);
    expect(later.manifest.case.volumes).toEqual([{ n: 1, stateVector: sv(volName) }]);

    // A forger claims the earlier pack shows the later volume state: the signature no longer holds.
    const entries = await readZip(path.join(dir, 'a.zip'));
    const m = JSON.parse(entries.find(([n]) => n === MANIFEST_PATH)![1].toString('utf8')) as Manifest;
    const forgedManifest = canonicalJson({ ...m, case: { ...m.case, volumes: later.manifest.case.volumes } });
    const forged = path.join(dir, 'forged.zip');
    await writeZip(forged, entries.map(([n, b]): [string, Buffer] => [n, n === MANIFEST_PATH ? Buffer.from(forgedManifest) : b]));
    const key = publicJwkOf(await workspaceKey(rt));
    expect((await verifyPack(path.join(dir, 'a.zip'), key)).ok).toBe(true);
    const r = await verifyPack(forged, key);
    expect(r.problems).toEqual([{ kind: 'signature-invalid' }]);
    expect(r.ok).toBe(false);
  }, 180_000);

  it('refuses an export while a listed volume has not reached this desktop, naming it', async () => {
    const { rt, meta, w, caseName } = await bigCase();
    rt.host.with(caseName, (doc) => listVolumesIn(doc, [2], w)); // listed elsewhere, not synced here
    const out = path.join(tempDir('nest-vol-pack-'), 'partial.zip');
    await expect(exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW })).rejects.toMatchObject({
      code: 'not-found',
      messageRef: { id: 'pack.export.volumes-missing', values: { count: 1, volumes: '2' } },
    });
    const c = h!.client();
    await expect(c.call('cases.exportStix', { workspaceId: rt.id, caseId: meta.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(c.call('export.seizuresCsv', { workspaceId: rt.id, caseId: meta.id })).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('(2)') });
  }, 120_000);
});
