/**
 * The data service checks each RPC method's declared action once at dispatch (service/rpc/authorize)
 * and opens docs with the shared doc rules: an investigator works cases but cannot manage members
 * or the relay; a revoked member only reads; a case whose access list leaves the member out can be
 * neither opened nor imported into, even though its doc is on the disk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { rpcContract } from '../../../shared/rpc/contract';
import { ALL_ACTIONS } from '../../../shared/permissions';
import { startService, waitFor, type Harness } from '../../helpers/service';
import type { DataClient } from '../../../renderer/src/data/client';
import { RpcError } from '../../../renderer/src/data/rpc-error';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

/** A workspace with one case, whose only member is then made `role` (in local settings and the workspace doc). */
async function asMember(role: 'investigator' | 'observer'): Promise<{ c: DataClient; workspaceId: string; caseId: string; docName: string }> {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'A', agency: 'Singapore Customs', role: 'investigator' });
  const created = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: created.id, fields: { ...newCaseFields('2026-11-29'), title: 'Timber' } });
  const ws = h.service.workspace(created.id);
  ws.store.setLocalSettings({ ...ws.local(), role });
  const me = ws.workspaceDoc().getMember(ws.local().memberId)!;
  ws.workspaceDoc().upsertMember({ ...me, role }, { memberId: me.id });
  return { c, workspaceId: created.id, caseId: k.id, docName: k.docName };
}

const codeOf = (p: Promise<unknown>): Promise<string | null> => p.then(() => null, (e: unknown) => (e as RpcError).code);

describe('RPC authorisation', () => {
  it('every method declares an action of the permission model (or none, outside a workspace)', () => {
    const outside = Object.entries(rpcContract).filter(([, s]) => s.action === null).map(([m]) => m);
    // basemaps.addFromPaths / basemaps.request: device-level and trusted-only (Electron main's own session).
    expect(outside.sort()).toEqual(['app.info', 'basemaps.addFromPaths', 'basemaps.request', 'identity.create', 'identity.get', 'invitations.inspect', 'workspaces.create', 'workspaces.join', 'workspaces.list', 'workspaces.openDemo']);
    for (const spec of Object.values(rpcContract)) if (spec.action !== null) expect(ALL_ACTIONS).toContain(spec.action);
    expect([rpcContract['basemaps.addFromPaths'].trustedOnly, rpcContract['basemaps.request'].trustedOnly]).toEqual([true, true]);
  });

  it('an investigator creates cases but may not invite, remove members or configure the relay', async () => {
    const { c, workspaceId } = await asMember('investigator');
    expect((await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-30'), title: 'Second' } })).title).toBe('Second');
    expect(await codeOf(c.call('invitations.create', { workspaceId, name: 'B', agency: 'Police', role: 'observer', validDays: 7 }))).toBe('forbidden');
    expect(await codeOf(c.call('members.remove', { workspaceId, memberId: 'someone' }))).toBe('forbidden');
    expect(await codeOf(c.call('sync.connect', { workspaceId, relayUrl: 'ws://127.0.0.1:1' }))).toBe('forbidden');
    expect(await codeOf(c.call('sync.registration', { workspaceId }))).toBe('forbidden');
  });

  it('an observer reads but may not create cases', async () => {
    const { c, workspaceId, caseId } = await asMember('observer');
    expect(await codeOf(c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-30'), title: 'No' } }))).toBe('read-only');
    expect((await c.call('cases.get', { workspaceId, caseId })).title).toBe('Timber');
  });

  it('a member the relay revoked keeps reading but changes nothing', async () => {
    const { c, workspaceId, caseId, docName } = await asMember('investigator');
    h!.service.workspace(workspaceId).store.setSetting('accessRevoked', 'member-removed');
    expect(await codeOf(c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-30'), title: 'No' } }))).toBe('read-only');
    expect((await c.call('cases.get', { workspaceId, caseId })).title).toBe('Timber');
    const r = c.openDoc(docName);
    await r.whenSynced();
    expect(r.status?.state).toBe('read-only');
    r.release();
  });

  it('a case whose access list leaves the member out can be neither opened nor imported into', async () => {
    const { c, workspaceId, caseId, docName } = await asMember('investigator');
    const ws = h!.service.workspace(workspaceId);
    ws.workspaceDoc().setCaseAccess(caseId, { agencies: ['Police'] }, { memberId: 'admin-elsewhere' });
    const r = c.openDoc(docName);
    const states: string[] = [];
    r.onChange(() => states.push(r.status?.state ?? 'none'));
    // The refusal is the first answer (the sync step that follows it is then answered "not open": see the report).
    await waitFor(() => states.length > 0, 5_000, 'an answer to the open');
    expect(states[0]).toBe('refused');
    expect(r.synced).toBe(false);
    r.release();
    const csv = { fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') };
    expect(await codeOf(c.call('import.commit', { workspaceId, caseId, ...csv }))).toBe('read-only');
    expect(await codeOf(c.call('export.seizuresCsv', { workspaceId, caseId }))).toBe('forbidden');
    expect(await codeOf(c.call('cases.get', { workspaceId, caseId }))).toBe('forbidden');
    // Listing the member's agency (trimmed, any case) opens it again, read-write.
    ws.workspaceDoc().setCaseAccess(caseId, { agencies: [' singapore CUSTOMS'] }, { memberId: 'admin-elsewhere' });
    const r2 = c.openDoc(docName);
    await r2.whenSynced();
    expect(r2.status?.state ?? 'writable').not.toBe('read-only');
    expect((await c.call('export.seizuresCsv', { workspaceId, caseId })).fileName).toMatch(/^NEST-2026-0001/);
    r2.release();
  });
  it('a case whose access list leaves the member out is not listed, searched or mapped either', async () => {
    const { c, workspaceId, caseId } = await asMember('investigator');
    const csv = 'date,country,commodity,quantity,unit,latitude,longitude\n2026-11-01,SG,rosewood,3,t,1.29,103.85\n';
    await c.call('import.commit', { workspaceId, caseId, fileName: 'r.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect((await c.call('cases.list', { workspaceId })).map((k) => k.id)).toEqual([caseId]);
    expect((await c.call('search.query', { workspaceId, text: 'Timber' })).map((hit) => hit.caseId)).toContain(caseId);
    expect((await c.call('seizures.mapPoints', { workspaceId })).length).toBe(1);
    h!.service.workspace(workspaceId).workspaceDoc().setCaseAccess(caseId, { agencies: ['Police'] }, { memberId: 'admin-elsewhere' });
    expect(await c.call('cases.list', { workspaceId })).toEqual([]);
    expect(await c.call('search.query', { workspaceId, text: 'Timber' })).toEqual([]);
    expect(await c.call('search.query', { workspaceId, text: 'rosewood' })).toEqual([]);
    expect(await c.call('seizures.mapPoints', { workspaceId })).toEqual([]);
  });
});
