/**
 * Relay provenance in a case pack, against the real relay process: member A (admin) adds two
 * seizures; member B (investigator, joined with a real invitation) edits one honestly and writes
 * the other with a forged in-document attribution (`updatedBy: A`). A's pack lists who last
 * changed each record according to the relay's authenticated log and flags exactly the forged
 * one. The relay's provenance-log endpoint answers a member who may read the case and refuses a
 * request without a valid token.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { authorizationHeader, provenanceLogPageSchema, provenanceLogUrl } from '../../../shared/protocol/relay';
import { caseDocName } from '../../../shared/docs/names';
import { exportCasePack } from '../../../service/packs/export-pack';
import { relayUrls } from '../../../service/relay-sync/relay-url';
import type { DataClient } from '../../../renderer/src/data/client';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';
import { runCli, spawnRelay, type RelayProcess } from '../../relay/helpers';
import { readZip } from '../../node/packs/pack-support';

const timings = { syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } };
let relay: RelayProcess;
const harnesses: Harness[] = [];
beforeAll(async () => {
  relay = await spawnRelay();
}, 180_000); // the relay process starts through tsx: over 30 s on a loaded 2-core machine
afterAll(async () => {
  for (const h of harnesses) h.close();
  await relay?.stop();
});

function service(): { h: Harness; c: DataClient } {
  const h = startService(timings);
  harnesses.push(h);
  return { h, c: h.client() };
}

const synced = async (c: DataClient, workspaceId: string): Promise<boolean> => (await c.call('sync.status', { workspaceId })).state === 'synced';
const seizure = (place: string) => ({ ...newSeizureFields('2026-11-02'), country: 'NG', commodity: 'pangolin scales', place });

describe('pack provenance from the relay', () => {
  it('flags the record whose in-document attribution the relay’s log contradicts', async () => {
    const a = service();
    const adminId = (await a.c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' })).memberId;
    const ws = await a.c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' });
    const workspaceId = ws.id;
    const k = await a.c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Pangolin scales', jurisdictions: ['NG'] } });
    const ra = a.c.openDoc(k.docName);
    await ra.whenSynced();
    const forged = crypto.randomUUID();
    const honest = crypto.randomUUID();
    new CaseDoc(ra.doc).addSeizure(forged, seizure('Apapa'), { memberId: adminId });
    new CaseDoc(ra.doc).addSeizure(honest, seizure('Tin Can'), { memberId: adminId });
    const connected = await a.c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', workspaceId, '--public-key', connected.publicKeyJwk]);
    await a.c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await waitFor(() => synced(a.c, workspaceId), 30_000, 'admin synced');

    const inv = await a.c.call('invitations.create', { workspaceId, name: 'Bo Tan', agency: 'NParks', role: 'investigator', validDays: 30 });
    const b = service();
    await b.c.call('workspaces.join', { invitation: inv.invitation });
    await waitFor(async () => (await b.c.call('cases.list', { workspaceId })).some((x) => x.id === k.id && x.seizureCount === 2), 30_000, 'case on B');
    const rb = b.c.openDoc(k.docName);
    await rb.whenSynced();
    new CaseDoc(rb.doc).updateSeizure(honest, { place: 'Tin Can Island' }, { memberId: inv.memberId });
    // B's client writes as if A made the change: the document now says A, the relay knows it was B.
    new CaseDoc(rb.doc).updateSeizure(forged, { place: 'Lekki (forged)' }, { memberId: adminId });
    await waitFor(() => new CaseDoc(ra.doc).getSeizure(forged)?.place === 'Lekki (forged)' && new CaseDoc(ra.doc).getSeizure(honest)?.place === 'Tin Can Island', 30_000, 'B’s edits on A');
    await waitFor(() => synced(a.c, workspaceId), 30_000, 'admin synced again');

    const rt = a.h.service.workspace(workspaceId);
    const out = path.join(tempDir('nest-prov-pack-'), 'pack.zip');
    const written = await exportCasePack(rt, { caseId: k.id, outFile: out, appVersion: '0.1.0', now: Date.now() });
    expect(written.manifest.provenance).toMatchObject({ status: 'relay', flagged: 1, volumes: [] });
    const csv = new Map(await readZip(out)).get('data/provenance.csv')!.toString('utf8').split('\r\n');
    expect(csv[1]).toBe('kind,id,documentSays,relaySays,relaySeq,relayAt,status,flag,doc');
    const row = (id: string): string[] => csv.find((l) => l.startsWith(`seizure,${id},`))!.split(',');
    expect(row(forged)).toEqual(['seizure', forged, adminId, inv.memberId, expect.stringMatching(/^\d+$/), expect.stringMatching(/Z$/), 'disagrees', 'FLAGGED', 'case']);
    expect(row(honest)).toEqual(['seizure', honest, inv.memberId, inv.memberId, expect.stringMatching(/^\d+$/), expect.stringMatching(/Z$/), 'agrees', '', 'case']);
    ra.release();
    rb.release();

    // The endpoint: B (who may read the case) reads the log; no token, no log.
    const base = relayUrls(relay.url).http;
    const token = b.h.service.workspace(workspaceId).store.getSetting<{ token: string } | null>('sync', null)!.token;
    const url = provenanceLogUrl(base, { doc: caseDocName(workspaceId, k.id) });
    const res = await fetch(url, { headers: { authorization: authorizationHeader(token) } });
    expect(res.status).toBe(200);
    const page = provenanceLogPageSchema.parse(await res.json());
    expect(page.entries.map((e) => e.memberId)).toEqual(expect.arrayContaining([adminId, inv.memberId]));
    expect((await fetch(url)).status).toBe(401);
  }, 180_000);
});
