/**
 * `seizures.add` (the seizure form's "Add" on a case whose case doc is full): the new seizure is
 * placed as an import places rows (`planPlacement`), so a case doc at 1,000 records gets a volume,
 * not a 1,001st record; its "seizure.add" entry goes to the case doc, the projection names the
 * volume, and the same validation and `case.edit` rule apply as for a case-doc add.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumes, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const base: SeizureFields = { ...newSeizureFields('2021-07-14'), country: 'NG', place: 'Lagos', sector: 'wildlife', unit: 'kg', quantity: 120 };

/** A case holding `inline` seizures in its case doc and no volume. */
async function setUp(inline: number) {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Register' } });
  const rt = h.service.workspace(ws.id);
  const w = { memberId: me.memberId };
  rt.host.with(k.docName, (doc) => new CaseDoc(doc).addSeizures(Array.from({ length: inline }, (_v, i) => ({ id: randomUUID(), fields: { ...base, commodity: `inline ${i}` } })), w));
  const add = (fields: SeizureFields, seizureId: string = randomUUID()) => c.call('seizures.add', { workspaceId: ws.id, caseId: k.id, seizureId, fields }).then((r) => ({ ...r, id: seizureId }));
  const caseDoc = <T>(f: (cd: CaseDoc) => T): T => rt.host.with(k.docName, (doc) => f(new CaseDoc(doc)));
  const projectedDoc = (id: string) => (databaseOf(rt.store).prepare('SELECT doc FROM seizures WHERE id = ?').get(id) as { doc: string } | undefined)?.doc;
  return { c, rt, me, ws, k, add, caseDoc, projectedDoc };
}

describe('seizures.add', () => {
  it('a case doc at 1,000: the new seizure opens volume 1 (listed, audited in the case doc, projected there); the next joins it', async () => {
    const s = await setUp(INLINE_SEIZURES);
    const first = await s.add({ ...base, commodity: 'pangolin scales', quantity: 7 });
    expect(first.volume).toBe(1);
    const volName = volumeDocName(s.ws.id, s.k.id, 1);
    expect(s.rt.host.with(volName, (doc) => new VolumeDoc(doc).getSeizure(first.id))).toMatchObject({ commodity: 'pangolin scales', quantity: 7, createdBy: s.me.memberId });
    expect(s.caseDoc((cd) => cd.seizureRecordCount())).toBe(INLINE_SEIZURES);
    expect(s.caseDoc((cd) => listVolumes(cd.doc))).toEqual([1]);
    expect(s.caseDoc((cd) => cd.readAudit().at(-1))).toMatchObject({ action: 'seizure.add', target: first.id, by: s.me.memberId });
    expect(s.projectedDoc(first.id)).toBe(volName);
    expect(await s.c.call('seizures.get', { workspaceId: s.ws.id, caseId: s.k.id, seizureId: first.id })).toMatchObject({ id: first.id, commodity: 'pangolin scales' });

    const second = await s.add({ ...base, commodity: 'ivory' });
    expect(second.volume).toBe(1);
    expect(s.rt.host.with(volName, (doc) => new VolumeDoc(doc).recordCount())).toBe(2);
    expect(s.caseDoc((cd) => listVolumes(cd.doc))).toEqual([1]);
    expect(s.projectedDoc(second.id)).toBe(volName);
    expect(s.rt.store.projections.getCase(s.k.id).seizureCount).toBe(INLINE_SEIZURES + 2);
  }, 60_000);

  it('a case with room: the seizure goes to the case doc, as the form always did', async () => {
    const s = await setUp(3);
    const r = await s.add({ ...base, commodity: 'rhino horn' });
    expect(r.volume).toBe(0);
    expect(s.caseDoc((cd) => cd.getSeizure(r.id))).toMatchObject({ commodity: 'rhino horn' });
    expect(s.caseDoc((cd) => [cd.seizureRecordCount(), listVolumes(cd.doc)])).toEqual([4, []]);
    expect(s.caseDoc((cd) => cd.readAudit().at(-1))).toMatchObject({ action: 'seizure.add', target: r.id });
  }, 60_000);

  it('bad fields, an id that exists and an observer are refused; nothing is written', async () => {
    const s = await setUp(INLINE_SEIZURES);
    const before = s.caseDoc((cd) => cd.readAudit().length);
    // Checked against the shared seizure schema before the handler runs, each bad field named.
    const ok = { ...base, commodity: 'ivory' };
    await expect(s.add({ ...ok, quantity: -3 })).rejects.toMatchObject({ code: 'invalid-params', issues: [expect.objectContaining({ field: 'fields.quantity' })] });
    await expect(s.add({ ...ok, latitude: 6.4 })).rejects.toMatchObject({ code: 'invalid-params' });
    const existing = s.caseDoc((cd) => cd.listSeizures()[0]!.id);
    await expect(s.add(ok, existing)).rejects.toMatchObject({ code: 'validation' });
    expect(s.caseDoc((cd) => [cd.readAudit().length, listVolumes(cd.doc)])).toEqual([before, []]);

    s.rt.store.setLocalSettings({ ...s.rt.local(), role: 'observer' });
    const me = s.rt.workspaceDoc().getMember(s.rt.local().memberId)!;
    s.rt.workspaceDoc().upsertMember({ ...me, role: 'observer' }, { memberId: me.id });
    await expect(s.add(ok)).rejects.toMatchObject({ code: 'read-only' });
    expect(s.caseDoc((cd) => cd.readAudit().length)).toBe(before);
  }, 60_000);
});
