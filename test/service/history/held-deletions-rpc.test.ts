/**
 * The held mass deletions through the data service against the real relay (issue 10 item 2): an
 * admin's desktop lists the deletion the relay held (with the case's number and title from its
 * projections), rejects it (the member's re-sent deletion is refused again, the records stay),
 * then approves the next one (the member's re-sent deletion is stored); each decision shows in the
 * workspace's alerts, the case history's source. A non-admin's desktop may neither list nor decide.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeInvitation } from '../../../service/relay-sync/invitation';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { MASS_DELETION_THRESHOLD, MASS_DELETION_WINDOW_MS } from '../../../shared/permissions';
import { CLOSE } from '../../../shared/protocol/relay';
import type { DataClient } from '../../../renderer/src/data/client';
import type { RpcError } from '../../../renderer/src/data/rpc-error';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { connect, readBack, runCli, spawnRelay, type RelayProcess, type TestClient } from '../../relay/helpers';

let relay: RelayProcess;
let h: Harness;
let c: DataClient;
const clients: TestClient[] = [];
beforeAll(async () => {
  relay = await spawnRelay();
  h = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } });
  c = h.client();
}, 120_000);
afterAll(async () => {
  for (const x of clients) x.destroy();
  h?.close();
  await relay?.stop();
});

const N = MASS_DELETION_THRESHOLD + 4;

/** The member's stock client on `docName` holding `local`'s state (a re-send, as "Sync now" does). */
function memberClient(docName: string, token: string, local?: Y.Doc): TestClient {
  const doc = new Y.Doc();
  if (local) Y.applyUpdate(doc, Y.encodeStateAsUpdate(local));
  const x = connect(relay.url, docName, token, { doc });
  clients.push(x);
  return x;
}

describe('held deletions RPC', () => {
  it('an admin lists, rejects and approves held deletions; the member’s re-send is refused after a rejection and stored after an approval', async () => {
    const adminId = (await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' })).memberId;
    const workspaceId = (await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' })).id;
    expect(await c.call('deletions.held', { workspaceId })).toEqual({ held: [], relay: false });
    const k = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Rosewood from Toamasina', jurisdictions: ['MG'] } });
    const r = c.openDoc(k.docName);
    await r.whenSynced();
    const ids = Array.from({ length: N }, (_, i) => {
      const id = randomUUID();
      new CaseDoc(r.doc).addSeizure(id, { ...newSeizureFields('2026-11-02'), country: 'MG', commodity: 'rosewood', place: `Quay ${i}` }, { memberId: adminId });
      return id;
    });
    const connected = await c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', workspaceId, '--public-key', connected.publicKeyJwk]);
    await c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    const invited = await c.call('invitations.create', { workspaceId, name: 'Rivo Investigator', agency: 'Madagascar Customs', role: 'investigator', validDays: 7 });
    const token = decodeInvitation(invited.invitation).token;
    await waitFor(async () => (await c.call('sync.status', { workspaceId })).state === 'synced', 30_000, 'synced');
    await readBack(relay.url, k.docName, token, (d) => new CaseDoc(d).seizureCount() === N, 'the case on the relay');

    // The member deletes every seizure at once: the relay refuses and holds it.
    const m = memberClient(k.docName, token);
    await waitFor(() => m.provider.synced && new CaseDoc(m.doc).seizureCount() === N, 20_000, 'the member’s copy');
    m.doc.transact(() => {
      for (const id of ids) new CaseDoc(m.doc).deleteSeizure(id, { memberId: invited.memberId });
    });
    await waitFor(() => m.closeCodes.includes(CLOSE.REFUSED), 20_000, 'the refusal (4409)');
    const local = m.doc;

    const listed = await c.call('deletions.held', { workspaceId });
    expect(listed.relay).toBe(true);
    expect(listed.held).toEqual([
      expect.objectContaining({ doc: k.docName, memberId: invited.memberId, records: N, caseId: k.id, caseNumber: k.number, caseTitle: 'Rosewood from Toamasina' }),
    ]);
    const first = listed.held[0]!;
    expect(first.approvalExpiresAt - Date.now()).toBeGreaterThan(MASS_DELETION_WINDOW_MS - 60_000);

    // Rejected: no longer pending; the member's re-send is refused again and the relay keeps every seizure.
    expect((await c.call('deletions.decide', { workspaceId, id: first.id, decision: 'reject' })).decided).toMatchObject({ id: first.id, records: N, caseTitle: 'Rosewood from Toamasina' });
    await expect(c.call('deletions.decide', { workspaceId, id: first.id, decision: 'approve' })).rejects.toMatchObject({ code: 'not-found' });
    const again = memberClient(k.docName, token, local);
    await waitFor(() => again.closeCodes.includes(CLOSE.REFUSED), 20_000, 'the re-send refused after the rejection');
    expect(new CaseDoc(await readBack(relay.url, k.docName, token, (d) => new CaseDoc(d).seizureCount() === N)).seizureCount()).toBe(N);
    expect((await c.call('history.alerts', { workspaceId })).alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-rejected', memberId: adminId, records: first.id }));

    // Held again, approved: the member's re-send is stored.
    const second = await waitFor(async () => (await c.call('deletions.held', { workspaceId })).held[0], 10_000, 'the second hold');
    expect(second).toMatchObject({ doc: k.docName, memberId: invited.memberId, records: N });
    expect(second.id).toBeGreaterThan(first.id);
    await c.call('deletions.decide', { workspaceId, id: second.id, decision: 'approve' });
    expect((await c.call('deletions.held', { workspaceId })).held).toEqual([]);
    const approved = memberClient(k.docName, token, local);
    await readBack(relay.url, k.docName, token, (d) => new CaseDoc(d).seizureCount() === 0, 'the approved deletion stored');
    expect(approved.closeCodes).not.toContain(CLOSE.REFUSED);
    const alerts = (await c.call('history.alerts', { workspaceId })).alerts;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-approved', memberId: adminId, records: second.id }));
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-stored', memberId: invited.memberId }));
    r.release();
  }, 180_000);
});

describe('held deletions RPC for a non-admin', () => {
  let other: Harness | null = null;
  afterEach(() => {
    other?.close();
    other = null;
  });

  it('an investigator’s desktop may neither list nor decide (refused before the relay is asked)', async () => {
    other = startService();
    const oc = other.client();
    await oc.call('identity.create', { name: 'Ivo', agency: 'Customs', role: 'investigator' });
    const workspaceId = (await oc.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' })).id;
    const ws = other.service.workspace(workspaceId);
    ws.store.setLocalSettings({ ...ws.local(), role: 'investigator' });
    const me = ws.workspaceDoc().getMember(ws.local().memberId)!;
    ws.workspaceDoc().upsertMember({ ...me, role: 'investigator' }, { memberId: me.id });
    const refused = (p: Promise<unknown>): Promise<RpcError> => p.then(() => Promise.reject(new Error('not refused')), (e: unknown) => e as RpcError);
    const list = await refused(oc.call('deletions.held', { workspaceId }));
    expect(list.code).toBe('forbidden');
    expect(list.message).toBe('Only workspace admins can see a document’s history.');
    const decide = await refused(oc.call('deletions.decide', { workspaceId, id: 1, decision: 'approve' }));
    expect([decide.code, decide.message]).toEqual(['forbidden', 'Only workspace admins can approve or reject a held deletion.']);
  });
});
