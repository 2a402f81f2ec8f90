/**
 * The methodology statement of a case estimate (`valuation.statement`): plain sentences generated
 * from the estimate's inputs, in sections, ready to paste into a case pack — the estimate and what
 * it leaves out; each valued seizure (quantity, price and its source, unit conversion, factor,
 * arithmetic, each currency conversion with its rates and their dates, the reported value kept
 * apart, warnings); the undetected flow, labelled as an assumption; the published context figures
 * with their citations and the statement that they are not NEST Desk figures.
 */
import type { Statement } from '../../shared/rpc/valuation';
import { formatDateLong } from '../../shared/valuation/dates';
import { formatMoneyRange } from '../../shared/valuation/money';
import { describeCaseEstimate, describeContext, describeFailure, describeFlow, describeValuation } from '../../shared/valuation/methodology';
import type { CrimeSector } from '../../shared/domain/codes';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { computeCase, contextFor, describeRatesUsed, readCaseInputs, recordNames, seizureName, workspaceValuationContext } from './compute';
import { t } from '../../shared/messages';

/** Joins sections into one text: a heading line, then paragraphs (and subsections) separated by blank lines. */
export function statementText(title: string, sections: Statement['sections']): string {
  const part = (p: { heading: string; paragraphs: string[] }): string[] => [p.heading, ...p.paragraphs];
  return [title, ...sections.map((s) => [...part(s), ...s.subsections.flatMap(part)].join('\n\n'))].join('\n\n\n');
}

/**
 * The methodology statement of case `caseId`, dated `today` (YYYY-MM-DD).
 * @throws NestError('not-found') when the case does not exist.
 */
export function caseStatement(ws: WorkspaceRuntime, caseId: string, today: string): Statement {
  const ctx = workspaceValuationContext(ws);
  const c = computeCase(readCaseInputs(ws, caseId), ctx);
  const { meta, seizures } = c.inputs;
  const names = recordNames(seizures, ctx);
  const byId = new Map(seizures.map((s) => [s.id, s]));
  const sections: Statement['sections'] = [];

  sections.push({ heading: t('valuation.statement.estimate'), paragraphs: describeCaseEstimate(c.estimate, names), subsections: [] });

  const valued: Statement['sections'][number]['subsections'] = [];
  for (const est of c.estimate.seizures) {
    const s = byId.get(est.seizureId)!;
    const name = seizureName(s, 'heading');
    const reporting = ctx.reportingCurrency !== 'USD' ? ` (${formatMoneyRange(est.reporting)})` : '';
    const paragraphs = est.valuations.map((v, i) => {
      const lines = describeValuation(v);
      return est.valuations.length > 1 ? t('valuation.price-n-of-m', { n: i + 1, count: est.valuations.length, text: lines.join(' ') }) : lines.join(' ');
    });
    if (est.valuations.length > 1) paragraphs.push(t('valuation.statement.all-prices'));
    for (const f of c.estimate.failures.filter((x) => x.seizureId === est.seizureId)) paragraphs.push(t('valuation.statement.not-used', { reason: describeFailure(f, names) }));
    valued.push({ heading: t('valuation.statement.valued-seizure', { name, usd: formatMoneyRange(est.usd), reporting }), paragraphs });
  }
  if (valued.length) sections.push({ heading: t('valuation.statement.valued'), paragraphs: [], subsections: valued });

  const left: string[] = [];
  for (const f of c.estimate.failures.filter((x) => c.estimate.excluded.includes(x.seizureId))) left.push(describeFailure(f, names));
  const notValued = c.estimate.notValued.map((id) => byId.get(id)!).filter(Boolean);
  if (notValued.length) {
    left.push(t('valuation.not-valued', { count: notValued.length, names: notValued.map((s) => seizureName(s)).join('; ') }));
  }
  if (left.length) sections.push({ heading: t('valuation.statement.not-included'), paragraphs: left, subsections: [] });

  if (c.estimate.seizures.length) sections.push({ heading: t('valuation.statement.rates'), paragraphs: [describeRatesUsed(ctx, c.results)], subsections: [] });

  if (c.flow) {
    const flow = describeFlow(c.flow.usd);
    if (ctx.reportingCurrency !== 'USD') flow.splice(2, 0, describeFlow(c.flow.reporting)[1]!);
    sections.push({ heading: t('valuation.statement.flow'), paragraphs: flow, subsections: [] });
  }

  const sectors = new Set<CrimeSector>([meta.sector, ...c.estimate.seizures.map((s) => s.sector)]);
  sections.push({ heading: t('valuation.statement.context'), paragraphs: describeContext(contextFor(sectors)), subsections: [] });

  sections.push({
    heading: t('valuation.statement.about'),
    paragraphs: [
      t('valuation.statement.generated', { date: formatDateLong(today), number: meta.number }),
    ],
    subsections: [],
  });

  const title = t('valuation.statement.title', { number: meta.number, title: meta.title });
  return { title, sections, text: statementText(title, sections) };
}
