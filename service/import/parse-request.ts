/**
 * One parse of an import request, for an existing case (import-handlers.ts) and for a case the
 * import creates (new-case-import.ts): the options, the remembered mapping, the country checks,
 * the workspace's own commodities.
 * The parse itself runs in the import worker (parse-off-thread.ts), never on the data service's
 * main thread.
 */
import type { ImportRequest } from '../../shared/rpc/import';
import type { CrimeSector } from '../../shared/domain/codes';
import type { ParsedImport } from './index';
import type { ImportStage } from './plan';
import { parseOffThread, type ParseStream } from './parse-off-thread';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { WorkspaceCommodities } from '../../shared/docs/workspace-commodities';

/**
 * Parses an unpacked import file with the request's options and `defaults`: the given mapping, or
 * (CSV without one) the mapping remembered for these headers, else the guessed one. The unpacking
 * warnings (e.g. a KMZ's skipped parts) lead the report's warnings. `stage`: a preview's or an
 * import's parse — the flagged rows' sentences say "will be imported" or "was imported" (plan.ts
 * `ImportStage`). `onProgress`: rows checked of
 * all, as the worker goes (import-progress.ts). `signal` stops the parse (running-imports.ts).
 * `stream`, when given, receives the table and the valid rows as the worker checks them (the
 * result's `seizures` is then empty), only once the mapping is final: a CSV read with a guessed
 * mapping whose headers have a remembered one is read again with it, its first rows not passed on.
 * @throws NestError('import-failed') for an unusable file (see parseImportFile);
 *   NestError('cancelled') when `signal` was aborted.
 */
export async function parseRequest(
  ws: WorkspaceRuntime,
  p: Pick<ImportRequest, 'mapping' | 'mapColumns' | 'dateOrder' | 'decimalMarks' | 'routeKind'>,
  unpacked: { fileName: string; bytes: Uint8Array; warnings: string[] },
  defaults: { sector: CrimeSector; country?: string },
  stage: ImportStage,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  stream?: ParseStream,
): Promise<ParsedImport> {
  const { fileName, bytes, warnings } = unpacked;
  // The workspace's own commodities as plain data (the worker cannot read the doc): the report names rows whose commodity neither list knows.
  const commodities = new WorkspaceCommodities(ws.workspaceDoc().doc).catalogue().workspace;
  const base = { fileName, bytes, mapColumns: p.mapColumns, dateOrder: p.dateOrder, decimalMarks: p.decimalMarks, routeKind: p.routeKind, defaults, commodities, stage };
  /** The mapping to read the file again with: remembered for its headers, when none was given. */
  const remembered = (format: string, headers: string[]) => (!p.mapping && format === 'csv' ? ws.store.importMappings.get(headers) : undefined);
  let again: ReturnType<typeof remembered>;
  const first: ParseStream | undefined = stream && {
    onTable: (table) => {
      again = remembered(table.format, table.headers);
      if (!again) stream.onTable(table);
    },
    onSeizures: (batch) => {
      if (!again) stream.onSeizures(batch);
    },
  };
  let parsed = await parseOffThread({ ...base, mapping: p.mapping }, onProgress, signal, first);
  again ??= remembered(parsed.format, parsed.headers);
  if (again) parsed = await parseOffThread({ ...base, rememberedMapping: again }, onProgress, signal, stream);
  parsed.report.warnings.unshift(...warnings);
  return parsed;
}
