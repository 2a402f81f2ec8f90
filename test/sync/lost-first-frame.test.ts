/**
 * Issue 9, "Done when" 1: the lost first frame. An admin creates a workspace, a case and a
 * seizure offline, then connects through the chaos proxy, which drops the relay's first frame on
 * the case doc's connection (its sync step 1, so the desktop's step 2 answer is never asked for).
 * Before acknowledgement by state, the desktop reported the case synced while the relay held
 * none of its seizures; now the relay must hold the seizure before any "synced" report, and the
 * report must come.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../../shared/auth/keys';
import { signInvitation } from '../../shared/auth/tokens';
import { CaseDoc } from '../../shared/docs/case-doc';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { SyncHub } from '../../service/renderer-sync/sync-hub';
import { SyncEngine, type SyncConfig } from '../../service/relay-sync/sync-engine';
import type { DocSyncState } from '../../service/relay-sync/sync-status';
import { ChaosProxy, NO_FAULTS } from './chaos-proxy';
import { Registry } from './edits';
import { LocalReplica } from './local-replica';
import { defaultTmpRoot, foundWorkspace, newMembers, runLogger, startTestRelay, waitUntil } from './schedule-support';
import { SyncedInvariant } from './synced-invariant';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the relay loses its first frame on a fresh case-doc connection', () => {
  it('the desktop reports the case synced only once the relay holds its seizure', async () => {
    const dir = fs.mkdtempSync(path.join(defaultTmpRoot(), 'nest-lost-frame-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const workspaceId = randomUUID();
    const relayFile = path.join(dir, 'relay', 'relay.sqlite');
    const key = await generateWorkspaceKey();
    const storage = SqliteRelayStorage.open(relayFile);
    await storage.addWorkspaceKey(workspaceId, key.publicJwk, 'lost frame test');
    const relay = await startTestRelay(storage);
    cleanups.push(() => relay.close());

    // Offline: workspace, case, seizure.
    const [admin, ...others] = newMembers();
    const local = new LocalReplica({ index: 0, memberId: admin!.id, role: admin!.role, dataDir: path.join(dir, 'admin'), workspaceId, logger: runLogger() });
    cleanups.push(() => local.close(false));
    const registry = new Registry();
    await foundWorkspace(local, [admin!, ...others], registry);
    const caseName = local.rt.store.docs.changedSince(0).map((h) => h.docName).find((n) => n.includes('/case/'))!;
    expect(caseName).toBeTruthy();
    const seizureIds = new CaseDoc(local.rt.host.retain(caseName)).listSeizures().map((s) => s.id);
    local.rt.host.release(caseName);
    expect(seizureIds).toHaveLength(1);

    // The proxy drops the relay's first frame on the case doc's (first) connection.
    let droppedFirst = 0;
    const proxy = await ChaosProxy.start({
      target: relay.url,
      seed: 1,
      faults: NO_FAULTS,
      onFrame: (f) => {
        if (f.dir === 'down' && f.path === `/${caseName}` && f.index === 0 && droppedFirst === 0) {
          droppedFirst++;
          return 'drop';
        }
        return undefined;
      },
    });
    cleanups.push(() => proxy.close());

    const invariant = new SyncedInvariant(relayFile);
    cleanups.push(() => invariant.close());
    cleanups.push(invariant.watch(0, local.rt));
    const caseStates: DocSyncState[] = [];
    const relayHeldAtSynced: boolean[] = [];
    const relayHolds = (): boolean => {
      const doc = new Y.Doc();
      const stored = storage.log.read(caseName);
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return new CaseDoc(doc).getSeizure(seizureIds[0]!) !== null;
    };
    const token = await signInvitation(key.privateJwk, { memberId: admin!.id, workspaceId, name: admin!.name, agency: admin!.agency, role: admin!.role, expiresAt: Date.now() + 86_400_000 });
    const config: SyncConfig = { relayUrl: proxy.url, token, clock: 0, localClock: 0 };
    local.rt.store.setSetting('sync', config);
    const engine = new SyncEngine(config, {
      workspace: local.rt,
      hub: new SyncHub(),
      logger: runLogger(),
      onStatus: () => undefined,
      roundIntervalMs: 60_000,
      resyncMs: 200,
      onDocState: (name, state) => {
        invariant.onDocState(0, name, state);
        if (name !== caseName) return;
        caseStates.push(state);
        if (state === 'synced') relayHeldAtSynced.push(relayHolds());
      },
    });
    cleanups.push(() => engine.stop());

    await waitUntil(() => caseStates.includes('synced'), 'the case doc to report synced');
    expect(droppedFirst).toBe(1);
    expect(relayHolds()).toBe(true);
    expect(relayHeldAtSynced.length).toBeGreaterThan(0);
    expect(relayHeldAtSynced.every(Boolean)).toBe(true);
    expect(invariant.claims).toBeGreaterThan(0);
    expect(invariant.violations).toEqual([]);
  }, 60_000);
});
