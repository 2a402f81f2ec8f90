/**
 * A case valued once and reused (issue 11 item 4): the Valuation tab asks for the summary
 * (`valuation.case`) and then for pages of rows (`valuation.caseRows`, `valuation.caseRow`) of the
 * same estimate; valuing a 100,000-seizure case again for every page would cost a projection read
 * of every seizure each time. One entry per workspace (the case last asked for) is kept while
 * everything it was computed from is unchanged: the projection (its version changes with every
 * write, any case), the case doc's valuations, assumption and meta (compared by value), the price
 * list and reporting currency (by value) and the rate table (the same object until the ECB files or
 * the user rates change, workspace-rates.ts). Anything else computes it afresh.
 */
import type { ValuationStatus } from './case-rows';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { computeCase, readCaseDocInputs, reportedInUsd, workspaceValuationContext, type ComputedCase, type ValuedSeizure, type WorkspaceValuationContext } from './compute';

/** A computed case with the indexes its rows are built from. */
export interface ValuedCase {
  readonly c: ComputedCase;
  readonly ctx: WorkspaceValuationContext;
  /** Seizure id → indices of its valuation records (in `c.inputs.records` and `c.results`). */
  readonly recordsOf: ReadonlyMap<string, readonly number[]>;
  /** Seizure id → its live seizure. */
  readonly seizureById: ReadonlyMap<string, ValuedSeizure>;
  /** The seizure's estimate (the envelope of its successful valuations), when it is valued. */
  estimateOf(seizureId: string): ComputedCase['estimate']['seizures'][number] | undefined;
  /** The seizure's status in the estimate. */
  status(seizureId: string): ValuationStatus;
  /** The seizure's reported value in USD at its date (null: none, or no rate), computed once per seizure. */
  reportedUsd(s: ValuedSeizure): number | null;
}

interface Entry {
  key: string;
  caseId: string;
  rates: WorkspaceValuationContext['rates'];
  version: number;
  value: ValuedCase;
}

const cache = new WeakMap<WorkspaceRuntime, Entry>();

/**
 * Case `caseId` of `ws` valued as its inputs are now (cached as described above).
 * @throws NestError('not-found') when the case doc does not exist in this workspace.
 */
export function valuedCase(ws: WorkspaceRuntime, caseId: string): ValuedCase {
  const ctx = workspaceValuationContext(ws);
  const fromDoc = readCaseDocInputs(ws, caseId);
  const version = ws.store.projector.version;
  const key = JSON.stringify([fromDoc, ctx.reportingCurrency, ctx.prices, ctx.invalidPrices, ctx.importedFiles]);
  const hit = cache.get(ws);
  if (hit && hit.caseId === caseId && hit.version === version && hit.rates === ctx.rates && hit.key === key) return hit.value;
  const c = computeCase({ caseId, ...fromDoc, seizures: ws.store.projections.caseSeizures(caseId) }, ctx);
  const value = indexCase(c, ctx);
  cache.set(ws, { key, caseId, rates: ctx.rates, version, value });
  return value;
}

/** The indexes of a computed case. */
function indexCase(c: ComputedCase, ctx: WorkspaceValuationContext): ValuedCase {
  const recordsOf = new Map<string, number[]>();
  c.inputs.records.forEach((r, i) => {
    const list = recordsOf.get(r.seizureId);
    if (list) list.push(i);
    else recordsOf.set(r.seizureId, [i]);
  });
  const valued = new Map(c.estimate.seizures.map((e) => [e.seizureId, e]));
  const seizureById = new Map(c.inputs.seizures.map((s) => [s.id, s]));
  const usd = new Map<string, number | null>();
  return {
    c,
    ctx,
    recordsOf,
    seizureById,
    estimateOf: (id) => valued.get(id),
    status: (id) => (valued.has(id) ? 'valued' : recordsOf.has(id) ? 'failed' : 'not-valued'),
    reportedUsd: (s) => {
      let v = usd.get(s.id);
      if (v === undefined) {
        v = reportedInUsd(s, ctx.rates)?.converted?.range.low ?? null;
        usd.set(s.id, v);
      }
      return v;
    },
  };
}
