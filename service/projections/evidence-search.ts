/**
 * What the full-text index knows of a case's evidence (issue 13): each live exhibit's reference,
 * description, seal number, storage location and holder, and each custody entry's holders
 * (released by, received by), place and new seal number. It goes into the case's `search_fts` row,
 * like its tasks and notes, so a search for a seal number or a holder finds the case (and the
 * snippet shows the words matched). Separate `exhibit` rows would need a rowid per exhibit kept
 * in a projection table (a migration); this keeps the rebuild == incremental property for free,
 * since the case row is rewritten whole on every change of the case.
 */
import type * as Y from 'yjs';
import { readCustodyEntries } from '../../shared/docs/case-custody';
import { CaseExhibits } from '../../shared/docs/case-exhibits';
import { exhibitReference } from '../../shared/domain/exhibit';

/** The searchable evidence text of a case doc (one line per exhibit and per custody entry; empty when none). */
export function evidenceSearchText(doc: Y.Doc, caseNumber: string): string {
  const lines: string[] = [];
  const exhibits = new CaseExhibits(doc).list();
  for (const e of exhibits) lines.push([exhibitReference(caseNumber, e.number), e.description, e.sealNumber, e.storageLocation, e.currentHolder].filter(Boolean).join(' '));
  const live = new Set(exhibits.map((e) => e.id));
  for (const c of readCustodyEntries(doc)) {
    if (live.has(c.exhibitId)) lines.push([c.releasedBy, c.receivedBy, c.place, c.newSealNumber].filter(Boolean).join(' '));
  }
  return lines.join('\n');
}
