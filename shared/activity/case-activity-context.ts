/**
 * The {@link ActivityContext} of a case doc: how history sentences name the case's records —
 * seizures, routes, valuations, tasks, events, entities, links, linked cases, exhibits and
 * attached files, deleted ones
 * included (a history names what was deleted, never a raw id). Used by the case screen's activity
 * log and by the case report's history excerpt.
 */
import type { CaseDoc } from '../docs/case-doc';
import { entityLabel } from '../docs/case-entities';
import { CaseEvents } from '../docs/case-events';
import { CaseExhibits } from '../docs/case-exhibits';
import { CaseFiles } from '../docs/case-files';
import { exhibitReference } from '../domain/exhibit';
import { CaseLinkedCases } from '../docs/case-linked-cases';
import { CaseTasks } from '../docs/case-tasks';
import { CaseValuations } from '../docs/case-valuations';
import type { ActivityContext } from './activity-sentence';

/** How history sentences name the records of `caseDoc`: from its doc, deleted records included. */
export function caseActivityContext(caseDoc: CaseDoc): ActivityContext {
  const valuations = new CaseValuations(caseDoc.doc);
  const tasks = new CaseTasks(caseDoc.doc);
  const events = new CaseEvents(caseDoc.doc);
  const caseLinks = new CaseLinkedCases(caseDoc.doc);
  const exhibits = new CaseExhibits(caseDoc.doc);
  const files = new CaseFiles(caseDoc.doc);
  const entity = (id: string): { kind: string; name: string } | null => {
    const e = caseDoc.getEntity(id, true);
    return e ? { kind: e.kind, name: entityLabel(e) } : null;
  };
  return {
    seizure: (id) => {
      const s = caseDoc.getSeizureEvenDeleted(id);
      return s ? { commodity: s.commodity, taxon: s.taxon } : null;
    },
    route: (id) => caseDoc.routeName(id),
    valuationSeizure: (id) => valuations.seizureOfValuation(id),
    task: (id) => tasks.get(id, true)?.title ?? null,
    event: (id) => events.get(id, true)?.text ?? null,
    entity,
    exhibit: (id) => {
      const x = exhibits.get(id);
      return x ? { reference: exhibitReference(caseDoc.readMeta().number, x.number), description: x.description } : null;
    },
    file: (id) => files.get(id)?.name ?? null,
    caseLink: (id) => {
      const l = caseLinks.get(id, true);
      return l ? { relation: l.relation, reason: l.reason } : null;
    },
    link: (id) => {
      const l = caseDoc.getLink(id, true);
      if (!l) return null;
      const to = entity(l.to)?.name ?? caseDoc.getSeizureEvenDeleted(l.to)?.commodity ?? '';
      return { from: entity(l.from)?.name ?? '', to, relationship: l.relationship };
    },
  };
}

