/**
 * Reads whole seizures for the renderer where its replica cannot (issue 11 item 4): the table's
 * rows come from the projection, but the detail and the form need the full record, which may
 * live in a volume doc the renderer never loads. Also the reported-value conversion the seizure
 * table sorts by.
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import { volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import type { Seizure } from '../../shared/domain/seizure';
import { NestError } from '../../shared/errors';
import type { UsdOf } from '../projections/seizure-page';
import { reportedInUsd } from '../valuation/compute';
import { workspaceRateTable } from '../valuation/workspace-rates';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * The live seizure `seizureId` of case `caseId`: from the case doc, else from the first listed
 * volume this desktop stores that holds it (each volume is loaded for the look-up only); null
 * when it is deleted or not held here.
 * @throws NestError('not-found') when the case doc does not exist in this workspace.
 */
export function readSeizure(ws: WorkspaceRuntime, caseId: string, seizureId: string): Seizure | null {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  const { inline, volumes } = ws.host.with(name, (doc) => ({ inline: new CaseDoc(doc).getSeizure(seizureId), volumes: listVolumes(doc) }));
  if (inline) return inline;
  for (const n of volumes) {
    const vol = volumeDocName(ws.id, caseId, n);
    if (!ws.host.exists(vol)) continue;
    const found = ws.host.with(vol, (doc) => new VolumeDoc(doc).getSeizure(seizureId));
    if (found) return found;
  }
  return null;
}

/** The seizure table's value conversion: a reported value in USD at its date (the low end of the converted range), null when there is none or no rate. */
export function usdConverter(ws: WorkspaceRuntime): UsdOf {
  const rates = workspaceRateTable(ws);
  return (s) => reportedInUsd(s, rates)?.converted?.range.low ?? null;
}
