/**
 * Where the window's bulk seizure edits go (renderer/src/case/seizure-writes.ts): ids all on the
 * replica's case doc are written there; a selection with a seizure held in a volume doc goes to
 * the data service whole, which writes each doc and audits in the case doc. Run against a real
 * data service; the replica is a Yjs copy of the case doc as a window holds it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { deleteSeizures, onReplica, updateSeizures } from '../../../renderer/src/case/seizure-writes';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('seizure writes from a window', () => {
  it('writes replica seizures on the replica and sends a selection with a volume seizure to the service', async () => {
    h = startService();
    const client = h.client();
    const me = await client.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
    const ws = await client.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await client.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Register' } });
    const rt = h.service.workspace(ws.id);
    const writer = { memberId: me.memberId };
    const base = { ...newSeizureFields('2019-04-08'), country: 'SG', place: 'Jurong', sector: 'wildlife' as const };
    const [a, b, v] = [randomUUID(), randomUUID(), randomUUID()];
    rt.host.with(k.docName, (doc) => {
      const cd = new CaseDoc(doc);
      cd.addSeizure(a, { ...base, commodity: 'ivory' }, writer);
      cd.addSeizure(b, { ...base, commodity: 'scales' }, writer);
      listVolumesIn(doc, [1], writer);
    });
    rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).insertSeizures([{ id: v, fields: { ...base, commodity: 'horn' } }], writer));
    // The window's replica: a copy of the case doc (no volumes).
    const replica = new Y.Doc();
    Y.applyUpdate(replica, rt.host.with(k.docName, (doc) => Y.encodeStateAsUpdate(doc)));
    const to = { caseDoc: new CaseDoc(replica), writer, client, workspaceId: ws.id };

    expect(onReplica(to.caseDoc, [a, b])).toBe(true);
    expect(onReplica(to.caseDoc, [a, v])).toBe(false);
    // On the replica only: the service's doc does not see it until the window syncs.
    expect(await updateSeizures(to, [a], { operation: 'Op Replica' })).toEqual([a]);
    expect(to.caseDoc.getSeizure(a)?.operation).toBe('Op Replica');
    expect(rt.host.with(k.docName, (doc) => new CaseDoc(doc).getSeizure(a)?.operation)).toBe('');

    // A mix with a volume seizure: through the service, written where each lives.
    expect((await updateSeizures(to, [b, v], { operation: 'Op Service' })).sort()).toEqual([b, v].sort());
    expect(rt.host.with(k.docName, (doc) => new CaseDoc(doc).getSeizure(b)?.operation)).toBe('Op Service');
    expect(rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).getSeizure(v)?.operation)).toBe('Op Service');
    expect(await deleteSeizures(to, [b, v])).toBe(2);
    expect(rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).getSeizure(v))).toBeNull();
    expect(rt.host.with(k.docName, (doc) => new CaseDoc(doc).readAudit().filter((e) => e.action === 'seizure.bulk-delete').map((e) => [...e.targets!].sort()))).toEqual([[b, v].sort()]);
  });
});
