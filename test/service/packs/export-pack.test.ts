/**
 * A real case exported as a signed pack from a real data service, verified with the workspace's
 * public key: the data files hold the case, the manifest the case's exact state; the same state
 * exported twice gives the same data files; the demo workspace signs with a key of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../shared/auth/keys';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { createCase } from '../../../service/cases/create-case';
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

const NOW = Date.UTC(2026, 11, 6, 13, 30);

describe('exportCasePack', () => {
  it('exports a case an admin can sign, and the pack verifies with the workspace key', async () => {
    h = startService({ clock: { now: () => NOW, today: () => '2026-12-06' } });
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
    const rt = h.service.workspace(ws.id);
    const key = await workspaceKey(rt);
    const meta = createCase(rt, { ...newCaseFields('2026-12-01'), title: 'عاج عبر باسير بانجانغ', tlp: 'AMBER' });
    rt.host.with(rt.caseDocName(meta.id), (doc) =>
      new CaseDoc(doc).addSeizure('00000000-0000-4000-8000-000000000001', { ...newSeizureFields('2026-12-06'), seizureDate: '2026-11-30', country: 'SG', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, commodity: 'elephant ivory', quantity: 8.8, unit: 't' }, { memberId: 'm-ada' }),
    );
    const out = path.join(tempDir('nest-pack-export-'), `${meta.number}.zip`);
    const written = await exportCasePack(rt, { caseId: meta.id, outFile: out, appVersion: '0.1.0', now: NOW });

    expect(written.manifest.files.map((f) => f.path)).toEqual(['data/case.json', 'data/seizures.csv', 'data/seizures.geojson', 'data/entities.csv', 'data/custody.csv', 'data/stix-bundle.json']);
    expect(written.manifest.provenance).toEqual({ status: 'unavailable', reason: 'not-synced' });
    expect(written.manifest).toMatchObject({ exportedAt: '2026-12-06T13:30:00.000Z', exportedBy: { name: 'Ada Lim', role: 'admin' }, case: { number: meta.number, title: 'عاج عبر باسير بانجانغ', tlp: 'AMBER' } });
    const stateVector = rt.host.with(rt.caseDocName(meta.id), (doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64'));
    expect(written.manifest.case.stateVector).toBe(stateVector);
    expect(written.manifest.case.volumes).toEqual([]); // no volume doc: the case doc is the whole state

    const report = await verifyPack(out, publicJwkOf(key));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signer).toMatchObject({ name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin', workspaceId: ws.id });

    const files = new Map(await readZip(out));
    const caseJson = JSON.parse(files.get('data/case.json')!.toString('utf8')) as { schema: string; seizures: { commodity: string; quantity: number; unit: string }[]; case: { title: string } };
    expect(caseJson.schema).toBe('nest-case/3');
    expect(caseJson.case.title).toBe('عاج عبر باسير بانجانغ');
    expect(caseJson.seizures).toEqual([expect.objectContaining({ commodity: 'elephant ivory', quantity: 8.8, unit: 't' })]);
    expect(files.get('data/seizures.csv')!.toString('utf8')).toMatch(/,elephant ivory,[^,\r\n]*,8\.8,t,/);
    const geo = JSON.parse(files.get('data/seizures.geojson')!.toString('utf8')) as { features: { geometry: { coordinates: number[] } }[] };
    expect(geo.features.map((f) => f.geometry.coordinates)).toEqual([[103.764, 1.274]]);

    // The same state again, later: identical data files.
    const again = await exportCasePack(rt, { caseId: meta.id, outFile: `${out}.2.zip`, appVersion: '0.1.0', now: NOW + 3_600_000 });
    expect(again.manifest.files).toEqual(written.manifest.files);
    // A change to the case changes case.json's hash and the state vector.
    rt.host.with(rt.caseDocName(meta.id), (doc) => new CaseDoc(doc).updateMeta({ title: 'Ivory via Pasir Panjang' }, { memberId: 'x' }));
    const changed = await exportCasePack(rt, { caseId: meta.id, outFile: `${out}.3.zip`, appVersion: '0.1.0', now: NOW });
    expect(changed.manifest.files[0]!.sha256).not.toBe(written.manifest.files[0]!.sha256);
    expect(changed.manifest.case.stateVector).not.toBe(stateVector);
  });

  it('the demo workspace, a local sandbox, signs with a workspace key of its own', async () => {
    h = startService({ clock: { now: () => NOW, today: () => '2026-12-06' } });
    const c = h.client();
    await c.call('identity.create', { name: 'Bo Tan', agency: 'National Parks Board', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    const [first] = await c.call('cases.list', { workspaceId: demo.id });
    const rt = h.service.workspace(demo.id);
    const out = path.join(tempDir('nest-pack-export-'), 'demo.zip');
    await exportCasePack(rt, { caseId: first!.id, outFile: out, appVersion: '0.1.0', now: NOW });
    const report = await verifyPack(out, publicJwkOf(await workspaceKey(rt)));
    expect(report.ok).toBe(true);
    expect(report.manifest?.case.number).toBe(first!.number);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
