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
import { findDuplicates } from '../../shared/domain/seizure-match';
import type { Seizure } from '../../shared/domain/seizure';
import { NestError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { MAX_LISTED_DUPLICATES, type DuplicateRow, type ImportReport, type PreviousImport } from '../../shared/rpc/import';
import type { ParsedImport } from './index';

/** SHA-256 of a file's bytes, lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stored seizure as the duplicate list names it. */
function describe(s: Seizure): string {
  return t('import.duplicate-what', {
    commodity: s.commodity,
    quantity: s.quantity === null ? 'none' : `${s.quantity} ${s.unit}`,
    date: s.seizureDate,
    place: s.place || s.country || 'none',
  });
}

/** Indexes (into `parsed.seizures`) of the rows that match, and the report lines for them. */
export interface DuplicateCheck {
  indexes: Set<number>;
  rows: DuplicateRow[];
}

/** Finds the incoming rows that match a live seizure of the case or an earlier row (seizure-match.ts). */
export function checkDuplicates(parsed: ParsedImport, existing: readonly Seizure[]): DuplicateCheck {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const found = findDuplicates(existing, parsed.seizures.map((s) => s.fields));
  const rows = found.map((d): DuplicateRow => {
    const line = parsed.seizures[d.index]!.line;
    if ('existingId' in d) return { line, existingId: d.existingId, earlierLine: null, what: describe(byId.get(d.existingId)!) };
    return { line, existingId: null, earlierLine: parsed.seizures[d.earlierIndex]!.line, what: '' };
  });
  return { indexes: new Set(found.map((d) => d.index)), rows };
}

/**
 * Fills the case-dependent parts of `report` (file hash, previous import, duplicate rows) and
 * returns the duplicate check for the commit.
 * @param memberName the display name of a member id ('' when unknown).
 * @param existing the case's live seizures, its volumes' included (case-seizures-all.ts); default: the case doc's.
 */
export function annotateReport(report: ImportReport, parsed: ParsedImport, caseDoc: CaseDoc, sha256: string, memberName: (id: string) => string, existing: readonly Seizure[] = caseDoc.listSeizures()): DuplicateCheck {
  const previous = new CaseImports(caseDoc.doc).liveWithHash(sha256)[0];
  const prev: PreviousImport | null = previous
    ? { batchId: previous.id, fileName: previous.fileName, at: previous.at, by: previous.by, byName: memberName(previous.by), seizures: previous.seizures }
    : null;
  return annotateWith(report, parsed, sha256, prev, existing);
}

/**
 * As {@link annotateReport} for a case given by its earlier import of the same file (`prev`, or
 * null) and its live seizures (`existing`; none for a case the import creates).
 */
export function annotateWith(report: ImportReport, parsed: ParsedImport, sha256: string, prev: PreviousImport | null, existing: readonly Seizure[]): DuplicateCheck {
  const dup = checkDuplicates(parsed, existing);
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
 * @returns the indexes (into `parsed.seizures`) to leave out.
 */
export function countWithoutDuplicates(report: ImportReport, parsed: ParsedImport, duplicates: DuplicateCheck, keepDuplicates: boolean | undefined): Set<number> {
  const skip = keepDuplicates ? new Set<number>() : duplicates.indexes;
  report.skippedDuplicates = skip.size;
  report.imported = parsed.seizures.length - skip.size;
  report.unmapped = parsed.seizures.filter((s, i) => s.fields.latitude === null && !skip.has(i)).length;
  if (report.skippedDuplicates) report.warnings.push(t('import.warning.duplicates-skipped', { count: report.skippedDuplicates }));
  return skip;
}

/**
 * Refuses to import a file that is already in the case (live batch, same SHA-256) unless the
 * request allows it.
 * @throws NestError('validation', 'import.already-imported') naming the file, who imported it and when.
 */
export function refuseReimport(report: ImportReport, allowReimport: boolean | undefined): void {
  const prev = report.previousImport;
  if (!prev || allowReimport) return;
  throw new NestError('validation', {
    id: 'import.already-imported',
    values: { fileName: prev.fileName, by: prev.byName || prev.by, at: new Date(prev.at).toISOString().slice(0, 10), count: prev.seizures },
  });
}
