/**
 * Blob sync between two real data services through the real relay process, driven over RPC as
 * the renderer drives it: desktop A adds a file to a case (`files.addFromPath`), it uploads in the
 * background once the case doc synced; desktop B (a member who joined with an invitation) sees
 * the file "on the relay", marks the case "keep files offline" (`files.setKeepOffline`), and the
 * file downloads, verified, equal to `sha256sum` of the original, with `files.status` events on
 * the way.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import type { FilesStatusEvent } from '../../../shared/rpc/files';
import type { DataClient } from '../../../renderer/src/data/client';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { runCli, spawnRelay, type RelayProcess } from '../../relay/helpers';
import { randomFile } from './support';

const opts = { syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 }, blobQueue: { backoffMs: 100 } };

let relay: RelayProcess;
const harnesses: Harness[] = [];
beforeAll(async () => {
  relay = await spawnRelay();
});
afterAll(async () => {
  for (const h of harnesses) h.close();
  await relay.stop();
});

function service(): { h: Harness; c: DataClient } {
  const h = startService(opts);
  harnesses.push(h);
  return { h, c: h.client() };
}

const sha256sum = (file: string): string => execFileSync('sha256sum', [file]).toString().split(' ')[0]!;

describe('blob sync between two data services', () => {
  it('uploads A’s file in the background; B keeps the case offline and gets it verified', async () => {
    const a = service();
    await a.c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' });
    const workspaceId = (await a.c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' })).id;
    const caseId = (await a.c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-06'), title: 'Rosewood logs' } })).id;
    const connected = await a.c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', workspaceId, '--public-key', connected.publicKeyJwk]);
    await a.c.call('sync.connect', { workspaceId, relayUrl: relay.url });
    await waitFor(async () => (await a.c.call('sync.status', { workspaceId })).state === 'synced', 20_000, 'A synced');

    const src = await randomFile(2 * 1024 * 1024 + 5, 11);
    const aEvents: FilesStatusEvent[] = [];
    a.c.on('files.status', (e) => aEvents.push(e));
    const added = await a.h.mainClient().call('files.addFromPath', { workspaceId, caseId, path: src.file, name: 'logbook.bin' });
    expect(added.hash).toBe(sha256sum(src.file));
    await waitFor(async () => (await a.c.call('files.syncStatus', { workspaceId, caseId })).files[0]?.state === 'on-relay', 30_000, 'A’s file on the relay');
    expect(aEvents.some((e) => e.caseId === caseId && e.files.some((f) => f.fileId === added.id && f.state === 'on-relay'))).toBe(true);

    const inv = await a.c.call('invitations.create', { workspaceId, name: 'Bo Tan', agency: 'NParks', role: 'investigator', validDays: 30 });
    const b = service();
    await b.c.call('workspaces.join', { invitation: inv.invitation });
    const bEvents: FilesStatusEvent[] = [];
    b.c.on('files.status', (e) => bEvents.push(e));
    // B's copy of the case arrives; its file is on the relay, not here (not an image, not kept offline).
    await waitFor(async () => (await b.c.call('files.syncStatus', { workspaceId, caseId })).files[0]?.state === 'on-relay', 30_000, 'B sees the file on the relay');
    expect(await b.c.call('files.keepOffline', { workspaceId, caseId })).toEqual({ keepOffline: false });
    expect(await b.c.call('files.setKeepOffline', { workspaceId, caseId, keepOffline: true })).toEqual({ keepOffline: true });
    const done = await waitFor(async () => {
      const s = await b.c.call('files.syncStatus', { workspaceId, caseId });
      return s.files[0]?.state === 'verified' ? s : null;
    }, 30_000, 'B downloaded and verified the file');
    expect(done).toEqual({ keepOffline: true, files: [{ fileId: added.id, hash: added.hash, state: 'verified', done: src.size, total: src.size, local: true, reason: null }] });
    const bBlob = path.join(b.h.dataDir, 'workspaces');
    const found = execFileSync('find', [bBlob, '-path', `*sha256/${added.hash.slice(0, 2)}/${added.hash.slice(2)}`]).toString().trim();
    expect(found).not.toBe('');
    expect(sha256sum(found)).toBe(src.hash);
    expect(bEvents.some((e) => e.files.some((f) => f.state === 'downloading'))).toBe(true);
    // Fetching a file that is here already answers at once.
    expect(await b.c.call('files.fetch', { workspaceId, caseId, fileId: added.id })).toMatchObject({ state: 'verified', local: true });
  }, 120_000);
});
