/**
 * Every single-seizure editor of the window on a seizure held in a volume doc (G-TAB-1), as its
 * call reaches the data service (renderer/src/case/seizure-writes.ts): the seizure form (several
 * fields at once), an inline field (one), "Set on map" / "Move on map" (coordinates and precision
 * as one write), the concurrent-edit "keep" and the field-history restore (`seizures.restoreField`),
 * and the detail's delete. The case is full inline (1,000 seizures in its case doc) with the rest
 * in volume 1, so the edit cannot land in the case doc by accident. Each path is checked for the
 * stored value in the volume, the audit entry in the case doc, the field history, the projection,
 * and the same refusal rules as a case-doc seizure (validation; `case.edit` for an observer).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { fieldHistory } from '../../../shared/docs/field-history';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
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

/** A case with 1,000 seizures in its case doc and two in volume 1, all projected. */
async function setUp() {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Register' } });
  const rt = h.service.workspace(ws.id);
  const w = { memberId: me.memberId };
  const vol = [randomUUID(), randomUUID()];
  rt.host.with(k.docName, (doc) => {
    new CaseDoc(doc).addSeizures(Array.from({ length: INLINE_SEIZURES }, (_v, i) => ({ id: randomUUID(), fields: { ...base, commodity: `inline ${i}` } })), w);
    listVolumesIn(doc, [1], w);
  });
  const volName = volumeDocName(ws.id, k.id, 1);
  rt.host.with(volName, (doc) => new VolumeDoc(doc).insertSeizures([{ id: vol[0]!, fields: { ...base, commodity: 'pangolin scales' } }, { id: vol[1]!, fields: { ...base, commodity: 'ivory' } }], w));
  const ref = (seizureId: string) => ({ workspaceId: ws.id, caseId: k.id, seizureId });
  const onVolume = (id: string) => rt.host.with(volName, (doc) => new VolumeDoc(doc).getSeizure(id));
  const audit = () => rt.host.with(k.docName, (doc) => new CaseDoc(doc).readAudit());
  const projected = (id: string) => databaseOf(rt.store).prepare('SELECT place, latitude, longitude, doc FROM seizures WHERE id = ?').get(id) as { place: string; latitude: number | null; longitude: number | null; doc: string } | undefined;
  const inlineCount = () => rt.host.with(k.docName, (doc) => new CaseDoc(doc).seizureRecordCount());
  return { c, rt, me, ws, k, vol, volName, ref, onVolume, audit, projected, inlineCount };
}

describe('the window’s seizure editors on a volume seizure of a full case', () => {
  it('form, inline field, map location, restore and delete: stored in the volume, audited in the case doc, history and projection follow', async () => {
    const s = await setUp();
    const id = s.vol[0]!;
    expect(s.inlineCount()).toBe(INLINE_SEIZURES);

    // The seizure form: only the changed fields, several at once, one audit entry.
    const form = await s.c.call('seizures.update', { ...s.ref(id), patch: { place: 'Apapa port', quantity: 95, transportMode: 'sea' } });
    expect(form.changed.sort()).toEqual(['place', 'quantity', 'transportMode']);
    expect(s.onVolume(id)).toMatchObject({ place: 'Apapa port', quantity: 95, transportMode: 'sea', commodity: 'pangolin scales', updatedBy: s.me.memberId });
    expect(s.audit().at(-1)).toMatchObject({ action: 'seizure.update', target: id, by: s.me.memberId, changes: { place: { from: 'Lagos', to: 'Apapa port' }, quantity: { from: 120, to: 95 } } });

    // An inline field: one field.
    await s.c.call('seizures.update', { ...s.ref(id), patch: { commodity: 'pangolin scales (giant)' } });
    expect(s.onVolume(id)?.commodity).toBe('pangolin scales (giant)');

    // "Set on map" / "Move on map": coordinates and their precision as one write.
    const moved = await s.c.call('seizures.update', { ...s.ref(id), patch: { latitude: 6.4474, longitude: 3.3903, locationPrecision: 'exact' } });
    expect(moved.changed.sort()).toEqual(['latitude', 'locationPrecision', 'longitude']);
    expect(s.projected(id)).toEqual({ place: 'Apapa port', latitude: 6.4474, longitude: 3.3903, doc: s.volName });
    const moveEntry = s.audit().at(-1)!;
    expect(moveEntry).toMatchObject({ action: 'seizure.update', target: id, changes: { latitude: { from: null, to: 6.4474 }, longitude: { from: null, to: 3.3903 } } });

    // The field history restore (and "keep mine/theirs"): a new attributed change, old → new.
    expect(await s.c.call('seizures.restoreField', { ...s.ref(id), field: 'place', value: 'Lagos' })).toEqual({ changed: true });
    expect(s.onVolume(id)?.place).toBe('Lagos');
    // Read as the history dialog reads it: the case doc's audit, the record's creation stamps.
    const created = s.onVolume(id)!;
    expect(fieldHistory(s.audit(), id, 'place', { by: created.createdBy, at: created.createdAt }).map((v) => [v.kind, v.value, v.by])).toEqual([
      ['initial', 'Lagos', s.me.memberId],
      ['change', 'Apapa port', s.me.memberId],
      ['restore', 'Lagos', s.me.memberId],
    ]);
    // Restoring the value it already has writes nothing.
    const before = s.audit().length;
    expect(await s.c.call('seizures.restoreField', { ...s.ref(id), field: 'place', value: 'Lagos' })).toEqual({ changed: false });
    expect(s.audit()).toHaveLength(before);

    // The same validation as a case-doc seizure: half a coordinate pair, a bad restored value.
    await expect(s.c.call('seizures.update', { ...s.ref(id), patch: { latitude: null } })).rejects.toMatchObject({ code: 'validation' });
    await expect(s.c.call('seizures.restoreField', { ...s.ref(id), field: 'quantity', value: -1 })).rejects.toMatchObject({ code: 'validation' });
    expect(s.onVolume(id)).toMatchObject({ latitude: 6.4474, quantity: 95 });
    expect(s.audit()).toHaveLength(before);

    // The detail's delete: a tombstone in the volume, its summary in the case doc's audit.
    expect(await s.c.call('seizures.delete', s.ref(id))).toEqual({ deleted: 1 });
    expect(s.onVolume(id)).toBeNull();
    expect(s.audit().at(-1)).toMatchObject({ action: 'seizure.delete', target: id, summary: { commodity: 'pangolin scales (giant)' } });
    expect(s.projected(id)).toBeUndefined();
    expect(await s.c.call('seizures.get', s.ref(id))).toBeNull();
    // The case doc was never written a seizure record: still exactly the inline limit.
    expect(s.inlineCount()).toBe(INLINE_SEIZURES);
  }, 60_000);

  it('an observer may not edit, restore or delete a volume seizure; nothing is written', async () => {
    const s = await setUp();
    const id = s.vol[1]!;
    s.rt.store.setLocalSettings({ ...s.rt.local(), role: 'observer' });
    const me = s.rt.workspaceDoc().getMember(s.rt.local().memberId)!;
    s.rt.workspaceDoc().upsertMember({ ...me, role: 'observer' }, { memberId: me.id });
    const before = s.audit().length;
    await expect(s.c.call('seizures.update', { ...s.ref(id), patch: { place: 'Kano' } })).rejects.toMatchObject({ code: 'read-only' });
    await expect(s.c.call('seizures.restoreField', { ...s.ref(id), field: 'place', value: 'Kano' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(s.c.call('seizures.delete', s.ref(id))).rejects.toMatchObject({ code: 'read-only' });
    expect(s.onVolume(id)).toMatchObject({ place: 'Lagos', commodity: 'ivory' });
    expect(s.audit()).toHaveLength(before);
  }, 60_000);
});
