/**
 * The case pack's report as one self-contained HTML document (inline CSS and fonts, inline SVG
 * map, no script, no remote reference): cover, summary and notes, timeline, entities and links,
 * seizures and their map, valuations with the methodology statement, exhibits with SHA-256 and
 * the chain of custody, and a history excerpt. The printer (service/packs/pdf/) turns it into
 * report.pdf; the TLP marking goes into every page's header there ({@link reportHeaderText}).
 * Pure apart from reading the shipped font and basemap once.
 */
import { currentLocale, t } from '../../../shared/messages/format';
import { landFeatures } from './basemap';
import { coverHtml } from './cover';
import { entitiesHtml } from './entities';
import { exhibitsHtml } from './exhibits';
import { historyHtml } from './history';
import { esc, para, section } from './html';
import { notesHtml, summaryHtml } from './notes-html';
import type { ReportModel } from './report-model';
import { fontFaceCss, REPORT_CSS } from './report-style';
import { seizuresHtml } from './seizures';
import { timelineHtml } from './timeline';
import { valuationsHtml } from './valuations';

/** The text of every page's header: the TLP marking, the case number and the report's title. */
export function reportHeaderText(m: Pick<ReportModel, 'meta'>): string {
  return t('report.header', { tlp: m.meta.tlp, number: m.meta.number });
}

function notesSection(m: ReportModel): string {
  const body = m.notes.length ? notesHtml(m.notes) : m.summary.trim() ? summaryHtml(m.summary) : para(t('report.notes.empty'), 'muted');
  return section('notes', t('report.section.notes'), body);
}

/** The whole report of `m` as an HTML document (UTF-8). */
export function reportHtml(m: ReportModel): string {
  const lang = currentLocale();
  const title = t('report.title', { number: m.meta.number, title: m.meta.title });
  return `<!DOCTYPE html>
<html lang="${esc(lang)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${esc(title)}</title>
<style>${fontFaceCss()}${REPORT_CSS}</style>
</head>
<body>
${coverHtml(m)}
${notesSection(m)}
${timelineHtml(m)}
${entitiesHtml(m)}
${seizuresHtml(m, landFeatures())}
${valuationsHtml(m)}
${exhibitsHtml(m)}
${historyHtml(m)}
</body>
</html>
`;
}
