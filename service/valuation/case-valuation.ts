/**
 * The estimate of one case as the `valuation.case` RPC returns it: every live seizure with its
 * valuations (figures in the price currency, USD and the reporting currency, each with the rates
 * and rate dates used), the reported value beside it, the case total, breakdowns by sector and by
 * year, the undetected-flow estimate under the case's assumption, the published context figures for
 * the case's sectors and the case-level methodology sentences.
 */
import type { CaseValuation, SeizureValuationRow } from '../../shared/rpc/valuation';
import { CONTEXT_DISCLAIMER } from '../../shared/valuation/context';
import { totalsBySector, totalsByYear } from '../../shared/valuation/estimates';
import { describeCaseEstimate, describeFlow } from '../../shared/valuation/methodology';
import type { CrimeSector } from '../../shared/domain/codes';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import {
  computeCase,
  contextFor,
  describeRatesUsed,
  readCaseInputs,
  recordNames,
  reportedInUsd,
  reportedUsdOfValued,
  workspaceValuationContext,
  type ComputedCase,
  type WorkspaceValuationContext,
} from './compute';
import { QuoteTable, contextDto, convertedDto, flowDto, groupDto, moneyDto, valuationDto } from './dto';

/** The per-seizure rows of a computed case, by seizure date; their rate quotes go into `quotes`. */
export function seizureRows(c: ComputedCase, ctx: WorkspaceValuationContext, quotes: QuoteTable): SeizureValuationRow[] {
  const bySeizure = new Map<string, number[]>();
  c.inputs.records.forEach((r, i) => {
    const list = bySeizure.get(r.seizureId) ?? [];
    list.push(i);
    bySeizure.set(r.seizureId, list);
  });
  const estimates = new Map(c.estimate.seizures.map((e) => [e.seizureId, e]));
  return c.inputs.seizures.map((s) => {
    const idx = bySeizure.get(s.id) ?? [];
    const e = estimates.get(s.id);
    const reported = reportedInUsd(s, ctx.rates);
    return {
      seizureId: s.id,
      date: s.seizureDate,
      datePrecision: s.datePrecision,
      sector: s.sector,
      commodity: s.commodity,
      taxon: s.taxon,
      quantity: s.quantity,
      unit: s.unit,
      place: s.place,
      country: s.country,
      status: e ? 'valued' : idx.length ? 'failed' : 'not-valued',
      estimate: e ? { usd: moneyDto(e.usd), reporting: moneyDto(e.reporting) } : null,
      reported: reported ? { amount: reported.amount, currency: reported.currency, usd: reported.converted ? convertedDto(reported.converted, quotes) : null } : null,
      valuations: idx.map((i) => valuationDto(c.results[i]!, c.inputs.records[i]!, quotes)),
    };
  });
}

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
  const ctx = workspaceValuationContext(ws);
  const c = computeCase(readCaseInputs(ws, caseId), ctx);
  const e = c.estimate;
  const { meta } = c.inputs;
  const valued = new Set(e.seizures.map((s) => s.seizureId));
  const sectors = new Set<CrimeSector>([meta.sector, ...e.seizures.map((s) => s.sector)]);
  const quotes = new QuoteTable();
  const seizures = seizureRows(c, ctx, quotes);
  return {
    caseId,
    caseNumber: meta.number,
    caseTitle: meta.title,
    caseSector: meta.sector,
    reportingCurrency: ctx.reportingCurrency,
    seizures,
    quotes: quotes.list,
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
