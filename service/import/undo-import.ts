/**
 * Undoing an import over a case of any size (docs/architecture.md "Volume docs", issue 11 items
 * 3–4): the batch's live seizures in each volume doc this desktop stores are marked deleted
 * (`VolumeDoc.liveOfBatch` + `markDeleted`, one transaction per volume), then ONE case-doc
 * transaction marks the inline seizures and routes, appends the undo entry and the audit entry
 * counting every one (`CaseImports.undo`). The undo record is written last: a crash in between
 * leaves the batch live with fewer rows, and undoing it again finishes the job.
 *
 * Each volume's tombstones travel to the relay as that volume's update, judged by the same
 * mass-deletion rule as the case doc (shared/permissions/deletion-rules.ts, per member and doc):
 * an undo of thousands of rows by a member who is not an admin is held for an admin.
 */
import { CaseImports, type UndoResult, type VolumeUndoCounts } from '../../shared/docs/case-import-batches';
import { volumeDocName } from '../../shared/docs/names';
import type { Writer } from '../../shared/docs/records';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import { NestError } from '../../shared/errors';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * Undoes import `batchId` of case `caseId` as the module comment says, attributed to `w`; with
 * `dryRun` it writes nothing and says what the undo would do (the confirmation's counts).
 * @returns what was (or would be) marked deleted, volumes included; how many of those seizures had
 *          been edited since; how many of the batch's seizures were deleted before the undo, and
 *          how many were moved to which other case.
 * @throws NestError('not-found') for an unknown case or batch; NestError('validation') when the batch is already undone.
 */
export function undoImport(ws: Pick<WorkspaceRuntime, 'id' | 'host' | 'caseDocName'>, caseId: string, batchId: string, w: Writer, dryRun = false): UndoResult {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  return ws.host.with(name, (doc) => {
    const imports = new CaseImports(doc);
    const batch = imports.requireLive(batchId);
    const inVolumes: VolumeUndoCounts = { seizures: 0, edited: 0, gone: { deleted: 0, moved: new Map() } };
    for (const n of listVolumes(doc)) {
      const vname = volumeDocName(ws.id, caseId, n);
      // A listed volume not synced to this desktop yet is skipped: its rows stay live, and the counts say what was marked.
      if (!ws.host.exists(vname)) continue;
      ws.host.with(vname, (vdoc) => {
        const vol = new VolumeDoc(vdoc);
        inVolumes.gone = vol.goneOfBatch(batchId, inVolumes.gone);
        const ids = vol.liveOfBatch(batchId);
        if (!ids.length) return;
        inVolumes.edited += vol.editedAfter(ids, batch.at);
        inVolumes.seizures += dryRun ? ids.length : vol.markDeleted(ids, w).length;
      });
    }
    return dryRun ? imports.undoPlan(batchId, inVolumes) : imports.undo(batchId, w, inVolumes);
  });
}
