/**
 * The import plan: what the row builder needs to know about a file before it reads any row —
 * which columns feed which targets (resolved from a column mapping), the decimal mark of each
 * numeric column, the day-month order of each date column, and the caller's defaults. Deciding
 * these once per column is what makes "1,274" mean the same thing in every row of a column.
 */
import type { SeizureFields } from '../../shared/domain/seizure';
import type { ColumnFormat, ColumnMapping, ImportTarget, MarkDoubt, OtherColumnMark } from '../../shared/rpc/import';
import { coordinateFormat } from './coordinate-format';
import { pairHalves } from './coordinates';
import { dateOrderEvidence, isAmbiguousSlashDate, type DateOrder } from './dates';
import { normaliseHeader } from './header-names';
import { columnMark, coordinateMarkSignal, decimalMarkSignal, inferNumberFormat, markDoubtText, type DecimalMark } from './numbers';
import { isMissing } from './parse-result';
import { splitQuantity } from './quantity';
import { parseCurrency, splitMoney } from './vocab';
import { t } from '../../shared/messages';

/** One source column feeding a target. Lower `priority` is read first (0 for ordinary columns). */
export interface PlanColumn {
  index: number;
  name: string;
  target: ImportTarget;
  priority: number;
}

/** Everything decided per file before rows are read. */
export interface ImportPlan {
  /** Mapped columns per target, in reading order (priority, then column order). */
  byTarget: ReadonlyMap<ImportTarget, readonly PlanColumn[]>;
  /** Decimal mark of each numeric column (by column index). */
  decimal: ReadonlyMap<number, DecimalMark>;
  /** Day-month order of each date column (by column index). */
  dateOrder: ReadonlyMap<number, DateOrder>;
  /**
   * Columns (by index) whose decision is a guess: their cells that read differently under the
   * other choice are refused with a fix (see build-seizure.ts) rather than imported on a guess.
   * For latitude/longitude columns: cells without a hemisphere letter in a column whose other
   * cells have S or W letters.
   */
  guessed: ReadonlySet<number>;
  /** Why a guessed number column's mark is a guess (by column index), for its cells' refusals. */
  markDoubts: ReadonlyMap<number, MarkDoubt>;
  /** How each numeric, date and coordinate column was read, in column order (shown in the preview). */
  formats: readonly ColumnFormat[];
  /** Values used where the file has no value for a field (no column, or an empty cell). */
  defaults: Partial<SeizureFields>;
  /** The ISO 3166-1 alpha-2 country at a WGS84 point, for rows with coordinates but no country. */
  countryAt?: (latitude: number, longitude: number) => string | null;
  /**
   * How far (km) a WGS84 point lies outside a country when it is farther than
   * {@link NEAR_COUNTRY_KM}, else null (in or near it, or not checkable); rows with a distance are
   * imported and flagged with it (service/geo/country-at.ts `kmOutsideCountry`).
   */
  outsideKm?: (latitude: number, longitude: number, country: string) => number | null;
  /**
   * Columns (lower-case names) that hold a feature's label rather than a commodity — a KML/GPX
   * placemark's `name`, a `title` — read as the commodity only when the file has no commodity
   * data; a commodity taken from one is imported flagged for review (row-doubts.ts).
   */
  labelColumns?: ReadonlySet<string>;
  /** The feature format (absent for CSV): the fix offered for a label read as the commodity depends on it. */
  geoFormat?: 'kml' | 'gpx' | 'geojson';
  /** What the flagged rows' sentences say (row-doubts.ts): see {@link ImportStage}. */
  stage: ImportStage;
}

/**
 * Whether a parse is for a preview (the dialog's dry run, `--dry-run`: nothing is written, so a
 * flagged row "will be imported and flagged") or for an import (it "was imported and flagged").
 * The catalogue's flag sentences take it as their `stage`.
 */
export type ImportStage = 'preview' | 'import';

/** How far outside its seizing country a point may lie unflagged (ports, anchorages, territorial waters), in km. */
export const NEAR_COUNTRY_KM = 25;

/** Options for {@link makePlan}. */
export interface PlanOptions {
  /** The user's day-month order for ambiguous slash dates; when absent it is decided per column. */
  dateOrder?: DateOrder;
  /** The user's decimal mark per numeric column, by column name as written in the file. */
  decimalMarks?: Readonly<Record<string, DecimalMark>>;
  defaults?: Partial<SeizureFields>;
  /** See {@link ImportPlan.countryAt}. */
  countryAt?: (latitude: number, longitude: number) => string | null;
  /** See {@link ImportPlan.outsideKm}. */
  outsideKm?: (latitude: number, longitude: number, country: string) => number | null;
  /** Decimal mark for numeric columns whose cells prove nothing (from the file: ',' for ';'-separated files). */
  decimalHint: DecimalMark;
  /** Reading priority of a column (lower first); default 0. Used for KML/GeoJSON labels. */
  priority?: (header: string) => number;
  /** See {@link ImportPlan.labelColumns}. */
  labelColumns?: ReadonlySet<string>;
  /** The feature format (absent for CSV): the fix offered for a label read as the commodity depends on it. */
  geoFormat?: 'kml' | 'gpx' | 'geojson';
  /** See {@link ImportPlan.stage}; default 'import'. */
  stage?: ImportStage;
  /** The file line (CSV) or feature number of each row, as a rejection names it: a column that mixes date orders names a line of each. Default: the row's index + 2. */
  lines?: readonly number[];
}

const NUMERIC_TARGETS = new Set<ImportTarget>(['quantity', 'quantityWithUnit', 'reportedValue']);

/**
 * Resolves `mapping` against `headers`: a column takes the target its exact name maps to, else the
 * target of a mapping key with the same normalised name (so a mapping remembered under
 * {@link headersKey} applies to headers that differ in case or accents). Unnamed columns are ignored.
 */
export function resolveMapping(headers: readonly string[], mapping: ColumnMapping): (ImportTarget | null)[] {
  const byNormal = new Map<string, ImportTarget>();
  for (const [k, t] of Object.entries(mapping)) if (!byNormal.has(normaliseHeader(k))) byNormal.set(normaliseHeader(k), t);
  return headers.map((h) => {
    const t = Object.prototype.hasOwnProperty.call(mapping, h) ? mapping[h] : byNormal.get(normaliseHeader(h));
    return t && t !== 'ignore' ? t : null;
  });
}

/** The number part of a quantity cell as the row builder reads it ("2,000 kg" → "2,000"; a leading currency or word dropped). */
function quantityNumber(v: string): string {
  return splitQuantity(v.replace(/^\D+/, ''))?.[0] ?? v;
}

/** The ISO code of a currency cell or symbol, null when it names none (or not readably: the row builder refuses it). */
function currencyOf(raw: string): string | null {
  const c = parseCurrency(raw);
  return c.ok ? c.value : null;
}

/**
 * The decimal mark each number and coordinate column of the file shows on its own (cells of one
 * mark only; `columnMark`), with its first cell that shows it: what the rest of the file says when
 * one number column's mark is judged (`MarkDoubt` 'file', numbers.ts). A `lat, lon` column is
 * judged by its halves (its ', ' separates them).
 */
function numberColumnMarks(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly (ImportTarget | null)[], lines?: readonly number[]): { index: number; proof: OtherColumnMark }[] {
  const out: { index: number; proof: OtherColumnMark }[] = [];
  targets.forEach((target, index) => {
    if (!target || !(NUMERIC_TARGETS.has(target) || target === 'latitude' || target === 'longitude' || target === 'coordinates')) return;
    const cells: string[] = [];
    const rowOf: number[] = [];
    rows.forEach((r, i) => {
      const v = r[index] ?? '';
      if (isMissing(v)) return;
      const parts = target === 'coordinates' ? (pairHalves(v) ?? []) : [target === 'reportedValue' ? splitMoney(v).digits : NUMERIC_TARGETS.has(target) ? quantityNumber(v) : v];
      for (const p of parts) {
        cells.push(p);
        rowOf.push(i);
      }
    });
    const found = columnMark(cells, NUMERIC_TARGETS.has(target) ? decimalMarkSignal : coordinateMarkSignal);
    if (!found) return;
    const row = rowOf[found.index]!;
    out.push({ index, proof: { column: headers[index] ?? '', mark: found.mark, line: lines?.[row] ?? row + 2, value: (rows[row]![index] ?? '').trim() } });
  });
  return out;
}

/**
 * The column of `headers` that `name` names, as {@link resolveMapping} matches a mapping key: its
 * exact name, else the first with the same normalised name; null when the file has no such column.
 */
export function namedColumn(headers: readonly string[], name: string): string | null {
  if (headers.includes(name)) return name;
  const n = normaliseHeader(name);
  return headers.find((h) => normaliseHeader(h) === n) ?? null;
}

/**
 * `mapping` (complete over `headers`: remembered, fixed or guessed) with the columns `overrides`
 * names mapped as it says (the CLI's `--map`), every other column as it was. A column named to a
 * field takes it from a column the base mapping gave it to (that one is then not imported, and
 * the report lists it), except for notes, which several columns may fill. Keys that name no
 * column are left out (the caller refuses them first: {@link namedColumn}).
 */
export function overrideMapping(headers: readonly string[], mapping: ColumnMapping, overrides: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = { ...mapping };
  const named = new Map<string, ImportTarget>();
  for (const [k, target] of Object.entries(overrides)) {
    const col = namedColumn(headers, k);
    if (col !== null) named.set(col, target);
  }
  const taken = new Set<string>([...named.values()].filter((target) => target !== 'ignore' && target !== 'notes'));
  for (const h of headers) if (!named.has(h) && taken.has(out[h]!)) out[h] = 'ignore';
  for (const [col, target] of named) out[col] = target;
  return out;
}

/**
 * Builds the plan for a file from its headers, data rows and mapping. Returns warnings about
 * the file's layout (duplicate headers); how each column was read is in `plan.formats`.
 */
export function makePlan(headers: readonly string[], rows: readonly (readonly string[])[], mapping: ColumnMapping, opts: PlanOptions): { plan: ImportPlan; warnings: string[] } {
  const warnings: string[] = [];
  const targets = resolveMapping(headers, mapping);
  const byTarget = new Map<ImportTarget, PlanColumn[]>();
  const decimal = new Map<number, DecimalMark>();
  const dateOrder = new Map<number, DateOrder>();
  const guessed = new Set<number>();
  const formats: ColumnFormat[] = [];
  const markDoubts = new Map<number, MarkDoubt>();
  const seen = new Set<string>();
  const fileMarks = numberColumnMarks(headers, rows, targets, opts.lines);

  headers.forEach((name, index) => {
    if (seen.has(name) && targets[index]) warnings.push(t('import.warning.duplicate-column', { name }));
    seen.add(name);
    const target = targets[index];
    if (!target) return;
    const list = byTarget.get(target) ?? [];
    list.push({ index, name, target, priority: opts.priority?.(name) ?? 0 });
    byTarget.set(target, list);
    if (!NUMERIC_TARGETS.has(target) && target !== 'seizureDate' && target !== 'latitude' && target !== 'longitude' && target !== 'coordinates') return;
    const values: string[] = [];
    /** The row index of each of `values`. */
    const valueRows: number[] = [];
    rows.forEach((r, i) => {
      const v = r[index] ?? '';
      if (!isMissing(v)) {
        values.push(v);
        valueRows.push(i);
      }
    });
    const lineOf = (valueIndex: number) => opts.lines?.[valueRows[valueIndex]!] ?? valueRows[valueIndex]! + 2;
    const examples = (cells: readonly string[]) => cells.map((c) => `'${c}'`).join(', ');

    if (NUMERIC_TARGETS.has(target)) {
      // The number part each cell's row is read with (build-seizure.ts), and for money the currency each row is in.
      const money = target === 'reportedValue' ? values.map(splitMoney) : null;
      const numberParts = money ? money.map((m) => m.digits) : values.map(quantityNumber);
      const currencyColumn = targets.indexOf('reportedCurrency');
      const currencies = money?.map((m, i) => currencyOf(m.symbol ?? (currencyColumn >= 0 ? rows[valueRows[i]!]![currencyColumn] ?? '' : '')));
      const choice = opts.decimalMarks && Object.prototype.hasOwnProperty.call(opts.decimalMarks, name) ? opts.decimalMarks[name] : undefined;
      const f = inferNumberFormat(numberParts, opts.decimalHint, choice, {
        lines: values.map((_, i) => lineOf(i)), written: values, currencies,
        otherColumns: fileMarks.filter((m) => m.index !== index).map((m) => m.proof),
      });
      decimal.set(index, f.mark);
      if (f.decidedBy === 'guess') guessed.add(index);
      if (f.doubt) markDoubts.set(index, f.doubt);
      // The count is of the cells that prove the mark: "from 2 values" only when two values show it;
      // a column none of whose cells shows a mark says so rather than claim a reading (tester finding).
      const read = t('import.format.number', {
        column: name, mark: f.mark === ',' ? 'comma' : 'point', thousands: f.thousands ?? 'none',
        decidedBy: f.decidedBy === 'cells' && f.deciding === 0 ? 'none' : f.decidedBy, count: f.deciding, examples: examples(f.ambiguous),
        why: f.doubt?.why ?? 'none', doubt: f.doubt ? markDoubtText(f.doubt) : '',
      });
      // A chosen mark the column's own cells contradict is not used, and both the reading and the warnings say so (tester finding F17).
      const over = f.overruled;
      const overruled = over && { column: name, mark: f.mark === ',' ? 'comma' : 'point', choice: over.choice === ',' ? 'comma' : 'point', count: over.shown, line: over.first.line, value: over.first.value };
      if (overruled) warnings.push(t('import.warning.decimal-mark-overruled', overruled));
      const summary = overruled ? t('import.format.number-overruled', { read, choice: overruled.choice }) : read;
      formats.push({ column: name, kind: 'number', decimalMark: f.mark, thousands: f.thousands, decidedBy: f.decidedBy, values: f.values, ambiguous: f.ambiguous, summary, ...(f.doubt ? { markDoubt: f.doubt } : {}) });
    } else if (target === 'seizureDate') {
      const evidence = dateOrderEvidence(values);
      // Cells of both orders (13/04/2019 and 04/13/2019): the column mixes them and no cell decides; the user chooses.
      const mixed = evidence.dayFirst !== null && evidence.monthFirst !== null
        ? { dayFirst: { line: lineOf(evidence.dayFirst), value: values[evidence.dayFirst]!.trim() }, monthFirst: { line: lineOf(evidence.monthFirst), value: values[evidence.monthFirst]!.trim() } }
        : null;
      const decided = mixed ? null : evidence.dayFirst !== null ? 'DMY' : evidence.monthFirst !== null ? 'MDY' : null;
      const order = opts.dateOrder ?? decided ?? 'DMY';
      dateOrder.set(index, order);
      const ambiguous = opts.dateOrder || decided ? [] : [...new Set(values.filter(isAmbiguousSlashDate).map((v) => v.trim()))].slice(0, 5);
      const decidedBy = opts.dateOrder ? 'choice' : ambiguous.length || mixed ? 'guess' : 'cells';
      if (decidedBy === 'guess') guessed.add(index);
      const slashDates = values.some((v) => /^\d{1,2}[/-]\d{1,2}[/-]\d{4}\b/.test(v.trim()));
      const summary = mixed && !opts.dateOrder
        ? t('import.format.date-mixed', { column: name, dayLine: mixed.dayFirst.line, dayValue: mixed.dayFirst.value, monthLine: mixed.monthFirst.line, monthValue: mixed.monthFirst.value })
        : t('import.format.date', { column: name, order: slashDates || opts.dateOrder ? order : 'none', decidedBy, count: values.length, examples: examples(ambiguous) });
      formats.push({ column: name, kind: 'date', dateOrder: order, decidedBy, values: values.length, ambiguous, summary, ...(mixed ? { mixedOrders: mixed } : {}) });
    } else {
      // A pair column is judged by its halves, as two separate columns would be (tester finding: "0°30' 36°49'" beside "1°17'S 36°49'E" read as N/E).
      const f = target === 'coordinates' ? coordinateFormat(values.flatMap((v) => pairHalves(v) ?? [])) : coordinateFormat(values);
      if (f.decidedBy === 'guess') guessed.add(index);
      const summary = t('import.format.coordinate', { column: name, decidedBy: f.decidedBy, count: f.decidedBy === 'guess' ? f.ambiguous.length : values.length, examples: examples(f.ambiguous) });
      formats.push({ column: name, kind: 'coordinate', decidedBy: f.decidedBy, values: values.length, ambiguous: f.ambiguous, summary });
    }
  });
  for (const list of byTarget.values()) list.sort((a, b) => a.priority - b.priority || a.index - b.index);
  return { plan: { byTarget, decimal, dateOrder, guessed, markDoubts, formats, defaults: opts.defaults ?? {}, countryAt: opts.countryAt, outsideKm: opts.outsideKm, labelColumns: opts.labelColumns, ...(opts.geoFormat ? { geoFormat: opts.geoFormat } : {}), stage: opts.stage ?? 'import' }, warnings };
}
