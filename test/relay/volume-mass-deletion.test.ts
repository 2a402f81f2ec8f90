/**
 * The mass-deletion rule per volume doc (issue 11 item 4, through the real relay process with
 * stock y-websocket clients): an undo of a 5,000-row import in one volume (`VolumeDoc.liveOfBatch`
 * + `markDeleted`, as service/import/undo-import.ts does it) is judged by the same rule as in a
 * case doc (shared/permissions/deletion-rules.ts, per member and doc): refused (4409) and held for
 * an admin when the member is not one, the relay's copy left whole; stored when an admin does it.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { volumeDocName } from '../../shared/docs/names';
import { VOLUME_SIZE, VolumeDoc } from '../../shared/docs/volume-doc';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { newSeizureFields } from '../../shared/domain/seizure';
import { CLOSE } from '../../shared/protocol/relay';
import type { HeldDeletion } from '../../relay/held-deletions';
import { connect, httpGet, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, waitFor, type RelayProcess, type TestClient, type TestWorkspace } from './helpers';

let relay: RelayProcess;
let ws: TestWorkspace;
const lead = member('investigator', 'Kenya Wildlife Service');
const open: TestClient[] = [];

beforeAll(async () => {
  relay = await spawnRelay();
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  open.push(await setUpWorkspaceDoc(relay.url, ws, [lead]));
}, 120_000); // starting the relay process takes ~30 s on a loaded 2-core machine
afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
});

const live = (doc: Y.Doc): number => new VolumeDoc(doc).listSeizures().length;

describe('mass deletion in a volume doc', () => {
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
    expect(held.held).toEqual([expect.objectContaining({ doc: name, memberId: lead.id, records: VOLUME_SIZE })]);
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
