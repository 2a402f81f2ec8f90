/**
 * Every live seizure of a case, wherever it lives: its case doc and each volume doc it lists
 * (docs/architecture.md "Volume docs"). For the service's readers that need whole records rather
 * than the projection (duplicate checks, the CSV export). Volumes are loaded for the call only.
 */
import type { CaseDoc } from '../../shared/docs/case-doc';
import { volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import type { Seizure } from '../../shared/domain/seizure';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * The live seizures of case `caseId` (`caseDoc` its loaded case doc) and of its listed volumes this
 * desktop stores (a volume not synced yet is left out), ordered by date then id as
 * `CaseDoc.listSeizures` orders.
 */
export function listAllSeizures(ws: Pick<WorkspaceRuntime, 'id' | 'host'>, caseId: string, caseDoc: CaseDoc): Seizure[] {
  const out = caseDoc.listSeizures();
  const volumes = listVolumes(caseDoc.doc);
  if (!volumes.length) return out;
  for (const n of volumes) {
    const name = volumeDocName(ws.id, caseId, n);
    if (ws.host.exists(name)) out.push(...ws.host.with(name, (doc) => new VolumeDoc(doc).listSeizures()));
  }
  return out.sort((a, b) => a.seizureDate.localeCompare(b.seizureDate) || a.id.localeCompare(b.id));
}
