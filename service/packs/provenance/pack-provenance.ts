/**
 * The pack's `data/provenance.csv`: for each record the pack carries, who last changed it
 * according to the relay's authenticated update log, next to who the document says did, with
 * every disagreement flagged (shared/docs/record-origins.ts derives it). An unsynced case, an
 * unreachable relay or a refusal gives no file and a manifest status saying provenance is
 * unavailable and why — never an empty file that would read as "all agree".
 */
import type * as Y from 'yjs';
import { OriginIndex, recordItems, recordOrigins, type RecordOrigin } from '../../../shared/docs/record-origins';
import { t } from '../../../shared/messages';
import { tableToCsv } from '../../export/export-csv';
import type { WorkspaceRuntime } from '../../workspace/workspace-runtime';
import type { CaseData } from '../case-data';
import type { PackProvenance } from '../export-pack';
import { readRelayLog } from './relay-log';

/** Columns of `data/provenance.csv`. */
export const PROVENANCE_COLUMNS = ['kind', 'id', 'documentSays', 'relaySays', 'relaySeq', 'relayAt', 'status', 'flag'] as const;

/** Whether the pack carries `o` (the records the selection kept; entities are always kept). */
function carried(o: RecordOrigin, kept: CaseData['kept']): boolean {
  switch (o.kind) {
    case 'seizure':
      return kept.seizures.has(o.id);
    case 'exhibit':
      return kept.exhibits.has(o.id);
    case 'file':
      return kept.files.has(o.id);
    case 'custody':
      return kept.custody.has(o.id);
    case 'entity':
      return true;
  }
}

/** The origins as CSV (by kind, then id), with the TLP marking line first. */
export function provenanceCsv(origins: readonly RecordOrigin[], markingLine: string): string {
  const rows = [...origins]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
    .map((o) => [o.kind, o.id, o.docAttribution, o.relay?.memberId ?? '', o.relay?.seq ?? '', o.relay ? new Date(o.relay.at).toISOString() : '', o.status, o.status === 'disagrees' ? 'FLAGGED' : '']);
  return tableToCsv(PROVENANCE_COLUMNS, rows, markingLine);
}

/**
 * Reads the relay's log of case `caseId` and derives the provenance of the records in `kept`,
 * from the case doc as it is now (`run` reads it).
 */
export async function packProvenance(
  ws: WorkspaceRuntime,
  caseId: string,
  kept: CaseData['kept'],
  meta: { tlp: string; number: string },
  fetchImpl: typeof fetch = fetch,
): Promise<PackProvenance> {
  const name = ws.caseDocName(caseId);
  const log = await readRelayLog(ws, name, fetchImpl);
  if (!log.ok) return { csv: null, status: { status: 'unavailable', reason: log.reason } };
  const index = new OriginIndex();
  for (const u of log.updates) index.add(u.update, u);
  const origins = recordOrigins(ws.host.with(name, (doc: Y.Doc) => recordItems(doc)), index).filter((o) => carried(o, kept));
  const line = t('pack.export.marking-line', { tlp: meta.tlp, caseNumber: meta.number, file: 'provenance' });
  return {
    csv: provenanceCsv(origins, line),
    status: { status: 'relay', upToSeq: index.upToSeq, records: origins.length, flagged: origins.filter((o) => o.status === 'disagrees').length },
  };
}
