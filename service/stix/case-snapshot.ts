/**
 * One consistent read of a case doc for the STIX mapping: meta, summary and the live seizures
 * (of the case doc and its volume docs), entities and links. Kept apart from the mapping so the mapping stays a pure function of data.
 */
import type * as Y from 'yjs';
import { CaseDoc } from '../../shared/docs/case-doc';
import type { CaseMeta } from '../../shared/domain/case';
import type { Seizure } from '../../shared/domain/seizure';
import type { Entity } from '../../shared/docs/case-entities';
import type { Link } from '../../shared/docs/case-links';
import type { CaseSeizures } from '../import/case-seizures-all';

/** What a STIX bundle is made from. Timestamps in the records are ms since epoch. */
export interface CaseSnapshot {
  /** The workspace the case belongs to (part of every deterministic id). */
  workspaceId: string;
  meta: CaseMeta;
  /** The case summary as plain text ('' when none). */
  summary: string;
  seizures: Seizure[];
  entities: Entity[];
  links: Link[];
}

/**
 * Reads `doc` (a case doc of workspace `workspaceId`) into a {@link CaseSnapshot}. `all`: the
 * case's seizures over its case doc and volume docs (readCompleteCaseSeizures), so the bundle
 * holds every seizure and links to seizures in volumes; omitted only for a case doc that lists no
 * volume (e.g. a doc built in a test).
 */
export function caseSnapshot(workspaceId: string, doc: Y.Doc, all?: CaseSeizures): CaseSnapshot {
  const cd = new CaseDoc(doc);
  return { workspaceId, meta: cd.readMeta(), summary: cd.readSummary(), seizures: all?.live ?? cd.listSeizures(), entities: cd.listEntities(), links: cd.listLinks(all?.volumes) };
}
