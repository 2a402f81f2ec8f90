/**
 * Handlers for importing files into a case. Parsing lives in
 * ../import (pure functions); this module adds the case, the remembered column mappings and the
 * single transaction that writes all good rows or nothing.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import type { ImportRequest, importRpc } from '../../shared/rpc/import';
import type { ParsedImport } from '../import';
import { unpackImport } from './unpack';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { HandlerMap } from '../rpc/types';
import { t } from '../../shared/messages';
import { moveSeizures } from './move-seizures';
import { annotateReport, refuseReimport, sha256Hex, type DuplicateCheck } from './import-batching';
import { importIntoNewCase } from './new-case-import';
import { listAllSeizures } from './case-seizures-all';
import { parseRequest } from './parse-request';

/**
 * Parses an import request for a case: decodes the file, applies the given, remembered or
 * guessed mapping, and uses the case's sector as the default sector.
 * @throws NestError('not-found') for an unknown case; NestError('import-failed') for an unusable file.
 */
export async function parseForCase(ws: WorkspaceRuntime, p: ImportRequest): Promise<{ parsed: ParsedImport; caseDoc: CaseDoc; duplicates: DuplicateCheck; release: () => void }> {
  const name = ws.caseDocName(p.caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: p.caseId } });
  const received = new Uint8Array(Buffer.from(p.contentBase64, 'base64'));
  const unpacked = await unpackImport(p.fileName, received);
  const doc = ws.host.retain(name);
  const caseDoc = new CaseDoc(doc);
  try {
    const meta = caseDoc.readMeta();
    // Defaults from the case: its sector, and its first jurisdiction for rows with no country and no coordinates.
    const parsed = parseRequest(ws, p, unpacked, { sector: meta.sector, ...(meta.jurisdictions[0] ? { country: meta.jurisdictions[0] } : {}) });
    const members = ws.workspaceDoc();
    const duplicates = annotateReport(parsed.report, parsed, caseDoc, sha256Hex(received), (id) => members.getMemberRecord(id)?.name ?? '', listAllSeizures(ws, p.caseId, caseDoc));
    return { parsed, caseDoc, duplicates, release: () => ws.host.release(name) };
  } catch (err) {
    ws.host.release(name);
    throw err;
  }
}

/** The import methods (`export.seizuresCsv` is in ../export/). */
export type ImportMethod = Exclude<keyof typeof importRpc, 'export.seizuresCsv'>;

export const importHandlers: HandlerMap<ImportMethod> = {
  'import.preview': async (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const { parsed, release } = await parseForCase(ws, p);
    release();
    const { format, encoding, delimiter, headers, mapping, mappingSource, sampleRows, report } = parsed;
    return { format, encoding, delimiter, headers, mapping, mappingSource, sampleRows, report };
  },

  'import.commit': async (p, { workspaces, clock }) => {
    const ws = workspaces.get(p.workspaceId);
    const local = ws.local();
    const { parsed, caseDoc, duplicates, release } = await parseForCase(ws, p);
    const report = parsed.report;
    try {
      refuseReimport(report, p.allowReimport);
      const keep = parsed.seizures.filter((_s, i) => p.keepDuplicates || !duplicates.indexes.has(i));
      report.skippedDuplicates = parsed.seizures.length - keep.length;
      report.imported = keep.length;
      report.unmapped = keep.filter((s) => s.fields.latitude === null).length;
      if (report.skippedDuplicates) report.warnings.push(t('import.warning.duplicates-skipped', { count: report.skippedDuplicates }));
      if (keep.length || parsed.routes.length) {
        const batchId = randomUUID();
        caseDoc.importRecords(
          {
            seizures: keep.map((s) => ({ id: randomUUID(), fields: s.fields })),
            routes: parsed.routes.map((r) => ({ id: randomUUID(), fields: r })),
            source: p.fileName,
            batch: { id: batchId, sha256: report.sha256, format: parsed.format, rejectedRows: report.rejectedRows, skippedDuplicates: report.skippedDuplicates },
          },
          { memberId: local.memberId },
        );
        report.batchId = batchId;
      }
    } finally {
      release();
    }
    if (parsed.format === 'csv' && parsed.report.imported > 0) {
      ws.store.importMappings.remember(parsed.headers, parsed.mapping, clock.now());
    }
    return report;
  },

  'import.newCase': (p, { workspaces, clock }) => importIntoNewCase(workspaces.get(p.workspaceId), p, clock),

  'seizures.move': (p, { workspaces }) => moveSeizures(workspaces.get(p.workspaceId), p.caseId, p.toCaseId, p.seizureIds),

};
