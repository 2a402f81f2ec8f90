/**
 * Deleted seizures of a case, wherever they live (branch undel): the paged "Deleted" list and the
 * restore. The list's rows come from the projection (`deleted_seizures`: case doc and volume docs
 * alike); who deleted each seizure, when and why are read from the case doc's audit and import
 * log for the page's rows only (shared/docs/seizure-deletions.ts), so nothing is stored as a guess.
 * A restore resolves each id to the doc that holds its tombstone (seizure-homes.ts, the projection's
 * `doc` column of either table), checks every doc first, then writes one transaction per doc with
 * one "seizure.restore-deleted" audit entry per seizure in the case doc. Dispatch has checked
 * `case.read` (the list) or `case.edit` (the restore) on the case.
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import { readImportBatches } from '../../shared/docs/case-import-batches';
import { parseDocName } from '../../shared/docs/names';
import type { Writer } from '../../shared/docs/records';
import { deletionsOf } from '../../shared/docs/seizure-deletions';
import { DATE_PRECISIONS, QUANTITY_UNITS } from '../../shared/domain/codes';
import { NestError } from '../../shared/errors';
import type { DeletedSeizureRow } from '../../shared/rpc/seizure-restore';
import type { ProjectedDeletedSeizure } from '../projections/deleted-seizure-queries';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { withSeizureHomes, type HomesWorkspace } from './seizure-homes';

/**
 * Restores the deleted seizures `ids` of case `caseId` where they live, attributed to `w`; all
 * are checked before any doc is written.
 * @returns how many were restored.
 * @throws NestError('validation', 'seizures.bulk-none') for an empty list; NestError('not-found')
 *   for an unknown case or an id no doc of the case holds; NestError('validation',
 *   'seizure.restore-not-deleted' | 'seizure.restore-moved') naming the first such id (nothing written).
 */
export function restoreSeizuresAnywhere(ws: HomesWorkspace, caseId: string, ids: readonly string[], w: Writer): number {
  if (!ids.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  return withSeizureHomes(ws, caseId, ids, (caseDoc, groups) => {
    for (const { group, home } of groups) caseDoc.checkRestore(group.ids, home);
    return groups.reduce((n, { group, home }) => n + caseDoc.restoreSeizures(group.ids, w, home), 0);
  });
}

/** The parts of a workspace the list reads. */
type PageWorkspace = Pick<WorkspaceRuntime, 'host' | 'store' | 'caseDocName'>;

/**
 * Rows `offset`… (at most `limit`) of case `caseId`'s deleted seizures, newest first, each with
 * its deletion as the case's trail records it (null when none does), and how many there are.
 * @throws NestError('not-found', 'service.case.not-found') for an unknown case.
 */
export function deletedSeizurePage(ws: PageWorkspace, caseId: string, offset: number, limit: number): { total: number; offset: number; rows: DeletedSeizureRow[] } {
  const caseName = ws.caseDocName(caseId);
  if (!ws.host.exists(caseName)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  const page = ws.store.projections.deletedSeizurePage(caseId, offset, limit);
  const facts = page.rows.length
    ? ws.host.with(caseName, (doc) => deletionsOf(new CaseDoc(doc).readAudit(), readImportBatches(doc), page.rows))
    : new Map();
  return { total: page.total, offset, rows: page.rows.map((r) => toRow(r, facts.get(r.id) ?? null)) };
}

/** The list's row of projected deleted seizure `r` with its `deletion`. */
function toRow(r: ProjectedDeletedSeizure, deletion: DeletedSeizureRow['deletion']): DeletedSeizureRow {
  const ref = parseDocName(r.doc);
  return {
    id: r.id,
    seizureDate: r.seizureDate,
    // The projection wrote these from a read seizure; an unknown value (a newer peer) reads as the least precise.
    datePrecision: (DATE_PRECISIONS as readonly string[]).includes(r.datePrecision) ? (r.datePrecision as DeletedSeizureRow['datePrecision']) : 'year',
    country: r.country,
    place: r.place,
    commodity: r.commodity,
    taxon: r.taxon,
    quantity: r.quantity,
    unit: (QUANTITY_UNITS as readonly string[]).includes(r.unit) ? (r.unit as NonNullable<DeletedSeizureRow['unit']>) : null,
    volume: ref?.kind === 'volume' ? ref.volume : 0,
    stampedBy: r.updatedBy,
    stampedAt: r.updatedAt,
    deletion,
  };
}
