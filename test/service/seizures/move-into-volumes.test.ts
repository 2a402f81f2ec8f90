/**
 * "Assign to another case" into a large case (docs/architecture.md "Volume docs"): the copies are
 * placed as an import places its rows (`planPlacement`), so the target's case doc never passes
 * `INLINE_SEIZURES` and a volume never passes `VOLUME_SIZE`. Run through the real data service's
 * `seizures.move`; the test reads where each copy went, its `movedFrom`, the audit entries and
 * the volumes listed in the target's case doc, and the projection.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumes, listVolumesIn, VOLUME_SIZE, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const base: SeizureFields = { ...newSeizureFields('2020-02-02'), country: 'KE', place: 'Mombasa', sector: 'wildlife', unit: 'kg', quantity: 3 };
const many = (n: number, commodity: string) => Array.from({ length: n }, (_, i) => ({ id: randomUUID(), fields: { ...base, commodity: `${commodity} ${i}` } }));

/** A source case with five seizures and a target case holding `inline` seizures in its case doc (and `inVolume` in volume 1 when given). */
async function setUp(inline: number, inVolume?: number) {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const from = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Source' } });
  const to = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Register' } });
  const rt = h.service.workspace(ws.id);
  const w = { memberId: me.memberId };
  const sources = many(5, 'moved');
  rt.host.with(from.docName, (doc) => new CaseDoc(doc).addSeizures(sources, w));
  rt.host.with(to.docName, (doc) => {
    new CaseDoc(doc).addSeizures(many(inline, 'held'), w);
    if (inVolume !== undefined) listVolumesIn(doc, [1], w);
  });
  if (inVolume !== undefined) rt.host.with(volumeDocName(ws.id, to.id, 1), (doc) => new VolumeDoc(doc).insertSeizures(many(inVolume, 'volume'), w));
  const onTarget = <T,>(fn: (cd: CaseDoc) => T): T => rt.host.with(to.docName, (doc) => fn(new CaseDoc(doc)));
  const volume = (n: number) => rt.host.with(volumeDocName(ws.id, to.id, n), (doc) => new VolumeDoc(doc).listSeizures().filter((s) => s.commodity.startsWith('moved')));
  const projectedIn = (doc: string) => databaseOf(rt.store).prepare("SELECT COUNT(*) FROM seizures WHERE case_id = ? AND doc = ? AND commodity LIKE 'moved%'").pluck().get(to.id, doc);
  const move = () => c.call('seizures.move', { workspaceId: ws.id, caseId: from.id, toCaseId: to.id, seizureIds: sources.map((s) => s.id) });
  return { rt, ws, from, to, sources, onTarget, volume, projectedIn, move };
}

describe('moving seizures into a large case', () => {
  it('fills the case doc up to the inline limit, then opens volume 1 (listed, audited in the case doc)', async () => {
    const s = await setUp(INLINE_SEIZURES - 2);
    const res = await s.move();
    expect(res.moved).toBe(5);
    // Two copies fill the case doc to exactly 1,000 records; three go to a new volume 1.
    expect(s.onTarget((cd) => cd.seizureRecordCount())).toBe(INLINE_SEIZURES);
    expect(s.onTarget((cd) => cd.listSeizures().filter((z) => z.commodity.startsWith('moved')).length)).toBe(2);
    const inVol = s.volume(1);
    expect(inVol.map((z) => z.commodity).sort()).toEqual(['moved 2', 'moved 3', 'moved 4']);
    expect(s.onTarget((cd) => listVolumes(cd.doc))).toEqual([1]);
    // Every copy keeps where it came from, and has its move-in entry in the target's case doc.
    const raw = s.rt.host.with(volumeDocName(s.ws.id, s.to.id, 1), (doc) => (doc.getMap('seizures').get(inVol[0]!.id) as { get(k: string): unknown }).get('movedFrom'));
    const fromNumber = s.rt.host.with(s.from.docName, (doc) => new CaseDoc(doc).readMeta().number);
    expect(raw).toBe(`${fromNumber}/${s.sources.find((z) => z.fields.commodity === inVol[0]!.commodity)!.id}`);
    // One entry for the move, naming all five copies (those in the case doc and in volume 1).
    const ins = s.onTarget((cd) => cd.readAudit().filter((e) => e.action === 'seizure.bulk-move-in'));
    expect(ins).toHaveLength(1);
    expect(ins[0]).toMatchObject({ count: 5, summary: { from: fromNumber } });
    expect(ins[0]!.targets).toHaveLength(5);
    expect(ins[0]!.targets).toEqual(expect.arrayContaining(inVol.map((z) => z.id)));
    // The projection sees them in the docs that hold them; the sources are marked moved.
    expect(s.projectedIn(s.to.docName)).toBe(2);
    expect(s.projectedIn(volumeDocName(s.ws.id, s.to.id, 1))).toBe(3);
    expect(s.rt.host.with(s.from.docName, (doc) => new CaseDoc(doc).seizureCount())).toBe(0);
  });

  it('fills the last volume up to its size, then opens the next one; the case doc takes none', async () => {
    const s = await setUp(10, VOLUME_SIZE - 2);
    await s.move();
    expect(s.onTarget((cd) => cd.seizureRecordCount())).toBe(10);
    expect(s.volume(1)).toHaveLength(2);
    expect(s.rt.host.with(volumeDocName(s.ws.id, s.to.id, 1), (doc) => new VolumeDoc(doc).recordCount())).toBe(VOLUME_SIZE);
    expect(s.volume(2)).toHaveLength(3);
    expect(s.onTarget((cd) => listVolumes(cd.doc))).toEqual([1, 2]);
    expect(s.projectedIn(volumeDocName(s.ws.id, s.to.id, 2))).toBe(3);
  });

  it('a small target still takes the copies in its case doc', async () => {
    const s = await setUp(3);
    await s.move();
    expect(s.onTarget((cd) => cd.seizureRecordCount())).toBe(8);
    expect(s.onTarget((cd) => listVolumes(cd.doc))).toEqual([]);
  });
});
