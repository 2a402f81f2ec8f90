/**
 * `workspaceKey.get` (the Workspace key card): only the public key leaves the data service; its
 * fingerprint is the `workspaceKid` the verifier prints for a pack exported from the workspace;
 * the file it gives (`<workspace name>.pub.jwk`) makes `npm run verify` say VERIFIED (exit 0) for
 * that pack in a local-only workspace; a joined member reads the key that vouched for them (none
 * before that); and the relay's copy reads "accepted" only after a real relay authenticated this
 * desktop's token under that key.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorkspaceKey, parsePrivateJwk } from '../../../shared/auth/keys';
import { signInvitation } from '../../../shared/auth/tokens';
import { newCaseFields } from '../../../shared/domain/case';
import { registryDocName, workspaceDocName } from '../../../shared/docs/names';
import { workspacePublicKeySchema } from '../../../shared/rpc/workspace-key';
import { hubTuning } from '../../../relay/config';
import { startRelay } from '../../../relay/server';
import { SqliteRelayStorage } from '../../../relay/storage/sqlite-relay-storage';
import { createCase } from '../../../service/cases/create-case';
import { exportCasePack } from '../../../service/packs/export-pack';
import { recordRelayAcceptedKey, relayKeyCheck } from '../../../service/relay-sync/relay-key-check';
import type { WorkspaceRuntime } from '../../../service/workspace/workspace-runtime';
import { verifyPack } from '../../../node/packs/pack-verifier';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';
import { runLogger } from '../../sync/schedule-support';
import { freePort } from '../../helpers/free-port';

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function service(): Harness {
  const h = startService();
  cleanups.push(() => h.close());
  return h;
}

/** Carries doc `name` from `from` to `to` as the relay would (whole state; Yjs merges). */
function carry(from: WorkspaceRuntime, to: WorkspaceRuntime, name: string): void {
  const update = from.host.with(name, (doc) => Y.encodeStateAsUpdate(doc));
  to.host.with(name, (doc) => Y.applyUpdate(doc, update, 'relay'));
}

/** JWK members of a private key (EC/RSA/OKP): none may be in an answer. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

describe('workspaceKey.get', () => {
  it('local-only: the public key only, its fingerprint is the pack’s workspaceKid, and the saved file verifies the pack with the CLI (exit 0)', async () => {
    const h = service();
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const summary = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
    const ws = h.service.workspace(summary.id);
    expect(ws.store.getSetting('sync', null)).toBeNull();

    const before = Date.now();
    const k = (await c.call('workspaceKey.get', { workspaceId: summary.id }))!;
    expect(k).not.toBeNull();
    expect(k.source).toBe('this-desktop');
    expect(k.relay).toBeNull();
    expect(k.certifiedAt).toBeNull();
    expect(k.createdAt).toBeGreaterThanOrEqual(before);
    expect(k.createdAt).toBeLessThanOrEqual(Date.now());
    expect(k.fileName).toBe('NEST-Singapore-2026.pub.jwk');
    expect(Object.keys(k.publicJwk).sort()).toEqual(['crv', 'kty', 'x']);
    expect(JSON.parse(k.fileContent)).toEqual(k.publicJwk);

    // The private key is in this workspace's database, and nowhere in the answer.
    const secret = parsePrivateJwk(ws.store.getSetting('workspaceKey', null));
    expect(secret.x).toBe(k.publicJwk.x);
    const wire = JSON.stringify(k);
    expect(wire).not.toContain(secret.d);
    for (const m of PRIVATE_MEMBERS) {
      expect(k.publicJwk).not.toHaveProperty(m);
      expect(JSON.parse(k.fileContent)).not.toHaveProperty(m);
    }
    // The answer's schema refuses a private member outright (the handler parses its answer with it).
    expect(workspacePublicKeySchema.safeParse({ ...k, publicJwk: { ...k.publicJwk, d: secret.d } }).success).toBe(false);

    // Asking again makes no new key and keeps its creation time.
    const again = (await c.call('workspaceKey.get', { workspaceId: summary.id }))!;
    expect(again.kid).toBe(k.kid);
    expect(again.createdAt).toBe(k.createdAt);

    // A pack exported from this workspace names the same key id.
    const meta = createCase(ws, { ...newCaseFields('2026-12-01'), title: 'Ivory via Mombasa' });
    const dir = tempDir('nest-wskey-');
    const pack = path.join(dir, 'SGNEST-pack.zip');
    await exportCasePack(ws, { caseId: meta.id, outFile: pack, appVersion: '0.1.0', now: Date.now(), handlingConfirmed: true });
    const report = await verifyPack(pack);
    expect(report.intact).toBe(true);
    expect(report.workspaceKid).toBe(k.kid);
    // The in-app verifier trusts the same key.
    const inApp = await h.mainClient().call('packs.verifyFile', { workspaceId: summary.id, path: pack });
    expect(inApp.ok).toBe(true);
    expect(inApp.workspaceKid).toBe(k.kid);

    // The file the card saves, given to the CLI as a court would.
    const keyFile = path.join(dir, k.fileName);
    fs.writeFileSync(keyFile, k.fileContent);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'service/entries/verify-cli.ts'), pack, '--workspace-key', keyFile], { cwd: root, encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^VERIFIED: SGNEST-pack\.zip is complete and unaltered \(\d+ files in the pack \([\d,]+ bytes\); \d+ files \([\d,]+ bytes uncompressed\) covered by the signed manifest\)/);
    expect(cli.stdout).toContain(`signed by Ada Lim (NEST Secretariat), whose key the workspace key ${k.kid} vouches for.`);
  }, 120_000); // the CLI child process starts tsx: ~10 s on a loaded 2-core machine

  it('a joined member has no key until it vouched for them, then reads that key (source certificate), never the private one', async () => {
    const ha = service();
    const ca = ha.client();
    await ca.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const summary = await ca.call('workspaces.create', { name: 'NEST Amman 2026', casePrefix: 'JONEST', reportingCurrency: 'USD' });
    // No relay runs here: the address only goes into the invitation; the sync engines stay offline.
    await ca.call('sync.connect', { workspaceId: summary.id, relayUrl: 'ws://127.0.0.1:9' });
    const inv = await ca.call('invitations.create', { workspaceId: summary.id, name: 'Dina Haddad', agency: 'Public Prosecution Service', role: 'prosecutor', validDays: 30 });
    const hb = service();
    const cb = hb.client();
    await cb.call('identity.create', { name: 'Dina Haddad', agency: 'Public Prosecution Service', role: 'prosecutor' });
    await cb.call('workspaces.join', { invitation: inv.invitation });
    const a = ha.service.workspace(summary.id);
    const b = hb.service.workspace(summary.id);
    const wsDoc = workspaceDocName(summary.id);
    carry(a, b, wsDoc);

    const held = (await ca.call('workspaceKey.get', { workspaceId: summary.id }))!;
    expect(held.source).toBe('this-desktop');
    expect(held.relay).toEqual({ state: 'unconfirmed' }); // the relay never answered
    expect(await cb.call('workspaceKey.get', { workspaceId: summary.id })).toBeNull();

    // The member's first export publishes their signing key; the holder certifies it.
    const meta = createCase(a, { ...newCaseFields('2026-12-01'), title: 'Pangolin scales via Aqaba' });
    carry(a, b, a.caseDocName(meta.id));
    await expect(exportCasePack(b, { caseId: meta.id, outFile: path.join(tempDir('nest-wskey-b-'), 'x.zip'), appVersion: '0.1.0', now: Date.now() })).rejects.toThrow(/not yet vouched/);
    carry(b, a, registryDocName(summary.id, inv.memberId));
    await a.packKeys!.settled();
    carry(a, b, wsDoc);

    const got = (await cb.call('workspaceKey.get', { workspaceId: summary.id }))!;
    expect(got.source).toBe('certificate');
    expect(got.kid).toBe(held.kid);
    expect(got.publicJwk).toEqual(held.publicJwk);
    expect(got.certifiedAt).toBeGreaterThan(0);
    expect(got.createdAt).toBeNull(); // made on Ada's desktop: not known here
    expect(got.fileName).toBe('NEST-Amman-2026.pub.jwk');
    expect(got.relay).toEqual({ state: 'unconfirmed' });
    expect(b.store.getSetting('workspaceKey', null)).toBeNull(); // nothing was made on the member's desktop
  });

  it('the relay’s copy reads "accepted" once a real relay authenticated this desktop’s token under the key', async () => {
    const h = service();
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const summary = await c.call('workspaces.create', { name: 'NEST Nairobi', casePrefix: 'KENEST', reportingCurrency: 'USD' });
    const k = (await c.call('workspaceKey.get', { workspaceId: summary.id }))!;

    const dir = tempDir('nest-wskey-relay-');
    const port = await freePort();
    const settings = { host: '127.0.0.1', port, dataDir: '', maxMessageBytes: 16 * 1024 * 1024, idleUnloadMs: 60_000, keyCheckMs: 3_600_000, pingIntervalMs: 3_600_000, compactThreshold: 500 };
    const storage = SqliteRelayStorage.open(path.join(dir, 'relay.sqlite'));
    // The operator registers the key the card shows.
    await storage.addWorkspaceKey(summary.id, k.publicJwk, 'NEST Nairobi');
    const relay = await startRelay({ ...settings, ...hubTuning(settings), storage, log: runLogger(), now: Date.now });
    cleanups.push(() => relay.close());

    const before = Date.now();
    await c.call('sync.connect', { workspaceId: summary.id, relayUrl: `ws://127.0.0.1:${port}` });
    const accepted = await waitFor(async () => {
      const r = await c.call('workspaceKey.get', { workspaceId: summary.id });
      return r?.relay?.state === 'accepted' ? r.relay : null;
    }, 20_000, 'the relay to accept the token');
    expect(accepted!.at).toBeGreaterThanOrEqual(before);
    await c.call('sync.disconnect', { workspaceId: summary.id });
  }, 60_000);

  it('says "other-key" when this desktop signs in under another key, and records nothing for a token naming no key', async () => {
    const h = service();
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const summary = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const ws = h.service.workspace(summary.id);
    const k = (await c.call('workspaceKey.get', { workspaceId: summary.id }))!;
    const other = await generateWorkspaceKey();
    const token = await signInvitation(other.privateJwk, { memberId: ws.local().memberId, workspaceId: ws.id, name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin', expiresAt: Date.now() + 86_400_000 });
    ws.store.setSetting('sync', { relayUrl: 'ws://127.0.0.1:9', token, clock: 0, localClock: 0 });
    recordRelayAcceptedKey(ws, token, 1_000);
    expect(relayKeyCheck(ws, k.kid)).toEqual({ state: 'other-key', kid: other.kid });
    expect(relayKeyCheck(ws, other.kid)).toEqual({ state: 'accepted', at: 1_000 });
    recordRelayAcceptedKey(ws, 'not-a-token', 2_000);
    expect(relayKeyCheck(ws, other.kid)).toEqual({ state: 'accepted', at: 1_000 });
  });
});
