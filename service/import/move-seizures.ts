/**
 * The "assign to another case" bulk action (issue 11, item 3): seizures copied into the target
 * case (new ids, `movedFrom` kept) and marked deleted in the source (`movedTo` kept), each case
 * auditing its side in one entry for the whole move (shared/docs/case-audit.ts BULK_SEIZURE_ACTIONS). Dispatch has checked `case.edit` on the source; the target is checked here
 * with the same permission model. A source seizure may live in a volume doc of its case: it is
 * marked there, the audit entries stay in the case doc. Everything is validated before any doc is
 * written, so a refusal leaves both cases as they were.
 *
 * The copies are placed in the target as an import places its rows (`planPlacement`,
 * write-import.ts): into its case doc only while that holds fewer than `INLINE_SEIZURES` records
 * and has no volume, else into its last volume and new ones, so no doc passes its bound. The
 * volumes are written first (each its own transaction), then the case doc (its inline copies,
 * the move's "seizure.bulk-move-in" entry and the new volumes' listing), then the sources are marked:
 * a crash between them leaves copies without their audit entry or sources not yet marked (both
 * visible), never a source marked moved whose copy does not exist.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { stripStamps } from '../../shared/docs/case-seizures';
import { validateMoved, type MovedSeizure } from '../../shared/docs/case-seizures-bulk';
import { volumeDocName } from '../../shared/docs/names';
import { listVolumes, planPlacement, VolumeDoc } from '../../shared/docs/volume-doc';
import { lastVolumeRecords } from './write-import';
import { withSeizureHomes } from '../seizures/seizure-homes';
import { NestError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * Moves `seizureIds` from case `caseId` to `toCaseId` of workspace `ws`.
 * @returns how many moved and the target's case number.
 * @throws NestError('validation', 'seizures.move-same-case'); NestError('not-found') for an unknown case or seizure;
 *   NestError('read-only') when this member may not edit the target case; NestError('too-large').
 */
export function moveSeizures(ws: WorkspaceRuntime, caseId: string, toCaseId: string, seizureIds: readonly string[]): { moved: number; toCaseNumber: string } {
  if (caseId === toCaseId) throw new NestError('validation', { id: 'seizures.move-same-case' });
  const { subject, target } = permissionContext(ws);
  if (!can(subject, 'case.edit', { ...target, caseId: toCaseId })) throw new NestError('read-only', { id: 'rpc.refused.case.edit' });
  const toName = ws.caseDocName(toCaseId);
  if (!ws.host.exists(toName)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: toCaseId } });
  const w = { memberId: ws.local().memberId };
  // The sources may live in the case doc or its volumes (seizure-homes.ts): every one is checked
  // live where it lives, the copies are written to the target, then each home marks its own.
  return withSeizureHomes(ws, caseId, seizureIds, (from, groups) =>
    ws.host.with(toName, (toDoc) => {
      const to = new CaseDoc(toDoc);
      for (const { group, home } of groups) from.checkSeizures(group.ids, undefined, home);
      const fromCase = from.readMeta().number;
      const toCaseNumber = to.readMeta().number;
      const items = groups.flatMap(({ group, volume }) =>
        group.ids.map((id) => {
          const s = volume ? volume.getSeizure(id) : from.getSeizure(id);
          if (!s) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'seizure', id } });
          return { id: randomUUID(), fields: stripStamps(s), fromCase, fromId: s.id };
        }),
      );
      const placed = placeMovedIn(ws, toCaseId, to, validateMoved(items), w);
      to.moveSeizuresIn(placed.inline, w, placed.inVolumes);
      const newIds = new Map(items.map((it) => [it.fromId, it.id]));
      from.moveSeizuresOutAcross(groups.map(({ group, home }) => ({ moved: new Map(group.ids.map((id) => [id, newIds.get(id)!])), home })), toCaseNumber, w);
      return { moved: items.length, toCaseNumber };
    }),
  );
}


/**
 * Writes the moved copies bound for volumes of target case `caseId` (placed by `planPlacement`
 * after checking the case's room, counted as the larger of its case doc and its projection).
 * @returns the copies for the case doc itself, and those written into volumes with the volumes to list.
 * @throws NestError('too-large') for a case or its volumes past their limits (nothing written).
 */
function placeMovedIn(ws: WorkspaceRuntime, caseId: string, to: CaseDoc, items: MovedSeizure[], w: { memberId: string }): { inline: MovedSeizure[]; inVolumes: { items: MovedSeizure[]; volumes: number[] } } {
  to.requireRoomFor(items.length, ws.store.projections.getCase(caseId).seizureCount);
  const listed = listVolumes(to.doc);
  const plan = planPlacement(to.seizureRecordCount(), listed, lastVolumeRecords(ws, caseId, listed), items.length);
  const inline: MovedSeizure[] = [];
  const inVolumes: MovedSeizure[] = [];
  const opened: number[] = [];
  let cursor = 0;
  for (const run of plan) {
    const slice = items.slice(cursor, cursor + run.count);
    cursor += run.count;
    if (run.volume === 0) {
      inline.push(...slice);
      continue;
    }
    const records = slice.map((it) => ({ id: it.id, fields: it.fields, movedFrom: `${it.fromCase}/${it.fromId}` }));
    ws.host.with(volumeDocName(ws.id, caseId, run.volume), (doc) => new VolumeDoc(doc).insertSeizures(records, w));
    inVolumes.push(...slice);
    if (!listed.includes(run.volume)) opened.push(run.volume);
  }
  return { inline, inVolumes: { items: inVolumes, volumes: opened } };
}
