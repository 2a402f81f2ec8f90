/**
 * Importing a file into a case the import creates (`import.newCase`, used by the CLI's
 * `--new-case`): the case is created in the same step as its rows, and only when at least one
 * row or route imports, so a failed import never leaves an empty case behind (issue 11, item 10).
 * With `dryRun` nothing is created and the report says what would be imported.
 */
import { randomUUID } from 'node:crypto';
import { newCaseFields } from '../../shared/domain/case';
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import type { ImportReport, NewCaseImportRequest } from '../../shared/rpc/import';
import { createCase } from '../cases/create-case';
import type { Clock } from '../rpc/context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { annotateWith, countWithoutDuplicates, sha256Hex } from './import-batching';
import { listRows } from './import-rows';
import { parseRequest } from './parse-request';
import { unpackImport } from './unpack';
import { attachImportImages } from './kmz-images';
import { t } from '../../shared/messages';
import { MAX_SEIZURES_PER_CASE } from '../../shared/domain/seizure';
import { writeImport } from './write-import';
import type { ImportReporter } from './import-progress';
import { reportStopped, throwIfStopped } from './running-imports';
import { newCaseTlp } from './file-tlp';

/** What `import.newCase` returns: the report, and the case it created (null on a dry run). */
export interface NewCaseImportResult {
  report: ImportReport;
  case: { id: string; number: string; title: string } | null;
}

/**
 * Parses the file with the new case's sector as the default, gives the case the file's TLP marking
 * when it is stricter than a new case's (file-tlp.ts), leaves out rows that repeat an
 * earlier row of the file (unless `keepDuplicates`), then creates the case and imports the rest
 * (write-import.ts: the case doc, then volumes for a large file; the batch entry last).
 * `progress` reports the reading and writing phases (import-progress.ts). `signal` stops it
 * (running-imports.ts): while reading, or before the case is created, with NestError('cancelled')
 * and no case; once writing — the case is created only just before its first transaction, with no
 * wait in between, so a stopped import never leaves an empty case — with the report of what was
 * written (`cancelled`), the batch in state 'cancelled'.
 * @throws NestError('cancelled') when stopped before anything was written; NestError('import-failed', 'import.new-case-nothing-imported') when no row and no route
 *   would import (every row rejected, blank or a duplicate): no case is created;
 *   NestError('import-failed') for an unusable file; NestError('validation') for a bad title;
 *   NestError('too-large', 'case.too-many-seizures') for more rows than a case holds (no case is created).
 */
export async function importIntoNewCase(ws: WorkspaceRuntime, p: NewCaseImportRequest, clock: Clock, progress?: ImportReporter, signal?: AbortSignal): Promise<NewCaseImportResult> {
  const received = new Uint8Array(Buffer.from(p.contentBase64, 'base64'));
  const unpacked = await unpackImport(p.fileName, received);
  const parsed = await parseRequest(ws, p, unpacked, { sector: p.newCase.sector }, p.dryRun ? 'preview' : 'import', progress?.phase('reading'), signal);
  const report = parsed.report;
  const duplicates = annotateWith(report, parsed, sha256Hex(received), null, []);
  const skip = countWithoutDuplicates(report, duplicates, p.keepDuplicates);
  if (report.imported > MAX_SEIZURES_PER_CASE) report.refusal = t('case.too-many-seizures', { max: MAX_SEIZURES_PER_CASE, total: report.imported });
  // The new case takes the file's marking when it is stricter than a new case's (an export of a RED case stays RED).
  const fields = newCaseFields(clock.today());
  const tlp = newCaseTlp(report.fileTlp, fields.tlp);
  if (tlp !== fields.tlp) report.warnings.push(t('import.warning.new-case-tlp', { fileTlp: tlp, dryRun: p.dryRun ? 'yes' : 'no' }));
  if (p.dryRun) return { report, case: null };
  if (!report.imported && !parsed.routes.length) {
    throw new NestError('import-failed', { id: 'import.new-case-nothing-imported', values: { fileName: p.fileName, rejected: report.rejectedRows, title: p.newCase.title } });
  }
  if (report.refusal) throw new NestError('too-large', { id: 'case.too-many-seizures', values: { max: MAX_SEIZURES_PER_CASE, total: report.imported } });
  // The last look before the case exists: from here to the first transaction nothing waits.
  if (signal) throwIfStopped(signal, p.fileName);
  const batchId = randomUUID();
  const created = createCase(ws, { ...fields, title: p.newCase.title, sector: p.newCase.sector, tlp });
  // The case row is projected by now (init's transaction), so its volumes project as they are written.
  // Every row passed the parser's checks and a new case has room for the most rows a file has, so
  // only a storage failure can stop the write: its error is the import's, with the case and the rows written so far kept.
  const name = ws.caseDocName(created.id);
  const doc = ws.host.retain(name);
  let written;
  try {
    written = await writeImport(
      ws,
      created.id,
      new CaseDoc(doc),
      {
        rows: listRows(parsed.seizures, skip),
        source: p.fileName,
        batchId,
        finish: () => Promise.resolve({ routes: parsed.routes, batch: { sha256: report.sha256, format: parsed.format, rejectedRows: report.rejectedRows, skippedDuplicates: report.skippedDuplicates, ...(report.fileTlp ? { fileTlp: report.fileTlp } : {}) } }),
      },
      { memberId: ws.local().memberId },
      progress?.phase('writing'),
      signal,
    );
  } finally {
    ws.host.release(name);
  }
  report.batchId = batchId;
  reportStopped(report, written, { duplicates, keepDuplicates: p.keepDuplicates, unlisted: parsed.unlisted, taxa: parsed.taxa });
  // A KMZ's images that its placemarks show are attached to the new case, as to an existing one.
  await attachImportImages(ws, created.id, p.fileName, unpacked.images ?? [], report);
  if (parsed.format === 'csv' && report.imported > 0) ws.store.importMappings.remember(parsed.headers, parsed.mapping, clock.now());
  return { report, case: { id: created.id, number: created.number, title: created.meta.title } };
}
