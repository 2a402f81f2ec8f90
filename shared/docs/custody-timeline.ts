/**
 * The case timeline's exhibit and custody events, from a case doc: one event per exhibit created
 * and one per custody entry in force (a correction shows at the corrected time, marked). The
 * timeline (built elsewhere) merges these with its own events. Pure: reads only.
 */
import * as Y from 'yjs';
import { custodyChain } from '../domain/custody';
import { exhibitReference } from '../domain/exhibit';
import { readCustodyEntries } from './case-custody';

/** One timeline event: `at` ms since epoch; `kind` says what happened; ids say to what. */
export type CustodyTimelineEvent =
  | { kind: 'exhibit-created'; at: number; exhibitId: string; reference: string; description: string; by: string }
  | { kind: 'custody-transfer'; at: number; exhibitId: string; reference: string; entryId: string; releasedBy: string; receivedBy: string; place: string; corrected: boolean };

/** Exhibit creations and custody hand-overs of the case in `doc`, oldest first (ties by id). */
export function custodyTimelineEvents(doc: Y.Doc): CustodyTimelineEvent[] {
  const caseNumber = String(doc.getMap('meta').get('number') ?? '');
  const out: CustodyTimelineEvent[] = [];
  const entries = readCustodyEntries(doc);
  doc.getMap<unknown>('exhibits').forEach((rec, exhibitId) => {
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
    const number = rec.get('number');
    const reference = exhibitReference(caseNumber, typeof number === 'number' ? number : 0);
    const createdAt = rec.get('createdAt');
    out.push({ kind: 'exhibit-created', at: typeof createdAt === 'number' ? createdAt : 0, exhibitId, reference, description: String(rec.get('description') ?? ''), by: String(rec.get('createdBy') ?? '') });
    for (const link of custodyChain(exhibitId, entries).links) {
      const e = link.entry;
      out.push({ kind: 'custody-transfer', at: e.at, exhibitId, reference, entryId: e.id, releasedBy: e.releasedBy, receivedBy: e.receivedBy, place: e.place, corrected: link.replaces.length > 0 });
    }
  });
  return out.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'exhibit-created' ? -1 : 1) || (idOf(a) < idOf(b) ? -1 : 1));
}

function idOf(e: CustodyTimelineEvent): string {
  return e.kind === 'custody-transfer' ? e.entryId : e.exhibitId;
}
