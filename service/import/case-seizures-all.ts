/**
 * Every live seizure of a case, wherever it lives: its case doc and each volume doc it lists
 * (docs/architecture.md "Volume docs"). For the service's readers that need whole records rather
 * than the projection (the CSV export, packs, the report, STIX, entity links), and, keeping only
 * the fields a match compares, for the import's duplicate check (`readCaseMatchFields`).
 * Volumes are loaded for the call only.
 */
import * as Y from 'yjs';
import type { CaseDoc } from '../../shared/docs/case-doc';
import type { VolumeSeizureEnds } from '../../shared/docs/case-links';
import { caseDocName, volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import type { Seizure } from '../../shared/domain/seizure';
import { storedMatchOf, type StoredMatch } from '../../shared/domain/seizure-match';
import { NestError } from '../../shared/errors';
import { sortPaced } from '../../shared/paced-sort';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { RECLAIM_EVERY_VOLUMES, reclaimMemory } from './reclaim-memory';

/** A case's seizures over its case doc and volumes, read at once. */
export interface CaseSeizures {
  /** Every live seizure, ordered by date then id (as `CaseDoc.listSeizures` orders). */
  live: Seizure[];
  /** The volume seizures as link ends (live or deleted records of the stored volumes). */
  volumes: VolumeSeizureEnds;
  /** Volume numbers the case doc lists that this desktop does not store yet (their seizures are not in `live`). */
  missingVolumes: number[];
  /**
   * The docs read, case doc first, then each stored volume by number (`volume` null for the case
   * doc), each with its Yjs state vector as of this read: exactly which state `live` comes from.
   */
  docs: ReadDoc[];
}

/** One doc a read took seizures from. */
export interface ReadDoc {
  /** The doc's name (`<ws>/case/<caseId>` or `<ws>/case/<caseId>/vol/<n>`). */
  name: string;
  /** The volume number, or null for the case doc. */
  volume: number | null;
  /** `Y.encodeStateVector` of the doc when it was read. */
  stateVector: Uint8Array;
}

/** A read in progress: what the docs read so far gave. */
interface Reading {
  live: Seizure[];
  held: Set<string>;
  liveInVolumes: Set<string>;
  missingVolumes: number[];
  docs: ReadDoc[];
}

/** Starts a read with the case doc's own seizures; returns it and the volume numbers it lists. */
function startReading(ws: Pick<WorkspaceRuntime, 'id'>, caseId: string, caseDoc: CaseDoc): { r: Reading; volumes: number[] } {
  const r: Reading = { live: caseDoc.listSeizures(), held: new Set(), liveInVolumes: new Set(), missingVolumes: [], docs: [{ name: caseDocName(ws.id, caseId), volume: null, stateVector: Y.encodeStateVector(caseDoc.doc) }] };
  return { r, volumes: listVolumes(caseDoc.doc) };
}

/**
 * Calls `read` with each volume of `volumes` (case `caseId`'s listed volumes) this desktop stores,
 * in order, each whole in one step (what it reads and its state vector agree); the volumes not
 * stored are returned. A volume loaded for the walk is unloaded at once after it, before the next
 * is loaded (a loaded volume of 5,000 seizures holds ~55 MB; a walk of a large case would
 * otherwise keep every volume for a minute); not compacted, so the unload is done when `read`
 * returns (the walk changed nothing; the volume is compacted when it is next loaded and idle).
 * The readers keep what they need of each volume (readCaseSeizures the whole records,
 * readCaseMatchFields only the fields a duplicate check compares).
 */
function walkVolumes(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, volumes: readonly number[], read: (doc: Y.Doc, n: number, name: string) => void): { missing: number[] } {
  const missing: number[] = [];
  let unloaded = 0;
  for (const n of volumes) {
    const name = volumeDocName(ws.id, caseId, n);
    if (!ws.host.exists(name)) {
      missing.push(n);
      continue;
    }
    const wasLoaded = ws.host.isLoaded(name);
    ws.host.with(name, (doc) => read(doc, n, name));
    if (!wasLoaded) {
      ws.host.unloadIdle(name, { compact: false });
      // An unloaded volume is old-generation garbage until a mark-compact, which V8 puts off while
      // the walk holds the event loop: collected every few volumes and after the last (a re-import
      // of 60,000 rows into their own case peaked at 1,076 MB without, 851 MB with: reclaim-memory.ts).
      if (++unloaded % RECLAIM_EVERY_VOLUMES === 0) reclaimMemory();
    }
  }
  if (unloaded % RECLAIM_EVERY_VOLUMES !== 0) reclaimMemory();
  return { missing };
}

/** Reads volume doc `doc` (number `n`, named `name`) into `r`: its state vector, record ids and live seizures. */
function readVolume(r: Reading, doc: Y.Doc, n: number, name: string): void {
  r.docs.push({ name, volume: n, stateVector: Y.encodeStateVector(doc) });
  const vol = new VolumeDoc(doc);
  for (const id of vol.recordIds()) r.held.add(id);
  for (const s of vol.listSeizures()) {
    r.liveInVolumes.add(s.id);
    r.live.push(s);
  }
}

/** The order of `CaseSeizures.live` (and `CaseMatchFields.live`): by date, then id. */
const byDateThenId = (a: { seizureDate: string; id: string }, b: { seizureDate: string; id: string }): number => a.seizureDate.localeCompare(b.seizureDate) || a.id.localeCompare(b.id);

/** The read's result; `volumes` (the listed volumes) non-empty: `r.live` is sorted first. */
function finishReading(r: Reading, volumes: number[]): CaseSeizures {
  if (volumes.length) r.live.sort(byDateThenId);
  return { live: r.live, volumes: { held: (id) => r.held.has(id), live: (id) => r.liveInVolumes.has(id) }, missingVolumes: r.missingVolumes, docs: r.docs };
}

/** @throws NestError('not-found', 'pack.export.volumes-missing') when `all` lacks a listed volume. */
function complete(all: CaseSeizures): CaseSeizures {
  if (all.missingVolumes.length) {
    throw new NestError('not-found', { id: 'pack.export.volumes-missing', values: { count: all.missingVolumes.length, volumes: all.missingVolumes.join(', ') } });
  }
  return all;
}

/**
 * Reads the live seizures of case `caseId` (`caseDoc` its loaded case doc) and of its listed
 * volumes this desktop stores; volumes listed but not stored (not synced yet) are named in
 * `missingVolumes`, so a reader that must be complete (a pack) can refuse rather than leave them out.
 */
export function readCaseSeizures(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, caseDoc: CaseDoc): CaseSeizures {
  const { r, volumes } = startReading(ws, caseId, caseDoc);
  r.missingVolumes = walkVolumes(ws, caseId, volumes, (doc, n, name) => readVolume(r, doc, n, name)).missing;
  return finishReading(r, volumes);
}

/** The fields a duplicate check compares of a case's live seizures, read at once. */
export interface CaseMatchFields {
  /** Every live seizure's id and match fields alone (never the whole record), ordered as `CaseSeizures.live`. */
  live: StoredMatch[];
  /** Volume numbers the case doc lists that this desktop does not store yet (their seizures are not in `live`). */
  missingVolumes: number[];
}

/**
 * The duplicate check's read of case `caseId` (`caseDoc` its loaded case doc): what
 * {@link readCaseSeizures} reads, keeping of each seizure only its id and match fields
 * (seizure-match.ts), volume by volume, so a read of a large case never holds its whole records
 * (tester F11: a re-import of 60,000 rows into their own case peaked at 1,923 MB RSS; 851 MB with
 * this read and DocRegistry.unloadIdle freeing each volume at once, docs/architecture.md "P3").
 * Volumes listed but not stored are named in `missingVolumes`.
 */
export function readCaseMatchFields(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, caseDoc: CaseDoc): CaseMatchFields {
  const live = caseDoc.listSeizures().map(storedMatchOf);
  const volumes = listVolumes(caseDoc.doc);
  const { missing } = walkVolumes(ws, caseId, volumes, (doc) => {
    for (const s of new VolumeDoc(doc).eachSeizure()) live.push(storedMatchOf(s));
  });
  if (volumes.length) live.sort(byDateThenId);
  return { live, missingVolumes: missing };
}

/**
 * {@link readCaseSeizures} for an export that must hold every seizure (packs, the report, STIX).
 * @throws NestError('not-found', 'pack.export.volumes-missing') naming the listed volumes this desktop does not store yet.
 */
export function readCompleteCaseSeizures(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, caseDoc: CaseDoc): CaseSeizures {
  return complete(readCaseSeizures(ws, caseId, caseDoc));
}

/** Seizures parsed between two pauses of a paced read. */
const PARSE_CHUNK = 500;

/** What one volume doc gave a paced read: its state vector and the records read at that state. */
interface VolumeRead {
  stateVector: Uint8Array;
  /** Every record id (live or deleted). */
  held: string[];
  live: Seizure[];
}

/**
 * Volume `doc`'s seizures parsed {@link PARSE_CHUNK} at a time with `pause()` between, or null
 * when the doc changed meanwhile (any update, deletions too: Yjs emits one per changing
 * transaction), since the seizures would then mix two states.
 */
async function readVolumeInPlace(doc: Y.Doc, pause: () => Promise<void>): Promise<VolumeRead | null> {
  let changed = false;
  const onUpdate = (): void => {
    changed = true;
  };
  doc.on('update', onUpdate);
  try {
    const vol = new VolumeDoc(doc);
    const read: VolumeRead = { stateVector: Y.encodeStateVector(doc), held: vol.recordIds(), live: [] };
    let since = 0;
    for (const s of vol.eachSeizure()) {
      read.live.push(s);
      if (++since === PARSE_CHUNK) {
        since = 0;
        await pause();
        if (changed) return null;
      }
    }
    return read;
  } finally {
    doc.off('update', onUpdate);
  }
}

/**
 * Reads volume `n` into `r` without holding the event loop for the whole volume: the live doc is
 * loaded (through the async store when it is not loaded, and unloaded afterwards, so a
 * 100,000-seizure export does not keep twenty volumes in memory) and held while its seizures are
 * parsed {@link PARSE_CHUNK} at a time with `pause()` between, so they are exactly those of the
 * state vector recorded when the parse began. Should the doc change meanwhile (a sync), its state
 * at that moment is copied into a private doc that cannot change, and parsed the same way. Until
 * branch stix every volume was copied first: one more step of seconds per volume at 5,000
 * seizures under load (Yjs `applyUpdate`).
 */
async function readVolumePaced(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, r: Reading, n: number, pause: () => Promise<void>): Promise<void> {
  const name = volumeDocName(ws.id, caseId, n);
  const wasLoaded = ws.host.isLoaded(name);
  const live = await ws.host.open(name);
  let read: VolumeRead | null;
  let state: Uint8Array | null = null;
  try {
    await pause();
    read = await readVolumeInPlace(live, pause);
    if (!read) state = Y.encodeStateAsUpdate(live);
  } finally {
    ws.host.release(name);
    if (!wasLoaded) ws.host.unloadIdle(name);
  }
  if (state) {
    await pause();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    await pause();
    read = await readVolumeInPlace(copy, pause);
    copy.destroy();
  }
  // A private copy never changes, so `read` is set here.
  const got = read!;
  r.docs.push({ name, volume: n, stateVector: got.stateVector });
  for (const id of got.held) r.held.add(id);
  for (const s of got.live) {
    r.liveInVolumes.add(s.id);
    r.live.push(s);
  }
}

/**
 * {@link readCompleteCaseSeizures} for a long export: `begin(docs)` is awaited once the number of
 * docs to read is known (the case doc and each listed volume), `each()` after every doc read, and
 * `pause()` between the steps of a doc (its load, its copy, every 500 seizures parsed) and of the
 * final sort, so no step holds the event loop for a whole volume or the whole case. Each doc's
 * seizures are those of the state vector recorded for it in `docs` (readVolumePaced). `caseDoc`
 * should be a copy the caller holds still (an export reads a frozen copy of the case doc,
 * export-pack.ts). The result equals readCompleteCaseSeizures's (test/service/import/case-seizures-paced.test.ts).
 * @throws NestError('not-found', 'pack.export.volumes-missing') as readCompleteCaseSeizures; whatever `each` or `pause` throws (a cancelled export).
 */
export async function readCompleteCaseSeizuresPaced(
  ws: Pick<WorkspaceRuntime, 'id' | 'host'>,
  caseId: string,
  caseDoc: CaseDoc,
  begin: (docs: number) => Promise<void>,
  each: () => Promise<void>,
  pause: () => Promise<void>,
): Promise<CaseSeizures> {
  const { r, volumes } = startReading(ws, caseId, caseDoc);
  const missing = volumes.filter((n) => !ws.host.exists(volumeDocName(ws.id, caseId, n)));
  // Refused before any volume is loaded: the export cannot be complete.
  if (missing.length) return complete({ live: [], volumes: { held: () => false, live: () => false }, missingVolumes: missing, docs: [] });
  await begin(1 + volumes.length);
  await each();
  for (const n of volumes) {
    await readVolumePaced(ws, caseId, r, n, pause);
    await each();
  }
  if (volumes.length) r.live = await sortPaced(r.live, byDateThenId, pause);
  return complete(finishReading(r, []));
}
