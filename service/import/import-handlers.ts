/**
 * Handlers for importing files into a case and exporting a case's seizures. Parsing lives in
 * ../import (pure functions); this module adds the case, the remembered column mappings and the
 * single transaction that writes all good rows or nothing.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import type { ImportRequest, importRpc } from '../../shared/rpc/import';
import type { ColumnMapping } from '../../shared/rpc/import';
import { headersKey, parseImportFile, seizuresToCsv, type ParsedImport } from '../import';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { countryAt } from '../geo/country-at';
import type { HandlerMap } from '../rpc/types';

function rememberedMapping(ws: WorkspaceRuntime, headers: string[]): ColumnMapping | undefined {
  const raw = ws.store.db.prepare('SELECT mapping FROM import_mappings WHERE headers_key = ?').pluck().get(headersKey(headers)) as string | undefined;
  return raw ? (JSON.parse(raw) as ColumnMapping) : undefined;
}

/**
 * Parses an import request for a case: decodes the file, applies the given, remembered or
 * guessed mapping, and uses the case's sector as the default sector.
 * @throws NestError('not-found') for an unknown case; NestError('import-failed') for an unusable file.
 */
export function parseForCase(ws: WorkspaceRuntime, p: ImportRequest): { parsed: ParsedImport; caseDoc: CaseDoc; release: () => void } {
  const name = ws.caseDocName(p.caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', `case ${p.caseId} does not exist in this workspace`);
  const doc = ws.host.retain(name);
  const caseDoc = new CaseDoc(doc);
  try {
    const bytes = new Uint8Array(Buffer.from(p.contentBase64, 'base64'));
    const meta = caseDoc.readMeta();
    // Defaults from the case: its sector, and its first jurisdiction for rows with no country and no coordinates.
    const defaults = { sector: meta.sector, ...(meta.jurisdictions[0] ? { country: meta.jurisdictions[0] } : {}) };
    const base = { fileName: p.fileName, bytes, dateOrder: p.dateOrder, defaults, countryAt };
    let parsed = parseImportFile({ ...base, mapping: p.mapping });
    if (!p.mapping && parsed.format === 'csv') {
      const remembered = rememberedMapping(ws, parsed.headers);
      if (remembered) parsed = parseImportFile({ ...base, rememberedMapping: remembered });
    }
    return { parsed, caseDoc, release: () => ws.host.release(name) };
  } catch (err) {
    ws.host.release(name);
    throw err;
  }
}

export const importHandlers: HandlerMap<keyof typeof importRpc> = {
  'import.preview': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const { parsed, release } = parseForCase(ws, p);
    release();
    const { format, encoding, delimiter, headers, mapping, mappingSource, sampleRows, report } = parsed;
    return { format, encoding, delimiter, headers, mapping, mappingSource, sampleRows, report };
  },

  'import.commit': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const local = ws.local();
    const { parsed, caseDoc, release } = parseForCase(ws, p);
    try {
      caseDoc.importRecords(
        {
          seizures: parsed.seizures.map((s) => ({ id: randomUUID(), fields: s.fields })),
          routes: parsed.routes.map((r) => ({ id: randomUUID(), fields: r })),
          source: p.fileName,
        },
        { memberId: local.memberId },
      );
    } finally {
      release();
    }
    if (parsed.format === 'csv' && parsed.report.imported > 0) {
      ws.store.db
        .prepare('INSERT INTO import_mappings (headers_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (headers_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at')
        .run(headersKey(parsed.headers), JSON.stringify(parsed.mapping), Date.now());
    }
    return parsed.report;
  },

  'export.seizuresCsv': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const name = ws.caseDocName(p.caseId);
    if (!ws.host.exists(name)) throw new NestError('not-found', `case ${p.caseId} does not exist in this workspace`);
    return ws.host.with(name, (doc) => {
      const cd = new CaseDoc(doc);
      const meta = cd.readMeta();
      // The TLP marking travels in the file name (a CSV has no place for it that keeps the public columns).
      return { fileName: `${meta.number}-seizures-TLP-${meta.tlp.replace('+', '-')}.csv`, content: seizuresToCsv(cd.listSeizures()) };
    });
  },
};
