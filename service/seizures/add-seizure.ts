/**
 * Adds one seizure from the form (`seizures.add`, shared/rpc/seizure-edits.ts) where an import
 * would put it (`planPlacement`, write-import.ts): into the case doc while it holds fewer than
 * `INLINE_SEIZURES` records and has no volume, else into its last volume (or a new one when that
 * is full or not stored here). A volume seizure is written in the volume first, then its
 * "seizure.add" entry (and the new volume's listing) in the case doc: a crash between them leaves
 * a seizure without its entry (visible), never an entry without its seizure. Dispatch has
 * validated the fields and checked `case.edit` on the case. A point far outside its seizing
 * country is stored flagged for review, by the one rule the importer and every edit use
 * (service/geo/outside-country.ts; tester finding: only imports and edits raised it).
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import { volumeDocName } from '../../shared/docs/names';
import type { Writer } from '../../shared/docs/records';
import { listVolumes, planPlacement, VolumeDoc } from '../../shared/docs/volume-doc';
import type { SeizureFields } from '../../shared/domain/seizure';
import { NestError } from '../../shared/errors';
import { outsideCountryFlag } from '../geo/outside-country';
import { lastVolumeRecords } from '../import/write-import';
import type { HomesWorkspace } from './seizure-homes';

/**
 * Adds seizure `id` with `fields` to case `caseId` of `ws`, attributed to `w`.
 * @returns where it was placed: 0 for the case doc, else the volume number.
 * @throws NestError('not-found') for an unknown case; NestError('validation') naming each bad field
 *   or an id that exists; NestError('too-large') for a case (counted over case doc and volumes) or
 *   volumes at their limit. Nothing is written on a refusal.
 */
export function addSeizureAnywhere(ws: HomesWorkspace, caseId: string, id: string, fields: SeizureFields, w: Writer): number {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  return ws.host.with(name, (doc) => {
    const cd = new CaseDoc(doc);
    cd.requireRoomFor(1, ws.store.projections.getCase(caseId).seizureCount);
    const listed = listVolumes(doc);
    const [run] = planPlacement(cd.seizureRecordCount(), listed, lastVolumeRecords(ws, caseId, listed), 1);
    const flag = outsideCountryFlag(fields);
    const reviewFlags = flag ? [flag] : [];
    if (!run || run.volume === 0) {
      cd.addSeizure(id, fields, w, reviewFlags);
      return 0;
    }
    if (cd.getSeizureEvenDeleted(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id } });
    ws.host.with(volumeDocName(ws.id, caseId, run.volume), (vdoc) => new VolumeDoc(vdoc).insertSeizures([{ id, fields, ...(flag ? { reviewFlags } : {}) }], w));
    cd.auditAddedInVolume(id, run.volume, w);
    return run.volume;
  });
}
