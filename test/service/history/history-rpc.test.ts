/**
 * The history RPC of the data service against the real relay: an admin's desktop lists the
 * relay's provenance of a case, restores the case after every seizure was deleted, and restores
 * one seizure, each as a new change by the admin that the relay records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { DataClient } from '../../../renderer/src/data/client';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { runCli, spawnRelay, type RelayProcess } from '../../relay/helpers';

let relay: RelayProcess;
let h: Harness;
let c: DataClient;
beforeAll(async () => {
  relay = await spawnRelay();
  h = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } });
  c = h.client();
});
afterAll(async () => {
  h?.close();
  await relay?.stop();
});

const synced = async (workspaceId: string): Promise<boolean> => (await c.call('sync.status', { workspaceId })).state === 'synced';

describe('history RPC', () => {
  it('lists the provenance, restores a case and one seizure as new changes by the admin', async () => {
    const adminId = (await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' })).memberId;
    const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' });
    const workspaceId = ws.id;
    const k = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Pangolin scales', jurisdictions: ['NG'] } });
    const r = c.openDoc(k.docName);
    await r.whenSynced();
    const ids = ['Lagos', 'Apapa', 'Tin Can'].map((place) => {
      const id = crypto.randomUUID();
      new CaseDoc(r.doc).addSeizure(id, { ...newSeizureFields('2026-11-02'), country: 'NG', commodity: 'pangolin scales', place }, { memberId: adminId });
      return id;
    });
    const connected = await c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', workspaceId, '--public-key', connected.publicKeyJwk]);
    await c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await waitFor(() => synced(workspaceId), 30_000, 'synced');
    await waitFor(async () => (await c.call('history.list', { workspaceId, caseId: k.id })).entries.length > 0, 20_000, 'the case in the relay');
    const before = await c.call('history.list', { workspaceId, caseId: k.id });
    expect(before.entries.every((e) => e.memberId === adminId)).toBe(true);
    const point = before.entries.at(-1)!.seq;

    const view = new CaseDoc(r.doc);
    for (const id of ids) view.deleteSeizure(id, { memberId: adminId });
    await waitFor(async () => (await c.call('history.list', { workspaceId, caseId: k.id })).entries.at(-1)!.seq > point, 20_000, 'the deletions in the relay');

    const result = await c.call('history.restore', { workspaceId, caseId: k.id, seq: point });
    expect(result.changed).toBeGreaterThanOrEqual(ids.length);
    await waitFor(() => new CaseDoc(r.doc).seizureCount() === 3, 10_000, 'the seizures back');
    expect(view.readAudit().at(-1)).toMatchObject({ action: 'history.restore', by: adminId, target: `seq ${point}` });
    await waitFor(async () => {
      const log = (await c.call('history.list', { workspaceId, caseId: k.id })).entries;
      return log.length > before.entries.length + 1 && log.at(-1)!.memberId === adminId;
    }, 20_000, 'the restore in the relay');

    // One seizure: changed after the restore point, restored alone.
    view.updateSeizure(ids[0]!, { place: 'Wrong port' }, { memberId: adminId });
    view.updateSeizure(ids[1]!, { place: 'Kept edit' }, { memberId: adminId });
    const one = await c.call('history.restore', { workspaceId, caseId: k.id, seq: point, seizureId: ids[0]! });
    expect(one.changed).toBeGreaterThan(0);
    expect(view.getSeizure(ids[0]!)?.place).toBe('Lagos');
    expect(view.getSeizure(ids[1]!)?.place).toBe('Kept edit');
    expect((await c.call('history.alerts', { workspaceId })).alerts).toEqual([]);
    r.release();
  }, 120_000);
});
