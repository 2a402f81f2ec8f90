/**
 * Every live seizure of a case, wherever it lives: its case doc and each volume doc it lists
 * (docs/architecture.md "Volume docs"). For the service's readers that need whole records rather
 * than the projection (duplicate checks, the CSV export, packs, the report, STIX, entity links).
 * Volumes are loaded for the call only.
 */
import * as Y from 'yjs';
import type { CaseDoc } from '../../shared/docs/case-doc';
import type { VolumeSeizureEnds } from '../../shared/docs/case-links';
import { caseDocName, volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import type { Seizure } from '../../shared/domain/seizure';
import { NestError } from '../../shared/errors';
import { sortPaced } from '../../shared/paced-sort';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

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

/** Reads volume `n` into `r` (whole, in one step: its seizures and state vector agree), or notes it missing. */
function readVolume(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, r: Reading, n: number): void {
  const name = volumeDocName(ws.id, caseId, n);
  if (!ws.host.exists(name)) {
    r.missingVolumes.push(n);
    return;
  }
  ws.host.with(name, (doc) => {
    r.docs.push({ name, volume: n, stateVector: Y.encodeStateVector(doc) });
    const vol = new VolumeDoc(doc);
    for (const id of vol.recordIds()) r.held.add(id);
    for (const s of vol.listSeizures()) {
      r.liveInVolumes.add(s.id);
      r.live.push(s);
    }
  });
}

/** The order of `CaseSeizures.live`: by date, then id. */
const byDateThenId = (a: Seizure, b: Seizure): number => a.seizureDate.localeCompare(b.seizureDate) || a.id.localeCompare(b.id);

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
  for (const n of volumes) readVolume(ws, caseId, r, n);
  return finishReading(r, volumes);
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

/**
 * Reads volume `n` into `r` without holding the event loop for the whole volume: one step takes
 * the live doc's state vector and its state as an update (loading it through the async store when
 * it is not loaded, and unloading it afterwards, so a 100,000-seizure export does not keep twenty
 * volumes in memory), a second applies that update to a private copy, and the copy's seizures are
 * then parsed {@link PARSE_CHUNK} at a time with `pause()` between: the copy cannot change
 * meanwhile, so the seizures are exactly those of the recorded state vector.
 */
async function readVolumePaced(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, r: Reading, n: number, pause: () => Promise<void>): Promise<void> {
  const name = volumeDocName(ws.id, caseId, n);
  const wasLoaded = ws.host.loadedNames().includes(name);
  const live = await ws.host.open(name);
  let state: Uint8Array;
  try {
    r.docs.push({ name, volume: n, stateVector: Y.encodeStateVector(live) });
    state = Y.encodeStateAsUpdate(live);
  } finally {
    ws.host.release(name);
  }
  if (!wasLoaded) ws.host.unloadIdle(name);
  await pause();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  await pause();
  const vol = new VolumeDoc(copy);
  for (const id of vol.recordIds()) r.held.add(id);
  let since = 0;
  for (const s of vol.eachSeizure()) {
    r.liveInVolumes.add(s.id);
    r.live.push(s);
    if (++since === PARSE_CHUNK) {
      since = 0;
      await pause();
    }
  }
  copy.destroy();
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
