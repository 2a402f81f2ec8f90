/**
 * Seizures in volume docs are projected under their case (service/projections/projector.ts and
 * the workspace runtime's volume observer): after random adds and deletions spread over the case
 * doc and several volumes, the incrementally maintained tables equal a rebuild from the docs, and
 * the case's seizure count counts every volume. A volume whose case is not projected yet is
 * projected with the case; projecting the case without reading its volumes keeps their rows.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../node/store/sqlite';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { startService, type Harness } from '../../helpers/service';
import { registerCase } from '../../helpers/register-case';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

function dump(db: Db): unknown {
  return {
    cases: db.prepare('SELECT * FROM cases ORDER BY id').all(),
    seizures: db.prepare('SELECT * FROM seizures ORDER BY id').all(),
    fts: db.prepare('SELECT kind, case_id, record_id, title, body FROM search_fts ORDER BY kind, record_id').all(),
  };
}

async function setUp() {
  h = startService();
  const { ws, caseId, w } = await registerCase(h);
  return { ws, caseId, w };
}

const row = (commodity: string) => ({ id: randomUUID(), fields: { ...newSeizureFields('2025-05-05'), country: 'VN', commodity, latitude: 10, longitude: 106 } });

type Op = { kind: 'add'; vol: number; n: number } | { kind: 'delete'; vol: number; pick: number };

describe('volume projection', () => {
  it('incremental projection over case doc and volumes equals a rebuild', async () => {
    const { ws, caseId, w } = await setUp();
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), vol: fc.nat(3), n: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('delete' as const), vol: fc.nat(3), pick: fc.nat() }),
    );
    let runs = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 20 }), (ops) => {
        runs++;
        for (const op of ops) {
          if (op.vol === 0) {
            ws.host.with(ws.caseDocName(caseId), (doc) => {
              const cd = new CaseDoc(doc);
              if (op.kind === 'add') cd.addSeizures(Array.from({ length: op.n }, (_v, i) => row(`inline ${i}`)), w, 'seizure.import');
              else {
                const live = cd.listSeizures();
                if (live.length) cd.deleteSeizure(live[op.pick % live.length]!.id, w);
              }
            });
            continue;
          }
          ws.host.with(ws.caseDocName(caseId), (doc) => listVolumesIn(doc, [op.vol], w));
          ws.host.with(volumeDocName(ws.id, caseId, op.vol), (doc) => {
            const vol = new VolumeDoc(doc);
            if (op.kind === 'add') vol.insertSeizures(Array.from({ length: op.n }, (_v, i) => row(`vol ${op.vol} #${i}`)), w);
            else {
              const live = vol.listSeizures().map((s) => s.id).sort();
              if (live.length) vol.markDeleted([live[op.pick % live.length]!], w);
            }
          });
        }
        const incremental = dump(databaseOf(ws.store));
        ws.rebuildProjections();
        expect(dump(databaseOf(ws.store))).toEqual(incremental);
      }),
      { numRuns: 25, seed: 20261206 },
    );
    expect(runs).toBe(25);
    const db = databaseOf(ws.store);
    const inVolumes = [1, 2, 3].reduce((n, v) => n + ws.host.with(volumeDocName(ws.id, caseId, v), (doc) => new VolumeDoc(doc).listSeizures().length), 0);
    const inline = ws.host.with(ws.caseDocName(caseId), (doc) => new CaseDoc(doc).seizureCount());
    expect(inVolumes).toBeGreaterThan(0);
    expect(db.prepare('SELECT seizure_count FROM cases WHERE id = ?').pluck().get(caseId)).toBe(inline + inVolumes);
    expect(db.prepare('SELECT COUNT(*) FROM seizures WHERE case_id = ?').pluck().get(caseId)).toBe(inline + inVolumes);
  }, 120_000);

  it('projects a volume that arrived before its case with the case, and keeps volume rows when the case is projected alone', async () => {
    const { ws, caseId, w } = await setUp();
    const db = databaseOf(ws.store);
    const vol = new VolumeDoc(new Y.Doc());
    vol.insertSeizures([row('pangolin scales'), row('ivory')], w);
    // No case row yet for an unknown case: nothing is written.
    const early = randomUUID();
    expect(ws.projector.projectVolume(early, 1, vol, vol.recordIds())).toBe(false);
    expect(db.prepare('SELECT COUNT(*) FROM seizures WHERE case_id = ?').pluck().get(early)).toBe(0);
    // The known case with the volume listed: projectAll with a reader projects it.
    const cd = ws.host.with(ws.caseDocName(caseId), (doc) => (listVolumesIn(doc, [1], w), new CaseDoc(doc)));
    ws.projector.projectAll(caseId, cd, (n) => (n === 1 ? vol : null));
    expect(db.prepare('SELECT commodity FROM seizures WHERE case_id = ? ORDER BY commodity').pluck().all(caseId)).toEqual(['ivory', 'pangolin scales']);
    // Projected again without its volumes: the rows the case doc does not know are kept.
    ws.projector.projectAll(caseId, cd);
    expect(db.prepare('SELECT seizure_count FROM cases WHERE id = ?').pluck().get(caseId)).toBe(2);
    // With the volume read and one seizure deleted there, the row goes.
    vol.markDeleted([vol.recordIds()[0]!], w);
    ws.projector.projectAll(caseId, cd, () => vol);
    expect(db.prepare('SELECT seizure_count FROM cases WHERE id = ?').pluck().get(caseId)).toBe(1);
  });
});
