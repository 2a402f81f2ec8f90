/**
 * Close 4409 against a real relay (issue 10): when the relay's deletion rules refuse an update
 * (here: an audit entry deleted, which is append-only for everyone), the desktop's sync engine
 * marks the doc "refused by the relay: append-only" in sync health, keeps its local copy as it is,
 * and does not reconnect: later rounds and "sync all" leave the doc alone (the proxy in front of
 * the relay counts the connections to the case doc). "Sync now" on that one doc lifts the refusal
 * and tries once more (refused again, since the deletion is still there). A live link
 * (RelayDocLink, as for a case open in a window) closed with 4409 likewise stays closed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../../../shared/auth/keys';
import { signInvitation } from '../../../shared/auth/tokens';
import { hubTuning } from '../../../relay/config';
import { startRelay } from '../../../relay/server';
import { SqliteRelayStorage } from '../../../relay/storage/sqlite-relay-storage';
import { SyncHub } from '../../../service/renderer-sync/sync-hub';
import { RelayDocLink } from '../../../service/relay-sync/relay-doc-link';
import { relayUrls } from '../../../service/relay-sync/relay-url';
import { SyncEngine, type SyncConfig } from '../../../service/relay-sync/sync-engine';
import type { DocSyncState } from '../../../service/relay-sync/sync-status';
import { ChaosProxy, NO_FAULTS } from '../../sync/chaos-proxy';
import { Registry } from '../../sync/edits';
import { LocalReplica } from '../../sync/local-replica';
import { defaultTmpRoot, foundWorkspace, newMembers, runLogger } from '../../sync/schedule-support';
import { freePort } from '../../helpers/free-port';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function waitFor(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('an update refused by the relay (close 4409)', () => {
  it('is shown per doc, keeps the local data, and is not re-sent until the member retries that doc', async () => {
    const dir = fs.mkdtempSync(path.join(defaultTmpRoot(), 'nest-refused-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const workspaceId = randomUUID();
    const relayFile = path.join(dir, 'relay', 'relay.sqlite');
    const key = await generateWorkspaceKey();
    const port = await freePort();
    const settings = { host: '127.0.0.1', port, dataDir: '', maxMessageBytes: 16 * 1024 * 1024, idleUnloadMs: 60_000, keyCheckMs: 3_600_000, pingIntervalMs: 3_600_000, compactThreshold: 500 };
    const storage = SqliteRelayStorage.open(relayFile);
    await storage.addWorkspaceKey(workspaceId, key.publicJwk, 'refusal test');
    const relay = await startRelay({ ...settings, ...hubTuning(settings), storage, log: runLogger(), now: Date.now });
    cleanups.push(() => relay.close());

    // Connections to the case doc = first frames sent up on its path.
    let caseName = '';
    let connections = 0;
    const proxy = await ChaosProxy.start({
      target: `ws://127.0.0.1:${port}`,
      seed: 4,
      faults: NO_FAULTS,
      onFrame: (f) => {
        if (f.dir === 'up' && f.index === 0 && f.path === `/${caseName}`) connections++;
        return undefined;
      },
    });
    cleanups.push(() => proxy.close());

    const [admin, ...others] = newMembers();
    const local = new LocalReplica({ index: 0, memberId: admin!.id, role: admin!.role, dataDir: path.join(dir, 'admin'), workspaceId, logger: runLogger() });
    cleanups.push(() => local.close(false));
    await foundWorkspace(local, [admin!, ...others], new Registry());
    caseName = local.rt.store.docs.changedSince(0).map((h) => h.docName).find((n) => n.includes('/case/'))!;
    const caseDoc = local.rt.host.retain(caseName);
    cleanups.push(() => local.rt.host.release(caseName));
    const relayAuditLength = (): number => {
      const doc = new Y.Doc();
      const stored = SqliteRelayStorage.open(relayFile);
      try {
        const s = stored.log.read(caseName);
        if (s.snapshot) Y.applyUpdate(doc, s.snapshot);
        for (const u of s.updates) Y.applyUpdate(doc, u);
      } finally {
        void stored.close();
      }
      return doc.getArray('audit').length;
    };

    const token = await signInvitation(key.privateJwk, { memberId: admin!.id, workspaceId, name: admin!.name, agency: admin!.agency, role: admin!.role, expiresAt: Date.now() + 86_400_000 });
    const config: SyncConfig = { relayUrl: proxy.url, token, clock: 0, localClock: 0 };
    local.rt.store.setSetting('sync', config);
    const engine = new SyncEngine(config, { workspace: local.rt, hub: new SyncHub(), logger: runLogger(), onStatus: () => undefined, roundIntervalMs: 600_000, docTimeoutMs: 20_000, resyncMs: 60_000 });
    cleanups.push(() => engine.stop());
    const row = () => engine.status().health.find((r) => r.doc === caseName);

    // The case reaches the relay, with its audit log.
    await expect(engine.syncNowAndConfirm(caseName)).resolves.toMatchObject({ docs: 1, acked: 1 });
    const audit = caseDoc.getArray('audit');
    const entries = audit.length;
    expect(entries).toBeGreaterThan(0);
    expect(relayAuditLength()).toBe(entries);
    expect(row()!.refusedUpdate).toBeNull();

    // The admin's desktop deletes an audit entry (append-only): the relay refuses it with 4409.
    audit.delete(0, 1);
    const before = connections;
    await engine.syncNow();
    await waitFor(() => row()?.refusedUpdate === 'append-only', 'the refusal in sync health');
    expect(connections).toBe(before + 1);
    expect(row()).toMatchObject({ state: 'refused', refusedUpdate: 'append-only' });
    expect(row()!.waiting.updates).toBeGreaterThan(0); // the refused change still waits, visibly
    const status = engine.status();
    expect(status.state).toBe('refused');
    expect(status.detail).toBe('refused by the relay: append-only');
    expect(relayAuditLength()).toBe(entries); // nothing of it stored
    expect(audit.length).toBe(entries - 1); // the local copy is kept as it is

    // Rounds and "sync all" do not send it again.
    await engine.syncNow();
    await engine.syncNow();
    await expect(engine.syncNowAndConfirm(null, 5_000)).resolves.toMatchObject({ docs: 1, acked: 1 }); // the workspace doc only
    await sleep(1_500);
    expect(connections).toBe(before + 1);
    expect(row()!.refusedUpdate).toBe('append-only');

    // "Sync now" on that doc: the member asks to try again; refused again (the deletion is still there).
    await expect(engine.syncNowAndConfirm(caseName, 15_000)).resolves.toMatchObject({ docs: 1, acked: 0 });
    await waitFor(() => row()?.refusedUpdate === 'append-only' && connections === before + 2, 'the second, asked-for attempt refused');
    await sleep(1_000);
    expect(connections).toBe(before + 2);
    expect(relayAuditLength()).toBe(entries);

    // A live link (as for a case open in a window) closed with 4409 stays closed too.
    const states: DocSyncState[] = [];
    const refusals: string[] = [];
    const link = new RelayDocLink({ wsBase: relayUrls(proxy.url).ws, name: caseName, doc: caseDoc, token: () => token, logger: runLogger(), onState: (s) => states.push(s), onUpdateRefused: (r) => refusals.push(r) });
    cleanups.push(() => link.stop());
    await waitFor(() => link.state === 'refused', 'the live link refused');
    expect(refusals).toEqual(['append-only']);
    expect(connections).toBe(before + 3);
    await sleep(2_000); // a dropped link reconnects within 250–375 ms
    expect(connections).toBe(before + 3);
    expect(states.at(-1)).toBe('refused');
    expect(audit.length).toBe(entries - 1);
  }, 90_000);
});
