/**
 * The report's cover page: the TLP marking in a coloured band (FIRST TLP 2.0 colours), the case
 * number and title, the workspace, the case's key fields, who exported it when, the signing
 * key's fingerprint that manifest.sig carries, and the docs it was taken from (the case doc and
 * its volume docs). Pure.
 */
import { CASE_STATUS_LABELS, CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { t } from '../../../shared/messages/format';
import { esc, user } from './html';
import { reportDate, reportTime } from './report-format';
import type { ReportModel } from './report-model';

/** The CSS class of a TLP marking's band (`tlp-amber-strict` …). */
export function tlpClass(tlp: string): string {
  return `tlp-${tlp.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

/** The cover page's HTML. */
export function coverHtml(m: ReportModel): string {
  const meta = m.meta;
  const row = (label: string, value: string): string => `<tr><th>${esc(label)}</th><td>${value}</td></tr>`;
  const rows = [
    row(t('report.cover.status'), esc(CASE_STATUS_LABELS[meta.status] ?? meta.status)),
    row(t('report.cover.sector'), esc(CRIME_SECTOR_LABELS[meta.sector] ?? meta.sector)),
    row(t('report.cover.lead-agency'), user(meta.leadAgency) || '—'),
    row(t('report.cover.jurisdictions'), esc(meta.jurisdictions.join(', ') || '—')),
    row(t('report.cover.opened'), esc(reportDate(meta.openedOn))),
    row(t('report.cover.exported-by'), `${user(m.exportedBy.name)} (${user(m.exportedBy.agency)}, ${esc(m.exportedBy.role)})`),
    row(t('report.cover.exported-at'), esc(reportTime(m.exportedAt))),
    row(t('report.cover.key'), `<code class="hash">${esc(m.keyFingerprint)}</code>`),
    row(t('report.cover.docs'), esc(t('report.cover.docs-value', { count: m.volumes.length, volumes: m.volumes.join(', ') }))),
  ].join('\n');
  return `<section class="cover">
<div class="tlp-band ${tlpClass(meta.tlp)}">TLP:${esc(meta.tlp)}</div>
<p class="kicker">${esc(t('report.cover.kicker'))}</p>
<p class="case-number">${esc(meta.number)}</p>
<h1 class="case-title" dir="auto"${/[\u0600-\u06FF]/.test(meta.title) ? ' lang="ar"' : ''}>${esc(meta.title)}</h1>
<p class="workspace">${user(m.workspaceName)}</p>
<table class="cover-fields">${rows}</table>
<p class="cover-note">${esc(t('report.cover.note', { tlp: meta.tlp }))}</p>
</section>`;
}
