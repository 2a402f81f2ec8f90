/**
 * The estimate of one case as the `valuation.case` RPC returns it, over every live seizure (case doc
 * and volumes): the case total, counts, the reported values beside it, breakdowns by sector and by
 * year, the undetected-flow estimate under the case's assumption, the published context figures for
 * the case's sectors and the case-level methodology sentences. The per-seizure rows (valuations with
 * their rates and dates) come a page at a time from case-rows.ts; both read the same cached
 * estimate (valued-case.ts).
 */
import type { CaseValuation } from '../../shared/rpc/valuation';
import { CONTEXT_DISCLAIMER } from '../../shared/valuation/context';
import { totalsBySector, totalsByYear } from '../../shared/valuation/estimates';
import { describeCaseEstimate, describeFlow } from '../../shared/valuation/methodology';
import type { CrimeSector } from '../../shared/domain/codes';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { contextFor, describeRatesUsed, recordNames, reportedUsdOfValued, type ComputedCase, type WorkspaceValuationContext } from './compute';
import { contextDto, flowDto, groupDto, moneyDto } from './dto';
import { valuedCase } from './valued-case';

/** The case-level methodology sentences: totals and what is left out, the assumption, the rates used. */
export function caseMethodology(c: ComputedCase, ctx: WorkspaceValuationContext): string[] {
  const out = describeCaseEstimate(c.estimate, recordNames(c.inputs.seizures, ctx));
  if (c.flow) {
    out.push(...describeFlow(c.flow.usd));
    if (ctx.reportingCurrency !== 'USD') out.push(describeFlow(c.flow.reporting)[1]!);
  }
  if (c.estimate.seizures.length) out.push(describeRatesUsed(ctx, c.results));
  return out;
}

/**
 * The estimate of case `caseId`.
 * @throws NestError('not-found') when the case does not exist in the workspace.
 */
export function caseValuation(ws: WorkspaceRuntime, caseId: string): CaseValuation {
  const { c, ctx } = valuedCase(ws, caseId);
  const e = c.estimate;
  const { meta } = c.inputs;
  const valued = new Set(e.seizures.map((s) => s.seizureId));
  const sectors = new Set<CrimeSector>([meta.sector, ...e.seizures.map((s) => s.sector)]);
  return {
    caseId,
    caseNumber: meta.number,
    caseTitle: meta.title,
    caseSector: meta.sector,
    reportingCurrency: ctx.reportingCurrency,
    total: { usd: moneyDto(e.total.usd), reporting: moneyDto(e.total.reporting) },
    counts: { seizures: c.inputs.seizures.length, valued: e.seizures.length, notValued: e.notValued.length, failed: e.excluded.length },
    staleRates: e.staleRates,
    reported: e.reported.map(moneyDto),
    reportedUsd: reportedUsdOfValued(c.inputs.seizures, valued, ctx.rates),
    bySector: totalsBySector(e).map(groupDto),
    byYear: totalsByYear(e).map(groupDto),
    assumption: c.inputs.assumption ? { low: c.inputs.assumption.low, high: c.inputs.assumption.high, basis: c.inputs.assumption.basis, notes: c.inputs.assumption.notes } : null,
    flow: c.flow ? flowDto(c.flow.usd, c.flow.reporting) : null,
    context: contextFor(sectors).map(contextDto),
    contextDisclaimer: CONTEXT_DISCLAIMER,
    methodology: caseMethodology(c, ctx),
    rates: { ecbFirstDate: ctx.ecb.firstDate, ecbLastDate: ctx.ecb.lastDate, importedFiles: ctx.importedFiles },
    invalidPriceReferences: ctx.invalidPrices,
  };
}
