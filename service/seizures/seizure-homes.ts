/**
 * Which doc holds a seizure (docs/architecture.md "Volume docs"): the case doc or one of its
 * volume docs. Edits, deletes and moves of seizures resolve each id here before writing, so the
 * record is changed where it lives and the audit goes to the case doc (seizure-edits.ts).
 *
 * The projection's `doc` column (migration 010) says where to look; the answer is then checked in
 * that doc (a stale or unfilled row never sends a write to the wrong doc). Ids the projection
 * does not place are looked for in the case doc, then in each listed volume this desktop stores.
 */
import type * as Y from 'yjs';
import { CaseDoc } from '../../shared/docs/case-doc';
import type { SeizureHome } from '../../shared/docs/case-seizures';
import { parseDocName, volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import { NestError } from '../../shared/errors';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** The parts of a workspace the resolver uses. */
export type HomesWorkspace = Pick<WorkspaceRuntime, 'id' | 'host' | 'store' | 'caseDocName'>;

/** The seizures of one doc among those resolved: the volume number (0: the case doc) and the ids. */
export interface SeizureGroup {
  /** 0 for the case doc, else the volume number. */
  volume: number;
  /** The doc's name. */
  docName: string;
  ids: string[];
}

/** The ids among `ids` whose record (live or deleted) volume doc `doc` holds. */
function heldBy(doc: Y.Doc, ids: readonly string[]): Set<string> {
  const vol = new VolumeDoc(doc);
  return new Set(ids.filter((id) => vol.has(id)));
}

/**
 * Resolves `ids` (distinct seizure ids of case `caseId`, whose loaded case doc is `caseDoc`) to the
 * docs that hold their records (live or deleted), in the order each doc is first met.
 * @throws NestError('not-found', 'record.not-found') naming the first id that neither the case doc
 *   nor any stored volume of the case holds.
 */
export function resolveSeizureDocs(ws: HomesWorkspace, caseId: string, caseDoc: CaseDoc, ids: readonly string[]): SeizureGroup[] {
  const caseName = ws.caseDocName(caseId);
  const groups = new Map<number, SeizureGroup>();
  const put = (volume: number, id: string): void => {
    const g = groups.get(volume) ?? { volume, docName: volume === 0 ? caseName : volumeDocName(ws.id, caseId, volume), ids: [] };
    g.ids.push(id);
    groups.set(volume, g);
  };
  const inCase = (id: string): boolean => caseDoc.getSeizureEvenDeleted(id) !== null;
  // 1. Where the projection says, checked in that doc.
  const projected = ws.store.projections.seizureDocs(caseId, ids);
  const byVolume = new Map<number, string[]>();
  const left: string[] = [];
  for (const id of ids) {
    const ref = parseDocName(projected.get(id) ?? '');
    if (ref?.kind === 'volume' && ref.workspaceId === ws.id && ref.caseId === caseId) {
      const list = byVolume.get(ref.volume) ?? [];
      list.push(id);
      byVolume.set(ref.volume, list);
    }
    else if (ref?.kind === 'case' && ref.caseId === caseId && inCase(id)) put(0, id);
    else left.push(id);
  }
  for (const [n, vids] of byVolume) {
    const name = volumeDocName(ws.id, caseId, n);
    const held = ws.host.exists(name) ? ws.host.with(name, (doc) => heldBy(doc, vids)) : new Set<string>();
    for (const id of vids) {
      if (held.has(id)) put(n, id);
      else left.push(id);
    }
  }
  // 2. The rest: the case doc, then each listed volume stored here.
  let missing = left.filter((id) => {
    if (!inCase(id)) return true;
    put(0, id);
    return false;
  });
  for (const n of listVolumes(caseDoc.doc)) {
    if (!missing.length) break;
    const name = volumeDocName(ws.id, caseId, n);
    if (!ws.host.exists(name)) continue;
    const found = ws.host.with(name, (doc) => heldBy(doc, missing));
    for (const id of found) put(n, id);
    missing = missing.filter((id) => !found.has(id));
  }
  if (missing.length) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'seizure', id: missing[0]! } });
  return [...groups.values()];
}

/** A group of resolved seizures with its doc held: for a volume, its view and its {@link SeizureHome}; both undefined for the case doc. */
export interface HeldGroup {
  group: SeizureGroup;
  volume: VolumeDoc | undefined;
  home: SeizureHome | undefined;
}

/**
 * Runs `fn` with case `caseId`'s doc and the homes of `ids` loaded and held: one entry per doc
 * that holds some of them ({@link HeldGroup}). Docs are released afterwards (unloaded later as usual).
 * @throws NestError('not-found') for an unknown case (`service.case.not-found`) or seizure.
 */
export function withSeizureHomes<T>(
  ws: HomesWorkspace,
  caseId: string,
  ids: readonly string[],
  fn: (caseDoc: CaseDoc, groups: HeldGroup[]) => T,
): T {
  const caseName = ws.caseDocName(caseId);
  if (!ws.host.exists(caseName)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  return ws.host.with(caseName, (doc) => {
    const caseDoc = new CaseDoc(doc);
    const groups = resolveSeizureDocs(ws, caseId, caseDoc, [...new Set(ids)]);
    const held: string[] = [];
    try {
      const homes = groups.map((group) => {
        if (group.volume === 0) return { group, volume: undefined, home: undefined };
        const volume = new VolumeDoc(ws.host.retain(group.docName));
        held.push(group.docName);
        return { group, volume, home: volume.home() };
      });
      return fn(caseDoc, homes);
    } finally {
      for (const name of held) ws.host.release(name);
    }
  });
}
