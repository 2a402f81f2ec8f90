/**
 * Volume docs through the real relay (a spawned relay process, stock y-websocket clients): a volume
 * is authorised exactly as its case. A member the case's access list leaves out can neither open
 * nor list its volumes; a member who may open case A is refused a volume name that names case B;
 * a volume name spelt any other way (`vol/01`, `vol/0`) is not a doc name (400); an open volume
 * connection is closed when the case is taken away from its member; an investigator's
 * unregistered case's volume is refused like the case doc (`case-not-registered`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { volumeDocName, workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc, type CaseIndexEntry } from '../../shared/docs/workspace-doc';
import { connect, httpGet, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, tryUpgrade, waitFor, type RelayProcess, type TestClient } from './helpers';

let relay: RelayProcess;
const clients: TestClient[] = [];
const track = (c: TestClient): TestClient => (clients.push(c), c);

beforeAll(async () => {
  relay = await spawnRelay({ caseRegistration: 'required' });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
});

function entry(id: string, adminId: string, agencies: string[]): CaseIndexEntry {
  return { id, number: 'NEST-2026-0042', title: 'Ivory register', status: 'open', sector: 'wildlife', tlp: 'AMBER', createdBy: adminId, createdAt: 1, access: { agencies } };
}

const listed = async (token: string): Promise<string[]> => ((await httpGet(relay, '/v1/changes?since=0', token)).body as { docs: { doc: string }[] }).docs.map((d) => d.doc);

describe('volume docs on the relay', () => {
  it('authorises a volume as its case: open, list, refuse, forged names, revocation', async () => {
    const customs = member('investigator', 'Customs');
    const police = member('investigator', 'Police');
    const ws = await makeWorkspace();
    await registerWorkspace(relay, ws);
    const admin = track(await setUpWorkspaceDoc(relay.url, ws, [customs, police]));
    const caseA = randomUUID(); // Customs only
    const caseB = randomUUID(); // Police only
    const wd = new WorkspaceDoc(admin.doc);
    wd.upsertCase(entry(caseA, ws.admin.id, ['Customs']), { memberId: ws.admin.id });
    wd.upsertCase(entry(caseB, ws.admin.id, ['Police']), { memberId: ws.admin.id });
    const adminToken = await ws.token(ws.admin);
    await readBack(relay.url, workspaceDocName(ws.id), adminToken, (d) => new WorkspaceDoc(d).caseAccess(caseB) !== null);

    const tCustoms = await ws.token(customs);
    const tPolice = await ws.token(police);
    const volA = volumeDocName(ws.id, caseA, 1);
    const volB = volumeDocName(ws.id, caseB, 2);

    // Customs writes a seizure record into case A's first volume; the relay stores it.
    const c = track(connect(relay.url, volA, tCustoms));
    await c.synced;
    c.doc.getMap('seizures').set('s1', new Y.Map([['commodity', 'ivory']]));
    await readBack(relay.url, volA, adminToken, (d) => d.getMap('seizures').has('s1'));

    // Police may not open case A, so not its volume either; nor may Customs forge case B's.
    expect(await tryUpgrade(relay.url, volA, tPolice)).toEqual({ status: 403, body: 'no-case-access' });
    expect(await tryUpgrade(relay.url, volB, tCustoms)).toEqual({ status: 403, body: 'no-case-access' });
    expect((await tryUpgrade(relay.url, volB, tPolice)).status).toBe(101);
    // Any other spelling of a volume number is not a doc name.
    for (const bad of [`${ws.id}/case/${caseA}/vol/01`, `${ws.id}/case/${caseA}/vol/0`, `${ws.id}/case/${caseA}/vol/1/x`]) {
      expect((await tryUpgrade(relay.url, bad, tCustoms)).status, bad).toBe(400);
    }
    // The change list names the volume to those who may read it and to no one else.
    expect(await listed(tCustoms)).toContain(volA);
    expect(await listed(adminToken)).toContain(volA);
    expect(await listed(tPolice)).not.toContain(volA);

    // Taking case A away from Customs closes their open volume connection.
    wd.upsertCase(entry(caseA, ws.admin.id, ['Police']), { memberId: ws.admin.id });
    await waitFor(() => c.closeCodes.length > 0, 'the volume connection to close');
    expect(await tryUpgrade(relay.url, volA, tCustoms)).toEqual({ status: 403, body: 'no-case-access' });
    expect(await listed(tCustoms)).not.toContain(volA);
  });

  it('refuses the volume of an investigator’s unregistered case like the case doc', async () => {
    const inv = member('investigator');
    const ws = await makeWorkspace();
    await registerWorkspace(relay, ws);
    track(await setUpWorkspaceDoc(relay.url, ws, [inv]));
    expect(await tryUpgrade(relay.url, volumeDocName(ws.id, randomUUID(), 1), await ws.token(inv))).toEqual({ status: 403, body: 'case-not-registered' });
  });
});
