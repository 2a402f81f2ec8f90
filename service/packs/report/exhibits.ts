/**
 * The report's exhibits: the list (reference, description, type, status, seal, holder) with each
 * attached file's name, size and SHA-256 (what the court compares with exhibits/ in the pack), then
 * each exhibit's full chain of custody — every hand-over in force, the entries a correction
 * replaced (struck through, still shown), and the problems custodyChain found (gaps, time
 * inversions, unknown corrections, a holder that is not the last receiver) flagged in red. Pure.
 */
import type { CustodyEntry, CustodyIssue } from '../../../shared/domain/custody';
import { t, type MessageId } from '../../../shared/messages/format';
import { fileNameHtml } from './file-name';
import { esc, para, section, table, user } from './html';
import { reportTime } from './report-format';
import { memberName, type ReportExhibit, type ReportModel } from './report-model';

function filesCell(x: ReportExhibit, notProduced: ReadonlySet<string>): string {
  if (!x.files.length) return '—';
  const note = (hash: string): string => (notProduced.has(hash) ? `<div class="flag">${esc(t('report.exhibits.not-produced'))}</div>` : '');
  return x.files.map((f) => `${fileNameHtml(f.name)} <span class="muted">(${esc(t('report.exhibits.bytes', { bytes: f.size }))})</span><br><code class="hash">${esc(f.hash)}</code>${note(f.hash)}`).join('<br>');
}

function entryCells(e: CustodyEntry, replaced: boolean): string[] {
  const seal = e.sealIntact ? esc(t('ui.exhibits.custody.seal-intact')) : `<span class="nowrap">${esc(t('ui.exhibits.custody.seal-new', { seal: e.newSealNumber }))}</span>`;
  const cls = replaced ? ' class="replaced"' : '';
  const wrap = (s: string): string => (replaced ? `<s${cls}>${s}</s>` : s);
  return [
    wrap(esc(reportTime(e.at))),
    wrap(`${user(e.releasedBy)} → ${user(e.receivedBy)}`),
    wrap(`${user(e.place) || '—'}${e.purpose ? `<div class="muted">${user(e.purpose)}</div>` : ''}`),
    wrap(`${seal}${e.condition ? `<div class="muted">${user(e.condition)}</div>` : ''}`),
    wrap(esc(t('report.custody.recorded', { by: e.recordedBy, when: reportTime(e.recordedAt) }))),
  ];
}

function issueText(i: CustodyIssue, index: Map<string, number>): string {
  return t('report.custody.issue', { n: index.get(i.entryId) ?? 0, text: t(`ui.exhibits.issue.${i.kind}` as MessageId) });
}

function chainHtml(x: ReportExhibit, names: Record<string, string>): string {
  const heading = `<h3 dir="auto">${esc(t('ui.exhibits.custody.heading', { reference: x.reference }))}</h3>`;
  if (!x.chain.links.length) return `${heading}\n${para(t('ui.exhibits.entries-count', { count: 0 }), 'muted')}`;
  const index = new Map<string, number>();
  const rows: string[][] = [];
  x.chain.links.forEach((link, i) => {
    index.set(link.entry.id, i + 1);
    const named = { ...link.entry, recordedBy: memberName({ memberNames: names }, link.entry.recordedBy) };
    rows.push([String(i + 1), ...entryCells(named, false)]);
    for (const old of link.replaces) rows.push([esc(t('report.custody.replaced')), ...entryCells({ ...old, recordedBy: memberName({ memberNames: names }, old.recordedBy) }, true)]);
  });
  const head = ['#', t('report.col.when'), t('report.col.handover'), t('report.col.place-purpose'), t('report.col.seal-condition'), t('report.col.recorded')].map(esc);
  const issues = x.chain.issues.length
    ? `<ul class="issues">${x.chain.issues.map((i) => `<li class="flag">${esc(issueText(i, index))}</li>`).join('')}</ul>`
    : para(t('ui.exhibits.issues-count', { count: 0 }), 'ok');
  return `${heading}\n${para(t('ui.exhibits.entries-count', { count: x.chain.links.length }))}\n${table('custody', head, rows)}\n${issues}`;
}

/** The exhibits-and-custody section. */
export function exhibitsHtml(m: ReportModel): string {
  if (!m.exhibits.length) return section('exhibits', t('report.section.exhibits'), para(t('ui.exhibits.empty'), 'muted'));
  const notProduced = new Set(m.notProduced ?? []);
  const head = [t('ui.exhibits.col.reference'), t('ui.exhibits.col.description'), t('report.col.type-status'), t('report.col.seal-holder'), t('report.col.files')].map(esc);
  const rows = m.exhibits.map((x) => [
    // A reference is one token for the court ("…-0006/EX-001"): never broken at its hyphens.
    `<span class="nowrap">${esc(x.reference)}</span>${x.duplicate ? `<div class="flag">${esc(t('ui.exhibits.duplicate-number'))}</div>` : ''}`,
    user(x.exhibit.description),
    `${esc(t(`ui.exhibits.type.${x.exhibit.type}` as MessageId))}<div class="muted">${esc(t(`ui.exhibits.status.${x.exhibit.status}` as MessageId))}</div>`,
    // A seal number is one token, like a reference: never broken at its hyphen (F-PACK-6).
    `${x.exhibit.sealNumber ? `<span class="nowrap">${user(x.exhibit.sealNumber)}</span>` : '—'}<div class="muted">${user(x.exhibit.currentHolder) || '—'}</div>`,
    filesCell(x, notProduced),
  ]);
  // Distinct files: one file cited by two exhibits is one file (F-PACK-2).
  const files = new Set(m.exhibits.flatMap((x) => x.files.map((f) => f.hash))).size;
  const intro = para(t('report.exhibits.count', { count: m.exhibits.length, files }));
  const chains = m.exhibits.map((x) => chainHtml(x, m.memberNames)).join('\n');
  return section('exhibits', t('report.section.exhibits'), `${intro}\n${table('exhibits', head, rows)}\n${chains}`);
}
