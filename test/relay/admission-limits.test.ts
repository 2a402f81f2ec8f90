/**
 * The admission limits of one relay process (relay/hub/limits.ts) through a real relay: a
 * member's connections and open docs, the process's loaded docs with idle unloading freeing
 * room, refusals as 429/503 the client retries, and the figures in /health.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { caseDocName } from '../../shared/docs/names';
import { hubTuning, parseCommandLine } from '../../relay/config';
import { startRelay, type RelayServer } from '../../relay/server';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { connect, makeWorkspace, member, setUpWorkspaceDoc, tempDir, tryUpgrade, waitFor, type TestClient, type TestWorkspace } from './helpers';

let relay: RelayServer;
let ws: TestWorkspace;
const clients: TestClient[] = [];
const track = (c: TestClient): TestClient => (clients.push(c), c);

beforeAll(async () => {
  const cmd = parseCommandLine(['--max-conns-per-member', '3', '--max-docs-per-member', '2', '--max-loaded-docs', '6', '--idle-unload-s', '0'], {});
  if (cmd.kind !== 'serve') throw new Error('serve expected');
  const storage = SqliteRelayStorage.open(path.join(tempDir(), 'relay.sqlite'));
  ws = await makeWorkspace();
  await storage.addWorkspaceKey(ws.id, ws.key.publicJwk);
  relay = await startRelay({ ...cmd.settings, ...hubTuning(cmd.settings), host: '127.0.0.1', port: 0, storage, log: createLogger('limits-test'), now: Date.now, caseRegistration: 'off' });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay.close();
});

describe('admission limits', () => {
  it('refuses a member’s connection or doc over its limit (429) and a new doc when the process is full (503), and reports them in /health', async () => {
    const inv = member('investigator');
    const other = member('investigator');
    track(await setUpWorkspaceDoc(relay.url, ws, [inv, other]));
    const token = await ws.token(inv);
    const [d1, d2, d3] = [1, 2, 3].map(() => caseDocName(ws.id, randomUUID())) as [string, string, string];
    const a = track(connect(relay.url, d1, token));
    const b = track(connect(relay.url, d2, token));
    await Promise.all([a.synced, b.synced]);
    // Two docs open: a third doc is refused, a second connection to an open doc is not.
    expect(await tryUpgrade(relay.url, d3, token)).toEqual({ status: 429, body: 'too-many-docs' });
    const c = track(connect(relay.url, d1, token));
    await c.synced;
    // Three connections open: a fourth is refused even to an open doc.
    expect(await tryUpgrade(relay.url, d1, token)).toEqual({ status: 429, body: 'too-many-connections' });
    // Another member is not affected by inv's count.
    const otherToken = await ws.token(other);
    expect((await tryUpgrade(relay.url, d3, otherToken)).status).toBe(101);

    // Loaded: workspace, d1, d2 (+ d3 until it unloads). Fill the process up to 6 with the other member's docs.
    const fill = [1, 2].map(() => track(connect(relay.url, caseDocName(ws.id, randomUUID()), otherToken)));
    await Promise.all(fill.map((f) => f.synced));
    await waitFor(() => relay.stats().docsLoaded === 5, 'd3 to unload (idle) leaving 5 docs loaded');
    const sixth = track(connect(relay.url, caseDocName(ws.id, randomUUID()), await ws.token(ws.admin)));
    await sixth.synced;
    expect(await tryUpgrade(relay.url, caseDocName(ws.id, randomUUID()), await ws.token(ws.admin))).toEqual({ status: 503, body: 'relay-full' });
    // A doc already loaded is still served (inv closes one connection to be under its own limit).
    c.destroy();
    await waitFor(() => relay.stats().connections === 6, 'inv’s third connection to close');
    expect((await tryUpgrade(relay.url, d2, token)).status).toBe(101);
    // Closing connections lets the idle doc unload, and a new doc is admitted again.
    sixth.destroy();
    await waitFor(() => relay.stats().docsLoaded === 5, 'the sixth doc to unload');
    expect((await tryUpgrade(relay.url, caseDocName(ws.id, randomUUID()), await ws.token(ws.admin))).status).toBe(101);

    const health = await fetch(`${relay.url.replace('ws://', 'http://')}/health`).then((r) => r.json());
    expect(health).toMatchObject({ limits: { maxConnectionsPerMember: 3, maxDocsPerMember: 2, maxLoadedDocs: 6 }, redis: 'off', storage: 'ok' });
  });
});
