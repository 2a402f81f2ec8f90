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

/**
 * Reads the live seizures of case `caseId` (`caseDoc` its loaded case doc) and of its listed
 * volumes this desktop stores; volumes listed but not stored (not synced yet) are named in
 * `missingVolumes`, so a reader that must be complete (a pack) can refuse rather than leave them out.
 */
export function readCaseSeizures(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, caseDoc: CaseDoc): CaseSeizures {
  const live = caseDoc.listSeizures();
  const held = new Set<string>();
  const liveInVolumes = new Set<string>();
  const missingVolumes: number[] = [];
  const docs: ReadDoc[] = [{ name: caseDocName(ws.id, caseId), volume: null, stateVector: Y.encodeStateVector(caseDoc.doc) }];
  const volumes = listVolumes(caseDoc.doc);
  for (const n of volumes) {
    const name = volumeDocName(ws.id, caseId, n);
    if (!ws.host.exists(name)) {
      missingVolumes.push(n);
      continue;
    }
    ws.host.with(name, (doc) => {
      docs.push({ name, volume: n, stateVector: Y.encodeStateVector(doc) });
      const vol = new VolumeDoc(doc);
      for (const id of vol.recordIds()) held.add(id);
      for (const s of vol.listSeizures()) {
        liveInVolumes.add(s.id);
        live.push(s);
      }
    });
  }
  if (volumes.length) live.sort((a, b) => a.seizureDate.localeCompare(b.seizureDate) || a.id.localeCompare(b.id));
  return { live, volumes: { held: (id) => held.has(id), live: (id) => liveInVolumes.has(id) }, missingVolumes, docs };
}

/**
 * {@link readCaseSeizures} for an export that must hold every seizure (packs, the report, STIX).
 * @throws NestError('not-found', 'pack.export.volumes-missing') naming the listed volumes this desktop does not store yet.
 */
export function readCompleteCaseSeizures(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, caseDoc: CaseDoc): CaseSeizures {
  const all = readCaseSeizures(ws, caseId, caseDoc);
  if (all.missingVolumes.length) {
    throw new NestError('not-found', { id: 'pack.export.volumes-missing', values: { count: all.missingVolumes.length, volumes: all.missingVolumes.join(', ') } });
  }
  return all;
}
