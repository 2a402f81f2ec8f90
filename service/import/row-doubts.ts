/**
 * The doubts the row builder (build-seizure.ts) raises instead of guessing: a number or date whose
 * reading depends on an undecided column choice (refused with both readings), swapped coordinate
 * columns (the out-of-range refusal rewritten to say so), a point far outside its seizing country
 * (imported and flagged: the one rule of service/geo/outside-country.ts), and the fix to print beside each. A flag's sentence is worded for the
 * plan's stage (plan.ts `ImportStage`): a preview says the row "will be imported and flagged", an
 * import that it was.
 */
import type { RaisedReviewFlag, SeizureField, SeizureFields } from '../../shared/domain/seizure';
import type { MarkDoubt } from '../../shared/rpc/import';
import { t } from '../../shared/messages';
import { fieldName } from '../../shared/activity/field-values';
import type { FieldRejection } from './build-seizure';
import { parseCoordinate } from './coordinates';
import { parseDate, type ParsedDate } from './dates';
import { markDoubtText, parseNumber } from './numbers';
import { fail, type Parsed } from './parse-result';
import { outsideCountryFlag } from '../geo/outside-country';
import { appendixConflict } from '../../shared/domain/species';
import { NEAR_COUNTRY_KM, type ImportPlan } from './plan';

/**
 * The refusal of a number whose value depends on the column's guessed decimal mark, showing both
 * readings and why the column does not decide (`doubt`, default: no cell shows the mark).
 */
export function ambiguousNumber(raw: string, doubt: MarkDoubt = { why: 'none' }): Parsed<number> {
  const reading = (mark: '.' | ',') => {
    const r = parseNumber(raw, mark);
    return r.ok ? String(r.value) : '?';
  };
  return fail('import.ambiguous-number', { value: raw.trim(), point: reading('.'), comma: reading(','), doubt: markDoubtText(doubt) });
}

/**
 * The refusal of a slash date whose day and month could be swapped in a column that does not
 * decide: `mixed` when the column holds dates of both orders (plan.ts `mixedOrders`).
 */
export function ambiguousDate(raw: string, mixed = false): Parsed<ParsedDate> {
  const reading = (order: 'DMY' | 'MDY') => {
    const r = parseDate(raw, order);
    return r.ok ? r.value.date : '?';
  };
  return fail('import.ambiguous-date', { value: raw.trim(), dayFirst: reading('DMY'), monthFirst: reading('MDY'), mixed: mixed ? 'yes' : 'no' });
}

/**
 * In a column that mixes day-first and month-first dates and whose order nobody chose (plan.ts
 * `mixedOrders`), a slash date that reads in only one of the orders ('04/13/2019') is held back
 * too, with the fix to choose the order: which of the column's rows are refused depends on that
 * choice, so none is imported on the default (the CLI refuses such a column whole; one rule, two
 * ways of asking). Returns null for a cell that reads the same either way, or in neither.
 */
export function oneOrderDate(raw: string): Parsed<ParsedDate> | null {
  const dmy = parseDate(raw, 'DMY');
  const mdy = parseDate(raw, 'MDY');
  if (dmy.ok === mdy.ok || !/^\d{1,2}[/-]\d{1,2}[/-]\d{4}\b/.test(raw.trim())) return null;
  const only = dmy.ok ? dmy.value.date : mdy.ok ? mdy.value.date : '';
  return fail('import.mixed-order-date', { value: raw.trim(), order: dmy.ok ? 'DMY' : 'MDY', date: only });
}

/**
 * When the latitude was refused as out of range but the two values fit the other way round
 * ("103.76" / "1.27"), rewrites that refusal to say they look swapped, with the fix: for CSV
 * columns, swap them in the mapping; for a KML/GPX/GeoJSON geometry (`geoFormat` given), a
 * position written [latitude, longitude] — the one rule for both (tester finding F14).
 */
export function explainSwap(rejections: FieldRejection[], lat?: { column: string; value: string }, lon?: { column: string; value: string }, geoFormat?: ImportPlan['geoFormat']): void {
  const i = rejections.findIndex((r) => r.field === 'latitude');
  if (i < 0 || !lat || !lon || rejections[i]!.reason !== t('field.latitude-range')) return;
  if (!parseCoordinate(lat.value, 'lon').ok || !parseCoordinate(lon.value, 'lat').ok) return;
  const values = { latitude: lat.value.trim(), longitude: lon.value.trim() };
  rejections[i] = geoFormat
    ? { ...rejections[i]!, reason: t('import.geometry-swapped', values), fix: t('import.fix.swap-geometry', { format: geoFormat }) }
    : { ...rejections[i]!, reason: t('import.coordinates-swapped', values), fix: t('import.fix.swap-columns') };
}

/**
 * A feature's latitude/longitude (or coordinates) properties that disagree with its geometry
 * (build-seizure.ts reads them only to compare): the columns, their values as written, and the
 * geometry's point, "lat, lon".
 */
export interface CoordinatesDisagreement {
  columns: string[];
  stated: string[];
  geometry: string;
}

/**
 * The flag of a feature placed at its geometry while its latitude/longitude properties said
 * otherwise (their values are kept in the notes): the report's line and the stored review flag.
 */
export function coordinatesDisagree(d: CoordinatesDisagreement, plan: ImportPlan): { shown: FieldRejection; flag: RaisedReviewFlag } {
  const columns = { columnCount: d.columns.length, first: d.columns[0] ?? '', second: d.columns[1] ?? '' };
  const stated = d.stated.join(', ');
  return {
    shown: {
      column: d.columns.join(', '), field: 'latitude', value: stated,
      reason: t('import.coordinates-disagree', { geometry: d.geometry, ...columns, stated, stage: plan.stage }),
      fix: t('import.fix.coordinates-disagree', columns),
    },
    flag: { kind: 'coordinates-disagree', geometry: d.geometry.slice(0, 100), stated: stated.slice(0, 200) },
  };
}

/**
 * The fix of a refusal that has none of its own (issue 11 item 2: every refusal says what to do):
 * a missing field is filled in (or a column mapped to it), a missing unit written, a geometry
 * written in WGS 84 degrees, any other value corrected in the file.
 */
export function fallbackFix(r: FieldRejection, plan: ImportPlan): string {
  const field = fieldName(r.field);
  const format = plan.geoFormat;
  if (r.reason === t('import.unit-required', { unitColumn: 'yes' }) || r.reason === t('import.unit-required', { unitColumn: 'no' })) return t('import.fix.unit-required');
  if (r.reason === t('field.required') || r.reason === t('import.country-required-outside-known') || r.reason === t('field.coordinates-paired')) {
    const column = r.column === '' || r.column === 'geometry' ? 'none' : r.column;
    return format ? t('import.fix.required-geo', { field, column, format }) : t('import.fix.required', { field, column });
  }
  if (r.column === 'geometry') return t('import.fix.geometry', { format: format ?? 'geojson' });
  return t('import.fix.correct-value', { field });
}

/**
 * The flag of a row whose point lies more than NEAR_COUNTRY_KM outside its (stated or default)
 * seizing country: the report's line (`shown`) and the review flag stored with the seizure
 * (`flag`, with the measured distance; stamped with the batch when written), or null.
 */
export function outsideCountry(f: SeizureFields, plan: ImportPlan, source: Partial<Record<SeizureField, { column: string; value: string }>>): { shown: FieldRejection; flag: RaisedReviewFlag } | null {
  if (!plan.outsideKm) return null;
  const flag = outsideCountryFlag(f, plan.outsideKm);
  if (!flag) return null;
  const src = source.latitude ?? source.longitude;
  return {
    shown: {
      column: src?.column ?? '', field: 'latitude', value: `${f.latitude}, ${f.longitude}`,
      reason: t('import.outside-country', { latitude: f.latitude, longitude: f.longitude, km: NEAR_COUNTRY_KM, country: f.country }),
      fix: t('import.fix.outside-country', { stage: plan.stage }),
    },
    flag,
  };
}

/** The fix to print beside a refusal that a choice or an edit resolves, by the refusal's catalogue id. */
export function fixOf(r: Parsed<unknown>, column: string): string | undefined {
  if (r.ok) return undefined;
  if (r.messageId === 'import.ambiguous-number') return t('import.fix.choose-decimal-mark', { column });
  if (r.messageId === 'import.misplaced-separators') return misplacedSeparatorsFix(String(r.values?.value ?? ''));
  if (r.messageId === 'import.ambiguous-date' || r.messageId === 'import.mixed-order-date') return t('import.fix.choose-date-order');
  if (r.messageId === 'import.missing-hemisphere') return t('import.fix.hemisphere');
  return undefined;
}

/**
 * The fix for a number refused for its digit grouping: Indian grouping ("1,25,000",
 * "12,34,567.5": lakh and crore, groups of two before the last three) is named as such with the
 * number written two readable ways; any other misplaced grouping ("1,2,3") gets the general fix.
 */
function misplacedSeparatorsFix(value: string): string {
  const m = /^([+\-\u2212]?)(\d{1,2}(?:([,.])\d{2})+)\3(\d{3})((?:[.,]\d+)?)$/.exec(value.trim());
  const sep = m?.[3];
  if (!m || !sep || (m[5] && m[5][0] === sep)) return t('import.fix.misplaced-separators');
  const digits = `${m[2]!.split(sep).join('')}${m[4]!}`;
  const fraction = m[5] ?? '';
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return t('import.fix.indian-grouping', { value: value.trim(), plain: `${m[1]!}${digits}${fraction}`, grouped: `${m[1]!}${grouped}${fraction}` });
}

/**
 * The flag of a row whose commodity came from a feature's label column (`plan.labelColumns`: a KML
 * placemark's name) because the file has no commodity data: the report's line (`shown`) and the
 * review flag stored with the seizure (`flag`), or null when the commodity came from elsewhere.
 */
export function commodityFromLabel(plan: ImportPlan, source: Partial<Record<SeizureField, { column: string; value: string }>>): { shown: FieldRejection; flag: RaisedReviewFlag } | null {
  const src = source.commodity;
  if (!src || !plan.labelColumns?.has(src.column.toLowerCase())) return null;
  return {
    shown: { column: src.column, field: 'commodity', value: src.value.trim(), reason: t('import.commodity-from-label', { label: src.column, stage: plan.stage }), fix: t('import.fix.commodity-from-label', { format: plan.geoFormat ?? 'kml' }) },
    flag: { kind: 'commodity-from-label', label: src.column },
  };
}

/**
 * The flag of a row whose seizing country was not in the file but looked up from where its point
 * lies (`located`, build-seizure.ts): a guess, imported flagged for review, never as a stated fact.
 */
export function countryFromLocation(f: SeizureFields, located: string | undefined, plan: ImportPlan, source: Partial<Record<SeizureField, { column: string; value: string }>>): { shown: FieldRejection; flag: RaisedReviewFlag } | null {
  if (!located || f.country !== located) return null;
  const src = source.latitude ?? source.longitude;
  return {
    shown: { column: src?.column ?? '', field: 'country', value: located, reason: t('import.country-from-location', { country: located, stage: plan.stage }), fix: t('import.fix.country-from-location') },
    flag: { kind: 'country-from-location', country: located },
  };
}

/**
 * The flag of a row whose declared CITES appendix contradicts the bundled species list
 * (species.ts `appendixConflict`, the one rule): kept as declared, the report's line (`shown`) and
 * the review flag stored with the seizure (`flag`), or null (tester s28 B6).
 */
export function appendixDiffers(f: SeizureFields, plan: ImportPlan, source: Partial<Record<SeizureField, { column: string; value: string }>>): { shown: FieldRejection; flag: RaisedReviewFlag } | null {
  const entry = appendixConflict(f.taxon, f.citesAppendix);
  if (!entry || !f.citesAppendix) return null;
  const values = { declared: f.citesAppendix, listed: entry.appendix, taxon: entry.name };
  return {
    shown: { column: source.citesAppendix?.column ?? '', field: 'citesAppendix', value: source.citesAppendix?.value.trim() ?? f.citesAppendix, reason: t('import.appendix-differs', { ...values, stage: plan.stage }), fix: t('import.fix.appendix-differs') },
    flag: { kind: 'appendix-differs', ...values },
  };
}
