/**
 * The report's valuations: the case's methodology statement (service/valuation/statement.ts,
 * built from shared/valuation/methodology.ts) as headings and paragraphs — the estimate, each
 * valued seizure with its price source, conversions and arithmetic, what was left out, the rates,
 * the undetected flow as an assumption, and the published context figures. Pure.
 */
import { t } from '../../../shared/messages/format';
import { esc, para, section } from './html';
import type { ReportModel } from './report-model';

/** The valuations section. */
export function valuationsHtml(m: ReportModel): string {
  const st = m.valuation;
  if (!st) return section('valuations', t('report.section.valuations'), para(t('report.valuations.empty'), 'muted'));
  const parts = st.sections.map((s) => {
    const subs = s.subsections.map((sub) => `<h4 dir="auto">${esc(sub.heading)}</h4>\n${sub.paragraphs.map((p) => `<p dir="auto">${esc(p)}</p>`).join('\n')}`).join('\n');
    return `<h3 dir="auto">${esc(s.heading)}</h3>\n${s.paragraphs.map((p) => `<p dir="auto">${esc(p)}</p>`).join('\n')}\n${subs}`;
  });
  return section('valuations', t('report.section.valuations'), `<p class="statement-title" dir="auto">${esc(st.title)}</p>\n${parts.join('\n')}`);
}
