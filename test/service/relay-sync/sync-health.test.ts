/**
 * Sync health against a real relay (issue 9 item 6), through the chaos proxy: edits made while
 * the relay is unreachable wait (no acknowledgement, no warning: offline is expected); once the
 * relay is up, "sync now" brings the proof (an acknowledgement time, nothing waiting); with the
 * relay stopped, waiting grows; when the relay is back but the proxy loses every frame of the
 * case doc, the wait passes the threshold (injected clock) while the relay is reachable and the
 * warning is set; once frames flow again, "sync now" repairs it. The links' own periodic resync
 * is set to a minute, so only "sync now" can have repaired anything.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../../../shared/auth/keys';
import { signInvitation } from '../../../shared/auth/tokens';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { RelayServer } from '../../../relay/server';
import { SqliteRelayStorage } from '../../../relay/storage/sqlite-relay-storage';
import { SyncHub } from '../../../service/renderer-sync/sync-hub';
import { UNACKED_WARNING_MS } from '../../../service/relay-sync/doc-health';
import { SyncEngine, type SyncConfig, type WorkspaceSyncStatus } from '../../../service/relay-sync/sync-engine';
import { ChaosProxy, NO_FAULTS } from '../../sync/chaos-proxy';
import { Registry } from '../../sync/edits';
import { LocalReplica } from '../../sync/local-replica';
import { defaultTmpRoot, foundWorkspace, newMembers, runLogger, startTestRelay, waitUntil } from '../../sync/schedule-support';
import { freePort } from '../../helpers/free-port';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('sync health through a real relay', () => {
  it('waits offline, is acknowledged after "sync now", warns when unacknowledged while reachable, and "sync now" repairs a lost frame', async () => {
    const dir = fs.mkdtempSync(path.join(defaultTmpRoot(), 'nest-health-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const workspaceId = randomUUID();
    const relayFile = path.join(dir, 'relay', 'relay.sqlite');
    const key = await generateWorkspaceKey();
    const port = await freePort();
    let relay: RelayServer | null = null;
    const startTheRelay = async (): Promise<void> => {
      const storage = SqliteRelayStorage.open(relayFile);
      if (!relay) await storage.addWorkspaceKey(workspaceId, key.publicJwk, 'health test');
      relay = await startTestRelay(storage, port);
    };
    const stopTheRelay = async (): Promise<void> => {
      await relay?.close();
    };
    cleanups.push(stopTheRelay);

    // The proxy loses every frame of the case doc while `blackhole` is set.
    let blackhole = false;
    let caseName = '';
    let lost = 0;
    const proxy = await ChaosProxy.start({
      target: `ws://127.0.0.1:${port}`,
      seed: 9,
      faults: NO_FAULTS,
      onFrame: (f) => {
        if (!blackhole || f.path !== `/${caseName}`) return undefined;
        lost++;
        return 'drop';
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
    const addSeizure = (place: string): void => {
      new CaseDoc(caseDoc).addSeizure(randomUUID(), { ...newSeizureFields('2026-03-01'), country: 'SG', commodity: 'pangolin scales', place }, { memberId: admin!.id, now: () => Date.now() });
    };
    const relayHolds = (place: string): boolean => {
      const doc = new Y.Doc();
      const stored = SqliteRelayStorage.open(relayFile);
      try {
        const s = stored.log.read(caseName);
        if (s.snapshot) Y.applyUpdate(doc, s.snapshot);
        for (const u of s.updates) Y.applyUpdate(doc, u);
      } finally {
        void stored.close();
      }
      return new CaseDoc(doc).listSeizures().some((s) => s.place === place);
    };

    let now = 1_800_000_000_000;
    const statuses: WorkspaceSyncStatus[] = [];
    const token = await signInvitation(key.privateJwk, { memberId: admin!.id, workspaceId, name: admin!.name, agency: admin!.agency, role: admin!.role, expiresAt: Date.now() + 86_400_000 });
    const config: SyncConfig = { relayUrl: proxy.url, token, clock: 0, localClock: 0 };
    local.rt.store.setSetting('sync', config);
    const engine = new SyncEngine(config, {
      workspace: local.rt,
      hub: new SyncHub(),
      logger: runLogger(),
      onStatus: (s) => statuses.push(s),
      roundIntervalMs: 600_000,
      docTimeoutMs: 60_000,
      resyncMs: 60_000,
      now: () => now,
    });
    cleanups.push(() => engine.stop());
    const row = () => engine.status().health.find((r) => r.doc === caseName);

    // 1. Offline: the founding edits and a new one wait; nothing acknowledged; no warning.
    await engine.syncNow();
    expect(engine.status().state).toBe('offline');
    addSeizure('Tuas');
    expect(row()).toMatchObject({ kind: 'case', lastAckAt: null, warning: false });
    expect(row()!.waiting.updates).toBeGreaterThanOrEqual(2); // the earlier session's edits count as one, plus this one
    expect(row()!.waiting.bytes).toBeGreaterThan(0);
    expect(row()!.caseNumber).toMatch(/^TFA-2026-/);
    now += UNACKED_WARNING_MS * 2;
    expect(row()!.warning).toBe(false); // offline: expected, the status says so already

    // 2. The relay is up: "sync now" resolves only on the relay's proof; then nothing waits.
    await startTheRelay();
    now += 1_000;
    const first = await engine.syncNowAndConfirm(caseName);
    expect(first).toEqual({ docs: 1, acked: 1, lastAckAt: now });
    expect(relayHolds('Tuas')).toBe(true);
    expect(row()).toMatchObject({ lastAckAt: now, waiting: { updates: 0, bytes: 0, since: null }, warning: false });
    await waitUntil(() => statuses.some((s) => s.health.some((r) => r.doc === caseName && r.lastAckAt === now)), 'a status event with the acknowledgement');

    // 3. The relay stops; edits wait and their count grows.
    await stopTheRelay();
    now += 1_000;
    const editedAt = now;
    addSeizure('Jurong');
    addSeizure('Changi');
    expect(row()!.waiting).toMatchObject({ updates: 2, since: editedAt });
    await engine.syncNow();
    expect(engine.status().state).toBe('offline');
    now += UNACKED_WARNING_MS;
    expect(row()!.warning).toBe(false);

    // 4. The relay is back, but every frame of the case doc is lost: reachable, unacknowledged, overdue.
    blackhole = true;
    await startTheRelay();
    void engine.syncNow(); // a round: its link to the case doc hears nothing
    await waitUntil(() => engine.status().state === 'syncing' && row()!.state === 'syncing', 'the case doc linked through the lossy proxy');
    expect(row()!.warning).toBe(true); // waited UNACKED_WARNING_MS since editedAt while reachable
    expect(row()!.waiting.updates).toBe(2);
    await waitUntil(() => lost > 0, 'a lost frame');
    expect(relayHolds('Jurong')).toBe(false);

    // 5. Frames flow again: "sync now" re-exchanges state, the relay gets what it lacked, and proves it.
    blackhole = false;
    now += 1_000;
    const repaired = await engine.syncNowAndConfirm(caseName);
    expect(repaired).toEqual({ docs: 1, acked: 1, lastAckAt: now });
    expect(relayHolds('Jurong') && relayHolds('Changi')).toBe(true);
    expect(row()).toMatchObject({ waiting: { updates: 0, bytes: 0, since: null }, warning: false, lastAckAt: now });
  }, 90_000);
});
