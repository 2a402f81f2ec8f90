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
import type { QuantityUnit } from '../../shared/domain/codes';
import { MAX_NOTES_CHARS, reviewFlagsFromText, seizureFieldSchemas, seizureFieldsSchema, type RaisedReviewFlag, type SeizureField, type SeizureFields } from '../../shared/domain/seizure';
import type { ImportTarget, Rejection } from '../../shared/rpc/import';
import { lacksHemisphere } from './coordinate-format';
import { pairHalves, parseCoordinate, parseCoordinatePair } from './coordinates';
import { parseCountryList, parseCountry } from './countries';
import { isAmbiguousSlashDate, parseDate, type ParsedDate } from './dates';
import { splitList } from './lists';
import { dependsOnDecimalMark, parseNumber } from './numbers';
import { fail, isMissing, type Parsed } from './parse-result';
import type { ImportPlan, PlanColumn } from './plan';
import { ambiguousDate, ambiguousNumber, commodityFromLabel, coordinatesDisagree, countryFromLocation, explainSwap, fallbackFix, fixOf, outsideCountry, type CoordinatesDisagreement } from './row-doubts';
import { splitQuantity } from './quantity';
import { parseSector } from './sectors';
import { parseUnit } from './units';
import { parseCitesAppendix, parseCurrency, parseDatePrecision, parseLocationPrecision } from './vocab';
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

/** Money written with its currency in the same cell: "SGD 48,600,000", "48.600.000 €", "US$ 6.8". */
const MONEY = /^(?:([A-Za-z]{3}|[A-Z]{1,2}\$|[€£$¥₹₫₱฿₦₩])\s*)?([^A-Za-z€£$¥₹₫₱฿₦₩]+?)(?:\s*([A-Za-z]{3}|[€£$¥₹₫₱฿₦₩]))?$/;

/**
 * Builds one seizure from `cells` (in header order) with `plan`. `location`, when not null, is the
 * feature's geometry and replaces any coordinate columns (rejections then name column 'geometry').
 */
export function buildSeizure(cells: readonly string[], plan: ImportPlan, location?: GeometryLocation): BuiltRow {
  const d = plan.defaults;
  const rejections: FieldRejection[] = [];
  const source: Partial<Record<SeizureField, { column: string; value: string }>> = {};
  const extraNotes: string[] = [];
  const cols = (t: ImportTarget) => plan.byTarget.get(t) ?? [];
  const cell = (c: PlanColumn) => cells[c.index] ?? '';
  const reject = (field: SeizureField, column: string, value: string, reason: string, fix?: string) => rejections.push({ column, field, value, reason, ...(fix ? { fix } : {}) });
  const guessed = (col: PlanColumn) => plan.guessed.has(col.index);

  /** First non-empty column of `targets`; the other non-empty ones go to notes. */
  function pick(targets: ImportTarget[], text = false): { col: PlanColumn; raw: string } | null {
    const all = targets.length === 1 ? cols(targets[0]!) : targets.flatMap(cols).sort((a, b) => a.priority - b.priority || a.index - b.index);
    if (!all.length) return null;
    let chosen: { col: PlanColumn; raw: string } | null = null;
    for (const col of all) {
      const raw = cell(col);
      if (text ? raw.trim() === '' : isMissing(raw)) continue;
      if (!chosen) chosen = { col, raw };
      else if (raw.trim() !== chosen.raw.trim()) extraNotes.push(`${col.name}: ${raw.trim()}`);
    }
    return chosen;
  }
  /** Parses the picked cell of a field; records source and rejection. Returns undefined when absent or bad. */
  function read<T>(field: SeizureField, targets: ImportTarget[], parse: (raw: string, col: PlanColumn) => Parsed<T>): T | undefined {
    const p = pick(targets);
    if (!p) return undefined;
    source[field] = { column: p.col.name, value: p.raw };
    const r = parse(p.raw, p.col);
    if (r.ok) return r.value;
    reject(field, p.col.name, p.raw, r.reason, fixOf(r, p.col.name));
    return undefined;
  }
  function text(field: SeizureField, target: ImportTarget): string {
    const p = pick([target], true);
    if (!p) return (d[field] as string | undefined) ?? '';
    source[field] = { column: p.col.name, value: p.raw };
    return p.raw;
  }
  const firstColumn = (t: ImportTarget) => cols(t)[0]?.name ?? '';
  const hasValue = (t: ImportTarget) => cols(t).some((c) => !isMissing(cell(c)));

  /**
   * A feature's latitude/longitude (or coordinates) properties beside its geometry: the geometry
   * places the seizure; properties that say otherwise (or cannot be read) are kept in the notes as
   * "column: value" and the row is flagged, never dropped silently (tester finding F14).
   */
  function compareWithGeometry(at: { latitude: number; longitude: number }): CoordinatesDisagreement | null {
    const same = (a: number, b: number) => Math.abs(a - b) <= 1e-6;
    const stated: { col: PlanColumn; raw: string; agrees: boolean }[] = [];
    const lat = pick(['latitude']);
    const lon = pick(['longitude']);
    if (lat || lon) {
      for (const [p, axis] of [[lat, 'lat'], [lon, 'lon']] as const) {
        if (!p) continue;
        const r = parseCoordinate(p.raw, axis);
        stated.push({ ...p, agrees: r.ok && same(r.value, axis === 'lat' ? at.latitude : at.longitude) });
      }
    } else {
      const pair = pick(['coordinates']);
      const r = pair ? parseCoordinatePair(pair.raw) : null;
      if (pair) stated.push({ ...pair, agrees: !!r?.ok && same(r.value.latitude, at.latitude) && same(r.value.longitude, at.longitude) });
    }
    if (stated.every((x) => x.agrees)) return null;
    for (const x of stated) extraNotes.push(`${x.col.name}: ${x.raw.trim()}`);
    return { columns: stated.map((x) => x.col.name), stated: stated.map((x) => x.raw.trim()), geometry: `${at.latitude}, ${at.longitude}` };
  }
  let disagreement: CoordinatesDisagreement | null = null;

  // Date and its precision.
  const date: ParsedDate | undefined = read('seizureDate', ['seizureDate'], (raw, col) => {
    if (guessed(col) && isAmbiguousSlashDate(raw)) return ambiguousDate(raw);
    return parseDate(raw, plan.dateOrder.get(col.index) ?? 'DMY');
  });
  let seizureDate = date?.date ?? d.seizureDate;
  if (!date && !source.seizureDate && !seizureDate) reject('seizureDate', firstColumn('seizureDate'), '', t('field.required'));
  const statedPrecision = read('datePrecision', ['datePrecision'], parseDatePrecision);
  let datePrecision = date?.precision ?? d.datePrecision ?? 'day';
  if (statedPrecision && date) {
    if (PRECISION_RANK[statedPrecision] > PRECISION_RANK[date.precision]) {
      reject('datePrecision', source.datePrecision!.column, source.datePrecision!.value, t('import.precision-contradicts-date', { stated: statedPrecision, value: source.seizureDate!.value.trim(), precision: date.precision }));
    } else datePrecision = statedPrecision;
  } else if (statedPrecision) datePrecision = statedPrecision;
  seizureDate ??= '';

  // Where.
  const countryRead = read('country', ['country'], parseCountry);
  const place = text('place', 'place');
  let latitude: number | null = d.latitude ?? null;
  let longitude: number | null = d.longitude ?? null;
  if (location) {
    [latitude, longitude] = [location.latitude, location.longitude];
    source.latitude = { column: 'geometry', value: String(location.latitude) };
    source.longitude = { column: 'geometry', value: String(location.longitude) };
    disagreement = compareWithGeometry(location);
  } else if (hasValue('latitude') || hasValue('longitude')) {
    const coordinate = (axis: 'lat' | 'lon') => (raw: string, col: PlanColumn): Parsed<number> =>
      guessed(col) && lacksHemisphere(raw) ? fail('import.missing-hemisphere', { value: raw.trim() }) : parseCoordinate(raw, axis);
    latitude = read('latitude', ['latitude'], coordinate('lat')) ?? null;
    longitude = read('longitude', ['longitude'], coordinate('lon')) ?? null;
    explainSwap(rejections, source.latitude, source.longitude);
    for (const [field, other] of [['latitude', 'longitude'], ['longitude', 'latitude']] as const) {
      if (!source[field] && source[other]) reject(field, firstColumn(field), '', t('field.coordinates-paired'));
    }
  } else {
    const p = pick(['coordinates']);
    if (p) {
      source.latitude = source.longitude = { column: p.col.name, value: p.raw };
      const halves = guessed(p.col) ? pairHalves(p.raw) : null;
      const r = halves?.some(lacksHemisphere) ? fail<never>('import.missing-hemisphere', { value: p.raw.trim() }) : parseCoordinatePair(p.raw);
      if (r.ok) ({ latitude, longitude } = r.value);
      else reject(r.messageId === 'import.longitude-reason' ? 'longitude' : 'latitude', p.col.name, p.raw, typeof r.values?.reason === 'string' ? r.values.reason : r.reason, fixOf(r, p.col.name));
    }
  }
  // A row without a country takes the one its coordinates fall in (offline basemap), then the default.
  const located = !countryRead && !source.country && latitude !== null && longitude !== null ? (plan.countryAt?.(latitude, longitude) ?? undefined) : undefined;
  const country = countryRead ?? located ?? d.country;
  if (!country && !source.country) {
    const why = latitude !== null && longitude !== null && plan.countryAt ? t('import.country-required-outside-known') : t('field.required');
    reject('country', firstColumn('country'), '', why);
  }
  const locationPrecision = read('locationPrecision', ['locationPrecision'], parseLocationPrecision) ?? d.locationPrecision ?? null;

  // What.
  const sector = read('sector', ['sector'], parseSector) ?? d.sector ?? 'other';
  const commodity = text('commodity', 'commodity');
  const taxon = text('taxon', 'taxon');
  const citesAppendix = read('citesAppendix', ['citesAppendix'], parseCitesAppendix) ?? d.citesAppendix ?? null;

  // How much.
  let quantity: number | null = d.quantity ?? null;
  let cellUnit: QuantityUnit | null = null;
  const q = pick(['quantity', 'quantityWithUnit']);
  if (q) {
    source.quantity = { column: q.col.name, value: q.raw };
    const parts = splitQuantity(q.raw);
    const n = parts ? (guessed(q.col) && dependsOnDecimalMark(parts[0]) ? ambiguousNumber(parts[0]) : parseNumber(parts[0], plan.decimal.get(q.col.index) ?? '.')) : null;
    if (!parts || !n) reject('quantity', q.col.name, q.raw, t('import.not-a-quantity', { value: q.raw.trim() }));
    else if (!n.ok) reject('quantity', q.col.name, q.raw, n.reason, fixOf(n, q.col.name));
    else quantity = n.value;
    if (parts && parts[1]) {
      const u = parseUnit(parts[1]);
      if (u.ok) cellUnit = u.value;
      else reject('unit', q.col.name, q.raw, u.reason);
      source.unit = { column: q.col.name, value: q.raw };
    }
  }
  const columnUnit = read('unit', ['unit'], parseUnit) ?? null;
  const unit: QuantityUnit | null = quantity === null ? null : (cellUnit ?? columnUnit ?? d.unit ?? null);
  if (cellUnit && columnUnit && cellUnit !== columnUnit) {
    reject('unit', source.unit!.column, source.unit!.value, t('import.unit-contradiction', { cellUnit, columnUnit }));
  } else if (q && quantity !== null && !cellUnit && !columnUnit && !d.unit && !rejections.some((r) => r.field === 'unit')) {
    reject('unit', firstColumn('unit') || q.col.name, '', t('import.unit-required'));
  }

  // Routes and who.
  const countryList = (field: 'originCountries' | 'exportCountries' | 'transitCountries' | 'missedTransitCountries' | 'destinationCountries'): string[] => {
    const cs = cols(field);
    if (!cs.some((c) => !isMissing(cell(c)))) return d[field] ?? [];
    const out: string[] = [];
    for (const c of cs) {
      const r = parseCountryList(cell(c));
      source[field] ??= { column: c.name, value: cell(c) };
      if (!r.ok) reject(field, c.name, cell(c), r.reason);
      else for (const code of r.value) if (!out.includes(code)) out.push(code);
    }
    return out;
  };
  const originCountries = countryList('originCountries');
  const transitCountries = countryList('transitCountries');
  const destinationCountries = countryList('destinationCountries');
  const exportCountries = countryList('exportCountries');
  const missedTransitCountries = countryList('missedTransitCountries');
  const notTransit = missedTransitCountries.filter((c) => !transitCountries.includes(c));
  if (notTransit.length && source.missedTransitCountries) {
    reject('missedTransitCountries', source.missedTransitCountries.column, source.missedTransitCountries.value, t('import.missed-without-transit', { codes: notTransit.join(', ') }));
  }
  const transportMode = read('transportMode', ['transportMode'], parseTransportMode) ?? d.transportMode ?? null;
  const detectionMethod = read('detectionMethod', ['detectionMethod'], parseDetectionMethod) ?? d.detectionMethod ?? null;
  const concealmentMethod = read('concealmentMethod', ['concealmentMethod'], parseConcealmentMethod) ?? d.concealmentMethod ?? null;
  const agencyCols = cols('seizingAgencies').filter((c) => cell(c).trim() !== '');
  const seizingAgencies = agencyCols.length ? [...new Set(agencyCols.flatMap((c) => splitList(cell(c))))] : (d.seizingAgencies ?? []);
  if (agencyCols[0]) source.seizingAgencies = { column: agencyCols[0].name, value: cell(agencyCols[0]) };

  // Value.
  const money: { currency: string | null } = { currency: null };
  const reportedValue =
    read('reportedValue', ['reportedValue'], (raw, col) => {
      const m = MONEY.exec(raw.trim());
      const symbol = m?.[1] ?? m?.[3];
      if (m && symbol) {
        const c = parseCurrency(symbol);
        if (!c.ok) return c;
        money.currency = c.value;
      }
      const digits = m?.[2] ?? raw;
      return guessed(col) && dependsOnDecimalMark(digits) ? ambiguousNumber(digits) : parseNumber(digits, plan.decimal.get(col.index) ?? '.');
    }) ??
    (source.reportedValue ? null : (d.reportedValue ?? null));
  const columnCurrency = read('reportedCurrency', ['reportedCurrency'], parseCurrency) ?? null;
  if (money.currency && columnCurrency && money.currency !== columnCurrency) {
    reject('reportedCurrency', source.reportedCurrency!.column, source.reportedCurrency!.value, t('import.currency-contradiction', { cellCurrency: money.currency, columnCurrency }));
  }
  const reportedCurrency = money.currency ?? columnCurrency ?? d.reportedCurrency ?? null;

  // Sources and notes.
  const operation = text('operation', 'operation');
  const sourceUrl = text('sourceUrl', 'sourceUrl');
  const sourceTitle = text('sourceTitle', 'sourceTitle');
  const noteCols = cols('notes').filter((c) => cell(c).trim() !== '');
  if (noteCols[0]) source.notes = { column: noteCols[0].name, value: cell(noteCols[0]) };
  const notes = [...(noteCols.length ? noteCols.map(cell) : d.notes ? [d.notes] : []), ...extraNotes].join('\n');

  // Review flags an exported file carries: kept open as they were raised (who, when, what was measured).
  let carried: RaisedReviewFlag[] = [];
  const flagCol = cols('reviewFlags')[0];
  if (flagCol && cell(flagCol).trim() !== '') {
    const read = reviewFlagsFromText(cell(flagCol));
    if (read) carried = read;
    else rejections.push({ column: flagCol.name, field: 'reviewFlags', value: cell(flagCol).trim(), reason: t('import.review-flags-unreadable') });
  }

  const candidate = {
    seizureDate, datePrecision, country: country ?? '', place, latitude, longitude, locationPrecision, sector, commodity, taxon, citesAppendix,
    quantity, unit, originCountries, exportCountries, transitCountries, missedTransitCountries, destinationCountries,
    concealmentMethod, transportMode, detectionMethod, seizingAgencies, reportedValue, reportedCurrency,
    operation, sourceTitle, sourceUrl, notes,
  };

  // The whole schema first (the common case: a good row); on any problem, each field's own schema
  // for the fields not refused yet, then the cross-field rules if every field passed.
  if (!rejections.length) {
    const whole = seizureFieldsSchema.safeParse(candidate);
    if (whole.success) {
      const doubts = [
        outsideCountry(whole.data, plan, source), commodityFromLabel(plan, source), countryFromLocation(whole.data, located, plan, source),
        disagreement ? coordinatesDisagree(disagreement, plan) : null,
      ].filter((x) => x !== null);
      // A fresh check that repeats a carried flag (the same kind about the same thing) adds nothing.
      const repeats = (a: RaisedReviewFlag, b: RaisedReviewFlag) => {
        if (a.kind !== b.kind) return false;
        if (a.kind === 'commodity-from-label') return a.label === (b as typeof a).label;
        if (a.kind === 'coordinates-disagree') return a.geometry === (b as typeof a).geometry && a.stated === (b as typeof a).stated;
        return a.country === (b as typeof a).country;
      };
      const fresh = doubts.map((x) => x.flag).filter((flag) => !carried.some((f) => repeats(f, flag)));
      return { ok: true, fields: whole.data, flags: doubts.map((x) => x.shown), review: [...carried, ...fresh] };
    }
  }
  const refused = new Set(rejections.map((r) => r.field));
  const describe = (field: SeizureField) => {
    const src = source[field];
    const value = candidate[field];
    return { column: src?.column ?? firstColumn(field as ImportTarget), value: src?.value ?? (Array.isArray(value) ? value.join(';') : String(value ?? '')) };
  };
  for (const field of Object.keys(seizureFieldSchemas) as SeizureField[]) {
    if (refused.has(field)) continue;
    const r = seizureFieldSchemas[field].safeParse(candidate[field]);
    if (!r.success) {
      const { column, value } = describe(field);
      // A notes cell past the limit (a 5 MB text was refused with no way out): say what to do.
      const fix = field === 'notes' && typeof candidate.notes === 'string' && candidate.notes.length > MAX_NOTES_CHARS ? t('import.fix.notes-too-long', { max: MAX_NOTES_CHARS, length: candidate.notes.length }) : undefined;
      reject(field, column, value, r.error.issues[0]?.message ?? t('import.not-valid'), fix);
    }
  }
  if (!rejections.length) {
    const whole = seizureFieldsSchema.safeParse(candidate);
    for (const issue of whole.error?.issues ?? []) {
      const field = String(issue.path[0] ?? 'notes') as SeizureField;
      const { column, value } = describe(field);
      reject(field, column, source[field] ? value : '', issue.message);
    }
  }
  // A geometry refused as out of range that fits the other way round was written [lat, lon].
  if (location) explainSwap(rejections, source.latitude, source.longitude, plan.geoFormat ?? 'geojson');
  return { ok: false, rejections: rejections.map((r) => (r.fix ? r : { ...r, fix: fallbackFix(r, plan) })) };
}
