/**
 * Mass deletions held for an admin's decision (issue 10), end to end through the real relay
 * process with stock y-websocket clients: a member's mass deletion is refused (4409) and held as a
 * pending request (who, which doc, how many records) that only admins can list; a rejection is
 * recorded and the member's re-sent deletion is still refused (and held again); an approval is
 * recorded and the member's re-sent deletion is then stored, with its provenance row and a
 * `mass-deletion-stored` alert. Every step is in the relay's append-only alert log.
 *
 * The same rule per volume doc (issue 11 item 4): an undo of a 5,000-row import in one volume
 * (`VolumeDoc.liveOfBatch` + `markDeleted`, as service/import/undo-import.ts does it) is refused
 * and held when the member is not an admin, the relay's copy left whole, and stored when an admin
 * does it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../shared/docs/case-doc';
import { caseDocName, volumeDocName } from '../../shared/docs/names';
import { VOLUME_SIZE, VolumeDoc } from '../../shared/docs/volume-doc';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { newSeizureFields } from '../../shared/domain/seizure';
import { MASS_DELETION_THRESHOLD } from '../../shared/permissions';
import { alertsResponseSchema, authorizationHeader, CLOSE, historyPageSchema, historyUrl, type RelayAlert } from '../../shared/protocol/relay';
import type { HeldDeletion } from '../../relay/held-deletions';
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
}, 120_000); // starting the relay process takes ~30 s on a loaded 2-core machine
afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
});

/** Live seizures of a volume doc. */
const live = (doc: Y.Doc): number => new VolumeDoc(doc).listSeizures().length;

const fields = (place: string) => ({ ...newSeizureFields('2026-03-01'), country: 'KE', commodity: 'Ivory', place });

async function post(pathAndQuery: string, token: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${relay.httpUrl}${pathAndQuery}`, { method: 'POST', headers: { authorization: authorizationHeader(token) } });
  return { status: res.status, body: await res.json() };
}

async function pending(): Promise<HeldDeletion[]> {
  const res = await httpGet(relay, '/v1/held-deletions', await ws.token(ws.admin));
  expect(res.status).toBe(200);
  return (res.body as { held: HeldDeletion[] }).held;
}

async function alerts(): Promise<RelayAlert[]> {
  return alertsResponseSchema.parse((await httpGet(relay, '/v1/alerts?after=0', await ws.token(ws.admin))).body).alerts;
}

/** `lead` writes a case with `n` seizures, deletes one (stored), then all the others at once (refused, held). */
async function massDeletion(n: number): Promise<{ name: string; local: Y.Doc }> {
  const caseId = randomUUID();
  const name = caseDocName(ws.id, caseId);
  const c = connect(relay.url, name, await ws.token(lead));
  open.push(c);
  await c.synced;
  const view = new CaseDoc(c.doc);
  const w = { memberId: lead.id };
  view.init(caseId, 'NEST-2026-0077', { title: 'Held', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['KE'], leadAgency: 'KWS', openedOn: '2026-03-01' } as never, w);
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const [i, id] of ids.entries()) view.addSeizure(id, fields(`Berth ${i}`), w);
  await readBack(relay.url, name, await ws.token(lead), (d) => new CaseDoc(d).seizureCount() === n);
  view.deleteSeizure(ids[0]!, w);
  await readBack(relay.url, name, await ws.token(lead), (d) => new CaseDoc(d).seizureCount() === n - 1);
  c.doc.transact(() => {
    for (const id of ids.slice(1)) view.deleteSeizure(id, w);
  });
  await waitFor(() => c.closeCodes.includes(CLOSE.REFUSED), 'the refusal (4409)');
  return { name, local: c.doc };
}

/** The member's client re-sends its whole local state (as the desktop does on "Sync now"); resolves with its close codes so far. */
async function resend(name: string, local: Y.Doc): Promise<TestClient> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(local));
  const c = connect(relay.url, name, await ws.token(lead), { doc });
  open.push(c);
  return c;
}

describe('held mass deletions', () => {
  it('are pending requests for admins; a rejection keeps refusing, an approval lets the re-sent deletion be stored', async () => {
    const n = MASS_DELETION_THRESHOLD + 5;
    const { name, local } = await massDeletion(n);

    // Held: admins see who, which doc, how many records; members may not list or decide.
    const held = await pending();
    expect(held).toEqual([expect.objectContaining({ doc: name, memberId: lead.id, records: n })]);
    const first = held[0]!;
    expect((await httpGet(relay, '/v1/held-deletions', await ws.token(lead))).status).toBe(403);
    expect((await post(`/v1/held-deletions/decide?id=${first.id}&decision=approve`, await ws.token(lead))).status).toBe(403);
    expect((await post(`/v1/held-deletions/decide?id=${first.id}&decision=maybe`, await ws.token(ws.admin))).status).toBe(400);
    expect((await httpGet(relay, `/v1/held-deletions/decide?id=${first.id}&decision=approve`, await ws.token(ws.admin))).status).toBe(405);

    // Rejected: recorded, no longer pending; the member's re-sent deletion is refused again (and held again).
    const rejected = await post(`/v1/held-deletions/decide?id=${first.id}&decision=reject`, await ws.token(ws.admin));
    expect(rejected).toEqual({ status: 200, body: { decided: first, decision: 'reject' } });
    expect((await post(`/v1/held-deletions/decide?id=${first.id}&decision=approve`, await ws.token(ws.admin))).status).toBe(404); // decided already
    expect(await pending()).toEqual([]);
    expect(await alerts()).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-rejected', doc: name, memberId: ws.admin.id, records: first.id }));
    const again = await resend(name, local);
    await waitFor(() => again.closeCodes.includes(CLOSE.REFUSED), 'the re-sent deletion refused after the rejection');
    const relayCopy = await readBack(relay.url, name, await ws.token(ws.admin), (d) => new CaseDoc(d).seizureCount() === n - 1);
    expect(new CaseDoc(relayCopy).seizureCount()).toBe(n - 1);
    const second = (await pending())[0]!;
    expect(second).toMatchObject({ doc: name, memberId: lead.id, records: n });
    expect(second.id).toBeGreaterThan(first.id);

    // Approved: recorded; the member's client re-sends and the deletion is stored, with its provenance.
    const provenanceBefore = historyPageSchema.parse((await httpGet(relay, historyUrl('', { doc: name, after: 0, limit: 500 }), await ws.token(ws.admin))).body).entries.length;
    expect((await post(`/v1/held-deletions/decide?id=${second.id}&decision=approve`, await ws.token(ws.admin))).status).toBe(200);
    expect(await pending()).toEqual([]);
    const approved = await resend(name, local);
    await approved.synced;
    const after = await readBack(relay.url, name, await ws.token(ws.admin), (d) => new CaseDoc(d).seizureCount() === 0);
    expect(new CaseDoc(after).seizureCount()).toBe(0);
    expect(approved.closeCodes).not.toContain(CLOSE.REFUSED);
    const log = await alerts();
    expect(log).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-approved', doc: name, memberId: ws.admin.id, records: second.id }));
    expect(log).toContainEqual(expect.objectContaining({ kind: 'mass-deletion-stored', doc: name, memberId: lead.id }));
    const entries = historyPageSchema.parse((await httpGet(relay, historyUrl('', { doc: name, after: 0, limit: 500 }), await ws.token(ws.admin))).body).entries;
    expect(entries.length).toBeGreaterThan(provenanceBefore);
    expect(entries.at(-1)!.memberId).toBe(lead.id);
  }, 90_000);

  it('holds a member’s undo of 5,000 rows in one volume for an admin, and stores an admin’s', async () => {
    const caseId = randomUUID();
    const admin = open[0]!;
    new WorkspaceDoc(admin.doc).upsertCase(
      { id: caseId, number: 'NEST-2026-0100', title: 'National register', status: 'open', sector: 'wildlife', tlp: 'AMBER', createdBy: ws.admin.id, createdAt: 1, access: { agencies: ['Kenya Wildlife Service'] } },
      { memberId: ws.admin.id },
    );
    const name = volumeDocName(ws.id, caseId, 1);
    const c = connect(relay.url, name, await ws.token(lead));
    open.push(c);
    await c.synced;
    const vol = new VolumeDoc(c.doc);
    const w = { memberId: lead.id };
    const batch = randomUUID();
    const base = { ...newSeizureFields('2019-04-08'), country: 'KE', commodity: 'Ivory', quantity: 1, unit: 'kg' as const };
    vol.insertSeizures(Array.from({ length: VOLUME_SIZE }, (_v, i) => ({ id: randomUUID(), fields: { ...base, place: `Berth ${i}` } })), w, batch);
    await readBack(relay.url, name, await ws.token(lead), (d) => live(d) === VOLUME_SIZE);

    // The member's undo: every row of the batch in this volume marked deleted in one update.
    expect(vol.markDeleted(vol.liveOfBatch(batch), w)).toHaveLength(VOLUME_SIZE);
    await waitFor(() => c.closeCodes.includes(CLOSE.REFUSED), 'the refusal (4409)');
    const held = (await httpGet(relay, '/v1/held-deletions', await ws.token(ws.admin))).body as { held: HeldDeletion[] };
    expect(held.held).toContainEqual(expect.objectContaining({ doc: name, memberId: lead.id, records: VOLUME_SIZE }));
    const relayCopy = await readBack(relay.url, name, await ws.token(ws.admin), (d) => live(d) === VOLUME_SIZE);
    expect(live(relayCopy)).toBe(VOLUME_SIZE);

    // The same undo by an admin is stored (admins are not held; the alert still records it).
    const a = connect(relay.url, name, await ws.token(ws.admin));
    open.push(a);
    await a.synced;
    await waitFor(() => live(a.doc) === VOLUME_SIZE, 'the admin’s copy of the volume');
    const byAdmin = new VolumeDoc(a.doc);
    expect(byAdmin.markDeleted(byAdmin.liveOfBatch(batch), { memberId: ws.admin.id })).toHaveLength(VOLUME_SIZE);
    const after = await readBack(relay.url, name, await ws.token(ws.admin), (d) => live(d) === 0);
    expect(live(after)).toBe(0);
    expect(a.closeCodes).not.toContain(CLOSE.REFUSED);
  }, 300_000);
});
