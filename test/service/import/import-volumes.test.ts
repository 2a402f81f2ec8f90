/**
 * The import's write path over volume docs (docs/architecture.md "Volume docs", issue 11 item 4),
 * through the data service's RPC as the dialog and the CLI use it: rows past the case doc's
 * inline limit go to volume docs marked with the batch, new volumes are listed with the batch,
 * the batch entry counts every row, the projection counts every volume; undo-import marks the
 * batch's rows deleted in every volume; the preview's count is what the commit imports, for a
 * 100,000-row national file into ONE case, with progress events for both phases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseImports } from '../../../shared/docs/case-import-batches';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumes, VOLUME_SIZE, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { MAX_SEIZURES_PER_CASE } from '../../../shared/domain/seizure';
import type { ImportProgress } from '../../../shared/rpc/import';
import { startService, type Harness } from '../../helpers/service';
import { P3_HEADER, seizureRows } from '../../../bench/p3-csv';
import type { DataClient } from '../../../renderer/src/data/client';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const HEADER = `${P3_HEADER}\n`;
const rows = seizureRows;

const csv = (text: string, fileName: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });

async function setUp(): Promise<{ c: DataClient; workspaceId: string; caseId: string; docName: string; memberId: string }> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'National register' } });
  return { c, workspaceId: ws.id, caseId: k.id, docName: k.docName, memberId: me.memberId };
}

/** The projection's seizure count of the case (what lists and counts show). */
async function projected(c: DataClient, workspaceId: string, caseId: string): Promise<number> {
  return (await c.call('cases.list', { workspaceId })).find((x) => x.id === caseId)!.seizureCount;
}

/** Live seizures held by each listed volume of the case, read from the service's docs. */
function volumeCounts(workspaceId: string, caseId: string, docName: string): Map<number, { live: number; records: number }> {
  const rt = h!.service.workspace(workspaceId);
  const out = new Map<number, { live: number; records: number }>();
  for (const n of rt.host.with(docName, (doc) => listVolumes(doc))) {
    out.set(n, rt.host.with(volumeDocName(workspaceId, caseId, n), (doc) => ({ live: new VolumeDoc(doc).listSeizures().length, records: new VolumeDoc(doc).recordCount() })));
  }
  return out;
}

describe('import into volume docs', () => {
  it('fills the case doc to its inline limit, then a volume; a later import continues the last volume; undo clears every doc', async () => {
    const { c, workspaceId, caseId, docName } = await setUp();
    const rt = h!.service.workspace(workspaceId);
    const first = await c.call('import.commit', { workspaceId, caseId, ...csv(HEADER + rows(INLINE_SEIZURES + 200), 'first.csv') });
    expect(first.imported).toBe(INLINE_SEIZURES + 200);
    expect(rt.host.with(docName, (doc) => new CaseDoc(doc).seizureCount())).toBe(INLINE_SEIZURES);
    expect([...volumeCounts(workspaceId, caseId, docName)]).toEqual([[1, { live: 200, records: 200 }]]);
    expect(await projected(c, workspaceId, caseId)).toBe(INLINE_SEIZURES + 200);
    // The batch entry counts every row, wherever it went; the volume's rows carry the batch id.
    const batch = rt.host.with(docName, (doc) => new CaseImports(doc).list()[0]!);
    expect(batch).toMatchObject({ id: first.batchId, fileName: 'first.csv', seizures: INLINE_SEIZURES + 200 });
    expect(rt.host.with(volumeDocName(workspaceId, caseId, 1), (doc) => new VolumeDoc(doc).liveOfBatch(first.batchId!).length)).toBe(200);

    const second = await c.call('import.commit', { workspaceId, caseId, ...csv(HEADER + rows(300, 5_000), 'second.csv') });
    expect(second.imported).toBe(300);
    expect([...volumeCounts(workspaceId, caseId, docName)]).toEqual([[1, { live: 500, records: 500 }]]);
    expect(rt.host.with(docName, (doc) => new CaseDoc(doc).seizureCount())).toBe(INLINE_SEIZURES);

    // Tester finding G-IMP-3: two of the file's seizures in the case doc and three in the volume
    // deleted one by one after the import are not counted again by the undo, but said apart.
    const w = { memberId: 'someone-else' };
    rt.host.with(docName, (doc) => {
      const cd = new CaseDoc(doc);
      for (const s of cd.listSeizures().slice(0, 2)) cd.deleteSeizure(s.id, w);
    });
    rt.host.with(volumeDocName(workspaceId, caseId, 1), (doc) => new VolumeDoc(doc).markDeleted(new VolumeDoc(doc).liveOfBatch(first.batchId!).slice(0, 3), w));
    // Tester finding F5 (session 27): moved seizures are told apart from deleted ones, per target
    // case: one from the case doc and four from the volume to case 0002, two from the volume to 0003.
    const to2 = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-07'), title: 'Port of Mombasa' } });
    const to3 = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-07'), title: 'Dar es Salaam' } });
    const inCaseDoc = rt.host.with(docName, (doc) => new CaseDoc(doc).listSeizures()[0]!.id);
    const inVolume = rt.host.with(volumeDocName(workspaceId, caseId, 1), (doc) => new VolumeDoc(doc).liveOfBatch(first.batchId!).slice(0, 6));
    expect(await c.call('seizures.move', { workspaceId, caseId, toCaseId: to2.id, seizureIds: [inCaseDoc, ...inVolume.slice(0, 4)] })).toEqual({ moved: 5, toCaseNumber: to2.number });
    expect(await c.call('seizures.move', { workspaceId, caseId, toCaseId: to3.id, seizureIds: inVolume.slice(4) })).toEqual({ moved: 2, toCaseNumber: to3.number });
    const moved = [
      { caseNumber: to2.number, count: 5 },
      { caseNumber: to3.number, count: 2 },
    ];
    expect(moved.map((m) => m.caseNumber)).toEqual(['NEST-2026-0002', 'NEST-2026-0003']);
    const planned = await c.call('import.undo', { workspaceId, caseId, batchId: first.batchId!, dryRun: true });
    expect(planned).toEqual({ seizures: INLINE_SEIZURES + 188, routes: 0, edited: 0, alreadyDeleted: 5, moved });
    // The dry run wrote nothing: the rows are live, the batch is not undone.
    expect(rt.host.with(docName, (doc) => new CaseDoc(doc).seizureCount())).toBe(INLINE_SEIZURES - 3);
    expect(await projected(c, workspaceId, caseId)).toBe(INLINE_SEIZURES + 188 + 300);
    expect(rt.host.with(docName, (doc) => new CaseImports(doc).list().find((b) => b.id === first.batchId)!.undo)).toBeNull();

    const undone = await c.call('import.undo', { workspaceId, caseId, batchId: first.batchId! });
    expect(undone).toEqual({ seizures: INLINE_SEIZURES + 188, routes: 0, edited: 0, alreadyDeleted: 5, moved });
    // The moved copies live on in their cases.
    expect(await projected(c, workspaceId, to2.id)).toBe(5);
    expect(await projected(c, workspaceId, to3.id)).toBe(2);
    expect(rt.host.with(docName, (doc) => new CaseDoc(doc).seizureCount())).toBe(0);
    // Tombstones stay (nothing disappears without a trace); the second import's rows stay live.
    expect([...volumeCounts(workspaceId, caseId, docName)]).toEqual([[1, { live: 300, records: 500 }]]);
    expect(await projected(c, workspaceId, caseId)).toBe(300);
    const log = rt.host.with(docName, (doc) => new CaseImports(doc).list());
    expect(log.find((b) => b.id === first.batchId)!.undo).toMatchObject({ seizures: INLINE_SEIZURES + 188 });
    const audit = rt.host.with(docName, (doc) => new CaseDoc(doc).readAudit().filter((a) => a.action === 'case.import-undo'));
    expect(audit).toEqual([expect.objectContaining({ count: INLINE_SEIZURES + 188, target: 'first.csv' })]);

    const again = await c.call('import.undo', { workspaceId, caseId, batchId: first.batchId! }).catch((e: unknown) => e);
    expect(String(again)).toContain("The import of first.csv has already been undone");
  }, 120_000);

  it('imports a 100,000-row file into one case: the preview count is the imported count, volumes are created, progress is reported', async () => {
    const { c, workspaceId, caseId, docName } = await setUp();
    const n = 100_000;
    const file = csv(HEADER + rows(n), 'national-register.csv');
    const preview = await c.call('import.preview', { workspaceId, caseId, ...file });
    expect(preview.report.imported).toBe(n);
    expect(preview.report.refusal).toBeNull();
    const events: ImportProgress[] = [];
    const off = c.on('import.progress', (e) => events.push(e));
    const report = await c.call('import.commit', { workspaceId, caseId, ...file });
    off();
    expect(report.imported).toBe(preview.report.imported - preview.report.duplicateRows);
    expect(report.imported).toBe(n);
    expect(await projected(c, workspaceId, caseId)).toBe(n);
    const volumes = volumeCounts(workspaceId, caseId, docName);
    const expectedVolumes = Math.ceil((n - INLINE_SEIZURES) / VOLUME_SIZE);
    expect([...volumes.keys()]).toEqual(Array.from({ length: expectedVolumes }, (_v, i) => i + 1));
    expect([...volumes.values()].reduce((sum, v) => sum + v.live, 0)).toBe(n - INLINE_SEIZURES);
    expect(Math.max(...[...volumes.values()].map((v) => v.records))).toBe(VOLUME_SIZE);

    // Reading and writing overlap (commit-import.ts): the reading phase reports until the writing
    // starts, at the first rows; the writing phase then runs to its total. `done` never goes back
    // within a phase, and the phases never interleave (the dialog shows the latest event's phase).
    const ours = events.filter((e) => e.fileName === 'national-register.csv');
    const reading = ours.filter((e) => e.phase === 'reading');
    const writing = ours.filter((e) => e.phase === 'writing');
    expect(ours.findIndex((e) => e.phase === 'writing')).toBe(reading.length);
    expect(reading.every((e) => e.total === n && e.done <= n)).toBe(true);
    expect(writing[0]).toMatchObject({ done: 0, total: n });
    expect(writing.at(-1)).toMatchObject({ done: n, total: n, caseId, workspaceId });
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.every((e, i) => i === 0 || e.done >= writing[i - 1]!.done)).toBe(true);
    expect(events.find((e) => e.phase === 'writing' && e.done === n)!.rowsPerSecond).toBeGreaterThan(0);
  }, 600_000);

  it('previews a refusal instead of promising rows when the case would pass its limit, counting the projection', async () => {
    const { c, workspaceId, caseId } = await setUp();
    const rt = h!.service.workspace(workspaceId);
    // The projection's count for the case (case doc + volumes) set as a case holding 999,999 in
    // its volumes would store it: a million rows are not generated for this check.
    const db = (rt.store as unknown as { db: { prepare(sql: string): { run(...a: unknown[]): unknown } } }).db;
    db.prepare('UPDATE cases SET seizure_count = ? WHERE id = ?').run(MAX_SEIZURES_PER_CASE - 1, caseId);
    const file = csv(HEADER + rows(2), 'two.csv');
    const preview = await c.call('import.preview', { workspaceId, caseId, ...file });
    expect(preview.report.refusal).toBe(`A case holds at most 1,000,000 seizures; this would make 1,000,001. Split the data into several cases (e.g. by year or route).`);
    const refused = await c.call('import.commit', { workspaceId, caseId, ...file }).catch((e: unknown) => e);
    expect(String(refused)).toContain('at most 1,000,000 seizures');
    expect(rt.host.with(rt.caseDocName(caseId), (doc) => new CaseDoc(doc).seizureCount())).toBe(0);
  });
});
