/**
 * The real relay process with stock y-websocket clients: randomised convergence with
 * disconnects, durability across restarts, idle unloading, the HTTP endpoints and the CLI.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { openDatabase } from '../../node/store/sqlite';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import {
  connect,
  httpGet,
  makeWorkspace,
  member,
  readBack,
  registerWorkspace,
  runCli,
  setUpWorkspaceDoc,
  spawnRelay,
  tempDir,
  waitFor,
  type RelayProcess,
  type TestClient,
  type TestWorkspace,
} from './helpers';
import { canonical, prng, randomEdit, snapshot } from './support/convergence';

let relay: RelayProcess;
let ws: TestWorkspace;
const members = Array.from({ length: 4 }, () => member('investigator'));
const observer = member('observer', 'UNODC');
const open: TestClient[] = [];

beforeAll(async () => {
  relay = await spawnRelay({ args: ['--idle-unload-s', '1'] });
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  open.push(await setUpWorkspaceDoc(relay.url, ws, [...members, observer]));
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
});

describe('convergence', () => {
  it.each([1, 2, 3])('random edits from 4 clients on 2 docs with random disconnects converge (seed %i)', async (seed) => {
    const rnd = prng(seed);
    const names = [caseDocName(ws.id, randomUUID()), caseDocName(ws.id, randomUUID())];
    const clients = await Promise.all(
      members.flatMap((m) => names.map(async (name) => ({ name, tag: m.id.slice(0, 4), c: connect(relay.url, name, await ws.token(m)) }))),
    );
    open.push(...clients.map((x) => x.c));
    await Promise.all(clients.map((x) => x.c.synced));
    for (let step = 0; step < 300; step++) {
      const x = clients[Math.floor(rnd() * clients.length)]!;
      const r = rnd();
      if (r < 0.05 && x.c.provider.shouldConnect) x.c.provider.disconnect();
      else if (r < 0.12 && !x.c.provider.shouldConnect) x.c.provider.connect();
      else randomEdit(x.c.doc, rnd, x.tag); // offline edits too
      if (step % 25 === 0) await new Promise((res) => setTimeout(res, 5));
    }
    for (const x of clients) if (!x.c.provider.shouldConnect) x.c.provider.connect();
    for (const name of names) {
      const group = clients.filter((x) => x.name === name).map((x) => x.c.doc);
      await waitFor(() => group.every((d) => snapshot(d) === snapshot(group[0]!)), `clients of ${name} to converge`);
      const expected = snapshot(group[0]!);
      expect(expected.length).toBeGreaterThan(100);
      // A fresh client (the observer) reads the same state from the relay.
      await readBack(relay.url, name, await ws.token(observer), (d) => snapshot(d) === expected);
      expect(group.every((d) => Y.encodeStateVector(d).toString() === Y.encodeStateVector(group[0]!).toString())).toBe(true);
    }
    for (const x of clients) x.c.destroy();
  });
});

describe('durability', () => {
  it('a stopped and restarted relay serves every doc as it was, from SQLite', async () => {
    const dataDir = tempDir();
    const r1 = await spawnRelay({ dataDir });
    const w = await makeWorkspace();
    await registerWorkspace(r1, w);
    const inv = member('investigator');
    const admin = await setUpWorkspaceDoc(r1.url, w, [inv]);
    const names = Array.from({ length: 3 }, () => caseDocName(w.id, randomUUID()));
    const writers = await Promise.all(names.map(async (n) => connect(r1.url, n, await w.token(inv))));
    await Promise.all(writers.map((c) => c.synced));
    writers.forEach((c, i) => {
      for (let k = 0; k < 200; k++) c.doc.getMap('m').set(`k${k}`, i * 1000 + k);
      c.doc.getText('summary').insert(0, `case ${i}`);
    });
    const content = (d: Y.Doc): string => canonical(d.getMap('m').toJSON()) + d.getText('summary').toString();
    const expected = writers.map((c) => content(c.doc));
    await Promise.all(names.map(async (n, i) => readBack(r1.url, n, await w.token(inv), (d) => content(d) === expected[i])));
    writers.forEach((c) => c.destroy());
    admin.destroy();
    await r1.stop();
    expect(fs.existsSync(path.join(dataDir, 'relay.sqlite'))).toBe(true);

    const r2 = await spawnRelay({ dataDir });
    try {
      for (const [i, n] of names.entries()) {
        await readBack(r2.url, n, await w.token(inv), (d) => content(d) === expected[i], `${n} after restart`);
      }
      await readBack(r2.url, workspaceDocName(w.id), await w.token(inv), (d) => new WorkspaceDoc(d).getMember(inv.id) !== null);
    } finally {
      await r2.stop();
    }
  });

  it('unloads idle docs (compacting them) and loads them again on the next connection', async () => {
    const inv = members[0]!;
    const name = caseDocName(ws.id, randomUUID());
    const c = connect(relay.url, name, await ws.token(inv));
    await c.synced;
    for (let k = 0; k < 50; k++) c.doc.getMap('m').set(`k${k}`, k);
    await readBack(relay.url, name, await ws.token(inv), (d) => d.getMap('m').size === 50);
    const loaded = async (): Promise<number> => ((await httpGet(relay, '/health')).body as { docsLoaded: number }).docsLoaded;
    const before = await loaded();
    c.destroy();
    await waitFor(async () => (await loaded()) < before, 'the case doc to unload');
    // The log reaches us through a pipe: wait for the lines rather than expecting them at once.
    await waitFor(() => new RegExp(`"doc":"${name}".*"msg":"doc unloaded"`).test(relay.stderr()), 'the unload to be logged');
    expect(relay.stderr()).toMatch(new RegExp(`"doc":"${name}","outcome":"compacted"`));
    const back = await readBack(relay.url, name, await ws.token(inv), (d) => d.getMap('m').size === 50);
    expect(back.getMap('m').get('k49')).toBe(49);
  });
});

describe('HTTP', () => {
  it('GET /health answers without auth, and says nothing sensitive', async () => {
    const res = await httpGet(relay, '/health');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(['blobs', 'connections', 'docsLoaded', 'docsStored', 'limits', 'redis', 'status', 'storage', 'storageEncrypted', 'uptimeS']);
    expect(res.body).toMatchObject({ storage: 'ok', redis: 'off', blobs: 'ok' });
    expect(res.body).toMatchObject({ status: 'ok' });
    expect((res.body as { storageEncrypted: boolean }).storageEncrypted).toBe(false);
    expect((res.body as { docsStored: number }).docsStored).toBeGreaterThan(0);
    expect((await httpGet(relay, '/nope')).status).toBe(404);
  });

  it('GET /v1/changes lists the docs changed since a clock, for the token\'s workspace only', async () => {
    const inv = members[1]!;
    const token = await ws.token(inv);
    expect((await httpGet(relay, '/v1/changes?since=0')).status).toBe(401);
    expect((await httpGet(relay, '/v1/changes?since=0', `${token}x`)).status).toBe(401);
    expect((await httpGet(relay, '/v1/changes?since=-1', token)).status).toBe(400);
    const first = (await httpGet(relay, '/v1/changes?since=0', token)).body as { clock: number; docs: { doc: string; lastSeq: number }[] };
    expect(first.clock).toBeGreaterThan(0);
    expect(first.docs.every((d) => d.doc.startsWith(`${ws.id}/`) && d.lastSeq <= first.clock)).toBe(true);
    expect(first.docs.map((d) => d.doc)).toContain(workspaceDocName(ws.id));

    // Another workspace's doc changes; then one of ours.
    const other = await makeWorkspace();
    await registerWorkspace(relay, other);
    (await setUpWorkspaceDoc(relay.url, other, [])).destroy();
    const name = caseDocName(ws.id, randomUUID());
    const c = connect(relay.url, name, token);
    open.push(c);
    await c.synced;
    c.doc.getMap('m').set('x', 1);
    let next: { clock: number; docs: { doc: string; lastSeq: number }[] } = { clock: 0, docs: [] };
    await waitFor(async () => {
      next = (await httpGet(relay, `/v1/changes?since=${first.clock}`, token)).body as typeof next;
      return next.docs.length > 0;
    }, 'the change to be listed');
    expect(next.docs).toEqual([{ doc: name, lastSeq: next.docs[0]!.lastSeq }]);
    expect(next.docs[0]!.lastSeq).toBeGreaterThan(first.clock);
    expect(next.clock).toBeGreaterThanOrEqual(next.docs[0]!.lastSeq);
    expect((await httpGet(relay, `/v1/changes?since=${next.clock}`, token)).body).toEqual({ clock: next.clock, docs: [] });
    // The optional workspace parameter (for proxies that route by workspace) must match the token.
    expect((await httpGet(relay, `/v1/changes?since=${next.clock}&workspace=${ws.id}`, token)).body).toEqual({ clock: next.clock, docs: [] });
    expect((await httpGet(relay, `/v1/changes?since=0&workspace=${other.id}`, token)).body).toMatchObject({ error: 'unauthorized' });
    expect((await httpGet(relay, '/v1/changes?since=0&workspace=nope', token)).status).toBe(400);
  });
});

describe('CLI', () => {
  it('backs up the database while the relay serves, into a file the doc store reads', async () => {
    const inv = members[2]!;
    const name = caseDocName(ws.id, randomUUID());
    const c = connect(relay.url, name, await ws.token(inv));
    open.push(c);
    await c.synced;
    c.doc.getMap('m').set('backed-up', true);
    await readBack(relay.url, name, await ws.token(inv), (d) => d.getMap('m').get('backed-up') === true);
    const out = path.join(tempDir(), 'copy.sqlite');
    expect(await runCli(['backup', '--data-dir', relay.dataDir, '--out', out])).toContain(`backup written to ${out}`);
    const db = openDatabase(out);
    const doc = new Y.Doc();
    new SqliteDocLog(db).loadInto(name, doc);
    db.close();
    expect(doc.getMap('m').get('backed-up')).toBe(true);
    await expect(runCli(['backup', '--data-dir', relay.dataDir, '--out', out])).rejects.toThrow(/exists already/);
  });

  it('prints help, generates a key, registers it and signs an invitation the relay accepts', async () => {
    expect(await runCli(['--help'])).toContain('npm run relay -- add-workspace');
    const dir = tempDir();
    const keyFile = path.join(dir, 'ws.jwk');
    const publicJwk = (await runCli(['generate-key', '--out', keyFile])).trim();
    expect(JSON.parse(publicJwk)).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const pubFile = path.join(dir, 'ws.pub.jwk');
    fs.writeFileSync(pubFile, publicJwk);
    const wid = randomUUID();
    expect(await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', wid, '--public-key', pubFile, '--label', 'test'])).toMatch(/registered \(1 key now valid\)/);
    await expect(runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', wid, '--public-key', keyFile])).rejects.toThrow(/private key/);
    const adminId = randomUUID();
    const token = (await runCli(['invite', '--key', keyFile, '--workspace', wid, '--member', adminId, '--name', 'Root', '--agency', 'NEST', '--role', 'admin', '--days', '1'])).trim();
    const c = connect(relay.url, workspaceDocName(wid), token);
    open.push(c);
    await c.synced;
    expect(c.closeCodes).toEqual([]);
  });
});
