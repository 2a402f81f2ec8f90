/**
 * Handlers for importing files into a case. Parsing lives in
 * ../import (pure functions); this module adds the case, the remembered column mappings and the
 * write (write-import.ts: all good rows, or nothing unless stopped).
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import type { ImportRequest, importRpc } from '../../shared/rpc/import';
import type { ParsedImport } from '../import';
import { unpackImport } from './unpack';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { HandlerMap } from '../rpc/types';
import { t } from '../../shared/messages';
import { moveSeizures } from './move-seizures';
import { annotateReport, countWithoutDuplicates, routesWithoutDuplicates, sha256Hex, type DuplicateCheck } from './import-batching';
import { importIntoNewCase } from './new-case-import';
import { readCaseMatchFields } from './case-seizures-all';
import { parseRequest } from './parse-request';
import type { ImportStage } from './plan';
import type { KmzImage } from './kmz';
import { commitImport } from './commit-import';
import { tlpConflict } from './file-tlp';
import { undoImport } from './undo-import';
import { selectedSeizureIds } from '../seizures/seizure-selection';
import { importReporter, type PhaseReporter } from './import-progress';
import { abortImport, startImport } from './running-imports';

/** The catalogue sentence of a `too-large` refusal `check` throws (the case's seizure limit), or null when it passes. */
function roomRefusal(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (err) {
    if (err instanceof NestError && err.code === 'too-large') return err.message;
    throw err;
  }
}

/**
 * Parses an import request for a case: decodes the file, applies the given, remembered or
 * guessed mapping, and uses the case's sector as the default sector. `stage` words the flagged
 * rows for a preview or an import (plan.ts `ImportStage`).
 * `signal` stops the parse (running-imports.ts).
 * @throws NestError('not-found') for an unknown case; NestError('import-failed') for an unusable
 *   file; NestError('cancelled') when `signal` was aborted.
 */
export async function parseForCase(ws: WorkspaceRuntime, p: ImportRequest, stage: ImportStage, onProgress?: PhaseReporter, signal?: AbortSignal): Promise<{ parsed: ParsedImport; caseDoc: CaseDoc; duplicates: DuplicateCheck; release: () => void; images: KmzImage[] }> {
  const name = ws.caseDocName(p.caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: p.caseId } });
  const received = new Uint8Array(Buffer.from(p.contentBase64, 'base64'));
  const unpacked = await unpackImport(p.fileName, received);
  const doc = ws.host.retain(name);
  const caseDoc = new CaseDoc(doc);
  try {
    const meta = caseDoc.readMeta();
    // Defaults from the case: its sector, and its first jurisdiction for rows with no country and no coordinates.
    const parsed = await parseRequest(ws, p, unpacked, { sector: meta.sector, ...(meta.jurisdictions[0] ? { country: meta.jurisdictions[0] } : {}) }, stage, onProgress, signal);
    const members = ws.workspaceDoc();
    // The match fields alone, never the case's whole records (a preview of a large case: memory).
    const existing = readCaseMatchFields(ws, p.caseId, caseDoc);
    const duplicates = annotateReport(parsed.report, parsed, caseDoc, sha256Hex(received), (id) => members.getMemberRecord(id)?.name ?? '', existing.live);
    // Rows matching seizures in a volume that has not arrived here cannot be found: say so rather than imply "no duplicates".
    if (existing.missingVolumes.length) parsed.report.warnings.push(t('import.warning.duplicates-unchecked', { count: existing.missingVolumes.length, volumes: existing.missingVolumes.join(', ') }));
    return { parsed, caseDoc, duplicates, release: () => ws.host.release(name), images: unpacked.images ?? [] };
  } catch (err) {
    ws.host.release(name);
    throw err;
  }
}

/** The import methods (the `export.*` ones are in ../export/). */
export type ImportMethod = Exclude<keyof typeof importRpc, `export.${string}`>;

export const importHandlers: HandlerMap<ImportMethod> = {
  'import.preview': async (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const run = startImport(p.workspaceId, p.importId);
    const { parsed, caseDoc, duplicates, release } = await parseForCase(ws, p, 'preview', undefined, run.signal).finally(run.end);
    try {
      // Counted as the commit would write it (matching rows left out unless kept).
      countWithoutDuplicates(parsed.report, duplicates, p.keepDuplicates);
      routesWithoutDuplicates(parsed.report, parsed.routes, caseDoc.listRoutes(), p.keepDuplicates);
      parsed.report.refusal = roomRefusal(() => caseDoc.requireRoomFor(parsed.report.imported, ws.store.projections.getCase(p.caseId).seizureCount));
      // A file marked stricter than the case (an export of a RED case into an AMBER one): said, and the commit needs acceptTlp.
      parsed.report.tlpConflict = tlpConflict(parsed.report.fileTlp, caseDoc.readMeta());
    } finally {
      release();
    }
    const { format, encoding, delimiter, headers, mapping, mappingSource, sampleRows, report } = parsed;
    return { format, encoding, delimiter, headers, mapping, mappingSource, sampleRows, report };
  },

  'import.commit': async (p, { workspaces, clock, events }) => {
    const ws = workspaces.get(p.workspaceId);
    const run = startImport(p.workspaceId, p.importId);
    try {
      return await commitImport(ws, p, clock, events, run.signal);
    } finally {
      run.end();
    }
  },

  'import.newCase': async (p, { workspaces, clock, events }) => {
    const run = startImport(p.workspaceId, p.importId);
    try {
      const progress = importReporter((e) => events.broadcast('import.progress', e), { workspaceId: p.workspaceId, ...(p.importId ? { importId: p.importId } : {}), caseId: null, fileName: p.fileName }, () => performance.now());
      return await importIntoNewCase(workspaces.get(p.workspaceId), p, clock, progress, run.signal);
    } finally {
      run.end();
    }
  },

  'import.abort': (p) => ({ state: abortImport(p.workspaceId, p.importId) }),

  'import.undo': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return undoImport(ws, p.caseId, p.batchId, { memberId: ws.local().memberId }, p.dryRun === true);
  },

  'seizures.move': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return moveSeizures(ws, p.caseId, p.toCaseId, selectedSeizureIds(ws, p.caseId, p));
  },

};
