/**
 * Volume docs (shared/docs/volume-doc.ts): where new seizures go (the case doc up to the inline
 * limit, then volumes of at most VOLUME_SIZE records), the case doc's list of its volumes, and the
 * typed view's writes (validated first, bounded, marked with the batch, tombstones) and change ids.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';
import { INLINE_SEIZURES, listVolumes, listVolumesIn, planPlacement, VOLUME_SIZE, VolumeDoc } from '../../../shared/docs/volume-doc';

const w = { memberId: 'm-1', now: () => 5_000 };
const fields = (commodity: string): SeizureFields => ({ ...newSeizureFields('2024-03-01'), country: 'KE', commodity });
const items = (n: number) => Array.from({ length: n }, (_v, i) => ({ id: randomUUID(), fields: fields(`ivory ${i}`) }));

describe('planPlacement', () => {
  it('fills the case doc to the inline limit, then volumes of VOLUME_SIZE, numbered on', () => {
    expect(planPlacement(0, [], 0, 10)).toEqual([{ volume: 0, count: 10 }]);
    expect(planPlacement(INLINE_SEIZURES - 5, [], 0, 5)).toEqual([{ volume: 0, count: 5 }]);
    expect(planPlacement(INLINE_SEIZURES - 5, [], 0, 6)).toEqual([{ volume: 0, count: 5 }, { volume: 1, count: 1 }]);
    expect(planPlacement(0, [], 0, 100_000)).toEqual([
      { volume: 0, count: INLINE_SEIZURES },
      ...Array.from({ length: 19 }, (_v, i) => ({ volume: i + 1, count: VOLUME_SIZE })),
      { volume: 20, count: 100_000 - INLINE_SEIZURES - 19 * VOLUME_SIZE },
    ]);
    // Once a case has volumes, new seizures go to the last one, then on; the case doc stays small.
    expect(planPlacement(10, [1, 2], VOLUME_SIZE - 3, 10)).toEqual([{ volume: 2, count: 3 }, { volume: 3, count: 7 }]);
    expect(planPlacement(10, [2, 1], VOLUME_SIZE, 1)).toEqual([{ volume: 3, count: 1 }]);
    expect(planPlacement(0, [], 0, 0)).toEqual([]);
  });

  it('never plans a run past a limit, and every seizure is placed once', () => {
    for (const [inline, vols, last, n] of [[0, [], 0, 12_345], [999, [], 0, 2], [1_000, [], 0, 7], [3, [1], 4_999, 9_999], [0, [4, 7], 17, 31_000]] as const) {
      const plan = planPlacement(inline, vols, last, n);
      expect(plan.reduce((s, p) => s + p.count, 0)).toBe(n);
      for (const p of plan) {
        const before = p.volume === 0 ? inline : p.volume === Math.max(0, ...vols) ? last : 0;
        expect(before + p.count).toBeLessThanOrEqual(p.volume === 0 ? INLINE_SEIZURES : VOLUME_SIZE);
      }
    }
  });
});

describe('volume listing in the case doc', () => {
  it('lists volumes once, ascending, and ignores entries that are not volume numbers', () => {
    const doc = new Y.Doc();
    listVolumesIn(doc, [2, 1], w);
    listVolumesIn(doc, [2, 3], w);
    doc.getArray('volumes').push([{ n: '7' }, { n: 0 }, { n: 1.5 }, null, 'x']);
    expect(listVolumes(doc)).toEqual([1, 2, 3]);
    expect(doc.getArray('volumes').toArray().slice(0, 3)).toEqual([
      { n: 2, createdAt: 5_000, createdBy: 'm-1' },
      { n: 1, createdAt: 5_000, createdBy: 'm-1' },
      { n: 3, createdAt: 5_000, createdBy: 'm-1' },
    ]);
    // Two replicas listing the same volume converge on one entry.
    const other = new Y.Doc();
    listVolumesIn(other, [3, 4], { memberId: 'm-2' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(listVolumes(doc)).toEqual([1, 2, 3, 4]);
    expect(listVolumes(other)).toEqual([1, 2, 3, 4]);
  });

  it('keeps its volumes through a restore of the case doc to a state before them', async () => {
    const { DocRestorer } = await import('../../../shared/docs/restore');
    const { CASE_DOC_ROOTS } = await import('../../../shared/docs/root-types');
    const doc = new Y.Doc();
    const past = new Y.Doc();
    Y.applyUpdate(past, Y.encodeStateAsUpdate(doc));
    listVolumesIn(doc, [1, 2], w);
    new DocRestorer(doc, CASE_DOC_ROOTS).restoreDoc(past, 1, w);
    expect(listVolumes(doc)).toEqual([1, 2]);
  });
});

describe('VolumeDoc', () => {
  it('writes seizures with stamps and the batch mark, reads them back, marks deleted and reports changed ids', () => {
    const vol = new VolumeDoc(new Y.Doc());
    const seen: string[][] = [];
    vol.observeSeizures((ids) => seen.push([...ids].sort()));
    const rows = items(3);
    vol.insertSeizures(rows, w, 'batch-1');
    expect(vol.recordCount()).toBe(3);
    expect(vol.getSeizure(rows[0]!.id)).toMatchObject({ commodity: 'ivory 0', createdBy: 'm-1', createdAt: 5_000, importBatch: 'batch-1' });
    expect(vol.listSeizures().map((s) => s.commodity).sort()).toEqual(['ivory 0', 'ivory 1', 'ivory 2']);
    expect(vol.liveOfBatch('batch-1').sort()).toEqual(rows.map((r) => r.id).sort());
    expect(seen).toEqual([rows.map((r) => r.id).sort()]);

    expect(vol.markDeleted([rows[1]!.id, 'unknown', rows[1]!.id], w)).toEqual([rows[1]!.id]);
    expect(vol.getSeizure(rows[1]!.id)).toBeNull();
    expect(vol.recordCount()).toBe(3); // the tombstone stays
    expect(vol.liveOfBatch('batch-1')).toHaveLength(2);
    expect(seen[1]).toEqual([rows[1]!.id]);
  });

  it('writes nothing when one record is bad, an id exists, or the volume would pass VOLUME_SIZE', () => {
    const vol = new VolumeDoc(new Y.Doc());
    const good = items(2);
    expect(() => vol.insertSeizures([...good, { id: randomUUID(), fields: { ...fields('x'), latitude: 95, longitude: 0 } }], w)).toThrow(NestError);
    expect(vol.recordCount()).toBe(0);
    vol.insertSeizures(good, w);
    expect(() => vol.insertSeizures([{ id: good[0]!.id, fields: fields('again') }], w)).toThrow(/exists/);
    try {
      vol.insertSeizures(items(VOLUME_SIZE - 1), w);
      expect.unreachable();
    } catch (err) {
      expect((err as NestError).code).toBe('too-large');
    }
    expect(vol.recordCount()).toBe(2);
    vol.insertSeizures(items(VOLUME_SIZE - 2), w);
    expect(vol.recordCount()).toBe(VOLUME_SIZE);
  });
});
