/**
 * Deleted seizures through the real data service's RPC (service/seizures/restore-seizures.ts):
 * a case with seizures in its case doc and in volume 1 is deleted from (single, bulk across both
 * docs, an import undone), the "Deleted" list pages them from the projection with who, when and
 * why, `seizures.restore` brings a case-doc and a volume seizure back (projection counts, table
 * and list before and after), refusals name the seizure and write nothing, an observer may not
 * restore, and a rebuild of the projection gives the same deleted list as the incremental one.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const base: SeizureFields = { ...newSeizureFields('2021-07-14'), country: 'NG', place: 'Lagos', sector: 'wildlife', unit: 'kg', quantity: 120 };
const mapped: Partial<SeizureFields> = { latitude: 6.45, longitude: 3.39, locationPrecision: 'exact' };

/** A case with three seizures in its case doc (one mapped), two imported from a file, and two in volume 1 (one mapped). */
async function setUp() {
  h = startService();
  const { c, ws: rt, caseId, w } = await registerCase(h);
  const me = w;
  const k = { id: caseId, docName: rt.caseDocName(caseId) };
  const ws = { id: rt.id };
  const [a, b, cc, v1, v2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const imported = [randomUUID(), randomUUID()];
  const batchId = randomUUID();
  rt.host.with(k.docName, (doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizures([{ id: a, fields: { ...base, commodity: 'ivory', ...mapped } }, { id: b, fields: { ...base, commodity: 'scales' } }, { id: cc, fields: { ...base, commodity: 'horn' } }], w);
    cd.importRecords({ seizures: imported.map((id, i) => ({ id, fields: { ...base, commodity: `row ${i}` } })), routes: [], source: 'register.csv', batch: { id: batchId, sha256: 'b'.repeat(64), format: 'csv', rejectedRows: 0, skippedDuplicates: 0 } }, w);
    listVolumesIn(doc, [1], w);
  });
  const volName = volumeDocName(ws.id, k.id, 1);
  rt.host.with(volName, (doc) => new VolumeDoc(doc).insertSeizures([{ id: v1, fields: { ...base, commodity: 'pangolin', ...mapped } }, { id: v2, fields: { ...base, commodity: 'rosewood' } }], w));
  const ref = { workspaceId: ws.id, caseId: k.id };
  const counts = async () => {
    const row = await c.call('cases.get', ref);
    return [row.seizureCount, row.mappedCount];
  };
  const deleted = () => c.call('seizures.deletedPage', { ...ref, offset: 0, limit: 100 });
  const deletedRows = () => databaseOf(rt.store).prepare('SELECT * FROM deleted_seizures WHERE case_id = ? ORDER BY id').all(k.id);
  const audit = () => rt.host.with(k.docName, (doc) => new CaseDoc(doc).readAudit());
  return { c, rt, me, ws, k, ids: { a, b, cc, v1, v2, imported }, batchId, volName, ref, counts, deleted, deletedRows, audit };
}

describe('seizures.deletedPage and seizures.restore', () => {
  it('lists deletions with who, when and why, and restores a case-doc and a volume seizure', async () => {
    const s = await setUp();
    const { a, b, v1, v2, imported } = s.ids;
    expect(await s.counts()).toEqual([7, 2]);
    expect((await s.deleted()).total).toBe(0);

    await s.c.call('seizures.delete', { ...s.ref, seizureId: a });
    await s.c.call('seizures.bulkDelete', { ...s.ref, seizureIds: [b, v1] }); // one action over the case doc and volume 1
    await s.c.call('import.undo', { ...s.ref, batchId: s.batchId });
    expect(await s.counts()).toEqual([2, 0]);

    const page = await s.deleted();
    expect(page.total).toBe(5);
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    const me = s.me.memberId;
    expect(byId.get(a)).toMatchObject({ commodity: 'ivory', volume: 0, deletion: { reason: 'delete', by: me } });
    expect(byId.get(b)).toMatchObject({ commodity: 'scales', volume: 0, deletion: { reason: 'bulk-delete', by: me, count: 2 } });
    expect(byId.get(v1)).toMatchObject({ commodity: 'pangolin', volume: 1, deletion: { reason: 'bulk-delete', by: me, count: 2 } });
    for (const id of imported) expect(byId.get(id)).toMatchObject({ volume: 0, deletion: { reason: 'import-undo', by: me, fileName: 'register.csv' } });
    // Newest deletion first.
    expect(page.rows.map((r) => r.stampedAt)).toEqual([...page.rows.map((r) => r.stampedAt)].sort((x, y) => y - x));
    // Paged: two rows from the second.
    const second = await s.c.call('seizures.deletedPage', { ...s.ref, offset: 1, limit: 2 });
    expect(second).toMatchObject({ total: 5, offset: 1 });
    expect(second.rows.map((r) => r.id)).toEqual(page.rows.slice(1, 3).map((r) => r.id));

    const before = s.audit().length;
    expect(await s.c.call('seizures.restore', { ...s.ref, seizureIds: [a, v1, imported[0]!] })).toEqual({ restored: 3 });
    // Counts, mapped count and the table follow; the list keeps what is still deleted.
    expect(await s.counts()).toEqual([5, 2]);
    const table = await s.c.call('seizures.page', { ...s.ref, sortBy: 'date', sortDir: 'desc', text: '', offset: 0, limit: 100 });
    expect(table.rows.map((r) => r.commodity).sort()).toEqual(['horn', 'ivory', 'pangolin', 'rosewood', 'row 0']);
    expect((await s.deleted()).rows.map((r) => r.id).sort()).toEqual([b, imported[1]!].sort());
    // Stored where each lives, attributed, audited; the deletions stay in the history.
    expect(s.rt.host.with(s.volName, (doc) => new VolumeDoc(doc).getSeizure(v1))).toMatchObject({ commodity: 'pangolin', updatedBy: me });
    expect(s.rt.host.with(s.volName, (doc) => new VolumeDoc(doc).getSeizure(v2))).toMatchObject({ commodity: 'rosewood' });
    const entries = s.audit().slice(before);
    expect(entries.map((e) => [e.action, e.target, e.by]).sort()).toEqual([['seizure.restore-deleted', a, me], ['seizure.restore-deleted', v1, me], ['seizure.restore-deleted', imported[0], me]].sort());
    expect(s.audit().filter((e) => e.action === 'seizure.delete').map((e) => e.target)).toEqual([a]);
    expect(s.audit().filter((e) => e.action === 'seizure.bulk-delete').map((e) => e.targets)).toEqual([[b, v1]]);
    expect(s.audit().filter((e) => e.action === 'case.import-undo')).toHaveLength(1);
    // The projection's row names the doc again.
    expect(databaseOf(s.rt.store).prepare('SELECT doc FROM seizures WHERE id = ?').pluck().get(v1)).toBe(s.volName);

    // A rebuild from the docs gives the same deleted list as the incremental projection.
    const incremental = s.deletedRows();
    s.rt.rebuildProjections();
    expect(s.deletedRows()).toEqual(incremental);
    expect(await s.counts()).toEqual([5, 2]);
  }, 60_000);

  it('refuses a live, an unknown or an empty selection with a clear error and writes nothing', async () => {
    const s = await setUp();
    const { a, cc } = s.ids;
    await s.c.call('seizures.delete', { ...s.ref, seizureId: a });
    const before = s.audit().length;
    await expect(s.c.call('seizures.restore', { ...s.ref, seizureIds: [a, cc] })).rejects.toMatchObject({ code: 'validation', message: `Seizure ${cc} is not deleted: there is nothing to restore` });
    const unknown = randomUUID();
    await expect(s.c.call('seizures.restore', { ...s.ref, seizureIds: [a, unknown] })).rejects.toMatchObject({ code: 'not-found' });
    await expect(s.c.call('seizures.restore', { ...s.ref, seizureIds: [] })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(s.c.call('seizures.restore', { ...s.ref, seizureIds: ['not-a-uuid'] })).rejects.toMatchObject({ code: 'invalid-params' });
    expect(s.audit()).toHaveLength(before);
    expect((await s.deleted()).total).toBe(1);
    // The service is still answering.
    expect(await s.counts()).toEqual([6, 1]);
  }, 60_000);

  it('an observer may list but not restore', async () => {
    const s = await setUp();
    await s.c.call('seizures.delete', { ...s.ref, seizureId: s.ids.v2 });
    s.rt.store.setLocalSettings({ ...s.rt.local(), role: 'observer' });
    const me = s.rt.workspaceDoc().getMember(s.rt.local().memberId)!;
    s.rt.workspaceDoc().upsertMember({ ...me, role: 'observer' }, { memberId: me.id });
    expect((await s.deleted()).total).toBe(1);
    await expect(s.c.call('seizures.restore', { ...s.ref, seizureIds: [s.ids.v2] })).rejects.toMatchObject({ code: 'read-only' });
    expect((await s.deleted()).total).toBe(1);
  }, 60_000);
});
