/**
 * Issue 10 through the real relay process with stock y-websocket clients: the erase attack
 * leaves a complete provenance log that an admin restores the case from (as a new change); the
 * deletion rules refuse audit deletions and record removals (4409) and a mass deletion raises an
 * alert for the admins; the history endpoints are for admins only.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fromBase64 } from 'lib0/buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../node/store/sqlite';
import { CaseDoc } from '../../shared/docs/case-doc';
import { caseDocName } from '../../shared/docs/names';
import { DocRestorer } from '../../shared/docs/restore';
import { CASE_DOC_ROOTS } from '../../shared/docs/root-types';
import { newSeizureFields } from '../../shared/domain/seizure';
import { MASS_DELETION_THRESHOLD } from '../../shared/permissions';
import { alertsResponseSchema, CLOSE, historyPageSchema, historyStateSchema, historyUrl, type ProvenanceEntry } from '../../shared/protocol/relay';
import { connect, httpGet, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, waitFor, type RelayProcess, type TestClient, type TestWorkspace } from './helpers';

let relay: RelayProcess;
let ws: TestWorkspace;
const lead = member('investigator', 'Kenya Wildlife Service');
const open: TestClient[] = [];

beforeAll(async () => {
  relay = await spawnRelay({ args: ['--idle-unload-s', '1'] });
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  open.push(await setUpWorkspaceDoc(relay.url, ws, [lead]));
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
});

const fields = (place: string) => ({ ...newSeizureFields('2026-03-01'), country: 'KE', commodity: 'Ivory', place });

/** A case doc written by `lead` with `n` seizures and a summary, synced; returns its client. */
async function caseWith(n: number): Promise<{ name: string; c: TestClient; ids: string[] }> {
  const caseId = randomUUID();
  const name = caseDocName(ws.id, caseId);
  const c = connect(relay.url, name, await ws.token(lead));
  open.push(c);
  await c.synced;
  const view = new CaseDoc(c.doc);
  const w = { memberId: lead.id };
  view.init(caseId, 'NEST-2026-0042', { title: 'Mombasa ivory', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['KE'], leadAgency: 'KWS', openedOn: '2026-03-01' } as never, w);
  view.setSummary('Container MSKU 123 held at Kilindini; 40 kg of tusks.', w);
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const [i, id] of ids.entries()) view.addSeizure(id, fields(`Berth ${i}`), w);
  await readBack(relay.url, name, await ws.token(lead), (d) => new CaseDoc(d).seizureCount() === n);
  return { name, c, ids };
}

async function history(name: string): Promise<ProvenanceEntry[]> {
  const url = historyUrl('', { doc: name, after: 0, limit: 500 });
  const res = await httpGet(relay, url, await ws.token(ws.admin));
  expect(res.status).toBe(200);
  return historyPageSchema.parse(res.body).entries;
}

function relayRows(sql: string, ...args: unknown[]): number {
  const db = openDatabase(path.join(relay.dataDir, 'relay.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...args) as number;
  } finally {
    db.close();
  }
}

describe('the erase attack', () => {
  it('leaves the provenance log complete after compaction, and an admin restores the case as a new change', async () => {
    const { name, c, ids } = await caseWith(6);
    const before = await history(name);
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before.map((e) => e.memberId))).toEqual(new Set([lead.id]));
    const restorePoint = before[before.length - 1]!.seq;

    // The attack: every record deleted and the summary wiped with ordinary writes.
    const view = new CaseDoc(c.doc);
    for (const id of ids) view.deleteSeizure(id, { memberId: lead.id });
    view.setSummary('', { memberId: lead.id });
    await readBack(relay.url, name, await ws.token(lead), (d) => new CaseDoc(d).seizureCount() === 0 && new CaseDoc(d).readSummary() === '');
    c.destroy();
    // Idle unload compacts: no update row is left, the provenance rows all are.
    await waitFor(() => new RegExp(`"doc":"${name}","outcome":"compacted"`).test(relay.stderr()), 'the case doc to be compacted');
    expect(relayRows('SELECT COUNT(*) FROM doc_updates WHERE doc_id = ?', name)).toBe(0);
    const after = await history(name);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(relayRows('SELECT COUNT(*) FROM relay_provenance WHERE doc_id = ?', name)).toBe(after.length);

    // The admin reads the state before the attack and restores it as a new, attributed change.
    const state = await httpGet(relay, `/v1/history/state?doc=${encodeURIComponent(name)}&seq=${restorePoint}`, await ws.token(ws.admin));
    expect(state.status).toBe(200);
    const past = new Y.Doc();
    Y.applyUpdate(past, fromBase64(historyStateSchema.parse(state.body).state));
    expect(new CaseDoc(past).seizureCount()).toBe(6);
    const admin = connect(relay.url, name, await ws.token(ws.admin));
    open.push(admin);
    await admin.synced;
    const result = new DocRestorer(admin.doc, CASE_DOC_ROOTS).restoreDoc(past, restorePoint, { memberId: ws.admin.id });
    expect(result.changed).toBeGreaterThan(0);
    const back = await readBack(relay.url, name, await ws.token(lead), (d) => new CaseDoc(d).seizureCount() === 6);
    const restored = new CaseDoc(back);
    expect(restored.readSummary()).toBe('Container MSKU 123 held at Kilindini; 40 kg of tusks.');
    expect(restored.listSeizures().map((s) => s.place).sort()).toEqual(ids.map((_, i) => `Berth ${i}`).sort());
    // The erase and the restore are both in the record: who did each, and in which order.
    const audit = restored.readAudit();
    expect(audit.map((a) => a.action).slice(-7)).toEqual([...ids.map(() => 'seizure.delete'), 'history.restore']);
    expect(audit[audit.length - 1]).toMatchObject({ by: ws.admin.id, target: `seq ${restorePoint}` });
    const log = await history(name);
    expect(log[log.length - 1]!.memberId).toBe(ws.admin.id);
    expect(log.filter((e) => e.seq > restorePoint && e.memberId === lead.id).length).toBeGreaterThan(0);
  });
});

describe('deletion rules at the relay', () => {
  it('refuses deleting audit entries, even from an admin (4409), and stores none of it', async () => {
    const { name } = await caseWith(1);
    const admin = connect(relay.url, name, await ws.token(ws.admin));
    open.push(admin);
    await admin.synced;
    await waitFor(() => admin.doc.getArray('audit').length >= 2, 'the audit entries to arrive');
    const entries = admin.doc.getArray('audit').length;
    admin.doc.getArray('audit').delete(0, 1);
    await waitFor(() => admin.closeCodes.includes(CLOSE.REFUSED), 'the refusal (4409)');
    admin.destroy();
    await waitFor(() => /"reason":"append-only".*"msg":"deletion refused: connection closed"/.test(relay.stderr()), 'the refusal to be logged');
    const back = await readBack(relay.url, name, await ws.token(lead), (d) => d.getArray('audit').length === entries);
    expect(back.getArray('audit').length).toBe(entries);
  });

  it('refuses an investigator removing a whole record; the record stays', async () => {
    const { name, c, ids } = await caseWith(2);
    c.doc.getMap('seizures').delete(ids[0]!);
    await waitFor(() => c.closeCodes.includes(CLOSE.REFUSED), 'the refusal (4409)');
    // The client keeps its local data; the relay keeps the record.
    expect(c.doc.getMap('seizures').has(ids[0]!)).toBe(false);
    const back = await readBack(relay.url, name, await ws.token(ws.admin), (d) => new CaseDoc(d).seizureCount() === 2);
    expect(new CaseDoc(back).getSeizure(ids[0]!)?.place).toBe('Berth 0');
  });

  it('a mass deletion is refused and alerts the admins; below the limit deletions are stored', async () => {
    const n = MASS_DELETION_THRESHOLD + 5;
    const { name, c, ids } = await caseWith(n);
    const w = { memberId: lead.id };
    const view = new CaseDoc(c.doc);
    view.deleteSeizure(ids[0]!, w);
    await readBack(relay.url, name, await ws.token(lead), (d) => new CaseDoc(d).seizureCount() === n - 1);
    c.doc.transact(() => {
      for (const id of ids.slice(1)) view.deleteSeizure(id, w);
    });
    await waitFor(() => c.closeCodes.includes(CLOSE.REFUSED), 'the refusal (4409)');
    const back = await readBack(relay.url, name, await ws.token(ws.admin), (d) => new CaseDoc(d).seizureCount() === n - 1);
    expect(new CaseDoc(back).seizureCount()).toBe(n - 1);
    const alerts = await httpGet(relay, '/v1/alerts?after=0', await ws.token(ws.admin));
    expect(alerts.status).toBe(200);
    expect(alertsResponseSchema.parse(alerts.body).alerts).toContainEqual(expect.objectContaining({ kind: 'mass-deletion', doc: name, memberId: lead.id, records: n }));
  });
});

describe('history endpoints', () => {
  it('are for admins only, of their own workspace, with pages that chain', async () => {
    const { name } = await caseWith(3);
    expect((await httpGet(relay, historyUrl('', { doc: name }), await ws.token(lead))).status).toBe(403);
    expect((await httpGet(relay, '/v1/alerts', await ws.token(lead))).status).toBe(403);
    expect((await httpGet(relay, historyUrl('', { doc: name }))).status).toBe(401);
    expect((await httpGet(relay, '/v1/history?doc=nonsense', await ws.token(ws.admin))).status).toBe(400);
    // (The relay may merge a client's quick writes into one stored update: add a separate one.)
    const admin = connect(relay.url, name, await ws.token(ws.admin));
    open.push(admin);
    await admin.synced;
    new CaseDoc(admin.doc).setSummary('reviewed', { memberId: ws.admin.id });
    await waitFor(async () => (await history(name)).length >= 2, 'two provenance entries');
    const all = await history(name);
    const first = await httpGet(relay, historyUrl('', { doc: name, limit: 1 }), await ws.token(ws.admin));
    const page = historyPageSchema.parse(first.body);
    expect(page.entries).toEqual(all.slice(0, 1));
    expect(page.next).toBe(all[0]!.seq);
    const second = historyPageSchema.parse((await httpGet(relay, historyUrl('', { doc: name, after: page.next!, limit: 500 }), await ws.token(ws.admin))).body);
    expect(second.entries).toEqual(all.slice(1));
    expect(second.next).toBeNull();
  });
});
