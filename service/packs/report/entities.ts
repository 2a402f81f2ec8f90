/**
 * The report's entities (people, organisations, vessels, vehicles, accounts …) with their
 * identifiers, and the links between them and to seizures, each read "from — relationship → to"
 * with its dates and source. Pure.
 */
import { entityLabel, type Entity } from '../../../shared/docs/case-entities';
import type { Link } from '../../../shared/docs/case-links';
import { t } from '../../../shared/messages/format';
import { esc, para, section, table, user } from './html';
import { reportDate, seizureDate } from './report-format';
import type { ReportModel } from './report-model';

/** Identifier-like fields of an entity worth printing, as "label value" pairs. */
const IDS = ['imo', 'mmsi', 'callSign', 'flag', 'registrationNumber', 'jurisdiction', 'plate', 'registration', 'iban', 'accountNumber', 'bank', 'holder', 'number', 'address', 'full', 'country', 'birthDate', 'description', 'currency'] as const;

function identifiers(e: Entity): string {
  const rec = e as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of IDS) {
    const v = rec[k];
    if (typeof v === 'string' && v) parts.push(`<span class="muted">${esc(k)}</span> ${user(v)}`);
  }
  if (Array.isArray(rec.nationalities) && rec.nationalities.length) parts.push(`<span class="muted">nationalities</span> ${esc(rec.nationalities.join(', '))}`);
  return parts.join('<br>');
}

function linkRows(m: ReportModel): string[][] {
  const names = new Map<string, string>(m.entities.map((e) => [e.id, entityLabel(e)]));
  for (const s of m.seizures) names.set(s.id, t('report.entities.seizure-name', { commodity: s.commodity, date: seizureDate(s), hasPlace: s.place ? 'yes' : 'no', place: s.place }));
  return m.links.map((l: Link) => {
    const dates = [l.startDate ? reportDate(l.startDate) : '', l.endDate ? reportDate(l.endDate) : ''].filter(Boolean).join(' – ');
    return [
      user(names.get(l.from) ?? l.from),
      esc(t('entity.relationship', { relationship: l.relationship.replace(/-/g, '_') })),
      user(names.get(l.to) ?? l.to),
      esc(dates || '—'),
      user(l.source ?? '') || '—',
    ];
  });
}

/** The entities-and-links section. */
export function entitiesHtml(m: ReportModel): string {
  if (!m.entities.length) return section('entities', t('report.section.entities'), para(t('report.entities.empty'), 'muted'));
  const rows = m.entities.map((e) => [esc(t('entity.kind', { kind: e.kind.replace(/-/g, '_') })), user(entityLabel(e)), identifiers(e)]);
  const ents = table('entities', [esc(t('entity.col-kind')), esc(t('entity.col-name')), esc(t('entity.col-identifiers'))], rows);
  const links = m.links.length
    ? `<h3>${esc(t('report.entities.links', { count: m.links.length }))}</h3>\n` +
      table('links', [esc(t('report.col.from')), esc(t('report.col.relationship')), esc(t('report.col.to')), esc(t('report.col.dates')), esc(t('report.col.source'))], linkRows(m))
    : para(t('report.entities.no-links'), 'muted');
  return section('entities', t('report.section.entities'), `${para(t('report.entities.count', { count: m.entities.length }))}\n${ents}\n${links}`);
}
