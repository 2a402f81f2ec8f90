/**
 * Three relay processes (in-process startRelay instances, each with its own pool and Redis
 * connections) on one PostgreSQL and one Redis (issue 15): clients on different processes
 * converge, see each other's presence, a member removed on one process is disconnected on the
 * others within 2 s, and with Redis killed mid-run and restarted nothing is lost (catch-up from
 * storage). Connections are not sticky: each client picks a process.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { hubTuning, parseCommandLine } from '../../relay/config';
import { RedisFanout } from '../../relay/fanout/redis-fanout';
import { startRelay, type RelayServer } from '../../relay/server';
import { PostgresRelayStorage } from '../../relay/storage/postgres/postgres-relay-storage';
import { connect, makeWorkspace, member, setUpWorkspaceDoc, waitFor, type TestClient, type TestWorkspace } from './helpers';
import { reportMissingServers, startPostgres, startRedis, type PgCluster, type RedisServer } from './support/servers';

const missing = reportMissingServers('relay-cluster.test.ts');

let pgc: PgCluster;
let redis: RedisServer;
let relays: RelayServer[] = [];
let fanouts: RedisFanout[] = [];
let url: string;
const clients: TestClient[] = [];

function track(c: TestClient): TestClient {
  clients.push(c);
  return c;
}

beforeAll(async () => {
  if (missing) return;
  [pgc, redis] = await Promise.all([startPostgres(), startRedis()]);
  url = await pgc.freshDatabase();
  const cmd = parseCommandLine(['--port', '0'], {});
  if (cmd.kind !== 'serve') throw new Error('serve expected');
  const log = createLogger('relay-cluster-test');
  // Started together: the migrations race under their advisory lock.
  const stores = await Promise.all([1, 2, 3].map(() => PostgresRelayStorage.open(url, { poolSize: 4 })));
  fanouts = stores.map((storage) => new RedisFanout({ url: redis.url, storage, log, catchUpMs: 300 }));
  relays = await Promise.all(stores.map((storage, i) => startRelay({ ...cmd.settings, ...hubTuning(cmd.settings), host: '127.0.0.1', port: 0, storage, log, now: Date.now, fanout: fanouts[i], caseRegistration: 'off' })));
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const r of relays) await r.close();
  await redis?.stop();
  await pgc?.stop();
}, 60_000);

/** A workspace registered in the shared database, with `members` set up through relay 0. */
async function workspaceWith(...members: ReturnType<typeof member>[]): Promise<{ ws: TestWorkspace; admin: TestClient }> {
  const ws = await makeWorkspace();
  const s = await PostgresRelayStorage.open(url);
  await s.addWorkspaceKey(ws.id, ws.key.publicJwk);
  await s.close();
  const admin = track(await setUpWorkspaceDoc(relays[0]!.url, ws, members));
  return { ws, admin };
}

describe.skipIf(missing !== null)('three relay processes on one PostgreSQL and one Redis', () => {
  it('clients on different processes converge and see each other’s presence', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const name = caseDocName(ws.id, randomUUID());
    const token = await ws.token(inv);
    const cs = relays.map((r) => track(connect(r.url, name, token)));
    await Promise.all(cs.map((c) => c.synced));
    cs.forEach((c, i) => {
      for (let k = 0; k < 20; k++) c.doc.getMap('m').set(`p${i}-${k}`, k);
    });
    await waitFor(() => cs.every((c) => c.doc.getMap('m').size === 60), 'all three clients to hold all 60 edits', 15_000);
    expect(cs[2]!.doc.getMap('m').toJSON()).toEqual(cs[0]!.doc.getMap('m').toJSON());
    cs[0]!.provider.awareness.setLocalStateField('user', { name: 'on relay 0' });
    await waitFor(() => [...cs[2]!.provider.awareness.getStates().values()].some((st) => (st as { user?: { name: string } }).user?.name === 'on relay 0'), 'relay 2’s client to see relay 0’s presence', 10_000);
  });

  it('a member removed through one process is disconnected on the others within 2 s', async () => {
    const inv = member('investigator');
    const { ws, admin } = await workspaceWith(inv);
    const token = await ws.token(inv);
    const onB = track(connect(relays[1]!.url, caseDocName(ws.id, randomUUID()), token));
    const onC = track(connect(relays[2]!.url, workspaceDocName(ws.id), token));
    await Promise.all([onB.synced, onC.synced]);
    const t0 = Date.now();
    new WorkspaceDoc(admin.doc).removeMember(inv.id, { memberId: ws.admin.id });
    await waitFor(() => onB.closeCodes.includes(4403) && onC.closeCodes.includes(4403), 'the removed member’s connections on the other processes to close', 10_000);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('loses nothing when Redis is killed mid-run and restarted', async () => {
    const inv = member('investigator');
    const { ws } = await workspaceWith(inv);
    const name = caseDocName(ws.id, randomUUID());
    const token = await ws.token(inv);
    const a = track(connect(relays[0]!.url, name, token));
    const c = track(connect(relays[2]!.url, name, token));
    await Promise.all([a.synced, c.synced]);
    a.doc.getMap('m').set('before', 1);
    await waitFor(() => c.doc.getMap('m').get('before') === 1, 'the edit before the kill');
    await redis.kill();
    await waitFor(() => fanouts.every((f) => f.state() === 'down'), 'every process to see Redis down');
    for (let k = 0; k < 30; k++) a.doc.getMap('m').set(`during-${k}`, k);
    c.doc.getMap('m').set('from-c-during', 1);
    // Without Redis, the periodic catch-up from storage still carries every edit.
    await waitFor(() => c.doc.getMap('m').get('during-29') === 29 && a.doc.getMap('m').get('from-c-during') === 1, 'the edits made while Redis was down', 15_000);
    await redis.restart();
    await waitFor(() => fanouts.every((f) => f.state() === 'ready'), 'every process to reconnect to Redis', 15_000);
    a.doc.getMap('m').set('after', 1);
    await waitFor(() => c.doc.getMap('m').get('after') === 1, 'the edit after the restart');
    const fresh = track(connect(relays[1]!.url, name, token));
    await fresh.synced;
    await waitFor(() => fresh.doc.getMap('m').size === 33, 'a new client on the third process to read all 33 entries back');
    expect(c.doc.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON());
  });
});
