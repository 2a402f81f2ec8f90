/**
 * Found by the end-to-end convergence property (relay-schedule.ts): once the relay has refused a
 * desktop's live link to the workspace doc, that desktop never syncs the workspace doc again
 * while the sync engine runs, even after access is granted.
 *
 * Real-world path: an admin creates an invitation while offline (the new member is written into
 * the admin's local workspace doc only) and sends it; the member joins before the admin's desktop
 * has uploaded that change, so the relay refuses the member (403 `not-a-member`, or
 * `workspace-not-set-up` for a brand-new workspace). RelayDocLink stops retrying on a refusal (by
 * design), and SyncEngine never reopens its live links: its rounds skip live docs
 * (`queue = [...names].filter((n) => !this.live.has(n))`), so once the admin has synced the rounds
 * bring every case doc but never the workspace doc, and the status stays `refused`, until the app
 * restarts. The same happens to a member who was removed and then re-admitted.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { generateWorkspaceKey } from '../../shared/auth/keys';
import { signInvitation } from '../../shared/auth/tokens';
import { hubTuning } from '../../relay/config';
import { startRelay, type RelayServer } from '../../relay/server';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { SyncHub } from '../../service/renderer-sync/sync-hub';
import { SyncEngine } from '../../service/relay-sync/sync-engine';
import { waitFor } from '../helpers/service';
import { tempDir } from '../helpers/temp-dir';
import { LocalReplica } from './local-replica';

const log = createLogger('test', 'silent');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('a live link the relay refused', () => {
  // Regression (found by the convergence property): when a round's GET /v1/changes succeeds (the
  // member has access again), the sync engine restarts live links the relay had refused.
  it('syncs the workspace doc once the member has been admitted', async () => {
    const dir = tempDir();
    const workspaceId = randomUUID();
    const key = await generateWorkspaceKey();
    const storage = SqliteRelayStorage.open(path.join(dir, 'relay.sqlite'));
    await storage.addWorkspaceKey(workspaceId, key.publicJwk);
    const settings = { host: '127.0.0.1', port: 0, dataDir: dir, maxMessageBytes: 1 << 24, idleUnloadMs: 30_000, keyCheckMs: 60_000, pingIntervalMs: 30_000, compactThreshold: 500 };
    const relay: RelayServer = await startRelay({ ...settings, ...hubTuning(settings), storage, log, now: Date.now });
    cleanup.push(() => relay.close());

    const people = [
      { id: randomUUID(), name: 'Ada Admin', agency: 'Customs', role: 'admin' as const, joinedAt: 1 },
      { id: randomUUID(), name: 'Bo Tan', agency: 'NParks', role: 'investigator' as const, joinedAt: 2 },
    ];
    const [admin, member] = people.map((p, index) => {
      const r = new LocalReplica({ index, memberId: p.id, role: p.role, dataDir: path.join(dir, `d${index}`), workspaceId, logger: log });
      cleanup.push(() => r.close(false));
      return r;
    }) as [LocalReplica, LocalReplica];
    const engine = async (r: LocalReplica, p: (typeof people)[number]): Promise<SyncEngine> => {
      const token = await signInvitation(key.privateJwk, { memberId: p.id, workspaceId, name: p.name, agency: p.agency, role: p.role, expiresAt: Date.now() + 3_600_000 });
      const e = new SyncEngine({ relayUrl: relay.url, token, clock: 0, localClock: 0 }, { workspace: r.rt, hub: new SyncHub(), logger: log, onStatus: () => undefined, roundIntervalMs: 200 });
      cleanup.push(() => e.stop());
      return e;
    };

    // The admin's workspace, with the member invited while offline.
    const ws = new WorkspaceDoc(admin.rt.host.retainedDoc(workspaceDocName(workspaceId)));
    ws.init({ id: workspaceId, name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' }, people[0]!, { memberId: people[0]!.id });
    ws.upsertMember(people[1]!, { memberId: people[0]!.id });

    // The member joins first: refused.
    const memberEngine = await engine(member, people[1]!);
    await waitFor(() => memberEngine.status().live[workspaceDocName(workspaceId)] === 'refused', 10_000, 'the member refused');

    // The admin comes online and uploads the workspace doc.
    await engine(admin, people[0]!);
    await waitFor(async () => {
      const stored = await storage.read(workspaceDocName(workspaceId));
      const d = new Y.Doc();
      for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(d, u);
      return new WorkspaceDoc(d).getMember(people[1]!.id) !== null;
    }, 10_000, 'the workspace doc on the relay');

    // The member's rounds now succeed; its workspace doc should follow.
    await memberEngine.syncNow();
    await waitFor(() => member.rt.workspaceDoc().isInitialised(), 3000, "the member's workspace doc"); // fails today
    expect(member.rt.workspaceDoc().readSettings().name).toBe('Task Force Alpha');
  }, 30_000);
});
