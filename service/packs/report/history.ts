/**
 * The report's history excerpt: the newest audit entries of the case (who did what to which
 * record, when, and which fields changed), newest first, with how many older ones data/case.json
 * holds. Values are not repeated here (case.json carries them in full). Pure.
 */
import type { AuditEntry } from '../../../shared/docs/case-audit';
import { t } from '../../../shared/messages/format';
import { esc, para, section, table, user } from './html';
import { reportTime } from './report-format';
import type { ReportModel } from './report-model';

function what(e: AuditEntry): string {
  const fields = e.fields?.length ? e.fields : e.changes ? Object.keys(e.changes) : [];
  const parts = [esc(e.action)];
  if (typeof e.count === 'number') parts.push(esc(t('report.history.records', { count: e.count })));
  if (fields.length) parts.push(`<span class="muted">${esc(fields.join(', '))}</span>`);
  return parts.join(' · ');
}

/** The history section. */
export function historyHtml(m: ReportModel): string {
  if (!m.history.length) return section('history', t('report.section.history'), para(t('report.history.empty'), 'muted'));
  const rows = m.history.map((e) => [esc(reportTime(e.at)), user(m.memberNames[e.by] ?? e.by), what(e), `<code class="id">${esc(e.target ?? '')}</code>`]);
  const head = [t('report.col.when'), t('report.col.who'), t('report.col.what'), t('report.col.record')].map(esc);
  return section('history', t('report.section.history'), `${para(t('report.history.excerpt', { shown: m.history.length, count: m.auditTotal }))}\n${table('history', head, rows)}`);
}
