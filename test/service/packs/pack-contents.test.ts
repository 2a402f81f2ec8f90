/**
 * What a case pack carries, from a real data service and a real blob store: the attached files
 * under exhibits/<sha256> (bytes as stored, original name, media type and citing exhibits in the
 * manifest), entities.csv with identifiers and custody.csv with corrections linked (both
 * injection-safe), a selection that data files and exhibits follow, TLP:RED handling (refused
 * unconfirmed; the confirmation in the manifest; the marking in every file and the ZIP comment),
 * progress, byte-identical output for the same state, and a clear error for a file this desktop lacks.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../shared/auth/keys';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { CaseCustody } from '../../../shared/docs/case-custody';
import { createCase } from '../../../service/cases/create-case';
import { addFileFromPath, workspaceBlobStore } from '../../../service/blobs/case-files-service';
import type { PhaseProgress } from '../../../service/packs/export-progress';
import { exportCasePack } from '../../../service/packs/export-pack';
import { workspaceKey } from '../../../service/relay-sync/workspace-key';
import { verifyPack } from '../../../node/packs/pack-verifier';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';
import { readZip } from '../../node/packs/pack-support';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const NOW = Date.UTC(2026, 11, 6, 14, 0);
const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const EX1 = '00000000-0000-4000-8000-0000000000e1';
const EX2 = '00000000-0000-4000-8000-0000000000e2';
const C1 = '00000000-0000-4000-8000-0000000000c1';
const C2 = '00000000-0000-4000-8000-0000000000c2';
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(70_000, 7)]);

/** The ZIP's comment. */
function zipComment(file: string): Promise<string> {
  return new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (err, zip) => (err || !zip ? reject(err) : (resolve(zip.comment), zip.close()))));
}

async function redCase() {
  h = startService({ clock: { now: () => NOW, today: () => '2026-12-06' } });
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
  const rt = h.service.workspace(ws.id);
  const meta = createCase(rt, { ...newCaseFields('2026-12-01'), title: 'Ivory via Pasir Panjang', tlp: 'RED' });
  const w = { memberId: me.memberId };
  const run = <T,>(fn: (doc: import('yjs').Doc) => T): T => rt.host.with(rt.caseDocName(meta.id), fn);
  run((doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizure(S1, { ...newSeizureFields('2026-12-06'), seizureDate: '2026-11-30', country: 'SG', place: 'Pasir Panjang', commodity: 'elephant ivory', quantity: 8.8, unit: 't' }, w);
    cd.addSeizure(S2, { ...newSeizureFields('2026-12-06'), seizureDate: '2026-10-02', country: 'SG', place: 'Jurong', commodity: 'pangolin scales', quantity: 2, unit: 't' }, w);
    cd.addEntity('00000000-0000-4000-8000-0000000000a1', { kind: 'vessel', name: '=HYPERLINK("http://x")', aliases: [], imo: '9074729', mmsi: '', flag: 'PA', callSign: '', notes: '' }, w);
  });
  const src = path.join(tempDir('nest-pack-src-'), 'container photo.jpg');
  fs.writeFileSync(src, PHOTO);
  const file = await addFileFromPath(workspaceBlobStore(rt.store.file), run, src, w);
  run((doc) => {
    const ex = new CaseExhibits(doc);
    ex.add(EX1, { ...newExhibitFields(), description: 'Container photo', type: 'photograph', seizureId: S1, fileIds: [file.id] }, w);
    ex.add(EX2, { ...newExhibitFields(), description: 'Scale sample', type: 'sample', seizureId: S2 }, w);
    const cc = new CaseCustody(doc);
    const exists = (id: string): boolean => ex.get(id) !== null;
    cc.record(C1, { exhibitId: EX1, releasedBy: 'Insp. Tan', receivedBy: 'Lab', at: NOW - 86_400_000, place: 'Pasir Panjang', purpose: 'analysis', sealIntact: true, newSealNumber: '', condition: 'good', corrects: null }, w, exists);
    cc.record(C2, { exhibitId: EX1, releasedBy: 'Insp. Tan', receivedBy: 'NParks lab', at: NOW - 86_400_000, place: 'Pasir Panjang', purpose: 'analysis', sealIntact: true, newSealNumber: '', condition: 'good', corrects: C1 }, w, exists);
  });
  return { rt, meta, file, key: await workspaceKey(rt), run };
}

describe('case pack contents', () => {
  it('carries exhibits, entities and custody, marks every file TLP:RED, and verifies', async () => {
    const { rt, meta, file, key } = await redCase();
    const out = path.join(tempDir('nest-pack-'), 'red.zip');
    await expect(exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW })).rejects.toMatchObject({ code: 'validation', messageRef: { id: 'pack.export.confirmation-required' } });
    expect(fs.existsSync(out)).toBe(false);

    const progress: PhaseProgress[] = [];
    const written = await exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW, handlingConfirmed: true, onProgress: (p) => progress.push(p) });
    const hash = file.hash;
    expect(written.manifest.files.find((f) => f.path === `exhibits/${hash}`)).toEqual({ path: `exhibits/${hash}`, size: PHOTO.length, sha256: hash, mediaType: 'image/jpeg', originalName: 'container photo.jpg', exhibits: [`${meta.number}/EX-001`] });
    expect(written.manifest.handling).toEqual({ tlp: 'RED', confirmedBy: { memberId: written.manifest.exportedBy.memberId, name: 'Ada Lim' }, confirmedAt: '2026-12-06T14:00:00.000Z' });
    // The last write report: every byte and all 7 files; then signing, then complete.
    const wrote = progress.filter((p) => p.phase === 'write').at(-1)!;
    expect(wrote).toEqual({ phase: 'write', done: wrote.total, total: wrote.total, filesDone: 7, totalFiles: 7 });
    expect(wrote.total).toBeGreaterThan(PHOTO.length);
    expect(progress.at(-1)).toEqual({ phase: 'complete', done: 1, total: 1 });

    const files = new Map(await readZip(out));
    expect(files.get(`exhibits/${hash}`)!.equals(PHOTO)).toBe(true);
    for (const p of ['data/seizures.csv', 'data/entities.csv', 'data/custody.csv']) expect(files.get(p)!.toString('utf8')).toMatch(/^\uFEFF"?TLP:RED — /);
    expect(JSON.parse(files.get('data/case.json')!.toString('utf8'))).toMatchObject({ schema: 'nest-case/3', marking: 'TLP:RED', selection: null });
    expect(JSON.parse(files.get('data/seizures.geojson')!.toString('utf8'))).toMatchObject({ type: 'FeatureCollection', marking: 'TLP:RED' });
    expect(await zipComment(out)).toBe(`TLP:RED - NEST Desk case pack ${meta.number} - share only as TLP:RED allows`);

    const entities = files.get('data/entities.csv')!.toString('utf8').split('\r\n');
    expect(entities[1]).toBe('id,kind,label,identifiers,aliases,notes,createdBy,createdAt,updatedBy,updatedAt');
    expect(entities[2]).toMatch(/^00000000-0000-4000-8000-0000000000a1,vessel,"'=HYPERLINK\(""http:\/\/x""\)",imo:9074729,/);
    const custody = files.get('data/custody.csv')!.toString('utf8').split('\r\n');
    expect(custody[2]).toMatch(new RegExp(`^${C1},${EX1},${meta.number}/EX-001,Insp. Tan,Lab,.*,,${C2},false,`));
    expect(custody[3]).toMatch(new RegExp(`^${C2},${EX1},${meta.number}/EX-001,Insp. Tan,NParks lab,.*,${C1},,true,`));

    const report = await verifyPack(out, publicJwkOf(key));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a selection: the manifest records it, data files and exhibits follow it', async () => {
    const { rt, meta, file } = await redCase();
    const out = path.join(tempDir('nest-pack-'), 'sel.zip');
    const written = await exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW, handlingConfirmed: true, selection: { from: '2026-10-01', to: '2026-10-31' } });
    expect(written.manifest.selection).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(written.manifest.files.some((f) => f.path.startsWith('exhibits/'))).toBe(false); // the photo belongs to S1's exhibit
    const files = new Map(await readZip(out));
    const caseJson = JSON.parse(files.get('data/case.json')!.toString('utf8')) as { selection: unknown; seizures: { id: string }[]; exhibits: { id: string }[] };
    expect(caseJson.seizures.map((s) => s.id)).toEqual([S2]);
    expect(caseJson.exhibits.map((e) => e.id)).toEqual([EX2]);
    expect(files.get('data/custody.csv')!.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(2); // marking + header: EX2 has no entries

    const chosen = await exportCasePack(rt, { caseId: meta.id, outFile: `${out}.2`, appVersion: '0.1.0', now: NOW, handlingConfirmed: true, selection: { exhibitIds: [EX1] } });
    expect(chosen.manifest.selection).toEqual({ exhibitIds: [EX1] });
    expect(chosen.manifest.files.filter((f) => f.path.startsWith('exhibits/')).map((f) => f.path)).toEqual([`exhibits/${file.hash}`]);
    const chosenFiles = new Map(await readZip(`${out}.2`));
    expect(chosenFiles.get('data/custody.csv')!.toString('utf8')).toContain(C2);
  });

  it('the same state twice gives byte-identical data files and manifest entries', async () => {
    const { rt, meta } = await redCase();
    const dir = tempDir('nest-pack-');
    const a = await exportCasePack(rt, { caseId: meta.id, outFile: path.join(dir, 'a.zip'), appVersion: '0.1.0', now: NOW, handlingConfirmed: true });
    const b = await exportCasePack(rt, { caseId: meta.id, outFile: path.join(dir, 'b.zip'), appVersion: '0.1.0', now: NOW + 7_200_000, handlingConfirmed: true });
    expect(b.manifest.files).toEqual(a.manifest.files);
    const za = await readZip(path.join(dir, 'a.zip'));
    const zb = new Map(await readZip(path.join(dir, 'b.zip')));
    for (const [p, bytes] of za) if (p !== 'manifest.json' && p !== 'manifest.sig') expect(zb.get(p)!.equals(bytes), p).toBe(true);
    const strip = (m: typeof a.manifest): unknown => ({ ...m, exportedAt: undefined, handling: { ...m.handling, confirmedAt: undefined } });
    expect(strip(b.manifest)).toEqual(strip(a.manifest));
  });

  it('names the attached files this desktop does not hold, and writes nothing', async () => {
    const { rt, meta, file } = await redCase();
    fs.rmSync(workspaceBlobStore(rt.store.file).pathOf(file.hash));
    const out = path.join(tempDir('nest-pack-'), 'missing.zip');
    await expect(exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW, handlingConfirmed: true })).rejects.toMatchObject({
      code: 'not-found',
      messageRef: { id: 'pack.export.blob-missing', values: { count: 1, names: 'container photo.jpg' } },
    });
    expect(fs.existsSync(out) || fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
