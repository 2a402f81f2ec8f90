/**
 * A case's valuation inputs on a view of its doc (valuation records and the interdiction-rate
 * assumption, through {@link CaseValuations}) and the computed estimate from the data service
 * (`valuation.case`), kept fresh: the estimate is fetched again when a valuation or the assumption
 * changes on the replica (here or from another member), when the workspace's price list or rates
 * change (`listsVersion`), and when the case's seizures change (`projection.changed`).
 */
import { useEffect, useMemo, useRef } from 'react';
import { CaseValuations, type StoredInterdictionAssumption } from '../../../shared/docs/case-valuations';
import { caseDocName } from '../../../shared/docs/names';
import type { ValuationRecord } from '../../../shared/domain/seizure-valuation';
import type { CaseValuation } from '../../../shared/rpc/valuation';
import { useDocView } from '../data/use-doc-view';
import { projectionChanged, useLiveQuery, type LiveQuery } from '../data/use-live-query';

/** The valuation records and assumption of a case replica, with a change counter. */
export interface CaseValuationInputs {
  cv: CaseValuations;
  records: ValuationRecord[];
  assumption: StoredInterdictionAssumption | null;
  version: number;
}

/**
 * Reads (and tracks) the valuation inputs of case `caseId` through a {@link CaseValuations} view
 * of its doc (the same replica the case screen has open). Null until the replica is open.
 */
export function useCaseValuationInputs(workspaceId: string, caseId: string): CaseValuationInputs | null {
  const dv = useDocView(caseDocName(workspaceId, caseId), CaseValuations);
  const cv = dv?.view ?? null;
  const version = dv?.version ?? 0;
  const read = useMemo(() => (cv ? { records: cv.listValuations(), assumption: cv.readInterdictionRate() } : null), [cv, version]);
  if (!cv || !read) return null;
  return { cv, ...read, version };
}

/** Delay that coalesces bursts of edits (a bulk assignment, typing a basis) into one fetch, in ms. */
const REFETCH_DELAY_MS = 150;

/**
 * The case estimate from the data service, fetched again after `inputsVersion` or `listsVersion`
 * change (debounced) and when the case's seizures change.
 */
export function useCaseEstimate(workspaceId: string, caseId: string, inputsVersion: number, listsVersion: number): LiveQuery<CaseValuation> {
  const q = useLiveQuery('valuation.case', { workspaceId, caseId }, { refetchOn: [projectionChanged(workspaceId, caseId)], keepPrevious: true });
  const { reload } = q;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(reload, REFETCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [inputsVersion, listsVersion, reload]);
  return q;
}
