/**
 * Pack-signing keys for members who do not hold the workspace key (a prosecutor): the member's
 * desktop publishes its key in the member's registry doc; the key holder's desktop certifies it in
 * the workspace doc; the member's desktop then exports a pack that verifies under the workspace
 * key and names the prosecutor. Two real data services, the prosecutor joined with a real
 * invitation; the docs travel between them as the relay would carry them (whole states, merged).
 */
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../shared/auth/keys';
import { newCaseFields } from '../../../shared/domain/case';
import { publishedSigningKeys, readCertificate } from '../../../shared/docs/member-keys';
import { registryDocName, workspaceDocName } from '../../../shared/docs/names';
import { verifyMemberCertificate } from '../../../shared/packs/signature';
import { createCase } from '../../../service/cases/create-case';
import { exportCasePack } from '../../../service/packs/export-pack';
import { workspaceKey } from '../../../service/relay-sync/workspace-key';
import type { WorkspaceRuntime } from '../../../service/workspace/workspace-runtime';
import { verifyPack } from '../../../node/packs/pack-verifier';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

/** Carries doc `name` from `from` to `to` as the relay would (whole state; Yjs merges). */
function carry(from: WorkspaceRuntime, to: WorkspaceRuntime, name: string): void {
  const update = from.host.with(name, (doc) => Y.encodeStateAsUpdate(doc));
  to.host.with(name, (doc) => Y.applyUpdate(doc, update, 'relay'));
}

/** An admin's desktop with a workspace, its key, and an invitation for `role`; the joined member's desktop. */
async function twoDesktops(role: 'prosecutor' | 'observer'): Promise<{ a: WorkspaceRuntime; b: WorkspaceRuntime; memberId: string; wsId: string }> {
  const ha = startService();
  open.push(ha);
  const ca = ha.client();
  await ca.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
  const ws = await ca.call('workspaces.create', { name: 'NEST Amman 2026', casePrefix: 'JONEST', reportingCurrency: 'USD' });
  // No relay runs here: the address only goes into the invitation; the sync engines stay offline.
  await ca.call('sync.connect', { workspaceId: ws.id, relayUrl: 'ws://127.0.0.1:9' });
  const inv = await ca.call('invitations.create', { workspaceId: ws.id, name: 'Dina Haddad', agency: 'Public Prosecution Service', role, validDays: 30 });
  const hb = startService();
  open.push(hb);
  const cb = hb.client();
  await cb.call('identity.create', { name: 'Dina Haddad', agency: 'Public Prosecution Service', role });
  await cb.call('workspaces.join', { invitation: inv.invitation });
  const a = ha.service.workspace(ws.id);
  const b = hb.service.workspace(ws.id);
  carry(a, b, workspaceDocName(ws.id));
  return { a, b, memberId: inv.memberId, wsId: ws.id };
}

describe('member certificates', () => {
  it('a prosecutor’s key is published, certified by the key holder, and signs a pack that verifies', async () => {
    const { a, b, memberId, wsId } = await twoDesktops('prosecutor');
    const caseMeta = createCase(a, { ...newCaseFields('2026-12-01'), title: 'Pangolin scales via Aqaba', tlp: 'AMBER' });
    carry(a, b, a.caseDocName(caseMeta.id));
    carry(a, b, workspaceDocName(wsId));

    // Opening the workspace publishes nothing; the first export publishes the key, says what is
    // going on and writes no pack.
    const reg = registryDocName(wsId, memberId);
    expect(b.host.exists(reg)).toBe(false);
    const dir = tempDir('nest-pros-pack-');
    await expect(exportCasePack(b, { caseId: caseMeta.id, outFile: path.join(dir, 'early.zip'), appVersion: '0.1.0', now: Date.now() })).rejects.toThrow(/Your signing key is not yet vouched for by the workspace/);
    const [published] = b.host.with(reg, (doc) => publishedSigningKeys(doc));
    expect(published).toBeDefined();

    // The registry doc reaches the admin; the admin's desktop certifies; the workspace doc comes back.
    carry(b, a, reg);
    await a.packKeys!.settled();
    const record = a.host.with(workspaceDocName(wsId), (doc) => readCertificate(doc, memberId));
    const wsPublic = publicJwkOf(await workspaceKey(a));
    expect(await verifyMemberCertificate(record!.certificate, wsPublic)).toMatchObject({ workspaceId: wsId, memberId, name: 'Dina Haddad', role: 'prosecutor', memberKey: published!.jwk });
    carry(a, b, workspaceDocName(wsId));

    const out = path.join(dir, 'pack.zip');
    await exportCasePack(b, { caseId: caseMeta.id, outFile: out, appVersion: '0.1.0', now: Date.now() });
    const report = await verifyPack(out, wsPublic);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signer).toMatchObject({ memberId, name: 'Dina Haddad', agency: 'Public Prosecution Service', role: 'prosecutor' });

    // A rename re-issues the certificate; the old one no longer signs a pack.
    a.workspaceDoc().upsertMember({ id: memberId, name: 'Dina Al-Haddad', agency: 'Public Prosecution Service', role: 'prosecutor', joinedAt: 1 }, { memberId: 'admin' });
    await a.packKeys!.settled();
    const renamed = a.host.with(workspaceDocName(wsId), (doc) => readCertificate(doc, memberId))!;
    expect((await verifyMemberCertificate(renamed.certificate, wsPublic)).name).toBe('Dina Al-Haddad');
  });

  it('certifies only a key from a member’s own registry doc; an observer publishes none', async () => {
    const { a, b, memberId, wsId } = await twoDesktops('observer');
    const caseMeta = createCase(a, { ...newCaseFields('2026-12-01'), title: 'Shared with the NGO' });
    carry(a, b, a.caseDocName(caseMeta.id));
    await expect(exportCasePack(b, { caseId: caseMeta.id, outFile: path.join(tempDir('nest-obs-'), 'x.zip'), appVersion: '0.1.0', now: Date.now() })).rejects.toThrow(/not yet vouched/);
    expect(b.host.exists(registryDocName(wsId, memberId))).toBe(false);
    // A key put in a registry doc of someone who is not a member certifies nobody.
    const stranger = registryDocName(wsId, 'not-a-member');
    a.host.with(stranger, (doc) => doc.getMap('signingKeys').set('x'.repeat(43), { jwk: { kty: 'OKP', crv: 'Ed25519', x: 'x'.repeat(43) }, at: 1 }));
    await a.packKeys!.settled();
    expect(a.host.with(workspaceDocName(wsId), (doc) => doc.getMap('memberCertificates').size)).toBe(0);
  });

  it('the founding admin of a workspace never connected to a relay signs a pack that verifies (tester F-PACK-7)', async () => {
    const h = startService();
    open.push(h);
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'Local only', casePrefix: 'LOC', reportingCurrency: 'USD' });
    const a = h.service.workspace(ws.id);
    expect(a.store.getSetting('sync', null)).toBeNull();
    const caseMeta = createCase(a, { ...newCaseFields('2026-12-01'), title: 'Red case: ivory via Mombasa', tlp: 'RED' });
    const out = path.join(tempDir('nest-founder-'), 'pack.zip');
    await exportCasePack(a, { caseId: caseMeta.id, outFile: out, appVersion: '0.1.0', now: Date.now(), handlingConfirmed: true });
    // The key made for the pack is the one "Connect to relay" later uses (one stored key).
    const wsPublic = publicJwkOf(await workspaceKey(a));
    const report = await verifyPack(out, wsPublic);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signer).toMatchObject({ name: 'Ada Lim', role: 'admin' });
  });
});
