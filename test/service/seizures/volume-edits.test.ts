/**
 * Edits of seizures that live in a volume doc (docs/architecture.md "Volume docs"), through the
 * data service's RPC as a window calls it: each id is resolved to its doc through the projection's
 * `doc` column (checked in the doc), the record is written there (validated, stamped, tombstones),
 * and the audit entry goes to the case doc, so the field history reads as for any seizure. Bulk
 * actions over ids in the case doc and a volume check every doc before writing any. Moving a
 * volume seizure to another case marks it in its volume.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { fieldHistory } from '../../../shared/docs/field-history';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const base: SeizureFields = { ...newSeizureFields('2019-04-08'), country: 'SG', place: 'Pasir Panjang', sector: 'wildlife', unit: 't', quantity: 1 };

/** A case with two seizures in its case doc and two in volume 1 (listed), all projected. */
async function setUp() {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Register' } });
  const other = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Other' } });
  const rt = h.service.workspace(ws.id);
  const w = { memberId: me.memberId };
  const inline = [randomUUID(), randomUUID()];
  const vol = [randomUUID(), randomUUID()];
  rt.host.with(k.docName, (doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizure(inline[0]!, { ...base, commodity: 'inline ivory' }, w);
    cd.addSeizure(inline[1]!, { ...base, commodity: 'inline rosewood' }, w);
    listVolumesIn(doc, [1], w);
  });
  const volName = volumeDocName(ws.id, k.id, 1);
  rt.host.with(volName, (doc) => new VolumeDoc(doc).insertSeizures([{ id: vol[0]!, fields: { ...base, commodity: 'pangolin scales', quantity: 12.9 } }, { id: vol[1]!, fields: { ...base, commodity: 'rhino horn' } }], w));
  const db = databaseOf(rt.store);
  const onCase = <T,>(fn: (cd: CaseDoc) => T): T => rt.host.with(k.docName, (doc) => fn(new CaseDoc(doc)));
  const onVolume = <T,>(fn: (v: VolumeDoc) => T): T => rt.host.with(volName, (doc) => fn(new VolumeDoc(doc)));
  const rawVolume = (id: string, key: string): unknown => rt.host.with(volName, (doc) => (doc.getMap('seizures').get(id) as { get(k: string): unknown } | undefined)?.get(key));
  const projected = (id: string) => db.prepare('SELECT commodity, quantity, doc FROM seizures WHERE id = ?').get(id) as { commodity: string; quantity: number; doc: string } | undefined;
  return { c, rt, db, w, workspaceId: ws.id, caseId: k.id, caseName: k.docName, otherId: other.id, otherName: other.docName, volName, inline, vol, onCase, onVolume, rawVolume, projected };
}

describe('seizures in volume docs: edits', () => {
  it('the projection names each seizure’s doc, and a rebuild writes the same names', async () => {
    const s = await setUp();
    expect(s.projected(s.inline[0]!)?.doc).toBe(s.caseName);
    expect(s.projected(s.vol[0]!)?.doc).toBe(s.volName);
    const before = s.db.prepare('SELECT id, doc FROM seizures ORDER BY id').all();
    s.rt.rebuildProjections();
    expect(s.db.prepare('SELECT id, doc FROM seizures ORDER BY id').all()).toEqual(before);
    expect(before).toHaveLength(4);
  });

  it('updates, restores and deletes a volume seizure where it lives, with its audit and field history in the case doc', async () => {
    const s = await setUp();
    const id = s.vol[0]!;
    const res = await s.c.call('seizures.update', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: id, patch: { quantity: 12.5, latitude: 1.26, longitude: 103.8, locationPrecision: 'exact' } });
    expect(res.changed.sort()).toEqual(['latitude', 'locationPrecision', 'longitude', 'quantity']);
    expect(s.onVolume((v) => v.getSeizure(id))).toMatchObject({ quantity: 12.5, latitude: 1.26, longitude: 103.8, updatedBy: expect.any(String) });
    // Nothing of the seizure was copied into the case doc; its audit entry was.
    expect(s.onCase((cd) => cd.getSeizureEvenDeleted(id))).toBeNull();
    const audit = s.onCase((cd) => cd.readAudit());
    expect(audit.at(-1)).toMatchObject({ action: 'seizure.update', target: id, changes: { quantity: { from: 12.9, to: 12.5 } } });
    expect(s.projected(id)).toMatchObject({ quantity: 12.5, doc: s.volName });

    const restored = await s.c.call('seizures.restoreField', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: id, field: 'quantity', value: 12.9 });
    expect(restored).toEqual({ changed: true });
    const history = fieldHistory(s.onCase((cd) => cd.readAudit()), id, 'quantity');
    expect(history.map((v) => [v.kind, v.value])).toEqual([
      ['initial', 12.9],
      ['change', 12.5],
      ['restore', 12.9],
    ]);

    // A bad value is refused naming the field (by the RPC's schema), a record the patch would make
    // inconsistent by the merged record's validation (a latitude without longitude); nothing is written.
    const bad = await s.c.call('seizures.update', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: id, patch: { latitude: 123 } }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid-params', message: expect.stringContaining('patch.latitude') });
    const half = await s.c.call('seizures.update', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: id, patch: { longitude: null } }).catch((e: unknown) => e);
    expect(half).toMatchObject({ code: 'validation' });
    expect(s.onVolume((v) => v.getSeizure(id))).toMatchObject({ latitude: 1.26, longitude: 103.8 });

    await s.c.call('seizures.delete', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: id });
    expect(s.onVolume((v) => v.getSeizure(id))).toBeNull();
    expect(s.rawVolume(id, 'deleted')).toBe(true); // a tombstone: the record is kept
    expect(s.rawVolume(id, 'commodity')).toBe('pangolin scales');
    expect(s.onCase((cd) => cd.readAudit()).at(-1)).toMatchObject({ action: 'seizure.delete', target: id, summary: { commodity: 'pangolin scales' } });
    expect(s.projected(id)).toBeUndefined();
    const again = await s.c.call('seizures.delete', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: id }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'not-found' });
  });

  it('bulk delete and set-field span the case doc and a volume; a bad id or value writes nothing', async () => {
    const s = await setUp();
    const ids = [s.inline[0]!, s.vol[0]!, s.vol[1]!];
    const auditBefore = s.onCase((cd) => cd.readAudit().length);
    const refused = await s.c.call('seizures.bulkUpdate', { workspaceId: s.workspaceId, caseId: s.caseId, seizureIds: [...ids, randomUUID()], patch: { sector: 'fisheries' } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'not-found' });
    expect(s.onVolume((v) => v.getSeizure(s.vol[0]!))?.sector).toBe('wildlife');
    expect(s.onCase((cd) => cd.readAudit().length)).toBe(auditBefore);

    const updated = await s.c.call('seizures.bulkUpdate', { workspaceId: s.workspaceId, caseId: s.caseId, seizureIds: ids, patch: { sector: 'fisheries' } });
    expect(updated.changed.sort()).toEqual([...ids].sort());
    expect(s.onCase((cd) => cd.getSeizure(s.inline[0]!))?.sector).toBe('fisheries');
    expect(s.onVolume((v) => v.listSeizures().map((z) => z.sector))).toEqual(['fisheries', 'fisheries']);
    // One entry for the action over the case doc and the volume, each seizure's old → new in it.
    const entries = s.onCase((cd) => cd.readAudit().slice(auditBefore));
    expect(entries.map((e) => [e.action, e.count])).toEqual([['seizure.bulk-update', ids.length]]);
    expect([...entries[0]!.targets!].sort()).toEqual([...ids].sort());
    expect(entries[0]!.runs!.map((r) => r.changes.sector)).toEqual([{ from: 'wildlife', to: 'fisheries' }]);

    // One already deleted id in the volume: the whole bulk delete is refused, nothing marked.
    await s.c.call('seizures.delete', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: s.vol[1]! });
    const partial = await s.c.call('seizures.bulkDelete', { workspaceId: s.workspaceId, caseId: s.caseId, seizureIds: ids }).catch((e: unknown) => e);
    expect(partial).toMatchObject({ code: 'not-found' });
    expect(s.onCase((cd) => cd.getSeizure(s.inline[0]!))).not.toBeNull();
    expect(s.onVolume((v) => v.getSeizure(s.vol[0]!))).not.toBeNull();

    const deleted = await s.c.call('seizures.bulkDelete', { workspaceId: s.workspaceId, caseId: s.caseId, seizureIds: [s.inline[0]!, s.vol[0]!] });
    expect(deleted).toEqual({ deleted: 2 });
    expect(s.rawVolume(s.vol[0]!, 'deleted')).toBe(true);
    expect(s.onCase((cd) => cd.seizureCount())).toBe(1);
    expect(s.db.prepare('SELECT seizure_count FROM cases WHERE id = ?').pluck().get(s.caseId)).toBe(1);
  });

  it('finds a volume seizure whose projection row names no doc yet (a row from before migration 010)', async () => {
    const s = await setUp();
    s.db.prepare("UPDATE seizures SET doc = '' WHERE case_id = ?").run(s.caseId);
    await s.c.call('seizures.update', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: s.vol[1]!, patch: { commodity: 'rhino horn (powder)' } });
    expect(s.onVolume((v) => v.getSeizure(s.vol[1]!))?.commodity).toBe('rhino horn (powder)');
    expect(s.projected(s.vol[1]!)?.doc).toBe(s.volName);
    // A row naming the wrong doc is checked, not trusted.
    s.db.prepare('UPDATE seizures SET doc = ? WHERE id = ?').run(s.caseName, s.vol[0]!);
    await s.c.call('seizures.update', { workspaceId: s.workspaceId, caseId: s.caseId, seizureId: s.vol[0]!, patch: { quantity: 13 } });
    expect(s.onVolume((v) => v.getSeizure(s.vol[0]!))?.quantity).toBe(13);
    expect(s.onCase((cd) => cd.getSeizureEvenDeleted(s.vol[0]!))).toBeNull();
  });

  it('moves a volume seizure to another case: copied there, marked moved in its volume, audited in both case docs', async () => {
    const s = await setUp();
    const res = await s.c.call('seizures.move', { workspaceId: s.workspaceId, caseId: s.caseId, toCaseId: s.otherId, seizureIds: [s.vol[0]!, s.inline[1]!] });
    expect(res.moved).toBe(2);
    const moved = s.rt.host.with(s.otherName, (doc) => new CaseDoc(doc).listSeizures());
    expect(moved.map((z) => z.commodity).sort()).toEqual(['inline rosewood', 'pangolin scales']);
    expect(s.rawVolume(s.vol[0]!, 'deleted')).toBe(true);
    expect(s.rawVolume(s.vol[0]!, 'movedTo')).toBe(`${res.toCaseNumber}/${moved.find((z) => z.commodity === 'pangolin scales')!.id}`);
    const outs = s.onCase((cd) => cd.readAudit().filter((e) => e.action === 'seizure.bulk-move-out'));
    expect(outs.map((e) => [[...e.targets!].sort(), e.summary])).toEqual([[[s.vol[0]!, s.inline[1]!].sort(), { to: res.toCaseNumber }]]);
    expect(s.db.prepare('SELECT COUNT(*) FROM seizures WHERE case_id = ?').pluck().get(s.caseId)).toBe(2);
  });
});
