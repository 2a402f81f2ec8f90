/**
 * The import log of a case (issue 11, item 3): an import logged as a batch with its records
 * marked, undone as one step (its live seizures and routes marked deleted, one undo entry, one
 * audit entry), never twice; other batches and hand-made seizures untouched; a shared log read
 * leniently; two replicas undoing the same batch offline merge to one undo.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseImports, readImportBatches } from '../../../shared/docs/case-import-batches';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const B1 = '33333333-3333-4333-8333-333333333331';
const B2 = '33333333-3333-4333-8333-333333333332';
const HASH1 = 'a'.repeat(64);
const HASH2 = 'b'.repeat(64);
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_700_000_500_000 };
const carol = { memberId: 'carol', now: () => 1_700_000_400_000 };

function seizure(commodity: string, quantity: number): SeizureFields {
  return { ...newSeizureFields('2019-07-21'), country: 'SG', place: 'Pasir Panjang', commodity, quantity, unit: 'kg' };
}

function newCase(doc = new Y.Doc()): CaseDoc {
  const cd = new CaseDoc(doc);
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore', jurisdictions: ['SG'] }, alice);
  return cd;
}

function importFile(cd: CaseDoc, batchId: string, sha256: string, commodities: string[], routes = 0): string[] {
  const ids = commodities.map(() => crypto.randomUUID());
  cd.importRecords(
    {
      seizures: commodities.map((c, i) => ({ id: ids[i]!, fields: seizure(c, i + 1) })),
      routes: Array.from({ length: routes }, () => ({ id: crypto.randomUUID(), fields: { name: 'Track', points: [[1, 103], [2, 104]] as [number, number][], notes: '' } })),
      source: `${batchId.slice(-1)}.csv`,
      batch: { id: batchId, sha256, format: 'csv', rejectedRows: 2, skippedDuplicates: 1 },
    },
    alice,
  );
  return ids;
}

describe('import batches', () => {
  it('logs an import as a batch with its counts and marks each record with the batch id', () => {
    const cd = newCase();
    const ids = importFile(cd, B1, HASH1, ['ivory', 'pangolin scales'], 1);
    expect(new CaseImports(cd.doc).list()).toEqual([
      { kind: 'import', id: B1, fileName: '1.csv', sha256: HASH1, format: 'csv', at: 1_700_000_000_000, by: 'alice', seizures: 2, routes: 1, rejectedRows: 2, skippedDuplicates: 1, undo: null },
    ]);
    expect(ids.map((id) => cd.getSeizure(id)!.importBatch)).toEqual([B1, B1]);
    expect(cd.listRoutes()).toHaveLength(1);
  });

  it('logs nothing when the import names no batch (demo data, code)', () => {
    const cd = newCase();
    cd.importRecords({ seizures: [{ id: crypto.randomUUID(), fields: seizure('ivory', 1) }], routes: [], source: 'demo' }, alice);
    expect(new CaseImports(cd.doc).list()).toEqual([]);
    expect(cd.listSeizures()[0]!.importBatch).toBeUndefined();
  });

  it('undoes one import as one step: its live seizures and routes deleted, one undo and one audit entry', () => {
    const cd = newCase();
    const first = importFile(cd, B1, HASH1, ['ivory', 'pangolin scales', 'rhino horn'], 1);
    const second = importFile(cd, B2, HASH2, ['rosewood']);
    const byHand = crypto.randomUUID();
    cd.addSeizure(byHand, seizure('shark fin', 3), alice);
    cd.deleteSeizure(first[2]!, alice); // already deleted: not counted again
    cd.updateSeizure(first[0]!, { quantity: 40 }, carol); // edited after the import
    let transactions = 0;
    cd.doc.on('afterTransaction', () => transactions++);

    // The plan writes nothing and says the same as the undo: two to mark, one deleted before.
    expect(new CaseImports(cd.doc).undoPlan(B1)).toEqual({ seizures: 2, routes: 1, edited: 1, alreadyDeleted: 1, moved: [] });
    expect(transactions).toBe(0);
    const result = new CaseImports(cd.doc).undo(B1, bob);

    expect(transactions).toBe(1);
    expect(result).toEqual({ seizures: 2, routes: 1, edited: 1, alreadyDeleted: 1, moved: [] });
    expect(cd.listSeizures().map((s) => s.id).sort()).toEqual([second[0]!, byHand].sort());
    expect(cd.listRoutes()).toEqual([]);
    expect(cd.getSeizureEvenDeleted(first[0]!)).toMatchObject({ updatedBy: 'bob', updatedAt: 1_700_000_500_000 });
    const batch = new CaseImports(cd.doc).list().find((b) => b.id === B1)!;
    expect(batch.undo).toEqual({ kind: 'undo', batchId: B1, at: 1_700_000_500_000, by: 'bob', seizures: 2, routes: 1 });
    expect(cd.readAudit().at(-1)).toEqual({ at: 1_700_000_500_000, by: 'bob', action: 'case.import-undo', count: 3, target: '1.csv' });
    expect(new CaseImports(cd.doc).list().find((b) => b.id === B2)!.undo).toBeNull();
  });

  it('counts the batch’s seizures moved to other cases apart from the deleted ones, per target case (tester finding F5)', () => {
    const cd = newCase();
    const ids = importFile(cd, B1, HASH1, ['ivory', 'pangolin scales', 'rhino horn', 'rosewood', 'shark fin']);
    cd.deleteSeizure(ids[0]!, alice);
    cd.moveSeizuresOut(new Map([[ids[1]!, crypto.randomUUID()], [ids[2]!, crypto.randomUUID()]]), 'NEST-2026-0003', alice);
    cd.moveSeizuresOut(new Map([[ids[3]!, crypto.randomUUID()]]), 'NEST-2026-0002', alice);
    const plan = new CaseImports(cd.doc).undoPlan(B1);
    expect(plan).toEqual({
      seizures: 1,
      routes: 0,
      edited: 0,
      alreadyDeleted: 1,
      moved: [
        { caseNumber: 'NEST-2026-0002', count: 1 },
        { caseNumber: 'NEST-2026-0003', count: 2 },
      ],
    });
    expect(new CaseImports(cd.doc).undo(B1, bob)).toEqual(plan);
  });

  it('refuses to undo twice or an unknown batch, writing nothing', () => {
    const cd = newCase();
    importFile(cd, B1, HASH1, ['ivory']);
    const imports = new CaseImports(cd.doc);
    imports.undo(B1, bob);
    const before = Y.encodeStateVector(cd.doc);
    expect(() => imports.undo(B1, bob)).toThrow(/already been undone/);
    expect(() => imports.undo(B2, bob)).toThrow(NestError);
    expect(() => imports.undo(B2, bob)).toThrow(/No import/);
    expect(Y.encodeStateVector(cd.doc)).toEqual(before);
  });

  it('finds live imports of the same file by hash, and forgets undone ones', () => {
    const cd = newCase();
    importFile(cd, B1, HASH1, ['ivory']);
    const imports = new CaseImports(cd.doc);
    expect(imports.liveWithHash(HASH1).map((b) => b.id)).toEqual([B1]);
    expect(imports.liveWithHash(HASH2)).toEqual([]);
    imports.undo(B1, bob);
    expect(imports.liveWithHash(HASH1)).toEqual([]);
  });

  it('reads a shared log leniently: bad entries skipped, a repeated batch id kept once, orphan undos ignored', () => {
    const cd = newCase();
    importFile(cd, B1, HASH1, ['ivory']);
    const log = cd.doc.getArray<unknown>('importBatches');
    const first = log.get(0) as Record<string, unknown>;
    log.push([null, 'x', { kind: 'import', id: B1, fileName: 'forged.csv' }, { ...first, fileName: 'again.csv', at: 1 }, { kind: 'undo', batchId: B2, at: 5, by: 'mallory', seizures: 0, routes: 0 }]);
    const list = readImportBatches(cd.doc);
    expect(list.map((b) => [b.id, b.fileName, b.undo])).toEqual([[B1, '1.csv', null]]);
  });

  it('two replicas undoing the same import offline merge to one batch, undone once (the earlier undo shown)', () => {
    const a = newCase();
    importFile(a, B1, HASH1, ['ivory', 'rhino horn']);
    const b = new CaseDoc(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    new CaseImports(a.doc).undo(B1, bob);
    new CaseImports(b.doc).undo(B1, carol);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    for (const cd of [a, b]) {
      const [batch] = new CaseImports(cd.doc).list();
      expect(batch!.undo).toMatchObject({ by: 'carol', at: 1_700_000_400_000 });
      expect(cd.seizureCount()).toBe(0);
    }
  });
});
