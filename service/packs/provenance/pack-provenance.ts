/**
 * The pack's `data/provenance.csv`: for each record the pack carries, who last changed it
 * according to the relay's authenticated update log, next to who the document says did, with
 * every disagreement flagged (shared/docs/record-origins.ts derives it). The case doc's records
 * are judged by the case doc's log, each volume's seizures by that volume doc's own log (item ids
 * are per doc); the `doc` column says which. An unsynced case, an unreachable relay or a refusal
 * (of the case doc's log or any volume's) gives no file and a manifest status saying provenance is
 * unavailable and why — never an empty file that would read as "all agree". A volume the relay
 * holds nothing of yet is read as such: its seizures are `not-on-relay`, its `upToSeq` 0.
 */
import type * as Y from 'yjs';
import { OriginIndex, recordItems, recordOrigins, type RecordOrigin, type UpdateOrigin } from '../../../shared/docs/record-origins';
import { t } from '../../../shared/messages';
import { tableToCsv } from '../../export/export-csv';
import type { WorkspaceRuntime } from '../../workspace/workspace-runtime';
import type { CaseData } from '../case-data';
import type { PackProvenance } from '../export-pack';
import { readRelayLog } from './relay-log';

/** Columns of `data/provenance.csv` (`doc`: `case`, or `vol/<n>` for a seizure in volume n; seqs are per doc). */
export const PROVENANCE_COLUMNS = ['kind', 'id', 'documentSays', 'relaySays', 'relaySeq', 'relayAt', 'status', 'flag', 'doc'] as const;

/** A record's origin and the doc it lives in (`case` or `vol/<n>`). */
export type DocRecordOrigin = RecordOrigin & { doc: string };

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
export function provenanceCsv(origins: readonly DocRecordOrigin[], markingLine: string): string {
  const rows = [...origins]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.doc.localeCompare(b.doc))
    .map((o) => [o.kind, o.id, o.docAttribution, o.relay?.memberId ?? '', o.relay?.seq ?? '', o.relay ? new Date(o.relay.at).toISOString() : '', o.status, o.status === 'disagrees' ? 'FLAGGED' : '', o.doc]);
  return tableToCsv(PROVENANCE_COLUMNS, rows, markingLine);
}

/** The origins of the records of doc `name` (read as it is now) by the relay log `log`, tagged `doc`. */
function originsOf(ws: WorkspaceRuntime, name: string, updates: readonly (UpdateOrigin & { update: Uint8Array })[], doc: string): { origins: DocRecordOrigin[]; upToSeq: number } {
  const index = new OriginIndex();
  for (const u of updates) index.add(u.update, u);
  const origins = recordOrigins(ws.host.with(name, (d: Y.Doc) => recordItems(d)), index).map((o) => ({ ...o, doc }));
  return { origins, upToSeq: index.upToSeq };
}

/**
 * Reads the relay's log of case `caseId` and of each of its volume docs `volumes` (those the
 * pack's seizures were read from) and derives the provenance of the records in `kept`, from the
 * docs as they are now; `each()` is awaited after each doc (a pack export yields and reports
 * progress there). Nothing is awaited after a log that is unavailable (no file then).
 */
export async function packProvenance(
  ws: WorkspaceRuntime,
  caseId: string,
  kept: CaseData['kept'],
  meta: { tlp: string; number: string },
  volumes: CaseData['volumeDocs'] = [],
  fetchImpl: typeof fetch = fetch,
  each: () => Promise<void> = async () => undefined,
): Promise<PackProvenance> {
  const name = ws.caseDocName(caseId);
  const log = await readRelayLog(ws, name, fetchImpl);
  if (!log.ok) return { csv: null, status: { status: 'unavailable', reason: log.reason } };
  const caseOrigins = originsOf(ws, name, log.updates, 'case');
  const all = [...caseOrigins.origins];
  await each();
  const volumeSeqs: { n: number; upToSeq: number }[] = [];
  for (const v of volumes) {
    const vlog = await readRelayLog(ws, v.name, fetchImpl);
    // The case is synced, so a volume with no update on the relay has simply not been sent yet.
    if (!vlog.ok && vlog.reason !== 'not-synced') return { csv: null, status: { status: 'unavailable', reason: vlog.reason } };
    const got = originsOf(ws, v.name, vlog.ok ? vlog.updates : [], `vol/${v.n}`);
    all.push(...got.origins);
    volumeSeqs.push({ n: v.n, upToSeq: got.upToSeq });
    await each();
  }
  const origins = all.filter((o) => carried(o, kept));
  const line = t('pack.export.marking-line', { tlp: meta.tlp, caseNumber: meta.number, file: 'provenance' });
  return {
    csv: provenanceCsv(origins, line),
    status: { status: 'relay', upToSeq: caseOrigins.upToSeq, records: origins.length, flagged: origins.filter((o) => o.status === 'disagrees').length, volumes: volumeSeqs },
  };
}
