/**
 * The report's seizure table (date at its precision, place, commodity and species, quantity,
 * reported value as the authorities reported it) and the seizure map beside it. A case may hold
 * up to 10,000 seizures: the table prints the first {@link SEIZURE_ROWS} (by date) and says where
 * the rest are (data/seizures.csv holds them all). Pure.
 */
import type { Seizure } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages/format';
import { esc, para, section, table, user } from './html';
import { reportNumber, seizureDate } from './report-format';
import type { ReportModel } from './report-model';
import { rowsText } from './map-labels';
import { LABELLED, seizureMap, seizureMapPaced, type SeizureMap } from './seizure-map';

/** Most seizure rows printed in the report. */
export const SEIZURE_ROWS = 500;


function row(s: Seizure, i: number): string[] {
  // An amount and its unit stay on one line ("13,768 kg", not "13,768 / kg"). Both cells are
  // markup already: their parts are escaped here, the cells must not be escaped again.
  const qty = s.quantity === null ? '—' : `<span class="nowrap">${reportNumber(s.quantity)} ${esc(s.unit ?? '')}</span>`;
  const value = s.reportedValue === null ? '—' : `<span class="nowrap">${reportNumber(s.reportedValue, 2)} ${esc(s.reportedCurrency ?? '')}</span>`;
  const taxon = s.taxon ? `<div class="muted"><i>${user(s.taxon)}</i></div>` : '';
  return [String(i + 1), esc(seizureDate(s)), `${user(s.place)}${s.place ? ', ' : ''}${esc(s.country)}`, `${user(s.commodity)}${taxon}`, qty, value];
}

/** The seizures the map shows (those with coordinates). */
export function mappedSeizures(m: Pick<ReportModel, 'seizures'>): Seizure[] {
  return m.seizures.filter((s) => s.latitude !== null && s.longitude !== null);
}

/**
 * The report's seizure map of `m` over `basemap` (its dots numbered like the table's rows), or
 * null when no seizure has coordinates. A pack export draws it as its own phase and puts it in
 * the model's `seizureMap`.
 */
export function reportSeizureMap(m: Pick<ReportModel, 'seizures' | 'routes'>, basemap: GeoJSON.FeatureCollection): SeizureMap | null {
  const mapped = mappedSeizures(m);
  return mapped.length ? seizureMap(mapped, basemap, tableRowOf(m), m.routes) : null;
}

/** {@link reportSeizureMap} drawn with `each(n)` awaited as it goes (seizure-map.ts `seizureMapPaced`): the same map. */
export async function reportSeizureMapPaced(m: Pick<ReportModel, 'seizures' | 'routes'>, basemap: GeoJSON.FeatureCollection, each: (dots: number) => Promise<void>): Promise<SeizureMap | null> {
  const mapped = mappedSeizures(m);
  return mapped.length ? seizureMapPaced(mapped, basemap, tableRowOf(m), m.routes, each) : null;
}

/** A seizure's row number in the report's table (0: not printed there). */
function tableRowOf(m: Pick<ReportModel, 'seizures'>): (s: Seizure) => number {
  const rows = new Map(m.seizures.slice(0, SEIZURE_ROWS).map((s, i) => [s.id, i + 1]));
  return (s) => rows.get(s.id) ?? 0;
}

/** The seizures section (table and map; the map drawn now unless the model holds it). */
export function seizuresHtml(m: ReportModel, basemap: GeoJSON.FeatureCollection): string {
  if (!m.seizures.length) return section('seizures', t('report.section.seizures'), para(t('report.seizures.empty'), 'muted'));
  const shown = m.seizures.slice(0, SEIZURE_ROWS);
  const head = ['#', t('report.col.date'), t('report.col.place'), t('report.col.commodity'), t('report.col.quantity'), t('report.col.reported-value')].map(esc);
  const more = m.seizures.length > shown.length ? para(t('report.seizures.more', { count: m.seizures.length - shown.length, shown: shown.length }), 'muted') : '';
  const mapped = mappedSeizures(m);
  let map = para(t('report.seizures.no-map'), 'muted');
  const drawn = m.seizureMap !== undefined ? m.seizureMap : reportSeizureMap(m, basemap);
  if (drawn) {
    const caption = t('report.seizures.map-caption', { count: mapped.length, numbered: drawn.numbered ? 'yes' : 'no', labelled: LABELLED, unmapped: m.seizures.length - mapped.length, routes: m.routes.length });
    const unlabelled = drawn.unlabelled.length ? ` ${t('report.seizures.map-unlabelled', { rows: rowsText(drawn.unlabelled) })}` : '';
    map = `<figure class="map">${drawn.svg}<figcaption>${esc(caption + unlabelled)}</figcaption></figure>`;
  }
  return section('seizures', t('report.section.seizures'), `${para(t('report.seizures.count', { count: m.seizures.length }))}\n${map}\n${table('seizures', head, shown.map(row))}\n${more}`);
}
