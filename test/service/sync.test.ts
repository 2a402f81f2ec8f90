/**
 * The desktop sync engine against the real relay process: an admin connects a workspace and
 * invites members; a member joins with the invitation string and the cases sync in; live edits
 * converge; both sides edit while the relay is down and everything arrives everywhere (and in the
 * relay's database) after it restarts; an observer's edits are dropped; a removed member is refused.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newCaseFields } from '../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../shared/domain/seizure';
import { openDatabase } from '../../node/store/sqlite';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import type { DataClient } from '../../renderer/src/data/client';
import { startService, waitFor, type Harness } from '../helpers/service';
import { runCli, spawnRelay, type RelayProcess } from '../relay/helpers';

const timings = { syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } };

let relay: RelayProcess;
const harnesses: Harness[] = [];
beforeAll(async () => {
  relay = await spawnRelay();
});
afterAll(async () => {
  for (const h of harnesses) h.close();
  await relay.stop();
});

function service(): { h: Harness; c: DataClient } {
  const h = startService(timings);
  harnesses.push(h);
  return { h, c: h.client() };
}

function ivory(o: Partial<SeizureFields> = {}): SeizureFields {
  return { ...newSeizureFields('2019-07-21'), country: 'SG', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, commodity: 'elephant ivory', quantity: 8.8, unit: 't', ...o };
}

async function state(c: DataClient, workspaceId: string): Promise<string> {
  return (await c.call('sync.status', { workspaceId })).state;
}

describe('sync through the relay', () => {
  let admin: { h: Harness; c: DataClient };
  let member: { h: Harness; c: DataClient };
  let workspaceId = '';
  let caseId = '';
  let docName = '';
  let adminId = '';
  let memberId = '';

  it('connects an admin workspace: refused until the operator registers its key, then synced', async () => {
    admin = service();
    adminId = (await admin.c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' })).memberId;
    const ws = await admin.c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' });
    workspaceId = ws.id;
    const k = await admin.c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore', jurisdictions: ['SG'] } });
    caseId = k.id;
    docName = k.docName;
    const r = admin.c.openDoc(docName);
    await r.whenSynced();
    new CaseDoc(r.doc).addSeizure(crypto.randomUUID(), ivory(), { memberId: adminId });
    r.release();

    const connected = await admin.c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    expect(connected.registerCommand).toContain(`add-workspace --id ${workspaceId} --public-key '{"kty":"OKP","crv":"Ed25519"`);
    await waitFor(async () => (await state(admin.c, workspaceId)) === 'refused', 10_000, 'refused before registration');
    expect((await admin.c.call('sync.status', { workspaceId })).detail).toMatch(/unknown-workspace/);

    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', workspaceId, '--public-key', connected.publicKeyJwk]);
    await admin.c.call('sync.connect', { workspaceId, relayUrl: relay.url }); // "Retry"
    await waitFor(async () => (await state(admin.c, workspaceId)) === 'synced', 20_000, 'admin synced');
  }, 60_000);

  it('lets a member join with an invitation string and receive the cases', async () => {
    const inv = await admin.c.call('invitations.create', { workspaceId, name: 'Bo Tan', agency: 'NParks', role: 'investigator', validDays: 30 });
    expect(inv.invitation).toMatch(/^NEST1\./);
    expect(inv.fileName).toBe('TFA-Bo-Tan.nestinvite');
    memberId = inv.memberId;
    member = service();
    const joined = await member.c.call('workspaces.join', { invitation: `\n  ${inv.invitation.slice(0, 40)}\n${inv.invitation.slice(40)}  ` });
    expect(joined).toMatchObject({ id: workspaceId, name: 'Task Force Alpha', role: 'investigator' });
    expect(await member.c.call('identity.get', {})).toMatchObject({ name: 'Bo Tan', agency: 'NParks' });
    await waitFor(async () => (await member.c.call('cases.list', { workspaceId })).some((x) => x.id === caseId && x.seizureCount === 1), 20_000, 'case synced to the member');
    const members = await member.c.call('members.list', { workspaceId });
    expect(members.map((m) => [m.name, m.role, m.self])).toEqual(expect.arrayContaining([['Ada Admin', 'admin', false], ['Bo Tan', 'investigator', true]]));
  }, 60_000);

  it('shows a live edit on one desktop to the other desktop, with presence', async () => {
    const ra = admin.c.openDoc(docName);
    const rb = member.c.openDoc(docName);
    await Promise.all([ra.whenSynced(), rb.whenSynced()]);
    new CaseDoc(rb.doc).updateMeta({ status: 'investigating', leadAgency: 'NParks' }, { memberId });
    await waitFor(() => new CaseDoc(ra.doc).readMeta().leadAgency === 'NParks', 10_000, 'edit across desktops');
    rb.awareness.setLocalStateField('user', { name: 'Bo Tan' });
    await waitFor(() => [...ra.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Bo Tan'), 10_000, 'presence across desktops');
    // The admin's desktop mirrors the member's case meta into the workspace index.
    await waitFor(async () => (await admin.c.call('cases.get', { workspaceId, caseId })).status === 'investigating', 10_000, 'projection on admin');
    ra.release();
    rb.release();
  }, 60_000);

  it('merges edits made on both sides while the relay is down, and stores them on the relay', async () => {
    const port = relay.port;
    const ra = admin.c.openDoc(docName);
    const rb = member.c.openDoc(docName);
    await Promise.all([ra.whenSynced(), rb.whenSynced()]);
    rb.awareness.setLocalStateField('user', { name: 'Bo Tan (before the outage)' });
    const seesBo = (): boolean => [...ra.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Bo Tan (before the outage)');
    await waitFor(seesBo, 10_000, 'presence before the outage');
    await relay.stop();
    await waitFor(async () => (await state(admin.c, workspaceId)) === 'offline' && (await state(member.c, workspaceId)) === 'offline', 20_000, 'both offline');
    // Without the relay, the other desktop's presence is unknown: it is not shown stale.
    await waitFor(() => !seesBo(), 5_000, 'remote presence cleared when offline');
    const sa = crypto.randomUUID();
    const sb = crypto.randomUUID();
    new CaseDoc(ra.doc).addSeizure(sa, ivory({ place: 'Tuas (offline admin)' }), { memberId: adminId });
    new CaseDoc(rb.doc).addSeizure(sb, ivory({ place: 'Changi (offline member)' }), { memberId });
    new CaseDoc(rb.doc).setSummary('Written offline by the member.', { memberId });
    ra.release();
    rb.release();
    // A case created offline by the member (not in the admin's index yet).
    const offlineCase = await member.c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Field case created offline' } });
    expect(offlineCase.number).toBe('TFA-2026-0002');

    relay = await spawnRelay({ dataDir: relay.dataDir, args: ['--port', String(port)] });
    expect(relay.port).toBe(port);
    for (const side of [admin, member]) {
      await waitFor(async () => {
        const list = await side.c.call('cases.list', { workspaceId });
        return list.find((x) => x.id === caseId)?.seizureCount === 3 && list.some((x) => x.id === offlineCase.id);
      }, 30_000, 'every offline edit on both desktops');
    }
    await waitFor(async () => (await state(admin.c, workspaceId)) === 'synced' && (await state(member.c, workspaceId)) === 'synced', 30_000, 'both synced');
    const check = member.c.openDoc(docName);
    await check.whenSynced();
    expect(new CaseDoc(check.doc).listSeizures().map((s) => s.place).sort()).toEqual(['Changi (offline member)', 'Pasir Panjang', 'Tuas (offline admin)']);
    check.release();
    await waitFor(async () => (await admin.c.call('cases.list', { workspaceId })).find((x) => x.id === offlineCase.id)?.number === 'TFA-2026-0002', 10_000, 'offline case on the admin');
    // ...and in the workspace index the admin's desktop writes (mirrored from the case meta), which
    // then reaches the member, so the case is known to every admin, not only projected locally.
    await waitFor(() => admin.h.service.workspace(workspaceId).workspaceDoc().getCase(offlineCase.id)?.number === 'TFA-2026-0002', 10_000, 'offline case in the admin’s index');
    await waitFor(() => member.h.service.workspace(workspaceId).workspaceDoc().getCase(offlineCase.id)?.createdBy === memberId, 10_000, 'index entry back on the member');

    // The relay's own database holds every edit.
    const db = openDatabase(path.join(relay.dataDir, 'relay.sqlite'), { readonly: true });
    const stored = new Y.Doc();
    new SqliteDocLog(db).loadInto(docName, stored);
    const onRelay = new CaseDoc(stored);
    expect(onRelay.listSeizures().map((s) => s.id)).toEqual(expect.arrayContaining([sa, sb]));
    expect(onRelay.readSummary()).toBe('Written offline by the member.');
    db.close();
  }, 120_000);

  it('drops an observer’s edits and tells the desktop it is read-only', async () => {
    const inv = await admin.c.call('invitations.create', { workspaceId, name: 'Oli NGO', agency: 'Wildlife NGO', role: 'observer', validDays: 7 });
    const obs = service();
    await obs.c.call('workspaces.join', { invitation: inv.invitation });
    await waitFor(async () => (await obs.c.call('cases.list', { workspaceId })).some((x) => x.id === caseId), 20_000, 'case synced to the observer');
    const r = obs.c.openDoc(docName);
    await r.whenSynced();
    expect(r.status?.state).toBe('read-only'); // the local service already knows the role
    expect(() => new CaseDoc(r.doc).updateMeta({ title: 'Observer was here' }, { memberId: inv.memberId })).not.toThrow();
    await new Promise((res) => setTimeout(res, 1000));
    const ra = admin.c.openDoc(docName);
    await ra.whenSynced();
    expect(new CaseDoc(ra.doc).readMeta().title).toBe('Ivory via Singapore');
    ra.release();
    r.release();
  }, 60_000);

  it('refuses a removed member promptly, says why, and opens their copy read-only', async () => {
    await admin.c.call('members.remove', { workspaceId, memberId });
    await waitFor(async () => (await state(member.c, workspaceId)) === 'refused', 20_000, 'member refused after removal');
    expect((await member.c.call('sync.status', { workspaceId })).detail).toMatch(/member-removed/);
    const r = member.c.openDoc(docName);
    await r.whenSynced();
    expect(r.status?.state).toBe('read-only');
    r.release();
  }, 60_000);
});
