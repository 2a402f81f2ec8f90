/**
 * The report's history excerpt: the newest audit entries of the case, newest first — when, who
 * (the member's name, never an id) and what, as the catalogue sentence the case screen's activity
 * log uses (shared/activity: "changed the quantity from 8.8 to 9.1 of the seizure “elephant
 * ivory”"; records named, never by id) — with how many older ones data/case.json holds. Pure.
 */
import { t } from '../../../shared/messages/format';
import { esc, para, section, table, user } from './html';
import { reportTime } from './report-format';
import { memberName, type ReportModel } from './report-model';

/** The history section. */
export function historyHtml(m: ReportModel): string {
  if (!m.history.length) return section('history', t('report.section.history'), para(t('report.history.empty'), 'muted'));
  const rows = m.history.map((e) => [esc(reportTime(e.at)), user(memberName(m, e.by)), `<span dir="auto">${esc(e.sentence)}</span>`]);
  const head = [t('report.col.when'), t('report.col.who'), t('report.col.what')].map(esc);
  return section('history', t('report.section.history'), `${para(t('report.history.excerpt', { shown: m.history.length, count: m.auditTotal }))}\n${table('history', head, rows)}`);
}
