/**
 * The write path of an import (docs/architecture.md "Volume docs", issue 11 item 4): one file's
 * good rows placed in a case of any size, for `import.commit` and `import.newCase` alike.
 *
 * `planPlacement` splits the rows: the case doc takes them while it holds fewer than
 * `INLINE_SEIZURES` records and has no volume, the rest go to the last listed volume until it is
 * full and then to new volumes of `VOLUME_SIZE`. Each volume's run is written in ONE transaction
 * through the workspace's doc host (so it is stored, projected and synced like every doc); then
 * the inline rows in slices of {@link INLINE_SLICE}, each ONE case-doc transaction, the last of
 * them with the routes, the listing of the new volumes and the batch entry counting every row
 * (case-import.ts). The batch record is written last: a crash in between leaves seizures marked
 * with a batch id the log does not name yet (projected, visible, deletable), never a batch naming
 * rows that are not there.
 *
 * Rows come from a {@link RowSource} (import-rows.ts): a parsed list, or a parse still streaming
 * from the import worker (commit-import.ts). The plan is made for the source's bound (a stream's
 * data rows): rows fill the case doc, then the volumes, in order, so fewer rows take a prefix of
 * the same plan; the exact count is awaited only when the bound would not fit the case. The batch
 * entry's facts and the routes are awaited before the last transaction (`ImportWrite.finish`).
 *
 * Memory: the rows are taken from the source once and dropped by it; each volume's records are built for that
 * volume only (at most `VOLUME_SIZE` at a time), never a second copy of the whole file; a full
 * volume is unloaded as soon as the import moves on (a loaded volume of 5,000 seizures holds
 * ~55 MB of Yjs structures, freed by a full collection after every few volumes: reclaim-memory.ts),
 * and the writer yields to the event loop after every transaction so
 * that the unloading happens — and other windows and sync are served — during the import, not
 * after it. Imports into one case run one after the other (the plan is made when one starts).
 *
 * Stopping (`import.abort`, running-imports.ts): the writer yields after each transaction and
 * looks at its signal before the next one (a volume or an inline slice) — the only places it
 * waits — and, when stopped with rows still to write, writes no more volumes: the last case-doc
 * transaction then lists the volumes written, appends the batch entry in state 'cancelled' with
 * the seizures written and planned, and the audit entry "import.cancel" (case-import.ts), leaving
 * out the routes. What was written is always the file's good rows up to one line, with no gap (a
 * user resuming knows where to start: `ImportWritten.cancelled.throughLine`): once a volume (later
 * rows) is written, the inline run (the file's FIRST rows) is written whole; a small import (all in
 * the case doc) stops between its slices, so Stop means the same at any size. What was written is
 * neither dropped nor shown as a whole import, and undoing the batch removes exactly it. Stopped
 * before its first transaction, it writes nothing at all.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDoc } from '../../shared/docs/case-doc';
import { volumeDocName } from '../../shared/docs/names';
import type { Writer } from '../../shared/docs/records';
import { listVolumes, planPlacement, VOLUME_SIZE, VolumeDoc, type NewVolumeSeizure, type Placement } from '../../shared/docs/volume-doc';
import type { RouteFields } from '../../shared/domain/route';
import type { ImportItems } from '../../shared/docs/case-import';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { RowSource } from './import-rows';
import { RECLAIM_EVERY_VOLUMES, reclaimMemory } from './reclaim-memory';

/** What one import writes into a case. */
export interface ImportWrite {
  /** The valid rows to write, in file order, duplicates the user skips already left out (import-rows.ts). */
  rows: RowSource;
  /** The file name (audit target and batch file name). */
  source: string;
  /** The batch's id: every seizure written is marked with it. */
  batchId: string;
  /**
   * The routes and the batch entry's other facts (see `ImportItems.batch`), awaited once the rows
   * are all taken or the import stops, before the last transaction: a streamed parse knows its
   * rejections and skipped duplicates only at its end.
   */
  finish(): Promise<{ routes: readonly RouteFields[]; batch: Omit<NonNullable<ImportItems['batch']>, 'id'> }>;
}

/** Called after each transaction with the seizures written so far and the total to write. */
export type WriteProgress = (done: number, total: number) => void;

/** What {@link writeImport} wrote. */
export interface ImportWritten {
  /** Seizures written, case doc and volumes. */
  seizures: number;
  /**
   * Set when the import was stopped with rows still to write: the seizures it was to write (the
   * batch entry is in state 'cancelled'); `batchWritten` false when it was stopped before its
   * first transaction (nothing was written, not even the batch entry). `throughLine`: the file
   * line of the last row written (every good row up to it was written, none after; null when the
   * rows carry no lines); `unmapped`: of the written seizures, those without a location.
   */
  cancelled?: { planned: number; batchWritten: boolean; throughLine?: number | null; unmapped?: number };
  /** Of those, in the case doc. */
  inline: number;
  /** The volumes written to, ascending (new ones and the last listed one). */
  volumes: number[];
  /** True when there was nothing to write (no row and no route): no transaction ran, no batch entry exists. */
  nothing?: true;
}

/**
 * Writes an import into case `caseId` (its case doc `cd`, loaded by the caller) as the module
 * comment says, attributed to `w`; after the import running into the same case, if any.
 * @throws NestError('too-large', 'case.too-many-seizures') before anything is written when the
 *   case (the projection's count over case doc and volumes) would pass its limit;
 *   NestError('too-large', 'case.too-many-volumes') when the volumes would pass theirs;
 *   NestError('validation') naming a bad record (the parser validated every row, so only a bug
 *   gets here; volumes written before it stay, marked with the batch, without a batch entry).
 */
export function writeImport(ws: Pick<WorkspaceRuntime, 'id' | 'host' | 'store'>, caseId: string, cd: CaseDoc, input: ImportWrite, w: Writer, onProgress?: WriteProgress, signal?: AbortSignal): Promise<ImportWritten> {
  // One import at a time per case: the placement plan is made from the volumes as they are when
  // the import starts, and the writes yield to the event loop between transactions.
  const key = `${ws.id}/${caseId}`;
  const run = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => writeNow(ws, caseId, cd, input, w, onProgress, signal));
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  running.set(key, settled);
  void settled.then(() => {
    if (running.get(key) === settled) running.delete(key);
  });
  return run;
}

/**
 * Case-doc seizures written per transaction: the safe points of `import.abort` in an import's
 * inline run (at most `INLINE_SEIZURES`, 1,000, so at most four slices). Each slice is projected
 * and synced as it is written; the last one goes with the batch entry.
 */
export const INLINE_SLICE = 250;

/** The import running (or last run) per `<workspaceId>/<caseId>`, so the next waits for it. */
const running = new Map<string, Promise<void>>();

/** Lets the event loop run (other windows, sync, the unloading of a full volume) between two transactions. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function writeNow(ws: Pick<WorkspaceRuntime, 'id' | 'host' | 'store'>, caseId: string, cd: CaseDoc, input: ImportWrite, w: Writer, onProgress?: WriteProgress, signal?: AbortSignal): Promise<ImportWritten> {
  const rows = input.rows;
  // Stopped while it waited for another import into this case: nothing is written.
  if (signal?.aborted) return { seizures: 0, inline: 0, volumes: [], cancelled: { planned: rows.bound, batchWritten: false } };
  const projectedTotal = ws.store.projections.getCase(caseId).seizureCount;
  const listed = listVolumes(cd.doc);
  const place = (count: number): Placement[] => {
    cd.requireRoomFor(count, projectedTotal);
    return planPlacement(cd.seizureRecordCount(), listed, lastVolumeRecords(ws, caseId, listed), count);
  };
  // Planned for the most rows that can come (a streamed parse's data rows): rows fill the case doc,
  // then the volumes, in order, so fewer rows take a prefix of the same plan. Only when that bound
  // would not fit is the exact count awaited, and then it decides.
  let plan: Placement[];
  try {
    plan = place(rows.bound);
  } catch (err) {
    if (rows.exact) throw err;
    plan = place(await rows.settled());
  }

  // Of the rows taken into volumes: the last one's file line, and how many have no location.
  let lastVolumeLine: number | null = null;
  let unmappedInVolumes = 0;
  /** The file line of each inline record, in order (a stopped small import reports its last written). */
  const inlineLines: (number | null)[] = [];
  /** The next `count` rows, as records with fresh ids; `lines` collects their file lines (else they count as volume rows). */
  const take = async (count: number, lines?: (number | null)[]): Promise<NewVolumeSeizure[]> =>
    (await rows.take(count)).map((row) => {
      if (lines) lines.push(row.line ?? null);
      else {
        lastVolumeLine = row.line ?? null;
        if (row.fields.latitude === null) unmappedInVolumes++;
      }
      return row.review?.length ? { id: randomUUID(), fields: row.fields, reviewFlags: row.review } : { id: randomUUID(), fields: row.fields };
    });

  // The inline run (if any) is first in the plan, but written last, with the batch entry.
  const inline = plan[0]?.volume === 0 ? await take(plan[0].count, inlineLines) : [];
  let done = 0;
  let inlineDone = 0;
  // A safe point: after a transaction of this import, before the next. Past the check above, the
  // first transaction always runs (a new case is never left empty, a batch never counts nothing).
  const stopHere = (): boolean => signal?.aborted === true && done + inlineDone > 0;
  // The writing phase starts (0 written): from here a Cancel asks before stopping (import-stop.tsx).
  onProgress?.(0, rows.bound);
  let unloaded = 0;
  const volumes: number[] = [];
  for (const run of plan) {
    if (run.volume === 0) continue;
    if (stopHere()) break;
    // The whole run in ONE transaction (at most VOLUME_SIZE records): one update encoded once,
    // one entry in the update log, which is the volume's whole state when the volume is new, so
    // its compaction at unload copies it instead of encoding the doc again (sqlite-doc-log.ts).
    // Written as several slices it cost a second encoding of the volume at unload (~20 % of the
    // writing, docs/architecture.md "P3"). A progress event follows each volume.
    const items = await take(run.count);
    if (!items.length) break; // the rows ended before the bound
    ws.host.with(volumeDocName(ws.id, caseId, run.volume), (doc) => new VolumeDoc(doc).insertSeizures(items, w, input.batchId, { validated: true }));
    done += items.length;
    onProgress?.(done, rows.bound);
    await yieldToLoop();
    volumes.push(run.volume);
    if (items.length < run.count) break;
    // A full volume is not written again by this import: unloaded now, not a minute later, so an
    // import holds one volume in memory at a time (a loaded Y.Doc costs ~16× its encoded size).
    if (run.volume !== plan[plan.length - 1]!.volume) {
      // Not compacted: the run was ONE transaction, so a new volume's log is that one update,
      // already the doc's whole state; compacting only copied it into a snapshot (~0.9 s per
      // 100,000 rows, docs/architecture.md "P3"). A topped-up volume is compacted when next idle.
      ws.host.unloadIdle(volumeDocName(ws.id, caseId, run.volume), { compact: false });
      // The unloaded volumes are old-generation garbage until a mark-compact: collected every
      // RECLAIM_EVERY_VOLUMES volumes, so a large import's heap stays near what it holds (reclaim-memory.ts).
      if (++unloaded % RECLAIM_EVERY_VOLUMES === 0) reclaimMemory();
    }
  }
  // The inline run, all but its last slice: one transaction each. Only an import with no volume
  // written stops between them: once later rows are in volumes, the first rows are written whole.
  const stopInline = (): boolean => done === 0 && stopHere();
  while (inline.length - inlineDone > INLINE_SLICE && !stopInline()) {
    cd.importSeizureSlice(inline.slice(inlineDone, inlineDone + INLINE_SLICE), input.batchId, w);
    inlineDone += INLINE_SLICE;
    onProgress?.(done + inlineDone, rows.bound);
    await yieldToLoop();
  }
  // Every row is known from here (a streamed parse has ended): the batch's facts and the routes.
  const { routes, batch } = await input.finish();
  const total = await rows.settled();
  const listedSet = new Set(listed);
  const inlineRest = stopInline() ? [] : inline.slice(inlineDone);
  const inlineWritten = inlineDone + inlineRest.length;
  if (inlineWritten + done === 0 && !routes.length) return { seizures: 0, inline: 0, volumes: [], nothing: true };
  // Stopped with rows still to write: the batch records what was written (no gap, see above).
  const stopped = signal?.aborted === true && done + inlineWritten < total;
  cd.importRecords(
    {
      seizures: inlineRest,
      routes: stopped ? [] : routes.map((fields) => ({ id: randomUUID(), fields })),
      source: input.source,
      batch: { id: input.batchId, ...batch },
      inVolumes: done,
      inlineBefore: inlineDone,
      volumes: volumes.filter((n) => !listedSet.has(n)),
      projectedTotal,
      ...(stopped ? { cancelled: { planned: total } } : {}),
    },
    w,
  );
  if (stopped) {
    const throughLine = done > 0 ? lastVolumeLine : (inlineLines[inlineWritten - 1] ?? null);
    const unmapped = unmappedInVolumes + inline.slice(0, inlineWritten).filter((r) => r.fields.latitude === null).length;
    return { seizures: done + inlineWritten, inline: inlineWritten, volumes, cancelled: { planned: total, batchWritten: true, throughLine, unmapped } };
  }
  onProgress?.(total, total);
  return { seizures: done + inline.length, inline: inline.length, volumes };
}

/**
 * Records held by the highest listed volume, or {@link VOLUME_SIZE} (full) when this replica does
 * not store it yet: writing into a volume whose records are not here could pass its bound, so the
 * import opens the next one instead.
 */
export function lastVolumeRecords(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, listed: readonly number[]): number {
  const last = listed[listed.length - 1];
  if (last === undefined) return 0;
  const name = volumeDocName(ws.id, caseId, last);
  return ws.host.exists(name) ? ws.host.with(name, (doc) => new VolumeDoc(doc).recordCount()) : VOLUME_SIZE;
}
