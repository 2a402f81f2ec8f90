/**
 * The held mass deletions through the data service against the real relay (issue 10 item 2): an
 * admin's desktop lists the deletion the relay held (with the case's number and title from its
 * projections), rejects it (the member's re-sent deletion is refused again, the records stay),
 * then approves the next one (the member's re-sent deletion is stored); each decision shows in the
 * workspace's alerts, the case history's source. A non-admin's desktop may neither list nor decide.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { MASS_DELETION_WINDOW_MS } from '../../../shared/permissions';
import { CLOSE } from '../../../shared/protocol/relay';
import type { DataClient } from '../../../renderer/src/data/client';
import type { RpcError } from '../../../renderer/src/data/rpc-error';
import { HELD_RECORDS as N, holdMassDeletion, type HeldSetup } from '../../helpers/held-deletion';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { readBack, spawnRelay, type RelayProcess } from '../../relay/helpers';

let relay: RelayProcess;
let h: Harness;
let c: DataClient;
let held: HeldSetup | null = null;
beforeAll(async () => {
  relay = await spawnRelay();
  h = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } });
  c = h.client();
}, 120_000);
afterAll(async () => {
  for (const x of held?.clients ?? []) x.destroy();
  h?.close();
  await relay?.stop();
});

describe('held deletions RPC', () => {
  it('an admin lists, rejects and approves held deletions; the member’s re-send is refused after a rejection and stored after an approval', async () => {
    held = await holdMassDeletion(c, relay);
    const { workspaceId, docName, memberId, token, identity } = held;
    const adminId = identity.memberId;

    const listed = await c.call('deletions.held', { workspaceId });
    expect(listed.relay).toBe(true);
    expect(listed.held).toEqual([expect.objectContaining({ doc: docName, memberId, records: N, caseId: held.caseId, caseNumber: held.caseNumber, caseTitle: 'Rosewood from Toamasina' })]);
    const first = listed.held[0]!;
    expect(first.approvalExpiresAt - Date.now()).toBeGreaterThan(MASS_DELETION_WINDOW_MS - 60_000);

    // Rejected: no longer pending; the member's re-send is refused again and the relay keeps every seizure.
    expect((await c.call('deletions.decide', { workspaceId, id: first.id, decision: 'reject' })).decided).toMatchObject({ id: first.id, records: N, caseTitle: 'Rosewood from Toamasina' });
    await expect(c.call('deletions.decide', { workspaceId, id: first.id, decision: 'approve' })).rejects.toMatchObject({ code: 'not-found' });
    const again = held.resend();
    await waitFor(() => again.closeCodes.includes(CLOSE.REFUSED), 20_000, 'the re-send refused after the rejection');
    expect(new CaseDoc(await readBack(relay.url, docName, token, (d) => new CaseDoc(d).seizureCount() === N)).seizureCount()).toBe(N);
    expect((await c.call('history.alerts', { workspaceId })).alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-rejected', memberId: adminId, records: first.id }));

    // Held again, approved: the member's re-send is stored.
    const second = await waitFor(async () => (await c.call('deletions.held', { workspaceId })).held[0], 10_000, 'the second hold');
    expect(second).toMatchObject({ doc: docName, memberId, records: N });
    expect(second.id).toBeGreaterThan(first.id);
    await c.call('deletions.decide', { workspaceId, id: second.id, decision: 'approve' });
    expect((await c.call('deletions.held', { workspaceId })).held).toEqual([]);
    const approved = held.resend();
    await readBack(relay.url, docName, token, (d) => new CaseDoc(d).seizureCount() === 0, 'the approved deletion stored');
    expect(approved.closeCodes).not.toContain(CLOSE.REFUSED);
    const alerts = (await c.call('history.alerts', { workspaceId })).alerts;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-approved', memberId: adminId, records: second.id }));
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-stored', memberId }));
  }, 180_000);

  it('a workspace that does not sync has nothing held', async () => {
    const workspaceId = (await c.call('workspaces.create', { name: 'Offline', casePrefix: 'OFF', reportingCurrency: 'USD' })).id;
    expect(await c.call('deletions.held', { workspaceId })).toEqual({ held: [], relay: false });
  });
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
