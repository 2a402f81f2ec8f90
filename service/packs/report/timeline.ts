/**
 * The report's timeline: the case's dated events (at their precision, with their source) merged
 * with exhibit and custody events (shared/docs/custody-timeline.ts), oldest first. A correction in
 * force is labelled "(correction)"; the entry it replaced is shown struck through as "(corrected:
 * superseded)". Pure.
 */
import type { CaseEvent } from '../../../shared/domain/case-event';
import type { CustodyEntry } from '../../../shared/domain/custody';
import type { CustodyTimelineEvent } from '../../../shared/docs/custody-timeline';
import { t } from '../../../shared/messages/format';
import { esc, para, section, table, user } from './html';
import { reportDate, reportTime } from './report-format';
import type { ReportModel } from './report-model';

interface Row {
  /** Sort key: YYYY-MM-DD… or an ISO time. */
  key: string;
  cells: string[];
}

function eventRow(e: CaseEvent): Row {
  const when = reportDate(e.date, e.precision);
  const source = e.source ? `<div class="muted">${esc(t('report.timeline.source'))} ${user(e.source)}</div>` : '';
  return { key: e.date, cells: [esc(when), esc(t('ui.timeline.kind.event')), `${user(e.text)}${source}`] };
}

function custodyRow(e: CustodyTimelineEvent): Row {
  const key = new Date(e.at).toISOString();
  if (e.kind === 'exhibit-created') {
    return { key, cells: [esc(reportTime(e.at)), esc(t('ui.timeline.kind.custody')), esc(t('ui.timeline.custody.created', { reference: e.reference, description: e.description }))] };
  }
  // `corrected` on an entry in force means it IS a correction: labelled so, not flagged as wrong (F-PACK-8).
  return { key, cells: [esc(reportTime(e.at)), esc(t('ui.timeline.kind.custody')), transferCell(e.reference, e, e.corrected ? 'correction' : 'none')] };
}

function transferCell(reference: string, e: Pick<CustodyEntry, 'releasedBy' | 'receivedBy' | 'place'>, status: 'correction' | 'superseded' | 'none'): string {
  const text = esc(t('report.timeline.transfer', { reference, from: e.releasedBy, to: e.receivedBy, hasPlace: e.place ? 'yes' : 'no', place: e.place, status }));
  return status === 'superseded' ? `<s dir="auto" class="replaced">${text}</s>` : `<span dir="auto">${text}</span>`;
}

/** The entries a correction replaced, struck through and labelled "corrected: superseded", at their own time. */
function supersededRows(m: ReportModel): Row[] {
  return m.exhibits.flatMap((x) =>
    x.chain.links.flatMap((link) =>
      link.replaces.map((old) => ({ key: new Date(old.at).toISOString(), cells: [esc(reportTime(old.at)), esc(t('ui.timeline.kind.custody')), transferCell(x.reference, old, 'superseded')] })),
    ),
  );
}

/** The timeline section. */
export function timelineHtml(m: ReportModel): string {
  const rows = [...m.events.map(eventRow), ...m.custodyEvents.map(custodyRow), ...supersededRows(m)].sort((a, b) => a.key.localeCompare(b.key));
  const body = rows.length
    ? table('timeline', [esc(t('report.col.when')), esc(t('report.col.kind')), esc(t('report.col.what'))], rows.map((r) => r.cells))
    : para(t('report.timeline.empty'), 'muted');
  return section('timeline', t('report.section.timeline'), body);
}
