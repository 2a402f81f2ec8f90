/**
 * Volume docs sync through the real relay like any other doc (docs/architecture.md "Volume
 * docs"): an admin's desktop holds a case of 12,000 seizures (1,000 in the case doc, 5,000 + 5,000
 * + 1,000 in three volumes); a member's desktop joins and, by the ordinary sync rounds, receives
 * every volume and projects all 12,000 seizures under the case (count, map points' rows), though
 * no window ever opened a volume. Two in-process data services, one spawned relay.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumesIn, VOLUME_SIZE, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { runCli, spawnRelay, type RelayProcess } from '../../relay/helpers';

let relay: RelayProcess;
const harnesses: Harness[] = [];
beforeAll(async () => {
  relay = await spawnRelay();
});
afterAll(async () => {
  for (const h of harnesses) h.close();
  await relay.stop();
});

const seizure = (i: number): { id: string; fields: SeizureFields } => ({
  id: randomUUID(),
  fields: { ...newSeizureFields('2023-01-01'), country: 'NG', place: 'Lagos', commodity: `pangolin scales #${i}`, latitude: 6.45 + (i % 100) / 1000, longitude: 3.39, quantity: 1 + (i % 50), unit: 'kg' },
});

describe('volume docs through the relay', () => {
  it('a joining desktop receives and projects a 12,000-seizure case spread over three volumes', async () => {
    const admin = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 60_000 } });
    harnesses.push(admin);
    const a = admin.client();
    const adminId = (await a.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' })).memberId;
    const ws = await a.call('workspaces.create', { name: 'Register', casePrefix: 'REG', reportingCurrency: 'USD' });
    const k = await a.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-01'), title: 'National register 2023' } });
    const rt = admin.service.workspace(ws.id);
    const w = { memberId: adminId };
    let i = 0;
    rt.host.with(k.docName, (doc) => new CaseDoc(doc).addSeizures(Array.from({ length: INLINE_SEIZURES }, () => seizure(i++)), w, 'seizure.import'));
    const sizes = [VOLUME_SIZE, VOLUME_SIZE, 1_000];
    rt.host.with(k.docName, (doc) => listVolumesIn(doc, [1, 2, 3], w));
    sizes.forEach((n, v) => rt.host.with(volumeDocName(ws.id, k.id, v + 1), (doc) => new VolumeDoc(doc).insertSeizures(Array.from({ length: n }, () => seizure(i++)), w)));
    const total = INLINE_SEIZURES + sizes.reduce((x, y) => x + y, 0);
    expect(total).toBe(12_000);
    await waitFor(async () => (await a.call('cases.list', { workspaceId: ws.id })).find((c) => c.id === k.id)?.seizureCount === total, 20_000, 'admin projection');

    const connected = await a.call('sync.connect', { workspaceId: ws.id, relayUrl: relay.url });
    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', ws.id, '--public-key', connected.publicKeyJwk]);
    await a.call('sync.connect', { workspaceId: ws.id, relayUrl: relay.url });
    await waitFor(async () => (await a.call('sync.status', { workspaceId: ws.id })).state === 'synced', 90_000, 'admin synced');

    const inv = await a.call('invitations.create', { workspaceId: ws.id, name: 'Bo Tan', agency: 'Customs', role: 'investigator', validDays: 30 });
    const member = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 60_000 } });
    harnesses.push(member);
    const b = member.client();
    await b.call('workspaces.join', { invitation: inv.invitation });
    await waitFor(async () => (await b.call('cases.list', { workspaceId: ws.id })).find((c) => c.id === k.id)?.seizureCount === total, 120_000, 'every volume on the member');
    const db = databaseOf(member.service.workspace(ws.id).store);
    expect(db.prepare('SELECT COUNT(*) FROM seizures WHERE case_id = ?').pluck().get(k.id)).toBe(total);
    expect(db.prepare("SELECT COUNT(*) FROM seizures WHERE case_id = ? AND commodity = 'pangolin scales #11999'").pluck().get(k.id)).toBe(1);
    // The volumes are stored on the member's desktop as docs of their own, the case doc stays small.
    const mrt = member.service.workspace(ws.id);
    for (const v of [1, 2, 3]) expect(mrt.host.exists(volumeDocName(ws.id, k.id, v))).toBe(true);
    expect(mrt.host.with(k.docName, (doc) => new CaseDoc(doc).seizureCount())).toBe(INLINE_SEIZURES);
  }, 300_000);
});
