/**
 * Where a window's seizure edit goes (docs/architecture.md "Volume docs"). A seizure of the
 * window's replica of the case doc is written there, as every other case edit (shown at once,
 * synced and checked like any update). A seizure that lives in one of the case's volume docs is
 * not on the replica (volumes are loaded in the data service only), so its edit is sent to the
 * data service's seizure edit methods (shared/rpc/seizure-edits.ts), which resolve each id to its
 * doc, validate, write there and audit in the case doc. Bulk actions over a mix go to the service
 * whole, so they keep their all-or-nothing check; so does "every shown seizure" (resolved there).
 */
import { useMemo } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { SeizureField, SeizureFields } from '../../../shared/domain/seizure';
import type { DataClient } from '../data/client';
import type { FieldIssue } from '../../../shared/errors';
import { useClient } from '../app/services';
import { listVolumes, planPlacement, VOLUME_SIZE } from '../../../shared/docs/volume-doc';
import { bulkParamsOf, type BulkTarget } from './seizure-selection';

/** What an edit needs: the replica, the writer, and the service for seizures not on the replica. */
export interface SeizureWriteTarget {
  caseDoc: CaseDoc;
  writer: Writer;
  client: DataClient;
  workspaceId: string;
}

/** The write target of a seizure editor: this replica and writer, the app's data client, workspace `workspaceId`. */
export function useSeizureWriteTarget(caseDoc: CaseDoc, writer: Writer, workspaceId: string): SeizureWriteTarget {
  const client = useClient();
  return useMemo(() => ({ caseDoc, writer, client, workspaceId }), [caseDoc, writer, client, workspaceId]);
}

/**
 * The field issues of a refused seizure write as the editors name fields: the service's parameter
 * path `patch.<field>` (`seizures.update` / `bulkUpdate`) or `fields.<field>` (`seizures.add`)
 * read as `<field>`, as the replica's NestError names it.
 */
export function seizureIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const prefix = ['patch.', 'fields.'].find((x) => i.field.startsWith(x));
    return prefix ? { ...i, field: i.field.slice(prefix.length) } : i;
  });
}

/** True when every id is a seizure record (live or deleted) of the replica's case doc. */
export function onReplica(caseDoc: CaseDoc, ids: readonly string[]): boolean {
  return ids.every((id) => caseDoc.getSeizureEvenDeleted(id) !== null);
}

/** True when `target` names ids all of the replica's case doc (written there, shown at once); "every shown seizure" always goes to the service, which resolves it. */
function onReplicaTarget(caseDoc: CaseDoc, target: BulkTarget): target is readonly string[] {
  return !('matching' in target) && onReplica(caseDoc, target as readonly string[]);
}

/**
 * Marks the seizures of `target` (ids, or every shown seizure: seizure-selection.ts) deleted where they live.
 * @returns how many were deleted.
 * @throws NestError (replica) or RpcError (service): 'validation' | 'not-found', nothing written
 *   ('validation' `seizures.selection-changed` when every shown seizure no longer holds the count shown).
 */
export async function deleteSeizures(to: SeizureWriteTarget, target: BulkTarget): Promise<number> {
  if (onReplicaTarget(to.caseDoc, target)) return to.caseDoc.deleteSeizures(target, to.writer);
  return (await to.client.call('seizures.bulkDelete', { workspaceId: to.workspaceId, caseId: to.caseDoc.readMeta().id, ...bulkParamsOf(target) })).deleted;
}

/**
 * Sets `patch` on every seizure of `target` where it lives.
 * @returns the ids that changed.
 * @throws as {@link deleteSeizures}.
 */
export async function updateSeizures(to: SeizureWriteTarget, target: BulkTarget, patch: Partial<SeizureFields>): Promise<string[]> {
  if (onReplicaTarget(to.caseDoc, target)) return to.caseDoc.updateSeizures(target, patch, to.writer);
  return (await to.client.call('seizures.bulkUpdate', { workspaceId: to.workspaceId, caseId: to.caseDoc.readMeta().id, ...bulkParamsOf(target), patch })).changed;
}

/**
 * Updates some fields of seizure `id` where it lives.
 * @returns the changed field names.
 * @throws as {@link deleteSeizures}, naming each bad field.
 */
export async function updateSeizure(to: SeizureWriteTarget, id: string, patch: Partial<SeizureFields>): Promise<string[]> {
  if (onReplica(to.caseDoc, [id])) return to.caseDoc.updateSeizure(id, patch, to.writer);
  return (await to.client.call('seizures.update', { workspaceId: to.workspaceId, caseId: to.caseDoc.readMeta().id, seizureId: id, patch })).changed;
}

/**
 * Restores field `field` of seizure `id` to `value` from its history, as a new attributed change
 * ("seizure.restore", old → new in the case doc's audit), where the seizure lives.
 * @returns true when the value changed (false: it already had that value).
 * @throws as {@link updateSeizure}.
 */
export async function restoreSeizureField(to: SeizureWriteTarget, id: string, field: SeizureField, value: unknown): Promise<boolean> {
  if (onReplica(to.caseDoc, [id])) return to.caseDoc.restoreSeizureField(id, field, value as SeizureFields[SeizureField], to.writer);
  return (await to.client.call('seizures.restoreField', { workspaceId: to.workspaceId, caseId: to.caseDoc.readMeta().id, seizureId: id, field, value })).changed;
}

/**
 * Marks seizure `id` deleted where it lives (a tombstone; the audit entry keeps its summary).
 * @throws as {@link deleteSeizures} ('not-found' for an unknown or already deleted id).
 */
export async function deleteSeizure(to: SeizureWriteTarget, id: string): Promise<void> {
  if (onReplica(to.caseDoc, [id])) return to.caseDoc.deleteSeizure(id, to.writer);
  await to.client.call('seizures.delete', { workspaceId: to.workspaceId, caseId: to.caseDoc.readMeta().id, seizureId: id });
}

/**
 * Adds seizure `id` (a fresh UUID) with `fields` where an import would place it (`planPlacement`):
 * on the replica while the case doc holds fewer than `INLINE_SEIZURES` records and has no volume
 * (shown at once), else through `seizures.add`, which puts it in a volume and audits it in the
 * case doc. A full or large case never gets a 1,001st record in its case doc.
 * @returns 0 when written to the case doc, else the volume that holds it.
 * @throws NestError (replica) or RpcError (service): 'validation' naming each bad field, 'too-large'; nothing written.
 */
export async function addSeizure(to: SeizureWriteTarget, id: string, fields: SeizureFields): Promise<number> {
  // The last volume's size is not known here; "full" makes the plan pick a volume whenever one is listed.
  const [run] = planPlacement(to.caseDoc.seizureRecordCount(), listVolumes(to.caseDoc.doc), VOLUME_SIZE, 1);
  if (!run || run.volume === 0) {
    to.caseDoc.addSeizure(id, fields, to.writer);
    return 0;
  }
  return (await to.client.call('seizures.add', { workspaceId: to.workspaceId, caseId: to.caseDoc.readMeta().id, seizureId: id, fields })).volume;
}
