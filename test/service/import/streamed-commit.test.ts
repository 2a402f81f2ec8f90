/**
 * An import reads and writes at once (service/import/commit-import.ts, import-rows.ts): the
 * writer fills volumes from rows the parse worker is still streaming, plans by the file's data
 * rows (a bound) and lands exactly where a fully read file would, checks duplicates across the
 * stream's batches, refuses a re-import before reading the file, and a file imported again on
 * purpose neither re-adds its routes nor lists the doubts of rows it left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamedRows, type ImportRow } from '../../../service/import/import-rows';
import { writeImport } from '../../../service/import/write-import';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumes, VOLUME_SIZE, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { ImportProgress } from '../../../shared/rpc/import';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const row = (i: number): ImportRow & { line: number } => ({
  line: i + 2,
  fields: { ...newSeizureFields('2021-03-04'), country: 'KE', place: `Port ${i}`, commodity: 'Elephant ivory', quantity: i + 1, unit: 'kg', sector: 'wildlife' },
});
const rowsFrom = (from: number, count: number) => Array.from({ length: count }, (_v, k) => row(from + k));
/** Lets the writer run until it waits again (its yields are setImmediate). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

describe('the writer on a streamed parse', () => {
  it('writes the first volume while rows are still arriving, and ends where the exact count would have put the rows', async () => {
    h = startService();
    const { ws, caseId, w } = await registerCase(h);
    const cd = new CaseDoc(ws.host.retain(ws.caseDocName(caseId)));
    // 9,000 data rows in the file, 1,000 of them rejected (they never arrive); 1,500 of those that arrive are left out (as duplicates are).
    const stream = new StreamedRows(9_000, (r) => r.line % 4 !== 0 || r.line > 6_001);
    const progress: [number, number][] = [];
    let finished = false;
    const writing = writeImport(
      ws,
      caseId,
      cd,
      {
        rows: stream,
        source: 'register.csv',
        batchId: randomUUID(),
        finish: () => Promise.resolve({ routes: [], batch: { sha256: 'ab'.repeat(32), format: 'csv' as const, rejectedRows: 500, skippedDuplicates: 1_500 } }),
      },
      w,
      (done, total) => progress.push([done, total]),
    ).finally(() => (finished = true));
    // The first 8,000 rows' kept 6,500 (the inline run of 1,000 and volume 1's 5,000, and 500 more).
    stream.push(rowsFrom(0, 8_000));
    await settle();
    expect(finished).toBe(false);
    expect(stream.exact).toBe(false);
    // Volume 1 is written before the stream has ended; the total shown is the bound.
    expect(progress).toContainEqual([VOLUME_SIZE, 9_000 - 1_500]);
    expect(listVolumes(cd.doc)).toEqual([]); // listed with the batch entry, in the last transaction
    expect(ws.host.with(volumeDocName(ws.id, caseId, 1), (doc) => new VolumeDoc(doc).recordCount())).toBe(VOLUME_SIZE);
    stream.end();
    const written = await writing;
    expect(written).toEqual({ seizures: 6_500, inline: INLINE_SEIZURES, volumes: [1, 2] });
    expect(progress.at(-1)).toEqual([6_500, 6_500]);
    expect(ws.host.with(volumeDocName(ws.id, caseId, 2), (doc) => new VolumeDoc(doc).recordCount())).toBe(500);
    expect(listVolumes(cd.doc)).toEqual([1, 2]);
    expect(cd.seizureCount()).toBe(INLINE_SEIZURES);
    // The rows kept are the file's in order: the inline run holds the first 1,000 kept rows.
    const places = cd.listSeizures().map((s) => Number(s.place.slice(5))).sort((a, b) => a - b);
    expect(places[0]).toBe(0);
    expect(places.every((p) => (p + 2) % 4 !== 0)).toBe(true);
    ws.host.release(ws.caseDocName(caseId));
  });

  it('writes nothing, not even a batch entry, when the stream ends with no row and there are no routes', async () => {
    h = startService();
    const { ws, caseId, w } = await registerCase(h);
    const cd = new CaseDoc(ws.host.retain(ws.caseDocName(caseId)));
    const stream = new StreamedRows(3, () => false);
    const writing = writeImport(ws, caseId, cd, { rows: stream, source: 'dups.csv', batchId: randomUUID(), finish: () => Promise.resolve({ routes: [], batch: { sha256: 'cd'.repeat(32), format: 'csv' as const, rejectedRows: 0, skippedDuplicates: 3 } }) }, w);
    stream.push(rowsFrom(0, 3));
    stream.end();
    expect(await writing).toEqual({ seizures: 0, inline: 0, volumes: [], nothing: true });
    expect(cd.doc.getArray('importBatches').length + cd.seizureCount()).toBe(0);
    ws.host.release(ws.caseDocName(caseId));
  });

  it('gives a failed parse\'s error to the writer waiting for rows', async () => {
    const stream = new StreamedRows(10, () => true);
    stream.push(rowsFrom(0, 2));
    const taking = stream.take(5);
    stream.fail(new Error('the import parse worker stopped'));
    await expect(taking).rejects.toThrow('the import parse worker stopped');
    await expect(stream.settled()).rejects.toThrow('the import parse worker stopped');
  });
});

const HEADER = 'seizure_date,country,place,commodity,quantity,unit,sector\n';
const csvLine = (i: number) => `2021-03-04,KE,Port ${i},Elephant ivory,${i + 1},kg,wildlife`;
const file = (text: string, fileName: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });

describe('import.commit, streamed', () => {
  it('leaves out a row that repeats one from an earlier batch of the stream, naming the earlier line', async () => {
    h = startService();
    const { c, ws, caseId } = await registerCase(h);
    // 2,500 rows: the stream's batches are 2,000 rows; row 2,300 repeats row 10.
    const lines = Array.from({ length: 2_500 }, (_v, i) => csvLine(i === 2_300 ? 10 : i));
    const report = await c.call('import.commit', { workspaceId: ws.id, caseId, ...file(HEADER + lines.join('\n'), 'two-batches.csv') });
    expect(report).toMatchObject({ imported: 2_499, skippedDuplicates: 1, duplicateRows: 1 });
    expect(report.duplicates).toEqual([{ line: 2_302, existingId: null, earlierLine: 12, what: '' }]);
    expect(ws.store.projections.getCase(caseId).seizureCount).toBe(2_499);
  });

  it('refuses a file already imported before reading it: no reading progress at all', async () => {
    h = startService();
    const { c, ws, caseId } = await registerCase(h);
    const f = file(HEADER + Array.from({ length: 5_000 }, (_v, i) => csvLine(i)).join('\n'), 'again.csv');
    await c.call('import.commit', { workspaceId: ws.id, caseId, ...f });
    const events: ImportProgress[] = [];
    const off = c.on('import.progress', (e) => events.push(e));
    const refused = await c.call('import.commit', { workspaceId: ws.id, caseId, ...f }).catch((e: unknown) => e);
    off();
    expect(String(refused)).toContain('again.csv was already imported into this case');
    expect(events).toEqual([]);
  });

  it('imports a file again on purpose without its routes twice or the doubts of the rows it left out', async () => {
    h = startService();
    const { c, ws, caseId } = await registerCase(h);
    const kml = fs.readFileSync(path.join(__dirname, '../../../../shared/cases/import/06-placemarks.kml'));
    const f = { fileName: '06-placemarks.kml', contentBase64: kml.toString('base64') };
    const first = await c.call('import.commit', { workspaceId: ws.id, caseId, ...f });
    expect(first.imported).toBe(2);
    expect(first.routes).toBe(1);
    expect(first.flagged.length).toBeGreaterThan(0);

    const preview = await c.call('import.preview', { workspaceId: ws.id, caseId, ...f });
    expect(preview.report).toMatchObject({ imported: 0, routes: 0, skippedDuplicates: 2 });
    expect(preview.report.flagged).toEqual([]);

    const again = await c.call('import.commit', { workspaceId: ws.id, caseId, ...f, allowReimport: true });
    expect(again).toMatchObject({ imported: 0, routes: 0, patrolRoutes: 0, skippedDuplicates: 2, batchId: null });
    expect(again.flagged).toEqual([]);
    expect(again.warnings).toContain('1 route is already in this case (same kind and points) and was left out');
    const cd = new CaseDoc(ws.host.retain(ws.caseDocName(caseId)));
    expect(cd.listRoutes()).toHaveLength(1);
    expect(cd.seizureCount()).toBe(2);
    ws.host.release(ws.caseDocName(caseId));

    // Kept on purpose, both come in again.
    const kept = await c.call('import.commit', { workspaceId: ws.id, caseId, ...f, allowReimport: true, keepDuplicates: true });
    expect(kept).toMatchObject({ imported: 2, routes: 1 });
  });
});
