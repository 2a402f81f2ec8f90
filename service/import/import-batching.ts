/**
 * What an import must know about the case it goes into (issue 11, item 3): whether the same file
 * (same SHA-256) is already imported and not undone, and which incoming rows match seizures
 * already in the case or earlier rows of the file. The report says so in the preview; the commit
 * refuses a re-import unless asked (`allowReimport`) and leaves matching rows out unless asked
 * (`keepDuplicates`), so a file imported twice never silently doubles a case.
 */
import { createHash } from 'node:crypto';
import type { CaseDoc } from '../../shared/docs/case-doc';
import { CaseImports } from '../../shared/docs/case-import-batches';
import { DuplicateFinder, matchFieldsOf, type MatchFields, type StoredMatch } from '../../shared/domain/seizure-match';
import type { SeizureFields } from '../../shared/domain/seizure';
import { routeKindOf, routeMatchKey, type RouteFields } from '../../shared/domain/route';
import { NestError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { MAX_LISTED_DUPLICATES, type DuplicateRow, type ImportReport, type PreviousImport } from '../../shared/rpc/import';
import type { ParsedImport } from './index';

/** SHA-256 of a file's bytes, lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stored seizure as the duplicate list names it. */
function describe(s: MatchFields): string {
  return t('import.duplicate-what', {
    commodity: s.commodity,
    quantity: s.quantity === null ? 'none' : `${s.quantity} ${s.unit}`,
    date: s.seizureDate,
    place: s.place || s.country || 'none',
  });
}

/** Indexes (into the file's valid rows) of the rows that match, and the report lines for them. */
export interface DuplicateCheck {
  indexes: Set<number>;
  rows: DuplicateRow[];
  /** Of the matching rows, those without a location (leaving them out takes them from `unmapped`). */
  unmappedMatches: number;
}

/**
 * The duplicate check of one import's valid rows, given one at a time in file order (an import
 * streamed as it is read checks each batch as it arrives; {@link checkDuplicates} gives a whole
 * file): each row against the case's live seizures and the file's earlier rows (seizure-match.ts).
 */
export class DuplicateTally {
  private readonly finder: DuplicateFinder;
  /**
   * The fields a match is named by, per stored seizure: only these, not the whole records, are kept
   * for the length of an import (a case of 100,000 seizures read whole is ~0.3 GB of objects).
   */
  private readonly byId: Map<string, MatchFields>;
  /** The file line of every row given, by index (an earlier row is named by its line). */
  private readonly lines: number[] = [];
  /** The check so far. */
  readonly check: DuplicateCheck = { indexes: new Set(), rows: [], unmappedMatches: 0 };

  /** `existing`: the case's live seizures, whole or as their match fields (case-seizures-all.ts `readCaseMatchFields`). */
  constructor(existing: readonly StoredMatch[]) {
    this.finder = new DuplicateFinder(existing);
    this.byId = new Map(existing.map((s) => [s.id, matchFieldsOf(s)]));
  }

  /** Checks the next row (`line`: its file line); true when it matches a stored seizure or an earlier row. */
  add(row: { line: number; fields: SeizureFields }): boolean {
    const index = this.lines.length;
    this.lines.push(row.line);
    const d = this.finder.check(index, row.fields);
    if (!d) return false;
    this.check.indexes.add(index);
    if (row.fields.latitude === null) this.check.unmappedMatches++;
    this.check.rows.push(
      'existingId' in d
        ? { line: row.line, existingId: d.existingId, earlierLine: null, what: describe(this.byId.get(d.existingId)!) }
        : { line: row.line, existingId: null, earlierLine: this.lines[d.earlierIndex]!, what: '' },
    );
    return true;
  }
}

/** Finds the incoming rows that match a live seizure of the case or an earlier row (seizure-match.ts). */
export function checkDuplicates(parsed: ParsedImport, existing: readonly StoredMatch[]): DuplicateCheck {
  const tally = new DuplicateTally(existing);
  for (const s of parsed.seizures) tally.add(s);
  return tally.check;
}

/** The previous live import of the file with hash `sha256` into the case of `caseDoc`, or null. */
export function previousImport(caseDoc: CaseDoc, sha256: string, memberName: (id: string) => string): PreviousImport | null {
  const previous = new CaseImports(caseDoc.doc).liveWithHash(sha256)[0];
  return previous ? { batchId: previous.id, fileName: previous.fileName, at: previous.at, by: previous.by, byName: memberName(previous.by), seizures: previous.seizures } : null;
}

/**
 * Fills the case-dependent parts of `report` (file hash, previous import, duplicate rows) and
 * returns the duplicate check for the commit.
 * @param memberName the display name of a member id ('' when unknown).
 * @param existing the case's live seizures, its volumes' included, or their match fields alone (case-seizures-all.ts `readCaseMatchFields`); default: the case doc's.
 */
export function annotateReport(report: ImportReport, parsed: ParsedImport, caseDoc: CaseDoc, sha256: string, memberName: (id: string) => string, existing: readonly StoredMatch[] = caseDoc.listSeizures()): DuplicateCheck {
  return annotateWith(report, parsed, sha256, previousImport(caseDoc, sha256, memberName), existing);
}

/**
 * As {@link annotateReport} for a case given by its earlier import of the same file (`prev`, or
 * null) and its live seizures (`existing`; none for a case the import creates).
 */
export function annotateWith(report: ImportReport, parsed: ParsedImport, sha256: string, prev: PreviousImport | null, existing: readonly StoredMatch[]): DuplicateCheck {
  return annotateChecked(report, sha256, prev, checkDuplicates(parsed, existing));
}

/** As {@link annotateWith} with the duplicate check done (`dup`: every valid row checked, e.g. by a {@link DuplicateTally} as they streamed). */
export function annotateChecked(report: ImportReport, sha256: string, prev: PreviousImport | null, dup: DuplicateCheck): DuplicateCheck {
  report.sha256 = sha256;
  report.previousImport = prev;
  report.duplicateRows = dup.rows.length;
  report.duplicates = dup.rows.slice(0, MAX_LISTED_DUPLICATES);
  if (dup.rows.length) report.warnings.push(t('import.warning.duplicates', { count: dup.rows.length }));
  return dup;
}

/**
 * Counts `report` as the commit writes it: the matching rows left out unless `keepDuplicates`
 * (`skippedDuplicates`, with a warning), `imported` and `unmapped` without them. The preview, the
 * commit and an import into a new case all count this way, so a dry run never promises rows the
 * import leaves out (tester finding: "3 Will be imported" beside "Import 0 seizures").
 * `report` is as the parser made it (`imported` and `unmapped` count every valid row); call once.
 * @returns the indexes (into the valid rows) to leave out.
 */
export function countWithoutDuplicates(report: ImportReport, duplicates: DuplicateCheck, keepDuplicates: boolean | undefined): Set<number> {
  const skip = keepDuplicates ? new Set<number>() : duplicates.indexes;
  report.skippedDuplicates = skip.size;
  report.imported -= skip.size;
  if (!keepDuplicates) report.unmapped -= duplicates.unmappedMatches;
  if (report.skippedDuplicates) report.warnings.push(t('import.warning.duplicates-skipped', { count: report.skippedDuplicates }));
  // A row left out is not imported: its doubts are not the import's (tester finding: a re-import
  // of 0 rows listed both placemarks as "imported rows that need a check").
  if (!keepDuplicates && duplicates.rows.length) {
    const left = new Set(duplicates.rows.map((r) => r.line));
    report.flagged = report.flagged.filter((f) => !left.has(f.line));
  }
  return skip;
}

/**
 * The routes of a file to write into a case whose live routes are `existing`: those already there
 * (routeMatchKey) are left out unless `keepDuplicates`, counted in `report` (`routes`,
 * `patrolRoutes`) as written, with a warning; so importing a file again never draws its lines
 * twice (tester finding), and the preview counts the same.
 */
export function routesWithoutDuplicates<R extends Pick<RouteFields, 'kind' | 'points'>>(report: ImportReport, routes: readonly R[], existing: readonly Pick<RouteFields, 'kind' | 'points'>[], keepDuplicates: boolean | undefined): R[] {
  if (keepDuplicates || !routes.length || !existing.length) return [...routes];
  const there = new Set(existing.map(routeMatchKey));
  const kept = routes.filter((r) => !there.has(routeMatchKey(r)));
  const left = routes.length - kept.length;
  if (left) {
    report.routes = kept.length;
    report.patrolRoutes = kept.filter((r) => routeKindOf(r) === 'patrol').length;
    report.warnings.push(t('import.warning.routes-skipped', { count: left }));
  }
  return kept;
}

/**
 * Refuses to import a file that is already in the case (`prev`: its live batch with the same
 * SHA-256, or null) unless the request allows it.
 * @throws NestError('validation', 'import.already-imported') naming the file, who imported it and when.
 */
export function refuseReimport(prev: PreviousImport | null, allowReimport: boolean | undefined): void {
  if (!prev || allowReimport) return;
  throw new NestError('validation', {
    id: 'import.already-imported',
    values: { fileName: prev.fileName, by: prev.byName || prev.by, at: new Date(prev.at).toISOString().slice(0, 10), count: prev.seizures },
  });
}
