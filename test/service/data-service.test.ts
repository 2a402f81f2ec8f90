/**
 * The data service end to end in Node, with the renderer's own DataClient over in-memory
 * transports: first run, workspaces, cases, live doc sync between two clients, projections,
 * RPC validation, bad frames, restart and crash recovery.
 */
import { databaseOf } from '../../service/workspace/workspace-store';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newCaseFields } from '../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../shared/domain/seizure';
import { RpcError } from '../../renderer/src/data/rpc-error';
import type { DataClient } from '../../renderer/src/data/client';
import { startService, waitFor, type Harness } from '../helpers/service';
import { transportPair } from '../helpers/transport-pair';
import { FRAME, decodeFrame } from '../../shared/protocol/frames';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const ME = { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' as const };

function ivory(overrides: Partial<SeizureFields> = {}): SeizureFields {
  return { ...newSeizureFields('2019-07-21'), country: 'SG', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, commodity: 'elephant ivory', quantity: 8.8, unit: 't', ...overrides };
}

async function setup(): Promise<{ c: DataClient; workspaceId: string; caseId: string; docName: string; memberId: string }> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', ME);
  const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const created = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore', jurisdictions: ['SG'] } });
  return { c, workspaceId: ws.id, caseId: created.id, docName: created.docName, memberId: me.memberId };
}

async function expectRpcError(p: Promise<unknown>, code: string, message?: RegExp): Promise<RpcError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RpcError);
  expect((err as RpcError).code).toBe(code);
  if (message) expect((err as RpcError).message).toMatch(message);
  return err as RpcError;
}

describe('data service', () => {
  it('walks through first run: no identity, then identity, workspace and numbered cases', async () => {
    h = startService();
    const c = h.client();
    expect(await c.call('identity.get', {})).toBeNull();
    await expectRpcError(c.call('workspaces.create', { name: 'X', casePrefix: 'NEST', reportingCurrency: 'USD' }), 'no-identity');
    const me = await c.call('identity.create', ME);
    expect(me).toMatchObject(ME);
    const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
    expect(ws).toMatchObject({ name: 'Task Force Alpha', role: 'admin', demo: false, caseCount: 0 });
    const a = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-03-01'), title: 'First' } });
    const b = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-05-01'), title: 'Second', sector: 'forestry' } });
    expect([a.number, b.number]).toEqual(['NEST-2026-0001', 'NEST-2026-0002']);
    const list = await c.call('cases.list', { workspaceId: ws.id });
    expect(list.map((x) => x.title)).toEqual(['Second', 'First']);
    expect((await c.call('cases.list', { workspaceId: ws.id, sector: 'forestry' })).map((x) => x.title)).toEqual(['Second']);
    expect((await c.call('cases.list', { workspaceId: ws.id, sortBy: 'title', sortDir: 'asc' })).map((x) => x.title)).toEqual(['First', 'Second']);
    expect((await c.call('workspaces.list', {}))[0]!.caseCount).toBe(2);
  });

  it('syncs a case doc to the renderer, persists a renderer edit and projects it', async () => {
    const { c, workspaceId, caseId, docName, memberId } = await setup();
    const replica = c.openDoc(docName);
    await replica.whenSynced();
    const cd = new CaseDoc(replica.doc);
    expect(cd.readMeta().title).toBe('Ivory via Singapore');
    const sid = crypto.randomUUID();
    cd.addSeizure(sid, ivory(), { memberId });
    const row = await waitFor(async () => (await c.call('cases.get', { workspaceId, caseId })).seizureCount === 1 && (await c.call('cases.get', { workspaceId, caseId })), 5000, 'projection');
    expect(row).toMatchObject({ seizureCount: 1, mappedCount: 1, updatedBy: memberId });
    const points = await c.call('seizures.mapPoints', { workspaceId, caseId });
    expect(points).toEqual([expect.objectContaining({ id: sid, latitude: 1.274, longitude: 103.764, commodity: 'elephant ivory', quantity: 8.8, unit: 't' })]);
    const hits = await c.call('search.query', { workspaceId, text: 'ivory pasir' });
    expect(hits.map((x) => [x.kind, x.recordId])).toContainEqual(['seizure', sid]);
    const hit = hits.find((x) => x.recordId === sid)!;
    expect(hit.caseNumber).toBe('NEST-2026-0001');
    expect(hit.snippet).toContain('\u0002Pasir\u0003'); // matches marked with control characters, not brackets
    expect((await c.call('cases.list', { workspaceId, text: 'panjang' })).map((x) => x.id)).toEqual([caseId]);
    expect(await c.call('cases.list', { workspaceId, text: 'rhino' })).toEqual([]);
    // attributed in the update log
    const ws = h!.service.workspace(workspaceId);
    const members = databaseOf(ws.store).prepare('SELECT DISTINCT member_id FROM doc_updates WHERE doc_id = ?').pluck().all(docName);
    expect(members).toContain(memberId);
    replica.release();
  });

  it('shows one client’s edit to another client on the same case', async () => {
    const { c, docName, memberId } = await setup();
    const c2 = h!.client();
    const r1 = c.openDoc(docName);
    const r2 = c2.openDoc(docName);
    await Promise.all([r1.whenSynced(), r2.whenSynced()]);
    new CaseDoc(r1.doc).updateMeta({ status: 'prosecution', title: 'Ivory via Singapore (charged)' }, { memberId });
    await waitFor(() => new CaseDoc(r2.doc).readMeta().status === 'prosecution', 2000, 'edit on the second client');
    expect(new CaseDoc(r2.doc).readMeta().title).toBe('Ivory via Singapore (charged)');
    // presence travels too
    r1.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => [...r2.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'Ana'), 2000, 'presence');
  });

  it('refuses invalid RPC calls with a clear, specific error and keeps serving', async () => {
    const { c, workspaceId } = await setup();
    await expectRpcError(c.call('no.such' as 'app.info', {}), 'unknown-method', /unknown method "no.such"/);
    const e = await expectRpcError(
      c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-02-30'), title: '', jurisdictions: ['XX'] } }),
      'invalid-params',
      /cases.create: /,
    );
    expect(e.issues.map((i) => i.field).sort()).toEqual(['fields.jurisdictions.0', 'fields.openedOn', 'fields.title']);
    expect(e.issues.find((i) => i.field === 'fields.openedOn')?.message).toBe('must be a real date written YYYY-MM-DD');
    await expectRpcError(c.call('cases.list', { workspaceId: 'not-a-uuid' }), 'invalid-params', /workspaceId/);
    await expectRpcError(c.call('cases.get', { workspaceId, caseId: crypto.randomUUID() }), 'not-found');
    await expectRpcError(c.call('cases.list', { workspaceId: crypto.randomUUID() }), 'not-found', /does not exist on this machine/);
    expect((await c.call('app.info', {})).mode).toBe('browser');
  });

  it('answers a malformed frame with a protocol error event and keeps the connection', async () => {
    h = startService();
    const [a, b] = transportPair();
    h.service.connect(a);
    const got: number[] = [];
    const events: string[] = [];
    b.onmessage = (bytes) => {
      const f = decodeFrame(bytes);
      got.push(f.type);
      if (f.type === FRAME.EVENT) events.push(f.name);
    };
    b.postMessage(new Uint8Array([0xff, 0xff]));
    b.postMessage(new Uint8Array([FRAME.DOC_SYNC, 3, 0x61, 0x62, 0x63, 1, 0])); // sync for a doc that is not a doc name
    b.postMessage(new Uint8Array([FRAME.RPC_REQUEST, 1, 8, ...new TextEncoder().encode('app.info'), 2, 0x7b, 0x7d]));
    await waitFor(() => got.includes(FRAME.RPC_RESPONSE), 2000, 'rpc answer after bad frames');
    expect(events).toContain('protocol.error');
    expect(got).toContain(FRAME.DOC_STATUS);
    expect(h.service.sessionCount()).toBe(1);
  });

  it('keeps everything across a clean restart and rebuilds projections after a crash', async () => {
    const { c, workspaceId, caseId, docName, memberId } = await setup();
    const r = c.openDoc(docName);
    await r.whenSynced();
    const cd = new CaseDoc(r.doc);
    for (let i = 0; i < 20; i++) cd.addSeizure(crypto.randomUUID(), ivory({ quantity: i + 1 }), { memberId });
    await waitFor(async () => (await c.call('cases.get', { workspaceId, caseId })).seizureCount === 20, 5000, 'projection of 20');
    const dataDir = h!.dataDir;
    h!.close();
    h = startService({ dataDir });
    const c2 = h.client();
    expect((await c2.call('cases.get', { workspaceId, caseId })).seizureCount).toBe(20);
    const r2 = c2.openDoc(docName);
    await r2.whenSynced();
    expect(new CaseDoc(r2.doc).seizureCount()).toBe(20);

    // Crash: wipe a projection row behind the service's back and do not close cleanly.
    const ws = h.service.workspace(workspaceId);
    databaseOf(ws.store).prepare('DELETE FROM seizures WHERE rowid IN (SELECT rowid FROM seizures LIMIT 5)').run();
    ws.store.setSetting('projectionCleanVersion', null);
    const h2 = startService({ dataDir });
    const c3 = h2.client();
    expect((await c3.call('cases.get', { workspaceId, caseId })).seizureCount).toBe(20);
    h2.close();
  });

  it('lets a replica edit offline and merges it when it reconnects', async () => {
    const { c, docName, memberId } = await setup();
    const r = c.openDoc(docName);
    await r.whenSynced();
    // An independent replica built from the same state, edited while "disconnected".
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(r.doc));
    new CaseDoc(offline).addSeizure(crypto.randomUUID(), ivory({ place: 'Offline place' }), { memberId });
    new CaseDoc(r.doc).updateMeta({ leadAgency: 'Singapore Customs' }, { memberId });
    const c2 = h!.client();
    const r2 = c2.openDoc(docName);
    await r2.whenSynced();
    Y.applyUpdate(r2.doc, Y.encodeStateAsUpdate(offline));
    await waitFor(() => new CaseDoc(r.doc).listSeizures().some((s) => s.place === 'Offline place'), 2000, 'offline edit merged');
    expect(new CaseDoc(r2.doc).readMeta().leadAgency).toBe('Singapore Customs');
  });
});

describe('data folder', () => {
  it('is readable by its owner only, even if it existed with wider permissions', async () => {
    const fs = await import('node:fs');
    const { tempDir } = await import('../helpers/temp-dir');
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    h = startService({ dataDir: dir });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('bad doc frames from a window', () => {
  it('refuse a truncated or corrupt update outright (nothing half-applied) and cap presence floods', async () => {
    const { c, workspaceId, docName } = await setup();
    const ws = h!.service.workspace(workspaceId);
    const [a, b] = transportPair();
    h!.service.connect(a);
    const statuses: string[] = [];
    b.onmessage = (bytes) => {
      const f = decodeFrame(bytes);
      if (f.type === FRAME.DOC_STATUS && f.status.message) statuses.push(f.status.message);
    };
    const { encodeFrame } = await import('../../shared/protocol/frames');
    const enc = await import('lib0/encoding');
    const send = (type: number, doc: string, payload: Uint8Array): void => b.postMessage(encodeFrame({ type, doc, payload } as never));
    const syncMsg = (kind: number, body: Uint8Array): Uint8Array => {
      const e = enc.createEncoder();
      enc.writeVarUint(e, kind);
      enc.writeVarUint8Array(e, body);
      return enc.toUint8Array(e);
    };
    b.postMessage(encodeFrame({ type: FRAME.DOC_OPEN, doc: docName }));
    // A real update setting seizures.x = 1, then the same update cut short and with garbage inside.
    const src = new Y.Doc();
    src.getMap('seizures').set('x', 1);
    const good = Y.encodeStateAsUpdate(src);
    send(FRAME.DOC_SYNC, docName, syncMsg(2, good.slice(0, good.length - 2)));
    const corrupt = good.slice();
    corrupt[corrupt.length - 3] = 0xff;
    send(FRAME.DOC_SYNC, docName, syncMsg(2, corrupt));
    await waitFor(() => statuses.filter((m) => /corrupt update|could not be applied/.test(m)).length >= 1, 2000, 'refusals');
    ws.host.with(docName, (doc) => expect(doc.getMap('seizures').has('x')).toBe(false));
    // Presence flood: one window claiming 50 presences is refused.
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const fake = new Y.Doc();
    const aw = new Awareness(fake);
    const states = new Map<number, unknown>();
    for (let i = 1; i <= 50; i++) states.set(1000 + i, { user: { name: `ghost ${i}` } });
    for (const id of states.keys()) aw.meta.set(id, { clock: 1, lastUpdated: Date.now() });
    send(FRAME.DOC_AWARENESS, docName, encodeAwarenessUpdate(aw, [...states.keys()], states as Map<number, Record<string, unknown>>));
    await waitFor(() => statuses.some((m) => /at most 16 presences/.test(m)), 2000, 'presence flood refused');
    const r = c.openDoc(docName);
    await r.whenSynced();
    await new Promise((res) => setTimeout(res, 100));
    expect([...r.awareness.getStates().values()].filter((s) => JSON.stringify(s).includes('ghost')).length).toBe(0);
    aw.destroy();
    r.release();
  });
});

describe('a damaged workspace database', () => {
  it('is listed with a clear problem and left untouched', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    h = startService();
    const c = h.client();
    await c.call('identity.create', ME);
    const ws = await c.call('workspaces.create', { name: 'Damaged', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const dataDir = h.dataDir;
    h.close();
    const file = path.join(dataDir, 'workspaces', ws.id, 'workspace.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100); // overwrite the SQLite header
    fs.writeFileSync(file, bytes);
    for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    h = startService({ dataDir });
    const list = await h.client().call('workspaces.list', {});
    expect(list[0]!.problem).toMatch(/is damaged \(SQLITE_NOTADB\) and was left untouched/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
