/**
 * The row builder: turns one row of cells (CSV row, or a KML/GeoJSON feature's properties) into
 * validated {@link SeizureFields}, or into the list of its problems, one per bad field.
 *
 * Rules, per field:
 * - a field with several source columns takes the first non-empty one (see `ImportPlan.byTarget`);
 *   other non-empty values are kept in `notes` as "Column: value", so nothing is dropped silently.
 *   Country lists and agencies merge all their columns; notes columns are joined line by line;
 * - latitude/longitude columns win over a combined coordinates column; a KML/GeoJSON geometry
 *   (passed as `location`) wins over both, and a feature without geometry falls back to them; a
 *   feature whose properties give another point than its geometry keeps them in the notes and is
 *   flagged for review; a geometry refused as out of range that fits swapped is said to be written
 *   [latitude, longitude] (the CSV's swapped-columns rule, row-doubts.ts `explainSwap`);
 * - the quantity cell may carry its unit ("8.8 t"); if a unit column disagrees, the row is refused;
 *   a quantity without any unit is refused; without a quantity the unit is null (nothing was
 *   reported, so nothing is made up);
 * - the date's precision comes from the date (2019-07 → month) unless a precision column says
 *   otherwise, and may not claim more than the date gives;
 * - defaults fill fields the file has no value for; without one, sector is 'other' and
 *   location precision null (not stated), and a missing date, country or commodity refuses the row;
 * - a transit country marked as a missed seizure opportunity must be among the transit
 *   countries; transport mode, detection and concealment method are read by seizure-vocab.ts;
 * - text is kept as written: formula-like cells ("=HYPERLINK(…)") are plain text here, and notes
 *   are not even trimmed. Single-line fields are trimmed by the schema.
 * Finally every record passes `seizureFieldsSchema` (shared/domain/seizure.ts). Every refusal
 * carries a fix: its own, or the general one for its kind (row-doubts.ts `fallbackFix`).
 */
import type { DatePrecision, QuantityUnit } from '../../shared/domain/codes';
import { MAX_NOTES_CHARS, reviewFlagsFromText, seizureFieldSchemas, seizureFieldsSchema, type RaisedReviewFlag, type SeizureField, type SeizureFields } from '../../shared/domain/seizure';
import type { ImportTarget, Rejection } from '../../shared/rpc/import';
import { isAmbiguousSlashDate, parseDate, type ParsedDate } from './dates';
import { splitList } from './lists';
import { dependsOnDecimalMark, parseNumber } from './numbers';
import type { Parsed } from './parse-result';
import type { ImportPlan, PlanColumn } from './plan';
import { ambiguousDate, ambiguousNumber, appendixDiffers, oneOrderDate, commodityFromLabel, coordinatesDisagree, countryFromLocation, explainSwap, fallbackFix, fixOf, outsideCountry, type CoordinatesDisagreement } from './row-doubts';
import { readWhere } from './row-location';
import { RowReader } from './row-reader';
import { splitQuantity } from './quantity';
import { parseSector } from './sectors';
import { parseUnit } from './units';
import { parseCitesAppendix, parseCurrency, parseDatePrecision, splitMoney } from './vocab';
import { parseConcealmentMethod, parseDetectionMethod, parseTransportMode } from './seizure-vocab';
import { t } from '../../shared/messages';

/** A problem with one field of a row; the caller adds the line. */
export type FieldRejection = Omit<Rejection, 'line'>;

/**
 * The outcome for one row: its fields, the doubts it was imported with as the report lists them
 * (`flags`) and as they are stored with the seizure (`review`: raised here, or carried in the
 * file's `review_flags` column), or its problems.
 */
export type BuiltRow = { ok: true; fields: SeizureFields; flags: FieldRejection[]; review: RaisedReviewFlag[] } | { ok: false; rejections: FieldRejection[] };

/** A location read from a geometry (WGS84 degrees), null when the feature has none. */
export type GeometryLocation = { latitude: number; longitude: number } | null;

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** The record a row makes before the schema checks it, in the schema's field order. */
type Candidate = { [K in SeizureField]: unknown } & { notes: string };

/** A CSV cell past the header's last column: its position in the row (from 1) and its value. */
export interface ExtraCell {
  position: number;
  value: string;
}

/**
 * Builds one seizure from `cells` (in header order) with `plan`. `location`, when not null, is the
 * feature's geometry and replaces any coordinate columns (rejections then name column 'geometry').
 * `extra`: the row's non-empty cells past the header (CSV), kept in the notes as "Extra cell 9: …".
 */
export function buildSeizure(cells: readonly string[], plan: ImportPlan, location?: GeometryLocation, extra?: readonly ExtraCell[]): BuiltRow {
  const row = new RowReader(cells, plan);
  const d = row.defaults;
  const { seizureDate, datePrecision } = readDate(row);
  const { country, place, latitude, longitude, locationPrecision, located, disagreement } = readWhere(row, location);

  // What.
  const sector = row.read('sector', parseSector) ?? d.sector ?? 'other';
  const commodity = row.text('commodity');
  const taxon = row.text('taxon');
  const citesAppendix = row.read('citesAppendix', parseCitesAppendix) ?? d.citesAppendix ?? null;

  const { quantity, unit } = readQuantity(row);

  // Routes and who.
  const originCountries = row.countryList('originCountries');
  const transitCountries = row.countryList('transitCountries');
  const destinationCountries = row.countryList('destinationCountries');
  const exportCountries = row.countryList('exportCountries');
  const missedTransitCountries = row.countryList('missedTransitCountries');
  checkMissedTransit(row, missedTransitCountries, transitCountries);
  const transportMode = row.read('transportMode', parseTransportMode) ?? d.transportMode ?? null;
  const detectionMethod = row.read('detectionMethod', parseDetectionMethod) ?? d.detectionMethod ?? null;
  const concealmentMethod = row.read('concealmentMethod', parseConcealmentMethod) ?? d.concealmentMethod ?? null;
  const seizingAgencies = readAgencies(row);

  const { reportedValue, reportedCurrency } = readValue(row);

  // Sources and notes.
  const operation = row.text('operation');
  const sourceUrl = row.text('sourceUrl');
  const sourceTitle = row.text('sourceTitle');
  const notes = readNotes(row, extra);
  const carried = readCarriedFlags(row);

  const candidate: Candidate = {
    seizureDate, datePrecision, country: country ?? '', place, latitude, longitude, locationPrecision, sector, commodity, taxon, citesAppendix,
    quantity, unit, originCountries, exportCountries, transitCountries, missedTransitCountries, destinationCountries,
    concealmentMethod, transportMode, detectionMethod, seizingAgencies, reportedValue, reportedCurrency,
    operation, sourceTitle, sourceUrl, notes,
  };

  // The whole schema first (the common case: a good row); on any problem, each field's own schema
  // for the fields not refused yet, then the cross-field rules if every field passed.
  if (!row.rejections.length) {
    const whole = seizureFieldsSchema.safeParse(candidate);
    if (whole.success) return accepted(row, whole.data, located, carried, disagreement);
  }
  refuseFields(row, candidate);
  // A geometry refused as out of range that fits the other way round was written [lat, lon].
  if (location) explainSwap(row.rejections, row.source.latitude, row.source.longitude, plan.geoFormat ?? 'geojson');
  // Every refusal carries a fix: its own, or the general one for its kind (row-doubts.ts).
  return { ok: false, rejections: row.rejections.map((r) => (r.fix ? r : { ...r, fix: fallbackFix(r, plan) })) };
}

/** Reads a date cell with its column's day-month order; a slash date that order only guesses is refused with both readings, and in a column mixing both orders (none chosen) so is a date of one order only. */
function parseDateCell(raw: string, col: PlanColumn, row: RowReader): Parsed<ParsedDate> {
  const mixed = row.guessed(col) && row.plan.formats.some((f) => f.column === col.name && f.mixedOrders);
  if (row.guessed(col) && isAmbiguousSlashDate(raw)) return ambiguousDate(raw, mixed);
  // A column mixing both orders, none chosen: a date of one order only is held back as well (row-doubts.ts).
  const oneOrder = mixed ? oneOrderDate(raw) : null;
  return oneOrder ?? parseDate(raw, row.plan.dateOrder.get(col.index) ?? 'DMY');
}

/** The date and its precision: the date's own, unless a precision column says less (it may not say more). */
function readDate(row: RowReader): { seizureDate: string; datePrecision: DatePrecision } {
  const d = row.defaults;
  const date = row.read('seizureDate', parseDateCell);
  let seizureDate = date?.date ?? d.seizureDate;
  if (!date && !row.source.seizureDate && !seizureDate) row.reject('seizureDate', row.firstColumn('seizureDate'), '', t('field.required'));
  const statedPrecision = row.read('datePrecision', parseDatePrecision);
  let datePrecision = date?.precision ?? d.datePrecision ?? 'day';
  if (statedPrecision && date) {
    if (PRECISION_RANK[statedPrecision] > PRECISION_RANK[date.precision]) {
      const stated = row.source.datePrecision!;
      row.reject('datePrecision', stated.column, stated.value, t('import.precision-contradicts-date', { stated: statedPrecision, value: row.source.seizureDate!.value.trim(), precision: date.precision }));
    } else datePrecision = statedPrecision;
  } else if (statedPrecision) datePrecision = statedPrecision;
  seizureDate ??= '';
  return { seizureDate, datePrecision };
}

/**
 * The quantity and its unit: the unit written in the quantity cell ("8.8 t") or a unit column
 * (they must agree), else the default; a quantity without any unit is refused, and a row without
 * a quantity has no unit.
 */
function readQuantity(row: RowReader): { quantity: number | null; unit: QuantityUnit | null } {
  const d = row.defaults;
  let quantity: number | null = d.quantity ?? null;
  let cellUnit: QuantityUnit | null = null;
  const q = row.pickFrom(row.colsOf('quantity', 'quantityWithUnit'));
  if (q) {
    row.source.quantity = { column: q.col.name, value: q.raw };
    const parts = splitQuantity(q.raw);
    const n = parts ? (row.guessed(q.col) && dependsOnDecimalMark(parts[0]) ? ambiguousNumber(parts[0], row.plan.markDoubts.get(q.col.index)) : parseNumber(parts[0], row.plan.decimal.get(q.col.index) ?? '.')) : null;
    if (!parts || !n) row.reject('quantity', q.col.name, q.raw, t('import.not-a-quantity', { value: q.raw.trim() }));
    else if (!n.ok) row.reject('quantity', q.col.name, q.raw, n.reason, fixOf(n, q.col.name));
    else quantity = n.value;
    if (parts && parts[1]) {
      const u = parseUnit(parts[1]);
      if (u.ok) cellUnit = u.value;
      else row.reject('unit', q.col.name, q.raw, u.reason);
      row.source.unit = { column: q.col.name, value: q.raw };
    }
  }
  const columnUnit = row.read('unit', parseUnit) ?? null;
  const unit: QuantityUnit | null = quantity === null ? null : (cellUnit ?? columnUnit ?? d.unit ?? null);
  if (cellUnit && columnUnit && cellUnit !== columnUnit) {
    row.reject('unit', row.source.unit!.column, row.source.unit!.value, t('import.unit-contradiction', { cellUnit, columnUnit }));
  } else if (q && quantity !== null && !cellUnit && !columnUnit && !d.unit && !row.refused('unit')) {
    row.reject('unit', row.firstColumn('unit') || q.col.name, '', t('import.unit-required', { unitColumn: row.firstColumn('unit') ? 'yes' : 'no' }));
  }
  return { quantity, unit };
}

/** Refuses transit countries marked as missed seizure opportunities that are not among the transit countries. */
function checkMissedTransit(row: RowReader, missed: readonly string[], transit: readonly string[]): void {
  const notTransit: string[] = [];
  for (const c of missed) if (!transit.includes(c)) notTransit.push(c);
  const src = row.source.missedTransitCountries;
  if (notTransit.length && src) row.reject('missedTransitCountries', src.column, src.value, t('import.missed-without-transit', { codes: notTransit.join(', ') }));
}

/** The seizing agencies of all the agency columns, repeats dropped, in order; without any, the default. */
function readAgencies(row: RowReader): string[] {
  const agencyCols = row.filled('seizingAgencies');
  if (!agencyCols[0]) return row.defaults.seizingAgencies ?? [];
  const agencies = new Set<string>();
  for (const c of agencyCols) for (const a of splitList(row.cell(c))) agencies.add(a);
  row.source.seizingAgencies = { column: agencyCols[0].name, value: row.cell(agencyCols[0]) };
  return [...agencies];
}

/**
 * Reads a reported-value cell: the amount, with the currency it may carry ("SGD 48,600,000")
 * kept as `row.cellCurrency`. An amount that reads differently under the column's guessed
 * decimal mark is refused with both readings.
 */
function parseValueCell(raw: string, col: PlanColumn, row: RowReader): Parsed<number> {
  const { symbol, digits } = splitMoney(raw);
  if (symbol) {
    const c = parseCurrency(symbol);
    if (!c.ok) return c;
    row.cellCurrency = c.value;
  }
  return row.guessed(col) && dependsOnDecimalMark(digits) ? ambiguousNumber(digits, row.plan.markDoubts.get(col.index)) : parseNumber(digits, row.plan.decimal.get(col.index) ?? '.');
}

/** The reported value and its currency: the cell's currency or the currency column's (they must agree), else the default. */
function readValue(row: RowReader): { reportedValue: number | null; reportedCurrency: string | null } {
  const d = row.defaults;
  const reportedValue = row.read('reportedValue', parseValueCell) ?? (row.source.reportedValue ? null : (d.reportedValue ?? null));
  const columnCurrency = row.read('reportedCurrency', parseCurrency) ?? null;
  const cellCurrency = row.cellCurrency;
  if (cellCurrency && columnCurrency && cellCurrency !== columnCurrency) {
    row.reject('reportedCurrency', row.source.reportedCurrency!.column, row.source.reportedCurrency!.value, t('import.currency-contradiction', { cellCurrency, columnCurrency }));
  }
  return { reportedValue, reportedCurrency: cellCurrency ?? columnCurrency ?? d.reportedCurrency ?? null };
}

/** The notes: every notes cell as written (else the default), then the values other fields did not take, line by line. */
function readNotes(row: RowReader, extra: readonly ExtraCell[] | undefined): string {
  const noteCols = row.filled('notes');
  const lines: string[] = [];
  if (noteCols[0]) {
    row.source.notes = { column: noteCols[0].name, value: row.cell(noteCols[0]) };
    for (const c of noteCols) lines.push(row.cell(c));
  } else if (row.defaults.notes) lines.push(row.defaults.notes);
  for (const note of row.extraNotes) lines.push(note);
  for (const x of extra ?? []) lines.push(t('import.note.extra-cell', { position: x.position, value: x.value.trim() }));
  return lines.join('\n');
}

/** Review flags an exported file carries: kept open as they were raised (who, when, what was measured). */
function readCarriedFlags(row: RowReader): RaisedReviewFlag[] {
  const flagCol = row.cols('reviewFlags')[0];
  if (!flagCol || row.cell(flagCol).trim() === '') return [];
  const carried = reviewFlagsFromText(row.cell(flagCol));
  if (carried) return carried;
  row.rejections.push({ column: flagCol.name, field: 'reviewFlags', value: row.cell(flagCol).trim(), reason: t('import.review-flags-unreadable') });
  return [];
}

/** A good row: its fields, with the doubts it raises (row-doubts.ts) as report lines and as review flags after the carried ones. */
function accepted(row: RowReader, fields: SeizureFields, located: string | undefined, carried: RaisedReviewFlag[], disagreement: CoordinatesDisagreement | null): BuiltRow {
  const plan = row.plan;
  const outside = outsideCountry(fields, plan, row.source);
  const label = commodityFromLabel(plan, row.source);
  const guessedCountry = countryFromLocation(fields, located, plan, row.source);
  const disagrees = disagreement ? coordinatesDisagree(disagreement, plan) : null;
  const appendix = appendixDiffers(fields, plan, row.source);
  const flags: FieldRejection[] = [];
  const review = [...carried];
  for (const doubt of [outside, label, guessedCountry, disagrees, appendix]) {
    if (doubt === null) continue;
    flags.push(doubt.shown);
    // A fresh check that repeats a carried flag (the same kind about the same thing) adds nothing.
    if (!repeatsAny(carried, doubt.flag)) review.push(doubt.flag);
  }
  return { ok: true, fields, flags, review };
}

/** True when `flag` repeats one of `flags`: the same kind about the same thing (the same label, the same country). */
function repeatsAny(flags: readonly RaisedReviewFlag[], flag: RaisedReviewFlag): boolean {
  for (const f of flags) {
    if (f.kind !== flag.kind) continue;
    if (sameFlag(f, flag)) return true;
  }
  return false;
}

/** True when `a` and `b` (of the same kind) say the same thing. */
function sameFlag(a: RaisedReviewFlag, b: RaisedReviewFlag): boolean {
  switch (a.kind) {
    case 'commodity-from-label':
      return a.label === (b as typeof a).label;
    case 'coordinates-disagree':
      return a.geometry === (b as typeof a).geometry && a.stated === (b as typeof a).stated;
    case 'appendix-differs':
      return a.taxon === (b as typeof a).taxon && a.declared === (b as typeof a).declared && a.listed === (b as typeof a).listed;
    default:
      return a.country === (b as typeof a).country;
  }
}

/**
 * A refused row: each field not refused yet is checked on its own schema, then (if all pass)
 * the cross-field rules; every problem is added to the row's rejections.
 */
function refuseFields(row: RowReader, candidate: Candidate): void {
  const refused = new Set(row.rejections.map((r) => r.field));
  for (const field of Object.keys(seizureFieldSchemas) as SeizureField[]) {
    if (refused.has(field)) continue;
    const r = seizureFieldSchemas[field].safeParse(candidate[field]);
    if (!r.success) {
      const { column, value } = describe(row, candidate, field);
      // A notes cell past the limit (a 5 MB text was refused with no way out): say what to do.
      const fix = field === 'notes' && typeof candidate.notes === 'string' && candidate.notes.length > MAX_NOTES_CHARS ? t('import.fix.notes-too-long', { max: MAX_NOTES_CHARS, length: candidate.notes.length }) : undefined;
      row.reject(field, column, value, r.error.issues[0]?.message ?? t('import.not-valid'), fix);
    }
  }
  if (!row.rejections.length) {
    const whole = seizureFieldsSchema.safeParse(candidate);
    for (const issue of whole.error?.issues ?? []) {
      const field = String(issue.path[0] ?? 'notes') as SeizureField;
      const { column, value } = describe(row, candidate, field);
      row.reject(field, column, row.source[field] ? value : '', issue.message);
    }
  }
}

/** The column and value a refusal of `field` names: where it came from, else its first column and the value it would have had. */
function describe(row: RowReader, candidate: Candidate, field: SeizureField): { column: string; value: string } {
  const src = row.source[field];
  const value = candidate[field];
  return { column: src?.column ?? row.firstColumn(field as ImportTarget), value: src?.value ?? (Array.isArray(value) ? value.join(';') : String(value ?? '')) };
}
