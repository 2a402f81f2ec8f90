/**
 * `import.commit`: one file into an existing case, read and written at once (docs/architecture.md
 * "P3"). The import worker checks the rows (parse-off-thread.ts) and streams them in batches as it
 * goes; each batch passes the duplicate check here as it arrives, and the writer (write-import.ts)
 * fills the case doc and its volumes from that stream, so reading and writing overlap on two
 * threads instead of the whole file being read before its first row is written.
 *
 * What the commit decides is what a fully read file would decide: the mapping is final before a
 * row is passed on (parse-request.ts), every row is checked against the case and the file's earlier
 * rows in file order (DuplicateTally), the room check uses the file's data rows and waits for the
 * exact count only when that bound would not fit, and the batch entry, the routes and the report
 * are written from the complete parse (the writer's last transaction waits for it).
 *
 * Stopping (`import.abort`): before the writer announces its writing phase, the parse is stopped
 * and nothing is written (NestError('cancelled'), the case unchanged); after, the writer stops at
 * its next safe point (write-import.ts) while the parse runs to its end; the report of a stopped
 * import then counts the rows of the written part only (running-imports.ts `reportStopped`).
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import { t } from '../../shared/messages';
import type { ImportReport, ImportRequest } from '../../shared/rpc/import';
import type { Clock, EventBroadcaster } from '../rpc/context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { readCaseMatchFields } from './case-seizures-all';
import { annotateChecked, countWithoutDuplicates, DuplicateTally, previousImport, refuseReimport, routesWithoutDuplicates, sha256Hex } from './import-batching';
import { importReporter } from './import-progress';
import { StreamedRows } from './import-rows';
import type { ParsedTable } from './index';
import { attachImportImages } from './kmz-images';
import { parseRequest } from './parse-request';
import { reportStopped, throwIfStopped } from './running-imports';
import { unpackImport } from './unpack';
import { writeImport } from './write-import';
import { refuseStricterTlp, tlpConflict } from './file-tlp';

/**
 * The duplicate check for an import into case `caseId`, started with the case's live seizures
 * (case doc and stored volumes, case-seizures-all.ts), and the listed volumes this desktop does
 * not store (their seizures cannot be checked). The seizure records themselves are never held:
 * the read keeps their match fields alone, volume by volume (`readCaseMatchFields`), and an
 * import keeps only the tally's keys for its whole length.
 */
function tallyOfCase(ws: WorkspaceRuntime, caseId: string, caseDoc: CaseDoc): { tally: DuplicateTally; missingVolumes: number[] } {
  const existing = readCaseMatchFields(ws, caseId, caseDoc);
  return { tally: new DuplicateTally(existing.live), missingVolumes: existing.missingVolumes };
}

/**
 * Imports request `p`'s file into case `p.caseId` as the module comment says, attributed to this
 * desktop's member, with `import.progress` events through `events`; `signal` stops it.
 * @returns the report: what was written (`cancelled` when stopped while writing), the batch id.
 * @throws NestError('not-found') for an unknown case; NestError('validation',
 *   'import.already-imported') for a file already imported into the case unless allowed;
 *   NestError('validation', 'import.tlp-stricter') for a file whose TLP marking is stricter than
 *   the case's unless accepted (`acceptTlp`), before anything is written;
 *   NestError('import-failed') for an unusable file; NestError('cancelled') when stopped before
 *   anything was written; NestError('too-large') when the case has no room for the rows.
 */
export async function commitImport(ws: WorkspaceRuntime, p: ImportRequest, clock: Clock, events: EventBroadcaster, signal: AbortSignal): Promise<ImportReport> {
  const local = ws.local();
  const progress = importReporter((e) => events.broadcast('import.progress', e), { workspaceId: p.workspaceId, ...(p.importId ? { importId: p.importId } : {}), caseId: p.caseId, fileName: p.fileName }, () => performance.now());
  const name = ws.caseDocName(p.caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: p.caseId } });
  const received = new Uint8Array(Buffer.from(p.contentBase64, 'base64'));
  const unpacked = await unpackImport(p.fileName, received);
  const caseDoc = new CaseDoc(ws.host.retain(name));
  try {
    const sha256 = sha256Hex(received);
    const members = ws.workspaceDoc();
    const prev = previousImport(caseDoc, sha256, (id) => members.getMemberRecord(id)?.name ?? '');
    // A file already in the case is refused before it is read.
    refuseReimport(prev, p.allowReimport);
    // Only the duplicate check's keys are kept from the case's seizures, not the records (memory).
    const { tally, missingVolumes } = tallyOfCase(ws, p.caseId, caseDoc);
    const meta = caseDoc.readMeta();

    // The parse stops with the import only until the writing starts (see the module comment).
    let writing = false;
    const parseStop = new AbortController();
    const onStop = (): void => {
      if (!writing) parseStop.abort();
    };
    signal.addEventListener('abort', onStop, { once: true });
    const reading = progress.phase('reading');
    const written = progress.phase('writing');
    let rows: StreamedRows | null = null;
    let tableRead: (table: ParsedTable) => void = () => undefined;
    const table = new Promise<ParsedTable>((resolve) => (tableRead = resolve));
    const parsing = parseRequest(
      ws,
      p,
      unpacked,
      // Defaults from the case: its sector, and its first jurisdiction for rows with no country and no coordinates.
      { sector: meta.sector, ...(meta.jurisdictions[0] ? { country: meta.jurisdictions[0] } : {}) },
      'import',
      (done, total) => {
        if (!writing) reading(done, total);
      },
      parseStop.signal,
      {
        onTable: (read) => {
          // Rows that match the case or an earlier row are left out unless the request keeps them.
          rows = new StreamedRows(read.rows, (row) => !tally.add(row) || p.keepDuplicates === true);
          tableRead(read);
        },
        onSeizures: (batch) => rows?.push(batch),
      },
    );
    void parsing.then(
      () => rows?.end(),
      (err: unknown) => rows?.fail(err instanceof Error ? err : new Error(String(err))),
    );
    try {
      // The table comes before any row; a file that cannot be read fails here, before anything is written.
      const read = await Promise.race([table, parsing]);
      // A file marked stricter than the case is refused here, before anything is written, unless accepted.
      const fileTlp = 'tlp' in read ? read.tlp : read.report.fileTlp;
      refuseStricterTlp(fileTlp, meta, p.acceptTlp);
      const source = rows as StreamedRows | null;
      const batchId = randomUUID();
      const outcome = source
        ? await writeImport(
            ws,
            p.caseId,
            caseDoc,
            {
              rows: source,
              source: p.fileName,
              batchId,
              finish: async () => {
                const parsed = await parsing;
                const routes = routesWithoutDuplicates(parsed.report, parsed.routes, caseDoc.listRoutes(), p.keepDuplicates);
                return { routes, batch: { sha256, format: parsed.format, rejectedRows: parsed.report.rejectedRows, skippedDuplicates: p.keepDuplicates ? 0 : tally.check.indexes.size, ...(fileTlp ? { fileTlp } : {}) } };
              },
            },
            { memberId: local.memberId },
            (done, total) => {
              writing = true;
              written(done, total);
            },
            signal,
          )
        : null;
      const parsed = await parsing;
      const report = parsed.report;
      annotateChecked(report, sha256, prev, tally.check);
      // Accepted (or not stricter): the report still names the difference.
      report.tlpConflict = tlpConflict(fileTlp, meta);
      // Rows matching seizures in a volume that has not arrived here cannot be found: say so rather than imply "no duplicates".
      if (missingVolumes.length) report.warnings.push(t('import.warning.duplicates-unchecked', { count: missingVolumes.length, volumes: missingVolumes.join(', ') }));
      countWithoutDuplicates(report, tally.check, p.keepDuplicates);
      if (outcome?.cancelled && !outcome.cancelled.batchWritten) throwIfStopped(signal, p.fileName);
      if (outcome && !outcome.nothing) {
        report.batchId = batchId;
        reportStopped(report, outcome, { duplicates: tally.check, keepDuplicates: p.keepDuplicates, unlisted: parsed.unlisted, taxa: parsed.taxa });
      }
      // A KMZ's images that its placemarks show are attached to the case (kmz-images.ts).
      await attachImportImages(ws, p.caseId, p.fileName, unpacked.images ?? [], report);
      if (parsed.format === 'csv' && report.imported > 0) ws.store.importMappings.remember(parsed.headers, parsed.mapping, clock.now());
      return report;
    } catch (err) {
      // The writer failed or was refused: the parse is not needed any more.
      parseStop.abort();
      await parsing.catch(() => undefined);
      throw err;
    } finally {
      signal.removeEventListener('abort', onStop);
    }
  } finally {
    ws.host.release(name);
  }
}
