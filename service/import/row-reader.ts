/**
 * One row as the row builder (build-seizure.ts) reads it: its cells and the file's plan, and what
 * reading it has found so far — where each field's value came from (`source`), the row's problems
 * (`rejections`), the values of a field's other columns that go to notes (`extraNotes`).
 *
 * The reading rules shared by every field live here as methods: a field with several columns
 * takes the first non-empty one ({@link RowReader.pick}), a parsed field records its source and
 * its refusal ({@link RowReader.read}), country lists merge their columns
 * ({@link RowReader.countryList}). They are methods, defined once, rather than closures made per
 * row: an import checks every row of a file of up to 100,000 rows (docs/architecture.md "P3").
 */
import type { SeizureField, SeizureFields } from '../../shared/domain/seizure';
import type { ImportTarget } from '../../shared/rpc/import';
import type { FieldRejection } from './build-seizure';
import { parseCountryList } from './countries';
import { isMissing, type Parsed } from './parse-result';
import type { ImportPlan, PlanColumn } from './plan';
import { fixOf } from './row-doubts';

/** Where a field's value came from: the column as written in the file, and the cell as written. */
export interface FieldSource {
  column: string;
  value: string;
}

/** A picked cell: the column it is in and its contents as written. */
export interface PickedCell {
  col: PlanColumn;
  raw: string;
}

/**
 * Reads one non-empty cell of a field: its value, or the reason it cannot be read. Given the
 * row, for what the column's plan says (`row.plan`, `row.guessed(col)`). A module-level function,
 * not a closure, so that reading a row makes none.
 */
export type CellParser<T> = (raw: string, col: PlanColumn, row: RowReader) => Parsed<T>;

/** The fields whose cells hold a list of countries (every column of the field is read and merged). */
export type CountryListField = 'originCountries' | 'exportCountries' | 'transitCountries' | 'missedTransitCountries' | 'destinationCountries';

const NO_COLUMNS: readonly PlanColumn[] = [];

/** Reading order of a field's columns: lower priority first, then column order (as plan.ts sorts them). */
function byReadingOrder(a: PlanColumn, b: PlanColumn): number {
  return a.priority - b.priority || a.index - b.index;
}

/** One row being read with a plan; see the module comment. */
export class RowReader {
  /** The row's problems, one per bad field, in the order they were found. */
  readonly rejections: FieldRejection[] = [];
  /** Where each field read so far came from. */
  readonly source: Partial<Record<SeizureField, FieldSource>> = {};
  /** "Column: value" of non-empty cells a field did not take (they differ from the one it took), for the notes. */
  readonly extraNotes: string[] = [];
  /** The currency written in the reported-value cell ("SGD 48,600,000"), once that cell is read. */
  cellCurrency: string | null = null;
  /** The plan's defaults: values for fields the file has no value for. */
  readonly defaults: Partial<SeizureFields>;

  /** `cells` in header order, read with `plan`. */
  constructor(
    readonly cells: readonly string[],
    readonly plan: ImportPlan,
  ) {
    this.defaults = plan.defaults;
  }

  /** The columns mapped to `target`, in reading order. */
  cols(target: ImportTarget): readonly PlanColumn[] {
    return this.plan.byTarget.get(target) ?? NO_COLUMNS;
  }

  /** The columns of two targets read as one field, in reading order (quantity and quantity-with-unit). */
  colsOf(first: ImportTarget, second: ImportTarget): readonly PlanColumn[] {
    const a = this.cols(first);
    const b = this.cols(second);
    if (!b.length && a.length <= 1) return a;
    if (!a.length && b.length <= 1) return b;
    return [...a, ...b].sort(byReadingOrder);
  }

  /** The cell of `col` ('' when the row is short). */
  cell(col: PlanColumn): string {
    return this.cells[col.index] ?? '';
  }

  /** True when the reading of `col` (decimal mark, date order, hemisphere) is a guess (plan.ts `guessed`). */
  guessed(col: PlanColumn): boolean {
    return this.plan.guessed.has(col.index);
  }

  /** The name of the first column mapped to `target`, '' when none is. */
  firstColumn(target: ImportTarget): string {
    return this.cols(target)[0]?.name ?? '';
  }

  /** True when some column of `target` has a value in this row (not empty, not a "n/a" marker). */
  hasValue(target: ImportTarget): boolean {
    for (const col of this.cols(target)) if (!isMissing(this.cell(col))) return true;
    return false;
  }

  /** True when the row already has a problem with `field`. */
  refused(field: SeizureField): boolean {
    for (const r of this.rejections) if (r.field === field) return true;
    return false;
  }

  /** Records a problem with `field`: the column and cell as written, why, and the fix when there is one. */
  reject(field: SeizureField, column: string, value: string, reason: string, fix?: string): void {
    this.rejections.push(fix ? { column, field, value, reason, fix } : { column, field, value, reason });
  }

  /**
   * The first cell of `columns` with a value (for a `text` field: any non-blank cell; else not
   * "n/a" either), or null; the other non-empty cells that differ from it go to notes.
   */
  pickFrom(columns: readonly PlanColumn[], text = false): PickedCell | null {
    let chosen: PickedCell | null = null;
    for (const col of columns) {
      const raw = this.cell(col);
      if (text ? raw.trim() === '' : isMissing(raw)) continue;
      if (!chosen) chosen = { col, raw };
      else if (raw.trim() !== chosen.raw.trim()) this.extraNotes.push(`${col.name}: ${raw.trim()}`);
    }
    return chosen;
  }

  /** {@link pickFrom} the columns of `target`. */
  pick(target: ImportTarget, text = false): PickedCell | null {
    return this.pickFrom(this.cols(target), text);
  }

  /**
   * Parses the picked cell of `field` (its own target) with `parse`; records its source, and its
   * refusal with the fix. Returns undefined when the row has no value for it or the cell is bad.
   */
  read<T>(field: SeizureField & ImportTarget, parse: CellParser<T>): T | undefined {
    const p = this.pick(field);
    if (!p) return undefined;
    this.source[field] = { column: p.col.name, value: p.raw };
    const r = parse(p.raw, p.col, this);
    if (r.ok) return r.value;
    this.reject(field, p.col.name, p.raw, r.reason, fixOf(r, p.col.name));
    return undefined;
  }

  /** A text field's cell as written (any non-blank cell; notes are not trimmed), else its default, else ''. */
  text(field: SeizureField & ImportTarget): string {
    const p = this.pick(field, true);
    if (!p) return (this.defaults[field] as string | undefined) ?? '';
    this.source[field] = { column: p.col.name, value: p.raw };
    return p.raw;
  }

  /**
   * A country-list field: the countries of all its columns, repeats dropped, in order; each bad
   * cell refused. Without any value, the field's default (or none).
   */
  countryList(field: CountryListField): string[] {
    const cs = this.cols(field);
    if (!this.hasValue(field)) return this.defaults[field] ?? [];
    const out: string[] = [];
    for (const c of cs) {
      const cell = this.cell(c);
      const r = parseCountryList(cell);
      this.source[field] ??= { column: c.name, value: cell };
      if (!r.ok) this.reject(field, c.name, cell, r.reason);
      else for (const code of r.value) if (!out.includes(code)) out.push(code);
    }
    return out;
  }

  /** The non-blank cells of `target`'s columns, with their columns. */
  filled(target: ImportTarget): PlanColumn[] {
    const out: PlanColumn[] = [];
    for (const col of this.cols(target)) if (this.cell(col).trim() !== '') out.push(col);
    return out;
  }
}
