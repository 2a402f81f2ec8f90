/**
 * Case registration through the real relay (`--case-registration required`, the CLI default):
 * every case doc the relay stores is known to the workspace's admins. An investigator's case doc
 * that is neither in the workspace index nor in their registry doc is refused (403
 * `case-not-registered`, retryable); once registered it is stored and listed to admins; a case
 * made offline syncs when its registration goes first, or after a retry. Registries: own member
 * writes, admins read, other members are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseRegistry } from '../../shared/docs/case-registry';
import { caseDocName, registryDocName } from '../../shared/docs/names';
import { connect, httpGet, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, tryUpgrade, waitFor, type RelayProcess, type TestClient, type TestMember, type TestWorkspace } from './helpers';

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

async function setUp(...members: TestMember[]): Promise<TestWorkspace> {
  const ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  track(await setUpWorkspaceDoc(relay.url, ws, members));
  return ws;
}

/** Registers `caseId` in `m`'s registry on the relay and waits until it is stored. */
async function register(ws: TestWorkspace, m: TestMember, caseId: string): Promise<void> {
  const name = registryDocName(ws.id, m.id);
  const c = track(connect(relay.url, name, await ws.token(m)));
  await c.synced;
  new CaseRegistry(c.doc).register(caseId, Date.now());
  await readBack(relay.url, name, await ws.token(m), (d) => new CaseRegistry(d).has(caseId));
  c.destroy();
}

const listed = async (ws: TestWorkspace, m: TestMember): Promise<string[]> => ((await httpGet(relay, '/v1/changes?since=0', await ws.token(m))).body as { docs: { doc: string }[] }).docs.map((d) => d.doc);

describe('case registration', () => {
  it('refuses an investigator’s unregistered case doc; stores a registered one and lists it to admins', async () => {
    const inv = member('investigator');
    const obs = member('observer');
    const ws = await setUp(inv, obs);
    const caseId = randomUUID();
    const name = caseDocName(ws.id, caseId);
    expect(await tryUpgrade(relay.url, name, await ws.token(inv))).toEqual({ status: 403, body: 'case-not-registered' });
    // Admins need no registry: their cases go into the workspace index.
    expect((await tryUpgrade(relay.url, caseDocName(ws.id, randomUUID()), await ws.token(ws.admin))).status).toBe(101);

    await register(ws, inv, caseId);
    const c = track(connect(relay.url, name, await ws.token(inv)));
    await c.synced;
    c.doc.getMap('meta').set('title', 'Pangolin scales, Lagos');
    await readBack(relay.url, name, await ws.token(ws.admin), (d) => d.getMap('meta').get('title') === 'Pangolin scales, Lagos');
    const forAdmin = await listed(ws, ws.admin);
    expect(forAdmin).toEqual(expect.arrayContaining([name, registryDocName(ws.id, inv.id)]));
    // The observer never sees it until an admin indexes it (nor the investigator's registry).
    expect(await listed(ws, obs)).not.toContain(name);
    expect(await listed(ws, obs)).not.toContain(registryDocName(ws.id, inv.id));
    expect(await listed(ws, inv)).toContain(name);
    expect(await tryUpgrade(relay.url, name, await ws.token(obs))).toEqual({ status: 403, body: 'case-not-registered' });
  });

  it('registries: the member writes their own, admins read every one, other members are refused', async () => {
    const inv = member('investigator');
    const other = member('investigator');
    const ws = await setUp(inv, other);
    const name = registryDocName(ws.id, inv.id);
    expect((await tryUpgrade(relay.url, name, await ws.token(inv))).status).toBe(101);
    expect((await tryUpgrade(relay.url, name, await ws.token(ws.admin))).status).toBe(101);
    expect(await tryUpgrade(relay.url, name, await ws.token(other))).toEqual({ status: 403, body: 'not-your-registry' });
    // An admin's connection to someone's registry is read-only: its writes are dropped.
    const a = track(connect(relay.url, name, await ws.token(ws.admin)));
    await a.synced;
    await waitFor(() => a.denied.includes('read-only'), 'the read-only notice');
    a.destroy();
  });

  it('a case made offline syncs: refused while unregistered (retryable), stored once the registration is there', async () => {
    const inv = member('investigator');
    const ws = await setUp(inv);
    const caseId = randomUUID();
    const name = caseDocName(ws.id, caseId);
    // Offline: the case doc and its registration are made locally, nothing reached the relay.
    const offlineCase = new Y.Doc();
    offlineCase.getMap('meta').set('title', 'Rosewood, made on the ferry');
    const offlineRegistry = new Y.Doc();
    new CaseRegistry(offlineRegistry).register(caseId, Date.now());
    // The case doc is tried first (no ordering guarantee across links): refused, and nothing is stored.
    expect(await tryUpgrade(relay.url, name, await ws.token(inv))).toEqual({ status: 403, body: 'case-not-registered' });
    expect(await listed(ws, ws.admin)).not.toContain(name);
    // The registry syncs, then the retry of the case doc is accepted and its offline content stored.
    const r = track(connect(relay.url, registryDocName(ws.id, inv.id), await ws.token(inv), { doc: offlineRegistry }));
    await r.synced;
    await readBack(relay.url, registryDocName(ws.id, inv.id), await ws.token(ws.admin), (d) => new CaseRegistry(d).has(caseId));
    const c = track(connect(relay.url, name, await ws.token(inv), { doc: offlineCase }));
    await c.synced;
    await readBack(relay.url, name, await ws.token(ws.admin), (d) => d.getMap('meta').get('title') === 'Rosewood, made on the ferry');
    expect(await listed(ws, ws.admin)).toContain(name);
  });
});
