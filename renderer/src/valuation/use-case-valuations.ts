/**
 * A case's valuation inputs on its doc replica (valuation records and the interdiction-rate
 * assumption, through {@link CaseValuations}) and the computed estimate from the data service
 * (`valuation.case`), kept fresh: the estimate is fetched again when a valuation or the assumption
 * changes on the replica (here or from another member), when the workspace's price list or rates
 * change (`listsVersion`), and when the case's seizures change (`projection.changed`).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { CaseValuations, type StoredInterdictionAssumption } from '../../../shared/docs/case-valuations';
import type { ValuationRecord } from '../../../shared/domain/seizure-valuation';
import type { CaseValuation } from '../../../shared/rpc/valuation';
import { useRpc, type RpcQuery } from '../hooks/use-rpc';

/** The valuation records and assumption of a case replica, with a change counter. */
export interface CaseValuationInputs {
  cv: CaseValuations;
  records: ValuationRecord[];
  assumption: StoredInterdictionAssumption | null;
  version: number;
}

/** Reads (and tracks) the valuation inputs of the case doc replica `doc`. */
export function useCaseValuationInputs(doc: Y.Doc): CaseValuationInputs {
  const cv = useMemo(() => new CaseValuations(doc), [doc]);
  const [version, setVersion] = useState(0);
  useEffect(() => cv.observe(() => setVersion((v) => v + 1)), [cv]);
  const read = useMemo(() => ({ records: cv.listValuations(), assumption: cv.readInterdictionRate() }), [cv, version]);
  return { cv, ...read, version };
}

/** Delay that coalesces bursts of edits (a bulk assignment, typing a basis) into one fetch, in ms. */
const REFETCH_DELAY_MS = 150;

/**
 * The case estimate from the data service, fetched again after `inputsVersion` or `listsVersion`
 * change (debounced) and when the case's seizures change.
 */
export function useCaseEstimate(workspaceId: string, caseId: string, inputsVersion: number, listsVersion: number): RpcQuery<CaseValuation> {
  const q = useRpc('valuation.case', { workspaceId, caseId }, { workspaceId, caseId, keepPrevious: true });
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
