/**
 * The import plan: what the row builder needs to know about a file before it reads any row —
 * which columns feed which targets (resolved from a column mapping), the decimal mark of each
 * numeric column, the day-month order of each date column, and the caller's defaults. Deciding
 * these once per column is what makes "1,274" mean the same thing in every row of a column.
 */
import type { SeizureFields } from '../../shared/domain/seizure';
import type { ColumnMapping, ImportTarget } from '../../shared/rpc/import';
import { decideDateOrder, isAmbiguousSlashDate, type DateOrder } from './dates';
import { normaliseHeader } from './header-names';
import { decideDecimalMark, type DecimalMark } from './numbers';
import { isMissing } from './parse-result';
import { splitQuantity } from './quantity';
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
  /** Values used where the file has no value for a field (no column, or an empty cell). */
  defaults: Partial<SeizureFields>;
  /** The ISO 3166-1 alpha-2 country at a WGS84 point, for rows with coordinates but no country. */
  countryAt?: (latitude: number, longitude: number) => string | null;
}

/** Options for {@link makePlan}. */
export interface PlanOptions {
  /** The user's day-month order for ambiguous slash dates; when absent it is decided per column. */
  dateOrder?: DateOrder;
  defaults?: Partial<SeizureFields>;
  /** See {@link ImportPlan.countryAt}. */
  countryAt?: (latitude: number, longitude: number) => string | null;
  /** Decimal mark for numeric columns whose cells prove nothing (from the file: ',' for ';'-separated files). */
  decimalHint: DecimalMark;
  /** Reading priority of a column (lower first); default 0. Used for KML/GeoJSON labels. */
  priority?: (header: string) => number;
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

/**
 * Builds the plan for a file from its headers, data rows and mapping. Returns warnings about
 * decisions the user may want to check (mixed decimal marks, assumed date order, duplicate headers).
 */
export function makePlan(headers: readonly string[], rows: readonly (readonly string[])[], mapping: ColumnMapping, opts: PlanOptions): { plan: ImportPlan; warnings: string[] } {
  const warnings: string[] = [];
  const targets = resolveMapping(headers, mapping);
  const byTarget = new Map<ImportTarget, PlanColumn[]>();
  const decimal = new Map<number, DecimalMark>();
  const dateOrder = new Map<number, DateOrder>();
  const seen = new Set<string>();

  headers.forEach((name, index) => {
    if (seen.has(name) && targets[index]) warnings.push(t('import.warning.duplicate-column', { name }));
    seen.add(name);
    const target = targets[index];
    if (!target) return;
    const list = byTarget.get(target) ?? [];
    list.push({ index, name, target, priority: opts.priority?.(name) ?? 0 });
    byTarget.set(target, list);
    if (!NUMERIC_TARGETS.has(target) && target !== 'seizureDate') return;
    const values: string[] = [];
    for (const r of rows) {
      const v = r[index] ?? '';
      if (!isMissing(v)) values.push(v);
    }

    if (NUMERIC_TARGETS.has(target)) {
      const numberParts = values.map((v) => splitQuantity(v.replace(/^\D+/, ''))?.[0] ?? v);
      const { mark, mixed, assumed } = decideDecimalMark(numberParts, opts.decimalHint);
      decimal.set(index, mark);
      if (mixed) warnings.push(t('import.warning.mixed-decimal-marks', { name, mark }));
      if (assumed) warnings.push(t('import.warning.assumed-decimal-mark', { name, mark }));
    }
    if (target === 'seizureDate') {
      const decided = decideDateOrder(values);
      const order = opts.dateOrder ?? decided ?? 'DMY';
      dateOrder.set(index, order);
      if (!opts.dateOrder && !decided && values.some(isAmbiguousSlashDate)) {
        warnings.push(t('import.warning.ambiguous-dates', { name }));
      }
    }
  });
  for (const list of byTarget.values()) list.sort((a, b) => a.priority - b.priority || a.index - b.index);
  return { plan: { byTarget, decimal, dateOrder, defaults: opts.defaults ?? {}, countryAt: opts.countryAt }, warnings };
}
