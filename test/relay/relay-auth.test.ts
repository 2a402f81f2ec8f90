/**
 * The real relay process: authentication (401), authorisation (403), read-only members, and
 * what happens to live connections when the workspace doc, the clock or the keys change.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { generateWorkspaceKey } from '../../shared/auth/keys';
import {
  connect,
  makeWorkspace,
  member,
  readBack,
  registerWorkspace,
  runCli,
  setUpWorkspaceDoc,
  spawnRelay,
  tryUpgrade,
  waitFor,
  type RelayProcess,
  type TestClient,
  type TestWorkspace,
} from './helpers';

let relay: RelayProcess;
const clients: TestClient[] = [];
const track = (c: TestClient): TestClient => (clients.push(c), c);

beforeAll(async () => {
  relay = await spawnRelay({ args: ['--key-check-s', '1'] });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
});

async function workspaceWith(...members: ReturnType<typeof member>[]): Promise<{ ws: TestWorkspace; admin: TestClient }> {
  const ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  const admin = track(await setUpWorkspaceDoc(relay.url, ws, members));
  return { ws, admin };
}

function caseEntry(id: string, access?: { agencies?: string[]; members?: string[] }) {
  return { id, number: 'NEST-2026-0001', title: 'Rosewood', status: 'open' as const, sector: 'forestry' as const, tlp: 'AMBER' as const, createdBy: 'x', createdAt: 1, ...(access ? { access } : {}) };
}

describe('authentication', () => {
  it('refuses no token, a forged, an expired and an other-workspace token with 401; a valid one gets 101', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const other = await makeWorkspace();
    await registerWorkspace(relay, other);
    const name = caseDocName(ws.id, randomUUID());
    const forger = await generateWorkspaceKey();

    expect(await tryUpgrade(relay.url, name, await ws.token(inv))).toEqual({ status: 101, body: '' });
    expect(await tryUpgrade(relay.url, name, null)).toEqual({ status: 401, body: 'missing-token' });
    expect(await tryUpgrade(relay.url, name, await ws.token(inv, { key: forger }))).toEqual({ status: 401, body: 'unknown-key' });
    expect(await tryUpgrade(relay.url, name, await ws.token(inv, { expiresAt: Date.now() - 1000 }))).toEqual({ status: 401, body: 'expired' });
    // Signed by the other workspace's (registered) key, for the other workspace: not valid here.
    expect(await tryUpgrade(relay.url, name, await other.token(inv))).toEqual({ status: 401, body: 'unknown-key' });
    // Signed with this workspace's key but claiming the other workspace.
    expect(await tryUpgrade(relay.url, name, await ws.token(inv, { workspaceId: other.id }))).toEqual({ status: 401, body: 'wrong-workspace' });
    expect(await tryUpgrade(relay.url, caseDocName(randomUUID(), randomUUID()), await ws.token(inv))).toEqual({ status: 401, body: 'unknown-workspace' });
    expect(await tryUpgrade(relay.url, 'not/a/doc', await ws.token(inv))).toEqual({ status: 400, body: 'bad-doc-name' });
    expect(await tryUpgrade(relay.url, name.toUpperCase(), await ws.token(inv))).toEqual({ status: 400, body: 'bad-doc-name' });
  });

  it('a refused stock client never syncs and sees no content', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const name = caseDocName(ws.id, randomUUID());
    const writer = track(connect(relay.url, name, await ws.token(inv)));
    await writer.synced;
    writer.doc.getText('summary').insert(0, 'ivory seizure, port of Mombasa');
    const intruder = track(connect(relay.url, name, await ws.token(inv, { key: await generateWorkspaceKey() })));
    await readBack(relay.url, name, await ws.token(inv), (d) => d.getText('summary').length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(intruder.provider.synced).toBe(false);
    expect(intruder.doc.getText('summary').toString()).toBe('');
  });
});

describe('authorisation', () => {
  it('before the workspace doc exists only an admin may connect; then members it lists (403 for others)', async () => {
    const ws = await makeWorkspace();
    await registerWorkspace(relay, ws);
    const inv = member('investigator');
    const stranger = member('investigator');
    expect(await tryUpgrade(relay.url, workspaceDocName(ws.id), await ws.token(inv))).toEqual({ status: 403, body: 'workspace-not-set-up' });
    track(await setUpWorkspaceDoc(relay.url, ws, [inv]));
    expect((await tryUpgrade(relay.url, workspaceDocName(ws.id), await ws.token(inv))).status).toBe(101);
    expect(await tryUpgrade(relay.url, caseDocName(ws.id, randomUUID()), await ws.token(stranger))).toEqual({ status: 403, body: 'not-a-member' });
  });

  it('drops observer writes, tells the client "read-only", and the observer still reads', async () => {
    const inv = member('investigator');
    const obs = member('observer', 'WWF');
    const { ws } = await workspaceWith(inv, obs);
    const name = caseDocName(ws.id, randomUUID());
    const writer = track(connect(relay.url, name, await ws.token(inv)));
    const observer = track(connect(relay.url, name, await ws.token(obs)));
    await Promise.all([writer.synced, observer.synced]);
    await waitFor(() => observer.denied.includes('read-only'), 'the read-only notice on connect');
    observer.doc.getMap('seizures').set('forged', 'observer edit');
    writer.doc.getMap('seizures').set('real', 'investigator edit');
    await waitFor(() => observer.doc.getMap('seizures').get('real') === 'investigator edit', 'the observer to receive the edit');
    await waitFor(() => observer.denied.length >= 2, 'a read-only notice for the dropped write');
    const fresh = await readBack(relay.url, name, await ws.token(inv), (d) => d.getMap('seizures').get('real') === 'investigator edit');
    expect(fresh.getMap('seizures').has('forged')).toBe(false);
    expect(writer.doc.getMap('seizures').has('forged')).toBe(false);
    expect(observer.closeCodes).toEqual([]);
  });

  it('only admins write the workspace doc: an investigator edit is dropped', async () => {
    const inv = member('investigator');
    const { ws, admin } = await workspaceWith(inv);
    const c = track(connect(relay.url, workspaceDocName(ws.id), await ws.token(inv)));
    await c.synced;
    new WorkspaceDoc(c.doc).upsertMember({ ...inv, role: 'admin', joinedAt: 1 }, { memberId: inv.id });
    new WorkspaceDoc(admin.doc).updateSettings({ name: 'Renamed by admin' }, { memberId: ws.admin.id });
    await waitFor(() => new WorkspaceDoc(c.doc).readSettings().name === 'Renamed by admin', 'the admin edit');
    await waitFor(() => c.denied.length >= 2, 'the read-only notice');
    expect(new WorkspaceDoc(admin.doc).getMember(inv.id)?.role).toBe('investigator');
    expect(await tryUpgrade(relay.url, caseDocName(ws.id, randomUUID()), await ws.token({ ...inv, role: 'admin' }))).toEqual({ status: 101, body: '' });
  });

  it('case access: an agency not listed gets 403; narrowing access disconnects it (4403); admins keep access', async () => {
    const customs = member('investigator', 'Customs');
    const police = member('investigator', 'Police');
    const { ws, admin } = await workspaceWith(customs, police);
    const caseId = randomUUID();
    const wd = new WorkspaceDoc(admin.doc);
    wd.upsertCase(caseEntry(caseId), { memberId: ws.admin.id });
    const name = caseDocName(ws.id, caseId);
    const p = track(connect(relay.url, name, await ws.token(police)));
    const c = track(connect(relay.url, name, await ws.token(customs)));
    await Promise.all([p.synced, c.synced]);
    wd.setCaseAccess(caseId, { agencies: ['Customs'] }, { memberId: ws.admin.id });
    await waitFor(() => p.closeCodes.includes(4403), 'the police connection to close with 4403');
    expect(c.closeCodes).toEqual([]);
    expect(await tryUpgrade(relay.url, name, await ws.token(police))).toEqual({ status: 403, body: 'no-case-access' });
    expect((await tryUpgrade(relay.url, name, await ws.token(ws.admin))).status).toBe(101);
    // The case is not readable through /v1/changes for the police either.
    c.doc.getMap('m').set('k', 1);
    await waitFor(async () => {
      const res = await fetch(`${relay.httpUrl}/v1/changes?since=0`, { headers: { authorization: `Bearer ${await ws.token(customs)}` } });
      return ((await res.json()) as { docs: { doc: string }[] }).docs.some((d) => d.doc === name);
    }, 'the case to show in the changes of customs');
    const res = await fetch(`${relay.httpUrl}/v1/changes?since=0`, { headers: { authorization: `Bearer ${await ws.token(police)}` } });
    expect(((await res.json()) as { docs: { doc: string }[] }).docs.map((d) => d.doc)).toEqual([workspaceDocName(ws.id)]);
  });

  it('a removed member is disconnected from every doc at once (4403) and refused afterwards', async () => {
    const inv = member('investigator');
    const other = member('investigator');
    const { ws, admin } = await workspaceWith(inv, other);
    const token = await ws.token(inv);
    const a = track(connect(relay.url, caseDocName(ws.id, randomUUID()), token));
    const b = track(connect(relay.url, workspaceDocName(ws.id), token));
    const bystander = track(connect(relay.url, workspaceDocName(ws.id), await ws.token(other)));
    await Promise.all([a.synced, b.synced, bystander.synced]);
    new WorkspaceDoc(admin.doc).removeMember(inv.id, { memberId: ws.admin.id });
    await waitFor(() => a.closeCodes.includes(4403) && b.closeCodes.includes(4403), 'both connections of the removed member to close');
    expect(await tryUpgrade(relay.url, caseDocName(ws.id, randomUUID()), token)).toEqual({ status: 403, body: 'member-removed' });
    // A stock client stops reconnecting after a 44xx close.
    expect(a.provider.shouldConnect).toBe(false);
    expect(bystander.closeCodes).toEqual([]);
    await waitFor(() => new WorkspaceDoc(bystander.doc).getMemberRecord(inv.id)?.removed === true, 'the bystander to see the removal');
  });

  it('a member made observer becomes read-only on the spot; made investigator again, its pending edit syncs', async () => {
    const inv = member('investigator');
    const { ws, admin } = await workspaceWith(inv);
    const name = caseDocName(ws.id, randomUUID());
    const c = track(connect(relay.url, name, await ws.token(inv)));
    await c.synced;
    const wd = new WorkspaceDoc(admin.doc);
    wd.upsertMember({ ...inv, role: 'observer', joinedAt: 1 }, { memberId: ws.admin.id });
    await waitFor(() => c.denied.includes('read-only'), 'the read-only notice');
    c.doc.getMap('m').set('while-observer', 1);
    const reader = track(connect(relay.url, name, await ws.token(ws.admin)));
    await reader.synced;
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.doc.getMap('m').has('while-observer')).toBe(false);
    wd.upsertMember({ ...inv, role: 'investigator', joinedAt: 1 }, { memberId: ws.admin.id });
    await waitFor(() => reader.doc.getMap('m').get('while-observer') === 1, 'the edit to sync once writable again');
    expect(c.closeCodes).toEqual([]);
  });

  it('closes a connection when its token expires (4401), without waiting for a message', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const expiresAt = Date.now() + 3000;
    const c = track(connect(relay.url, caseDocName(ws.id, randomUUID()), await ws.token(inv, { expiresAt })));
    await c.synced; // accepted while valid
    await waitFor(() => c.closeCodes.includes(4401), 'the expiry close');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 1000); // closed at expiry (exp has whole seconds), not at connect
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('key rotation: a second key works alongside the first; removing the first closes its connections (4401)', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const next = await generateWorkspaceKey();
    await registerWorkspace(relay, ws, next);
    const name = caseDocName(ws.id, randomUUID());
    const oldClient = track(connect(relay.url, name, await ws.token(inv)));
    const newClient = track(connect(relay.url, name, await ws.token(inv, { key: next })));
    await Promise.all([oldClient.synced, newClient.synced]);
    const out = await runCli(['remove-key', '--data-dir', relay.dataDir, '--id', ws.id, '--kid', ws.key.kid]);
    expect(out).toContain(`key ${ws.key.kid} removed (1 left)`);
    await waitFor(() => oldClient.closeCodes.includes(4401), 'the old-key connection to close');
    expect(newClient.closeCodes).toEqual([]);
    expect(await tryUpgrade(relay.url, name, await ws.token(inv))).toEqual({ status: 401, body: 'unknown-key' });
    const listed = await runCli(['list-workspaces', '--data-dir', relay.dataDir]);
    expect(listed).toContain(`${ws.id}  ${next.kid}`);
    expect(listed).not.toContain(ws.key.kid);
  });
});

describe('logs', () => {
  it('never contain a token or case content', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const token = await ws.token(inv);
    const name = caseDocName(ws.id, randomUUID());
    const c = track(connect(relay.url, name, token));
    await c.synced;
    const SECRET = 'SECRET-SUSPECT-NAME-7731';
    c.doc.getText('summary').insert(0, SECRET);
    await readBack(relay.url, name, token, (d) => d.getText('summary').toString() === SECRET);
    await tryUpgrade(relay.url, name, `${token}x`);
    await fetch(`${relay.httpUrl}/v1/changes?since=0`, { headers: { authorization: `Bearer ${token}` } });
    const logs = relay.stderr();
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).not.toContain(token.split('.')[2]!); // the signature part
    expect(logs).not.toContain(token.split('.')[1]!); // the claims part
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(inv.name);
    for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});

void Y;
