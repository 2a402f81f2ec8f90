/**
 * The network estimate (`valuation.workspace`): every case of the workspace on this machine valued
 * as in the case estimate, then taken together with `networkEstimate` (each seizure counted once),
 * with totals by sector and by year, one line per case (with that case's undetected flow under its
 * own assumption: assumptions are per case and are never combined), the published context figures
 * and the methodology sentences.
 */
import type { WorkspaceValuation, CaseEstimateRow } from '../../shared/rpc/valuation';
import type { CrimeSector } from '../../shared/domain/codes';
import { CONTEXT_DISCLAIMER } from '../../shared/valuation/context';
import { networkEstimate, totalsBySector, totalsByYear, type CaseEstimate } from '../../shared/valuation/estimates';
import { describeCaseEstimate } from '../../shared/valuation/methodology';
import type { ValuationResult } from '../../shared/valuation/valuate';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { computeCase, contextFor, describeRatesUsed, readCaseInputs, recordNames, reportedUsdOfValued, workspaceValuationContext, type ValuedSeizure } from './compute';
import { contextDto, flowDto, groupDto, moneyDto } from './dto';
import { t } from '../../shared/messages';

/** The network estimate of workspace `ws` across every case this machine holds. */
export function workspaceValuation(ws: WorkspaceRuntime): WorkspaceValuation {
  const ctx = workspaceValuationContext(ws);
  const cases = ws.store.projections.caseIds();
  const estimates: CaseEstimate[] = [];
  const rows: CaseEstimateRow[] = [];
  const seizures: ValuedSeizure[] = [];
  const results: ValuationResult[] = [];
  for (const id of cases) {
    if (!ws.host.exists(ws.caseDocName(id))) continue;
    const c = computeCase(readCaseInputs(ws, id), ctx);
    const e = c.estimate;
    estimates.push(e);
    seizures.push(...c.inputs.seizures);
    results.push(...c.results);
    rows.push({
      caseId: id,
      number: c.inputs.meta.number,
      title: c.inputs.meta.title,
      sector: c.inputs.meta.sector,
      counts: { seizures: c.inputs.seizures.length, valued: e.seizures.length, notValued: e.notValued.length, failed: e.excluded.length },
      total: e.seizures.length ? { usd: moneyDto(e.total.usd), reporting: moneyDto(e.total.reporting) } : null,
      flow: c.flow ? flowDto(c.flow.usd, c.flow.reporting) : null,
    });
  }
  const net = networkEstimate(estimates, ctx.reportingCurrency);
  const valued = new Set(net.seizures.map((s) => s.seizureId));
  const sectors = new Set<CrimeSector>(net.seizures.map((s) => s.sector));
  const valuedCases = rows.filter((r) => r.counts.valued > 0).length;
  const methodology = [
    t('valuation.network-cases', { valued: valuedCases, count: rows.length }),
    ...describeCaseEstimate(net, recordNames(seizures, ctx)),
  ];
  if (rows.some((r) => r.flow)) methodology.push(t('valuation.network-flow'));
  if (net.seizures.length) methodology.push(describeRatesUsed(ctx, results));
  return {
    reportingCurrency: ctx.reportingCurrency,
    total: { usd: moneyDto(net.total.usd), reporting: moneyDto(net.total.reporting) },
    counts: { seizures: seizures.length, valued: net.seizures.length, notValued: net.notValued.length, failed: net.excluded.length },
    staleRates: net.staleRates,
    reported: net.reported.map(moneyDto),
    reportedUsd: reportedUsdOfValued(seizures, valued, ctx.rates),
    bySector: totalsBySector(net).map(groupDto),
    byYear: totalsByYear(net).map(groupDto),
    cases: rows,
    context: contextFor(sectors).map(contextDto),
    contextDisclaimer: CONTEXT_DISCLAIMER,
    methodology,
    rates: { ecbFirstDate: ctx.ecb.firstDate, ecbLastDate: ctx.ecb.lastDate, importedFiles: ctx.importedFiles },
  };
}
