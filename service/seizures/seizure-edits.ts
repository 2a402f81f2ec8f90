/**
 * Edits of seizures wherever they live (docs/architecture.md "Volume docs"): single updates,
 * field restores and deletes, bulk delete and bulk set-field. Each id is resolved to its doc
 * (seizure-homes.ts); the record is written there through the case doc's own seizure writes
 * (validated with zod, stamped, tombstones; the audit entry in the case doc: one per single edit,
 * one per bulk action naming every seizure with its old → new, so the field history reads as for
 * any seizure). Every doc is checked before any is written, so a
 * refusal leaves the case as it was. An update or restore that changes the location or seizing
 * country re-runs the outside-country check (location-flags.ts), as the importer does.
 * Dispatch has checked `case.edit` on the case.
 */
import type { SeizureField, SeizureFields } from '../../shared/domain/seizure';
import type { Writer } from '../../shared/docs/records';
import { NestError } from '../../shared/errors';
import { recheckLocation } from './location-flags';
import { withSeizureHomes, type HomesWorkspace } from './seizure-homes';

/** One edit of one seizure. `restore` writes a value from the field's history ("seizure.restore"); `review` clears its review flags ("seizure.review", the flags kept in the audit entry). */
export type SeizureEdit =
  | { kind: 'update'; patch: Partial<SeizureFields> }
  | { kind: 'review' }
  | { kind: 'restore'; field: SeizureField; value: unknown }
  | { kind: 'delete' };

/**
 * Applies `edit` to seizure `seizureId` of case `caseId`, in the doc that holds it, attributed to `w`.
 * @returns the changed field names (a delete: `['deleted']`; none: nothing was written).
 * @throws NestError('not-found') for an unknown case or an unknown or deleted seizure;
 *   NestError('validation') naming each bad field.
 */
export function editSeizure(ws: HomesWorkspace, caseId: string, seizureId: string, edit: SeizureEdit, w: Writer): string[] {
  return withSeizureHomes(ws, caseId, [seizureId], (caseDoc, [only]) => {
    const home = only!.home;
    switch (edit.kind) {
      case 'update':
        return caseDoc.updateSeizure(seizureId, edit.patch, w, home, recheckLocation);
      case 'restore':
        return caseDoc.restoreSeizureField(seizureId, edit.field, edit.value as SeizureFields[SeizureField], w, home, recheckLocation) ? [edit.field] : [];
      case 'review':
        return caseDoc.markSeizureReviewed(seizureId, w, home) ? ['reviewFlags'] : [];
      case 'delete':
        caseDoc.deleteSeizure(seizureId, w, home);
        return ['deleted'];
    }
  });
}

/**
 * Marks `ids` deleted (tombstones), one transaction per doc that holds some of them, ONE audit
 * entry in the case doc for the action (shared/docs/case-seizures-bulk.ts); all are checked first.
 * @returns how many were deleted.
 * @throws NestError('validation') for an empty list; NestError('not-found') naming the first unknown or deleted id (nothing written).
 */
export function deleteSeizuresAnywhere(ws: HomesWorkspace, caseId: string, ids: readonly string[], w: Writer): number {
  if (!ids.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  return withSeizureHomes(ws, caseId, ids, (caseDoc, groups) => caseDoc.deleteSeizuresAcross(groups.map(({ group, home }) => ({ ids: group.ids, home })), w));
}

/**
 * Sets `patch` on every seizure of `ids`, one transaction per doc, ONE audit entry for the action
 * keeping each changed seizure's old → new; every merged record is validated before anything is written.
 * @returns the ids of the seizures that changed.
 * @throws NestError('validation') naming the bad field or the first seizure the patch would make invalid; NestError('not-found').
 */
export function updateSeizuresAnywhere(ws: HomesWorkspace, caseId: string, ids: readonly string[], patch: Partial<SeizureFields>, w: Writer): string[] {
  if (!ids.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  return withSeizureHomes(ws, caseId, ids, (caseDoc, groups) => caseDoc.updateSeizuresAcross(groups.map(({ group, home }) => ({ ids: group.ids, home })), patch, w, recheckLocation));
}
